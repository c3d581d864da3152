#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace bilint {

// How a reported column counts: code points (default), UTF-16 code units (SARIF, VS Code), bytes
// (Clang, Vim's %c) or terminal cells by East Asian Width (GCC's default, tabs to the next multiple
// of 8).
enum class ColumnUnit { codepoint, utf16, byte, display };

// A resolved position: 1-based line and the 1-based column in every unit, so that reporters choose
// the unit without going back to the text.
struct Position {
  std::size_t offset = 0;
  std::size_t line = 1;
  std::size_t byte_column = 1;
  std::size_t codepoint_column = 1;
  std::size_t utf16_column = 1;
  std::size_t display_column = 1;

  [[nodiscard]] std::size_t column(ColumnUnit unit) const;
};

inline constexpr int kTabStop = 8;

// Start offsets of the lines of a text. A line ends at "\n", "\r\n" or a lone "\r".
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  // For the source scanner, which finds the line starts in its own single pass over the bytes.
  LineIndex(std::string_view text, std::vector<std::size_t> starts);

  [[nodiscard]] std::size_t line_count() const { return starts_.size(); }
  // 0-based line holding `offset` (an offset at the end of the text belongs to the last line).
  [[nodiscard]] std::size_t line_of(std::size_t offset) const;
  // The content of a 0-based line, without its terminator.
  [[nodiscard]] Span line_span(std::size_t line) const;
  // The line, terminator included.
  [[nodiscard]] Span line_span_with_terminator(std::size_t line) const;
  [[nodiscard]] Position position(std::size_t offset) const;
  // The same, counting on from `hint` when it is an earlier position on the same line: resolving
  // many findings of one long line in order then costs the line's length once, not once each.
  [[nodiscard]] Position position(std::size_t offset, const Position& hint) const;

 private:
  [[nodiscard]] Position advance(const Position& from, std::size_t offset) const;

  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace bilint
