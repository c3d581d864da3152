#pragma once

#include <string>
#include <string_view>
#include <vector>

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

}  // namespace bilint
