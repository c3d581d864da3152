#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace bilint {

// Strings of which every match of a regular expression contains at least one, read off the pattern
// (Boost's perl syntax, after expand_unicode_properties): '错误[：:]\s*AI\s*分析失败' gives
// {"分析失败"}, '([vV]) (\d+)' gives {"v ", "V "}. Empty when nothing is known for certain (an
// alternation at the top, a case-insensitive flag, a construct the reader does not know).
//
// Pattern rules search only the text that contains one of them. Boost's own start map still visits
// every code point through a UTF-8 iterator (a pattern with no match cost 0.15 s on 10 MB); a
// substring search skips the text at memory speed. Written here because neither Boost nor ICU
// exposes the literals a compiled pattern requires.
//
// The reading is conservative: any construct it is unsure of only breaks a run of literals, so a
// string is returned only if a match cannot avoid it. fuzz_required_literals checks that.
std::vector<std::string> required_literals(std::string_view pattern);

// Whether `text` contains one of `literals`; true when there are none.
bool contains_any(std::string_view text, const std::vector<std::string>& literals);

// Where `literals` occur in a text, for asking of many stretches of it whether one holds a literal:
// a pattern rule asks it of every prose run of a file. The file is searched once per literal, with
// memchr on the literal's least common byte; glibc's memmem over each run cost 3% of a whole run.
class LiteralOccurrences {
 public:
  LiteralOccurrences(std::string_view text, const std::vector<std::string>& literals);
  // Whether a literal lies wholly within `stretch` (true when there are no literals);
  // contains_any(text.substr(stretch), literals).
  [[nodiscard]] bool any_within(Span stretch) const;
  [[nodiscard]] bool none() const { return !unconditional_ && found_.empty(); }

 private:
  bool unconditional_;
  std::vector<Span> found_;  // by start
};

}  // namespace bilint
