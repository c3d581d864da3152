#include "core/line_index.hpp"

#include <algorithm>

#include "core/unicode.hpp"
#include "core/utf8.hpp"

namespace bilint {

std::size_t Position::column(ColumnUnit unit) const {
  switch (unit) {
    case ColumnUnit::utf16:
      return utf16_column;
    case ColumnUnit::byte:
      return byte_column;
    case ColumnUnit::display:
      return display_column;
    case ColumnUnit::codepoint:
      break;
  }
  return codepoint_column;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

LineIndex::LineIndex(std::string_view text, std::vector<std::size_t> starts)
    : text_(text), starts_(std::move(starts)) {}

std::size_t LineIndex::line_of(std::size_t offset) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

Span LineIndex::line_span_with_terminator(std::size_t line) const {
  const std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  return {starts_[line], end};
}

Span LineIndex::line_span(std::size_t line) const {
  Span span = line_span_with_terminator(line);
  if (span.end > span.begin && text_[span.end - 1] == '\n') --span.end;
  if (span.end > span.begin && text_[span.end - 1] == '\r') --span.end;
  return span;
}

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  Position start;
  const std::size_t line = line_of(offset);
  start.line = line + 1;
  start.offset = starts_[line];
  return advance(start, offset);
}

Position LineIndex::position(std::size_t offset, const Position& hint) const {
  offset = std::min(offset, text_.size());
  if (hint.offset > offset || hint.offset < starts_[hint.line - 1]) return position(offset);
  const std::size_t line = hint.line - 1;
  if (line + 1 == starts_.size() || offset < starts_[line + 1]) return advance(hint, offset);
  // A later line. Findings come in offset order, mostly a few lines apart: the line is searched
  // for forward from the hint's, in steps that double, rather than by a binary search over the
  // whole file, which misses the cache at each of its twenty steps in a large file.
  std::size_t low = line + 1;  // starts_[low] <= offset
  std::size_t step = 1;
  while (low + step < starts_.size() && starts_[low + step] <= offset) {
    low += step;
    step *= 2;
  }
  const auto high =
      starts_.begin() + static_cast<std::ptrdiff_t>(std::min(low + step, starts_.size()));
  const auto after =
      std::upper_bound(starts_.begin() + static_cast<std::ptrdiff_t>(low), high, offset);
  Position start;
  start.line = static_cast<std::size_t>(after - starts_.begin());
  start.offset = starts_[start.line - 1];
  return advance(start, offset);
}

// `from` is copied into the returned object itself (named return value): returning a by-value
// parameter instead copied it field by field through the stack, a store-forwarding stall that
// took a third of this function's time.
Position LineIndex::advance(const Position& from, std::size_t offset) const {
  Position pos = from;
  std::size_t i = pos.offset;
  pos.offset = offset;
  pos.byte_column += offset - i;
  while (i < offset) {
    const unicode::PlainRun run = unicode::plain_run(text_, i, offset);
    i = run.end;
    pos.codepoint_column += run.ascii + run.wide;
    pos.utf16_column += run.ascii + run.wide;
    pos.display_column += run.ascii + 2 * run.wide;
    if (i >= offset) break;
    // Printable ASCII and Han make up most of a line, and are counted without decoding them.
    const auto byte = static_cast<unsigned char>(text_[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++i;
      ++pos.codepoint_column;
      ++pos.utf16_column;
      ++pos.display_column;
      continue;
    }
    if (unicode::wide_ideograph_at(text_, i)) {
      i += 3;
      ++pos.codepoint_column;
      ++pos.utf16_column;
      pos.display_column += 2;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text_, i);
    pos.codepoint_column += 1;
    pos.utf16_column += static_cast<std::size_t>(utf8::utf16_length(d.code_point));
    if (d.code_point == U'\t') {
      pos.display_column += kTabStop - (pos.display_column - 1) % kTabStop;
    } else {
      pos.display_column += static_cast<std::size_t>(unicode::display_width(d.code_point));
    }
    i += d.length;
  }
  return pos;
}

}  // namespace bilint
