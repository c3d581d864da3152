#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/bloom_filter.hpp"

namespace bilint {

// English terms found a word at a time: patterns that must stand as whole words and begin and end
// with an ASCII letter or digit ("large language model", "LLMs", "GPT-4"). From a word's start,
// the text is hashed up to the end of each word in turn; the Bloom filter says whether any pattern
// goes on that far (so a walk stops after the first word or two almost everywhere), and where it
// says that one ends there, a hash table gives the patterns spelled so, which are then compared
// byte for byte. A match costs a probe or two however many terms share its first words, where a
// trie walks through a node, and a cache miss, per letter.
class WordIndex {
 public:
  // Whether `pattern` belongs here rather than in the matcher's trie.
  static bool takes(std::string_view pattern, bool word_bounded);

  // `output` is what longest() reports for it; patterns spelled alike are reported in the order
  // they were added. `exact`: case matters.
  void add(std::string_view pattern, std::uint32_t output, bool exact);
  // Builds the table and puts every key the walks ask for into `filter`.
  void compile(BloomFilter& filter);
  // How many keys compile() puts into the filter, for sizing it.
  [[nodiscard]] std::size_t key_count() const { return key_count_; }

  // The end of the longest pattern that matches text[at, ...) (at is a word's start) and ends
  // where a word does, before `end`, or 0; its outputs, ascending, replace `outputs`.
  std::size_t longest(std::string_view text, std::size_t at, std::size_t end,
                      const BloomFilter& filter, std::vector<std::uint32_t>& outputs) const;

 private:
  // A pattern, as a slot of the table: what a match needs is in the slot it is found in.
  struct Spelling {
    std::uint64_t key = 0;  // hash of the whole pattern, folded
    std::uint32_t output = 0;
    std::uint32_t at = 0;      // in bytes_
    std::uint32_t length = 0;  // 0: an empty slot
    bool exact = false;
  };
  [[nodiscard]] bool spelled_alike(std::string_view text, const Spelling& s) const;

  std::string bytes_;                       // every pattern as given, one after another
  std::vector<Spelling> spellings_;         // until compile()
  std::vector<std::uint64_t> prefix_keys_;  // through the end of each word of each pattern
  // Open addressing by key, at most half full; patterns spelled alike are in probe order as they
  // were added.
  std::vector<Spelling> table_;
  std::size_t longest_ = 0;  // bytes
  // The longest run of bytes other than letters and digits inside a pattern.
  std::size_t widest_gap_ = 0;
  std::size_t key_count_ = 0;
};

}  // namespace bilint
