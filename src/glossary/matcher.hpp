#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/span.hpp"

namespace bilint {

// Finds many literal strings in a text: at each position the longest pattern that starts there,
// left to right, without overlaps (leftmost-longest). All patterns spelled alike match together.
//
// Written here rather than taken from a library: Debian offers no maintained C++ multi-literal
// matcher, and a general one (Aho-Corasick, which reports every match) does work a greedy
// leftmost-longest scan never needs, on a structure that grows with the glossary and falls out of
// the CPU caches. This one is a trie over code points walked from each position, laid out so that
// what most walks touch stays small:
//  - the root's children are a direct table over the Basic Multilingual Plane (256 KiB), so a
//    position where no pattern starts costs one load;
//  - the second step goes through one open-addressing table keyed by the first two code points
//    (8-byte slots, at most half full): one probe, which also turns away most positions where a
//    first character occurs but no pattern goes on with the next one;
//  - deeper nodes are numbered breadth-first, each node's children contiguous and sorted by code
//    point (a node is its label and the index of its first child), found by a branch-free binary
//    search. (A hash table of (node, code point) edges, used before, made every step a probe into
//    tens of megabytes for a large glossary; this layout matches 100,000 terms 1.8 times faster.)
//  - but most positions never get that far: a walk starts only where a Bloom filter of every
//    pattern's first three code points (at most 1 MiB, so it stays in the cache next to the text)
//    says one may start. Without it a large glossary whose terms begin with common characters
//    starts a walk, and a cache miss, at almost every position; with it the cost per position
//    barely moves with the glossary's size (bench/term_matching.cpp measures it).
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
  // Builds the trie; call once after the last add().
  void compile();

  // Appends the leftmost-longest non-overlapping matches inside `range` of `text`, in order.
  void find(std::string_view text, Span range, std::vector<Match>& out) const;

 private:
  // What a pattern needs checked besides its code points, kept in the high bits of its index where
  // the trie lists it, so that a walk reads no more than that list.
  static constexpr std::uint32_t kWordBounded = 1U << 31;
  static constexpr std::uint32_t kExact = 1U << 30;      // case matters: compare with exact_
  static constexpr std::uint32_t kWordGated = 1U << 29;  // its gate key is in word_keys_
  static constexpr std::uint32_t kPatternMask = (1U << 29) - 1;
  static constexpr std::uint32_t kBmp = 0x10000;
  // A pair-table slot: the first two code points (21 bits each), then the node they lead to as an
  // offset among the first node's children (a node has at most 0x110000 children).
  static constexpr unsigned kPairValueBits = 21;
  static constexpr std::uint64_t kNoPair = UINT64_MAX;

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
  // Appends the longest match at p (whose folded first code point is c0) and returns its end, or
  // returns 0.
  std::size_t longest_at(std::string_view text, Span range, std::size_t p, char32_t c0,
                         std::vector<Match>& out) const;
  // The gate's keys: the first three code points of a pattern or of the text at a position, then
  // those and the fourth.
  static std::uint64_t gate_hash(char32_t c0, char32_t c1, char32_t c2, bool word = false);
  // The first three code points of a word, as far as they are letters or digits.
  static std::uint64_t word_start_hash(char32_t c0, char32_t c1, char32_t c2);
  static std::uint64_t gate_hash(std::uint64_t first_three, char32_t c3);
  struct WordKeys {
    std::uint64_t first;   // the folded text through the end of its first word
    std::uint64_t second;  // through the end of the second word, if it ends before `limit`
    bool has_second;
  };
  static WordKeys word_keys(std::string_view text, std::size_t at, std::size_t end,
                            std::size_t limit);
  void set_gate(std::uint64_t h);
  [[nodiscard]] bool test_gate(std::uint64_t h) const;

  std::vector<std::uint32_t> pattern_bits_;  // per pattern: kWordBounded, kExact, kWordGated
  // The pattern as given, where case matters and it has letters.
  std::unordered_map<std::uint32_t, std::string> exact_;
  // The gate's keys for word-bounded patterns that begin with a word (English terms): their
  // first word, or their first two words and what is between them. Most of an English text's
  // words begin some term's first word, few begin its first two.
  std::vector<std::uint64_t> word_keys_;
  std::size_t longest_word_pattern_ = 0;  // bytes

  // Nodes are numbered breadth-first from the root (0); node n's children are the nodes
  // nodes_[n].first_child .. nodes_[n + 1].first_child - 1, sorted by label. A step reads one
  // range of nodes_, and the node it finds holds what the next step and the terminal test need.
  struct Node {
    std::uint32_t label;        // code point on the edge into the node << 2 | kSkip | kEnds
    std::uint32_t first_child;  // the last node is a sentinel holding one past the last child
  };
  static constexpr std::uint32_t kEnds = 1;  // some pattern ends at the node
  // Every pattern below the node goes on with the same code points (its skip) after the label.
  static constexpr std::uint32_t kSkip = 2;
  static constexpr unsigned kLabelShift = 2;
  std::vector<char32_t> code_points_;  // every pattern's folded code points, one after another
  // Where each pattern begins in code_points_; compile() adds the end of the last.
  std::vector<std::uint32_t> pattern_start_;
  std::vector<std::uint32_t> root_;  // root child per BMP code point (0: none)
  std::vector<Node> nodes_;
  struct Skip {
    std::uint32_t at = 0;  // in code_points_
    std::uint32_t length = 0;
  };
  std::vector<Skip> skips_;           // per node, read where its label has kSkip
  std::vector<std::uint64_t> pairs_;  // open addressing: the node two steps below the root
  std::uint64_t pair_mask_ = 0;
  std::vector<std::uint32_t> outputs_begin_;  // per node, into outputs_ (size nodes + 1)
  std::vector<std::uint32_t> outputs_;        // pattern indices with their bits, by node, ascending
  // A Bloom filter (two bits in one word) of every pattern's first three code points and first
  // four (short patterns padded with kNone): a walk starts only where it says yes to both.
  std::vector<std::uint64_t> gate_;
  unsigned gate_shift_ = 64;
  bool short_patterns_[4] = {};  // [n]: some pattern is n code points long (n = 1, 2, 3)
};

}  // namespace bilint
