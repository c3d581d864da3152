#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace bilint {

// Finds many literal strings in one pass over a text, whatever their number (Aho-Corasick).
//
// Written here rather than taken from a library: Debian's packages offer no maintained C++
// Aho-Corasick, and the linter needs leftmost-longest, non-overlapping matches with per-pattern
// ASCII case folding and word bounds, which a generic multi-regex engine does not give cheaply.
//
// Layout for speed: the root has a dense 256-way table; other states keep sorted edge lists and a
// failure link, so memory grows with the patterns, not with patterns x 256.
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

  // Adds a pattern; returns its index. Empty patterns are ignored (index returned all the same).
  std::uint32_t add(std::string_view pattern, Options options);
  // Builds the failure links; call once after the last add().
  void compile();

  // Appends the leftmost-longest non-overlapping matches inside `range` of `text`, in order.
  void find(std::string_view text, Span range, std::vector<Match>& out) const;

  [[nodiscard]] std::size_t pattern_count() const { return patterns_.size(); }
  [[nodiscard]] std::size_t state_count() const { return states_.size(); }

 private:
  struct State {
    std::uint32_t fail = 0;
    std::uint32_t outputs_begin = 0;  // patterns ending here: outputs_[begin, begin + count)
    std::uint32_t outputs_count = 0;
    std::uint32_t next_output = 0;  // nearest state on the failure chain with outputs (0: none)
    std::uint32_t edges_begin = 0;
    std::uint32_t edges_count = 0;
  };
  struct Pattern {
    std::uint32_t length = 0;
    Options options;
    std::string exact;  // the pattern as given, checked when case matters and it has letters
  };

  [[nodiscard]] std::uint32_t child(std::uint32_t state, unsigned char byte) const;
  [[nodiscard]] bool accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                            const Pattern& pattern) const;

  std::vector<State> states_;
  std::vector<unsigned char> edge_bytes_;
  std::vector<std::uint32_t> edge_targets_;
  std::vector<std::uint32_t> root_;  // dense transitions of the root
  std::vector<std::uint32_t> outputs_;
  std::vector<Pattern> patterns_;
  // The trie while patterns are added (sorted edge lists and outputs per state); compile() flattens
  // it.
  std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> build_edges_{1};
  std::vector<std::vector<std::uint32_t>> build_outputs_{1};
};

}  // namespace bilint
