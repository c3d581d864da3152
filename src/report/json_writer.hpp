#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bilint {

// Writes JSON text value by value, byte for byte as nlohmann::json's dump(2, ' ', false, replace)
// writes the same document: two-space indents, "key": value, empty containers as {} and [], and
// invalid UTF-8 replaced. The reports use it for their findings, which may be millions: building an
// nlohmann document for each one and dumping it cost more than finding them (a third of a SARIF
// run's time). The rest of a log, written once, is still an nlohmann document.
class JsonWriter {
 public:
  // Appends to `out`; the first value stands `depth` levels deep (its closing bracket is indented
  // that much, its members one level more), as a value nested in a larger document.
  explicit JsonWriter(std::string& out, std::size_t depth = 0) : out_(out), depth_(depth) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next member of the enclosing object.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(std::size_t number);
  void value(bool flag);
  void null();

  template <typename Value>
  void member(std::string_view name, const Value& v) {
    key(name);
    value(v);
  }

 private:
  // The comma (after the first) and the indent of the next member or element of the innermost
  // container.
  void next_element();
  // Before a value: next_element() in an array (an object member's came with its key).
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void newline_and_indent(std::size_t levels);

  std::string& out_;
  std::size_t depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace bilint
