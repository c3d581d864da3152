#pragma once

#include <functional>
#include <vector>

#include "rules/rule.hpp"

namespace bilint {

// The Chinese prose of an entry, for typography rules: the Chinese title (link text) and each
// summary paragraph.
std::vector<Span> prose_blocks(const Entry& entry);

// Calls `visit` with each stretch of `block` that is prose: everything but code spans, URLs, link
// destinations, raw HTML and math, which typography rules never look into or change.
void for_each_prose_run(const RuleContext& context, Span block,
                        const std::function<void(Span)>& visit);

// The same for every prose block of an entry (its Chinese title and summary paragraphs).
void for_each_prose_run(const RuleContext& context, const Entry& entry,
                        const std::function<void(Span)>& visit);

// A code point's class for spacing and punctuation rules.
enum class CharClass { han, latin, digit, space, other };
CharClass classify(char32_t cp);

// Reads an option that must be one of `choices` (the first is the default when it is absent).
std::string choice_option(const RuleOptions& options, std::string_view name,
                          const std::vector<std::string_view>& choices);

}  // namespace bilint
