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
// the CPU caches. This one is a trie over code points walked from each position:
//  - the root's children are a direct table over the Basic Multilingual Plane (256 KiB, whatever
//    the glossary size), so most positions cost one cache-resident load;
//  - deeper steps go through one open-addressing hash table keyed by (node, code point), guarded
//    by a bit filter of the first two code points of every pattern, so that a position where no
//    pattern can start rarely reaches the big table.
// Per-byte cost therefore depends little on the number of patterns.
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
  [[nodiscard]] std::size_t node_count() const { return outputs_begin_.size(); }

 private:
  struct Pattern {
    std::uint32_t length = 0;  // bytes
    Options options;
    std::string exact;  // the pattern as given, checked when case matters and it has letters
  };
  struct Slot {
    std::uint64_t key = kEmpty;  // node << 21 | code point
    std::uint32_t child = 0;
  };
  static constexpr std::uint64_t kEmpty = UINT64_MAX;
  // Node ids carry a flag for "some pattern ends here", so that a walk reads the outputs table
  // only where there is something to read.
  static constexpr std::uint32_t kTerminal = 0x80000000U;
  static constexpr std::uint32_t kBmp = 0x10000;
  static constexpr unsigned kPairBits = 22;

  [[nodiscard]] std::uint32_t child(std::uint32_t node, char32_t cp) const;
  void insert(std::uint64_t key, std::uint32_t child);
  void grow();
  [[nodiscard]] bool accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                            const Pattern& pattern) const;
  static std::size_t pair_hash(char32_t a, char32_t b);

  std::vector<Pattern> patterns_;
  std::vector<std::string> pending_;  // folded patterns until compile()
  // Whether some pattern that may start inside a word begins with an ASCII letter or digit; when
  // none does, positions inside an English word are skipped at once.
  bool word_inner_starts_ = false;

  std::vector<std::uint32_t> root_;  // root child per BMP code point (0: none)
  std::vector<Slot> slots_;          // (node, code point) -> child, for everything else
  std::uint64_t slot_mask_ = 0;
  std::vector<std::uint64_t> pair_filter_;    // bit set per hash of the first two code points
  std::vector<std::uint32_t> outputs_begin_;  // per node, into outputs_ (size nodes + 1)
  std::vector<std::uint32_t> outputs_;        // pattern indices, grouped by node
};

}  // namespace bilint
