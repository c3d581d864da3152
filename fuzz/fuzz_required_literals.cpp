// A pattern (the first line) and a text (the rest): every match Boost finds in the text must
// contain one of the literals required_literals() claims for the pattern, or pattern rules would
// skip text that has a finding; and LiteralOccurrences must find what searching each stretch finds.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <boost/regex/icu.hpp>

#include "rules/pattern_rule.hpp"
#include "rules/required_literals.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  // Short, so that a pattern that backtracks without end still answers within the time limit.
  if (newline > 64 || size - newline > 64) return 0;
  const std::string pattern(input.substr(0, newline));
  const std::string text(input.substr(newline + 1));
  // \K moves the start of a match past text the pattern consumed.
  if (!unclosed_construct(pattern).empty() || pattern.find("\\K") != std::string::npos) return 0;
  boost::u32regex re;
  try {
    re = boost::make_u32regex(pattern);
  } catch (const std::exception&) {
    return 0;
  }
  const std::vector<std::string> literals = required_literals(pattern);
  // Pattern rules ask the occurrences, not the text, whether a stretch holds a literal.
  const LiteralOccurrences occurrences(text, literals);
  for (std::size_t begin = 0; begin <= text.size(); begin += 3) {
    for (std::size_t end = begin; end <= text.size(); end += 2) {
      if (occurrences.any_within({begin, end}) !=
          contains_any(std::string_view(text).substr(begin, end - begin), literals))
        std::abort();
    }
  }
  try {
    boost::u32regex_iterator<std::string::const_iterator> it(text.begin(), text.end(), re);
    for (int n = 0; n < 64 && it != boost::u32regex_iterator<std::string::const_iterator>();
         ++it, ++n) {
      if (!contains_any(
              std::string_view(&*(*it)[0].first, static_cast<std::size_t>((*it)[0].length())),
              literals))
        std::abort();
    }
  } catch (const std::exception&) {
    // invalid UTF-8, or Boost's bound on the work of one search
  }
  return 0;
}
