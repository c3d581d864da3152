#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/span.hpp"
#include "glossary/bloom_filter.hpp"
#include "glossary/word_index.hpp"

namespace bilint {

// Finds many literal strings in a text: at each position the longest pattern that starts there,
// left to right, without overlaps (leftmost-longest). All patterns spelled alike match together.
//
// Written here rather than taken from a library: Debian offers no maintained C++ multi-literal
// matcher, and a general one (Aho-Corasick, which reports every match) does work a greedy
// leftmost-longest scan never needs, on a structure that grows with the glossary and falls out of
// the CPU caches. The cost per byte should not grow with the glossary (bench/term_matching.cpp
// measures 10 to 100,000 terms), so what every position pays is kept small and cache-resident,
// and what a match pays touches few cache lines:
//  - A bitmap of the first code points of the trie patterns rules out most positions with one
//    load; then a Bloom filter (BloomFilter) of every pattern's first three code points (of at
//    most 256 KiB, as it is asked at every position that passes the bitmap), then one of their
//    first four (at most 1 MiB, which the word index shares), decides where a walk starts at all;
//    English terms are asked for only where a word starts. Without them a large glossary whose
//    terms begin with common characters starts a walk, and a cache miss, at almost every
//    position.
//  - English terms (word-bounded, beginning and ending with a letter or digit) are found a word
//    at a time by a WordIndex: a probe per word instead of a trie node per letter.
//  - The rest (Chinese renderings) are in a trie over code points. The root's children are a
//    direct table over the Basic Multilingual Plane; the second step is one probe into a table
//    keyed by the first two code points; deeper nodes are numbered breadth-first, each node's
//    children contiguous and sorted, found by a branch-free binary search; and code points that
//    every pattern below a node shares are the node's skip, compared in place (a term's tail
//    once no other term shares it).
//  - Positions that pass the filter are walked in batches, the first probe of each fetched from
//    memory while the filter goes on with the next positions.
class Matcher {
 public:
  struct Options {
    bool ignore_ascii_case = false;  // fold A-Z to a-z in both pattern and text
    bool word_bounded = false;       // no ASCII letter or digit just before or after a match
  };
  struct Match {
    Span span;
    std::uint32_t pattern;
  };

  // Adds a pattern; returns its index. Empty patterns never match (the index is returned all the
  // same). '-' and ' ' are the same character to the matcher, so "mixture-of-experts" and
  // "mixture of experts" are one pattern.
  std::uint32_t add(std::string_view pattern, Options options);
  // Builds the filter, the trie and the word index; call once after the last add().
  void compile();

  // Appends the leftmost-longest non-overlapping matches inside `range` of `text`, in order.
  void find(std::string_view text, Span range, std::vector<Match>& out) const;

 private:
  // What a pattern in the trie needs checked besides its code points, kept in the high bits of
  // its index where the trie lists it, so that a walk reads no more than that list.
  static constexpr std::uint32_t kWordBounded = 1U << 31;
  static constexpr std::uint32_t kExact = 1U << 30;    // case matters: compare with exact_
  static constexpr std::uint32_t kByWords = 1U << 29;  // in words_, not in the trie
  static constexpr std::uint32_t kPatternMask = (1U << 29) - 1;
  static constexpr std::uint32_t kBmp = 0x10000;
  // A pair-table slot: the first two code points (21 bits each), then the node they lead to as an
  // offset among the first node's children (a node has at most 0x110000 children).
  static constexpr unsigned kPairValueBits = 21;
  static constexpr std::uint64_t kNoPair = UINT64_MAX;

