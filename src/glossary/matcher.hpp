#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
// The cost still grows with the glossary where its terms start at most positions of the text:
// bench/term_matching.cpp measures it.
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

  [[nodiscard]] std::size_t pattern_count() const { return patterns_.size(); }
  [[nodiscard]] std::size_t node_count() const { return nodes_.empty() ? 0 : nodes_.size() - 1; }

 private:
  struct Pattern {
    std::uint32_t length = 0;  // bytes
    Options options;
    std::string exact;  // the pattern as given, checked when case matters and it has letters
  };
  static constexpr std::uint32_t kBmp = 0x10000;
  // Node ids as a walk carries them: the high bit says that some pattern ends at the node, so that
  // the outputs are read only where there is something to read.
  static constexpr std::uint32_t kTerminal = 0x80000000U;
  // A pair-table slot: the first two code points (21 bits each), then the node they lead to as an
  // offset among the first node's children, then its terminal bit.
  static constexpr unsigned kPairValueBits = 22;
  static constexpr std::uint64_t kNoPair = UINT64_MAX;

  [[nodiscard]] std::uint32_t child(std::uint32_t node, char32_t cp) const;
  [[nodiscard]] bool accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                            const Pattern& pattern) const;
  // The child of the root's child `node` (for `first`) for `second`, from the pair table.
  [[nodiscard]] std::uint32_t pair_child(std::uint32_t node, char32_t first, char32_t second) const;
  // The child of `node` (not the root) for `cp`: a search among its children.
  [[nodiscard]] std::uint32_t child_from(std::uint32_t node, char32_t cp) const;

  std::vector<Pattern> patterns_;
  // Until compile(): the folded code points of every pattern, one after another, and where each
  // pattern begins.
  std::vector<char32_t> pending_;
  std::vector<std::uint32_t> pending_start_;
  // Whether some pattern that may start inside a word begins with an ASCII letter or digit; when
  // none does, positions inside an English word are skipped at once.
  bool word_inner_starts_ = false;

  // Nodes are numbered breadth-first from the root (0); node n's children are the nodes
  // nodes_[n].first_child .. nodes_[n + 1].first_child - 1, sorted by label. A step reads one
  // range of nodes_, and the node it finds holds what the next step and the terminal test need.
  struct Node {
    std::uint32_t label;        // code point on the edge into the node << 1 | pattern ends here
    std::uint32_t first_child;  // the last node is a sentinel holding one past the last child
  };
  std::vector<std::uint32_t> root_;  // root child per BMP code point (0: none)
  std::vector<Node> nodes_;
  std::vector<std::uint64_t> pairs_;  // open addressing: the node two steps below the root
  std::uint64_t pair_mask_ = 0;
  std::vector<std::uint32_t> outputs_begin_;  // per node, into outputs_ (size nodes + 1)
  std::vector<std::uint32_t> outputs_;        // pattern indices, grouped by node, ascending
};

}  // namespace bilint
