#pragma once

#include <vector>

#include "core/function_ref.hpp"
#include "core/unicode.hpp"
#include "rules/rule.hpp"

namespace bilint {

// Calls `visit` with the Chinese prose blocks of an entry, for typography rules: the Chinese title
// (link text) and each summary paragraph.
template <typename Visit>
void for_each_prose_block(const Entry& entry, Visit visit) {
  if (entry.link && !entry.link->text.empty()) visit(entry.link->text);
  for (const Span& block : entry.summary)
    visit(block);
}

// Calls `visit` with each stretch of `block` that is prose: everything but code spans, URLs, link
// destinations, raw HTML and math, which typography rules never look into or change.
void for_each_prose_run(const RuleContext& context, Span block, FunctionRef<void(Span)> visit);

// The same for every prose block of an entry (its Chinese title and summary paragraphs).
void for_each_prose_run(const RuleContext& context, const Entry& entry,
                        FunctionRef<void(Span)> visit);

// A code point's class for spacing and punctuation rules. Inline, with the CJK Unified Ideographs
// answered here, since the typography rules ask it of nearly every character of a summary.
enum class CharClass { han, latin, digit, space, other };
inline CharClass classify(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::latin;
  if (cp >= '0' && cp <= '9') return CharClass::digit;
  if (cp == ' ') return CharClass::space;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || unicode::is_han(cp)) return CharClass::han;
  return CharClass::other;
}

// Reads an option that must be one of `choices` (the first is the default when it is absent).
std::string choice_option(const RuleOptions& options, std::string_view name,
                          const std::vector<std::string_view>& choices);

}  // namespace bilint