  struct Walk {
    std::size_t end = 0;  // 0: no match
    std::uint32_t node = 0;
  };
  // The longest trie pattern at p, whose folded first code point is c0.
  [[nodiscard]] Walk walk(std::string_view text, Span range, std::size_t p, char32_t c0) const;
  // Where the text from q goes past the skip of `node`, or 0 where it does not match it.
  [[nodiscard]] std::size_t skip_end(std::string_view scope, std::size_t q,
                                     std::uint32_t node) const;
  [[nodiscard]] bool accepts_any(std::string_view text, Span range, std::size_t begin,
                                 std::size_t end, std::uint32_t node) const;
  // Whether a match of an output (a pattern index with its kWordBounded and kExact bits) holds.
  [[nodiscard]] bool accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                            std::uint32_t output) const;
  // Where the pair table's probe for the first two code points begins.
  [[nodiscard]] std::uint64_t pair_slot(char32_t first, char32_t second) const;
  // The child of the root's child `node` (for `first`) for `second`, from the pair table.
  [[nodiscard]] std::uint32_t pair_child(std::uint32_t node, char32_t first, char32_t second) const;
  // The child of `node` (not the root) for `cp`: a search among its children.
  [[nodiscard]] std::uint32_t child_from(std::uint32_t node, char32_t cp) const;
  void build_trie();
  void build_filter();

  std::vector<std::uint32_t> pattern_bits_;  // per pattern: kWordBounded, kExact, kByWords
  // The pattern as given, where case matters and it has letters (trie patterns only).
  std::unordered_map<std::uint32_t, std::string> exact_;
  std::vector<char32_t> code_points_;  // every pattern's folded code points, one after another
  // Where each pattern begins in code_points_; compile() adds the end of the last.
  std::vector<std::uint32_t> pattern_start_;

  // Whether some trie pattern begins with a BMP code point, a bit each (8 KiB); code points past
  // the BMP always pass. Most positions of a text begin no term: this one load, from a table that
  // stays in the cache, rules them out before the hashes and Bloom probes of the filter.
  [[nodiscard]] bool may_begin_trie_pattern(char32_t cp) const {
    return cp >= kBmp || (first_code_points_[cp / 64] >> (cp % 64) & 1) != 0;
  }
  std::array<std::uint64_t, kBmp / 64> first_code_points_{};
  // Keys of where patterns start (first three code points; first letters of a word); 256 KiB at
  // most, so that probes at half the positions of a text stay in the L2 cache more often than in
  // one filter with every key (callgrind, 100,000 terms: L2 misses 813,000 -> 533,000; 128 KiB
  // and 512 KiB missed more).
  BloomFilter starts_;
  static constexpr std::size_t kStartsMaxBytes = std::size_t{256} << 10;
  BloomFilter filter_;           // the first four code points; the word index's keys
  bool short_patterns_[4] = {};  // [n]: some trie pattern is n code points long (n = 1, 2, 3)
  WordIndex words_;

  // Nodes are numbered breadth-first from the root (0); node n's children are the nodes
  // nodes_[n].first_child .. nodes_[n + 1].first_child - 1, sorted by label.
  struct Node {
    std::uint32_t label;        // code point on the edge into the node << 2 | kSkip | kEnds
    std::uint32_t first_child;  // the last node is a sentinel holding one past the last child
  };
  static constexpr std::uint32_t kEnds = 1;  // some pattern ends at the node
  // Every pattern below the node goes on with the same code points (its skip) after the label.
  static constexpr std::uint32_t kSkip = 2;
  static constexpr unsigned kLabelShift = 2;
  struct Skip {
    std::uint32_t at = 0;  // in code_points_
    std::uint32_t length = 0;
  };
  std::vector<std::uint32_t> root_;  // root child per BMP code point (0: none)
  std::vector<Node> nodes_;
  std::vector<Skip> skips_;           // per node, read where its label has kSkip
  std::vector<std::uint64_t> pairs_;  // open addressing: the node two steps below the root
  std::uint64_t pair_mask_ = 0;
  std::vector<std::uint32_t> outputs_begin_;  // per node, into outputs_ (size nodes + 1)
  std::vector<std::uint32_t> outputs_;        // pattern indices with their bits, by node, ascending
};

}  // namespace bilint
