#include "rules/title_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace bilint {

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_' ||
         c == '+' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::vector<TitleWord> title_words(std::string_view text, Span title) {
  std::vector<TitleWord> words;
  std::size_t i = title.begin;
  while (i < title.end) {
    while (i < title.end && !word_char(text[i]))
      ++i;
    std::size_t end = i;
    // A comma between digits groups thousands: 15,500 is one word.
    while (end < title.end && (word_char(text[end]) ||
                               (text[end] == ',' && end > i && end + 1 < title.end &&
                                std::isdigit(static_cast<unsigned char>(text[end - 1])) != 0 &&
                                std::isdigit(static_cast<unsigned char>(text[end + 1])) != 0))) {
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
  if (std::isdigit(static_cast<unsigned char>(word[0])) != 0) return false;
  // A capital only at the end of a long lowercase run is the letter of an acronym spelled out in
  // the title ("Sharing the Potential of ExtensivE Data"), not a name.
  if (word.size() >= 5 && std::isupper(static_cast<unsigned char>(word.back())) != 0 &&
      std::all_of(word.begin() + 1, word.end() - 1,
                  [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; })) {
    return false;
  }
  bool has_letter = false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const auto c = static_cast<unsigned char>(word[k]);
    if (std::isalpha(c) != 0) has_letter = true;
    if (std::isdigit(c) != 0) return true;
    if (k > 0 && std::isupper(c) != 0) {
      const auto before = static_cast<unsigned char>(word[k - 1]);
      if (std::islower(before) != 0) return true;  // inner capital: SciLitLLM, xGen
      // K-Sort: a capital after a hyphen that follows a one- or two-letter prefix (not Real-Time).
      if (before == '-' && k == 2) {
        return true;
      }
    }
  }
  if (!has_letter) return false;
  // A leading lowercase letter before capitals: xGen, mPLUG.
  return std::islower(static_cast<unsigned char>(word[0])) != 0 &&
         std::any_of(word.begin(), word.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

bool is_function_word(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "a",    "an",   "the",  "of",   "for",  "to",    "in",      "on",     "at",   "by",
      "with", "via",  "from", "and",  "or",   "as",    "is",      "are",    "be",   "that",
      "this", "it",   "its",  "into", "over", "under", "towards", "toward", "than", "can",
      "do",   "does", "not",  "we",   "our",  "you",   "what",    "how",    "why",  "when"};
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

}  // namespace bilint
