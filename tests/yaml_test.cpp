// The YAML reader (libyaml into a small tree): positions in code points, untyped scalars, and the
// refusals that keep a configuration or glossary from silently meaning something else.
#include "core/yaml.hpp"

#include <string>

#include <gtest/gtest.h>

namespace bilint {
namespace {

std::string error_of(const std::string& text) {
  yaml::Error error;
  if (yaml::parse(text, error)) return "parsed";
  return std::to_string(error.mark.line) + ":" + std::to_string(error.mark.column) + ": " +
         error.message;
}

TEST(Yaml, MarksCountCodePointsAndScalarsStayText) {
  yaml::Error error;
  const auto root =
      yaml::parse("术语: {preferred: 大语言模型, keep: true, n: 10, empty: ~}\n", error);
  ASSERT_TRUE(root);
  const yaml::Node* map = root->find("术语");
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map->mark().column, 5U);
  EXPECT_EQ(map->find("preferred")->scalar(), "大语言模型");
  EXPECT_EQ(map->find("keep")->scalar(), "true");
  EXPECT_EQ(map->find("n")->scalar(), "10");
  EXPECT_TRUE(map->find("empty")->is_null());
  EXPECT_EQ(map->find("keep")->mark().column, 30U);  // the value `true`, in code points
}

TEST(Yaml, DuplicateKeysAreErrorsEvenInLargeMappings) {
  EXPECT_EQ(error_of("rules: {}\nfail-level: note\nrules: {}\n"),
            "3:1: duplicate key 'rules' (first at line 1)");
  EXPECT_EQ(error_of("- {a: 1, b: 2, a: 3}\n"), "1:16: duplicate key 'a' (first at line 1)");
  // 100,000 keys: the check must not be quadratic (the suite's time limit would stop it).
  std::string big;
  for (int i = 0; i < 100'000; ++i)
    big.append("k").append(std::to_string(i)).append(": 1\n");  // GCC 12 -O3: false -Wrestrict on +
  EXPECT_EQ(error_of(big + "k5: 2\n"), "100001:1: duplicate key 'k5' (first at line 6)");
  EXPECT_EQ(error_of(big), "parsed");
}

TEST(Yaml, SecondDocumentsUndefinedAliasesAndSyntaxErrors) {
  EXPECT_EQ(error_of("a: 1\n---\nb: 2\n"),
            "2:1: a second YAML document ('---'); this file holds one");
  EXPECT_EQ(error_of("a: *nothing\n"), "1:4: alias '*nothing' names no anchor");
  EXPECT_EQ(error_of("a: [1, 2\n"),
            "2:1: did not find expected ',' or ']' while parsing a flow sequence");
  EXPECT_EQ(error_of(""), "parsed");
}

}  // namespace
}  // namespace bilint
