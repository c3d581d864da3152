#pragma once

#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace bilint {

// Words of an English title, for the rules that compare it with its Chinese translation.
struct TitleWord {
  Span span;
  std::string_view text;
};

// Splits on spaces and the punctuation around words, keeping inner hyphens, dots and digits
// ("Qwen2.5-Coder", "K-Sort", "xGen-MM").
std::vector<TitleWord> title_words(std::string_view text, Span title);

// Identifier-like: a digit, a capital after the first letter (SciLitLLM, xGen, LongLLaVA), or a
// capital right after a hyphen in a short word (K-Sort). What a reader copies verbatim.
bool looks_like_name(std::string_view word);

// False only where no part of `word` can look like a name: it has no digit and no capital after
// its first character (most title words: "Learning", "for"), so that a rule passes over it before
// splitting it into parts.
bool may_hold_name(std::string_view word);

// An English function word (of, for, the, via, ...), the mark of a phrase rather than a name.
bool is_function_word(std::string_view word);

}  // namespace bilint
