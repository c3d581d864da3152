#include "report/json_writer.hpp"

#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace bilint {
namespace {

using nlohmann::ordered_json;

std::string dump(const ordered_json& json) {
  return json.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

// Strings that need escaping or replacing, as JSON and nlohmann treat them.
const std::vector<std::string> kStrings = {
    "",
    "plain",
    "quote \" and backslash \\",
    "\b\f\n\r\t",
    std::string("\x00\x01\x1f\x7f", 4),
    "中文，全角：（）",
    "\xff",                  // never valid
    "a\xe4\xb8",             // truncated
    "\xed\xa0\x80",          // a surrogate
    "\xc0\xaf",              // overlong
    "ok \xe4\xb8\xad\xff!",  // valid, then not
};

TEST(JsonWriter, WritesWhatNlohmannDumps) {
  ordered_json expected;
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  ordered_json strings = ordered_json::array();
  json.key("strings");
  json.begin_array();
  for (const std::string& s : kStrings) {
    strings.push_back(s);
    json.value(s);
  }
  json.end_array();
  expected["strings"] = strings;
  for (const std::string& s : kStrings) {
    expected[s] = s;  // as keys too
    json.member(s, s);
  }
  expected["numbers"] = {std::size_t{0}, std::numeric_limits<std::size_t>::max()};
  json.key("numbers");
  json.begin_array();
  json.value(std::size_t{0});
  json.value(std::numeric_limits<std::size_t>::max());
  json.end_array();
  expected["empty object"] = ordered_json::object();
  json.key("empty object");
  json.begin_object();
  json.end_object();
  expected["empty array"] = ordered_json::array();
  json.key("empty array");
  json.begin_array();
  json.end_array();
  expected["nested"] = {
      {"a", {ordered_json::object(), ordered_json::array(), nullptr}}, {"b", true}, {"c", false}};
  json.key("nested");
  json.begin_object();
  json.key("a");
  json.begin_array();
  json.begin_object();
  json.end_object();
  json.begin_array();
  json.end_array();
  json.null();
  json.end_array();
  json.member("b", true);
  json.member("c", false);
  json.end_object();
  json.end_object();
  EXPECT_EQ(out, dump(expected));
}

TEST(JsonWriter, NestedValueIsIndentedAsInTheDocumentAroundIt) {
  const ordered_json value = {{"text", "中"}, {"list", {std::size_t{1}, std::size_t{2}}}};
  std::string expected = "[\n    ";
  append_indented(expected, dump(value), "    ");
  std::string out = "[\n    ";
  JsonWriter json(out, 2);
  json.begin_object();
  json.member("text", "中");
  json.key("list");
  json.begin_array();
  json.value(std::size_t{1});
  json.value(std::size_t{2});
  json.end_array();
  json.end_object();
  EXPECT_EQ(out, expected);
  EXPECT_EQ(out,
            "[\n    {\n      \"text\": \"中\",\n      \"list\": [\n        1,\n        2\n      ]\n"
            "    }");
}

}  // namespace
}  // namespace bilint
