#pragma once

#include <cstddef>

namespace bilint {

// A half-open byte range [begin, end) in a source text. Everything inside bilint works on byte
// offsets; they become lines and columns only when a finding is reported.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  [[nodiscard]] constexpr std::size_t size() const { return end - begin; }
  [[nodiscard]] constexpr bool empty() const { return begin == end; }
  [[nodiscard]] constexpr bool contains(std::size_t offset) const {
    return offset >= begin && offset < end;
  }
  friend constexpr bool operator==(const Span&, const Span&) = default;
};

}  // namespace bilint
