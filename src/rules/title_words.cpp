#include "rules/title_words.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/ascii.hpp"

namespace bilint {

namespace {

// What a title word is made of: letters, digits, - . _ + ' and every byte of non-ASCII text; a
// table, one load per byte rather than a chain of comparisons (three rules split every title).
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> word{};
  for (unsigned b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    word[b] = ascii::is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '+' || c == '\'' ||
              b >= 0x80;
  }
  return word;
}();
bool word_char(char c) {
  return kWordBytes[static_cast<unsigned char>(c)];
}

}  // namespace

std::vector<TitleWord> title_words(std::string_view text, Span title) {
  std::vector<TitleWord> words;
  // Room for words of four bytes with a space: one allocation, where growing made four or five.
  words.reserve(title.size() / 5 + 1);
  std::size_t i = title.begin;
  while (i < title.end) {
    while (i < title.end && !word_char(text[i]))
      ++i;
    std::size_t end = i;
    // A comma between digits groups thousands: 15,500 is one word.
    while (end < title.end &&
           (word_char(text[end]) ||
            (text[end] == ',' && end > i && end + 1 < title.end && ascii::is_digit(text[end - 1]) &&
             ascii::is_digit(text[end + 1])))) {
      ++end;
    }
    // Trailing dots and hyphens are sentence punctuation, not part of the word.
    std::size_t stop = end;
    while (stop > i && (text[stop - 1] == '.' || text[stop - 1] == '-' || text[stop - 1] == '\'')) {
      --stop;
    }
    if (stop > i) words.push_back({{i, stop}, text.substr(i, stop - i)});
    i = end;
  }
  return words;
}

bool looks_like_name(std::string_view word) {
  if (word.size() < 2) return false;
  // Words that start with a digit are numbers with units (3D, 10M, 3D-Guided), not names.
  if (ascii::is_digit(word[0])) return false;
  // A capital only at the end of a long lowercase run is the letter of an acronym spelled out in
  // the title ("Sharing the Potential of ExtensivE Data"), not a name.
  if (word.size() >= 5 && ascii::is_upper(word.back()) &&
      std::all_of(word.begin() + 1, word.end() - 1, [](char c) { return ascii::is_lower(c); })) {
    return false;
  }
  bool has_letter = false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const auto c = static_cast<unsigned char>(word[k]);
    if (ascii::is_alpha(c)) has_letter = true;
    if (ascii::is_digit(c)) return true;
    if (k > 0 && ascii::is_upper(c)) {
      const auto before = static_cast<unsigned char>(word[k - 1]);
      if (ascii::is_lower(before)) return true;  // inner capital: SciLitLLM, xGen
      // K-Sort: a capital after a hyphen that follows a one- or two-letter prefix (not Real-Time).
      if (before == '-' && k == 2) {
        return true;
      }
    }
  }
  if (!has_letter) return false;
  // A leading lowercase letter before capitals: xGen, mPLUG.
  return ascii::is_lower(word[0]) &&
         std::any_of(word.begin(), word.end(), [](char c) { return ascii::is_upper(c); });
}

bool may_hold_name(std::string_view word) {
  // looks_like_name is true only for a word with a digit or a capital after its first character,
  // and each of the word's parts has these only where the word has them.
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (ascii::is_digit(word[k]) || (k > 0 && ascii::is_upper(word[k]))) return true;
  }
  return false;
}

bool is_function_word(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "a",    "an",   "the",  "of",   "for",  "to",    "in",      "on",     "at",   "by",
      "with", "via",  "from", "and",  "or",   "as",    "is",      "are",    "be",   "that",
      "this", "it",   "its",  "into", "over", "under", "towards", "toward", "than", "can",
      "do",   "does", "not",  "we",   "our",  "you",   "what",    "how",    "why",  "when"};
  const std::string lower = ascii::to_lower(word);
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

}  // namespace bilint
