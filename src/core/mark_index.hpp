#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace bilint {

// Where a text's marks are: the first byte of every character other than an ASCII letter, digit or
// space and other than a CJK ideograph of U+4000..U+9FFF (lead bytes E4..E9), one bit per byte.
// The rules that look for punctuation, brackets, quotes or control characters visit only these
// places, about one character in ten of a digest, instead of stepping through every byte of each
// paragraph. The marks are a superset: such a rule still decodes the character and decides. As
// with utf8::LeadBytes, a lead byte is marked wherever it is, however the bytes before it decode.
class MarkIndex {
 public:
  explicit MarkIndex(std::string_view text);

  // The first mark at or after `from` and before `to`, or `to`.
  [[nodiscard]] std::size_t next(std::size_t from, std::size_t to) const {
    if (from >= to) return to;
    std::size_t word = from / 64;
    std::uint64_t bits = bits_[word] & (~std::uint64_t{0} << (from % 64));
    while (bits == 0) {
      if (++word * 64 >= to) return to;
      bits = bits_[word];
    }
    const std::size_t at = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
    return at < to ? at : to;
  }

  // Whether a character that begins with `byte` is marked.
  static constexpr bool marks(unsigned char byte) {
    if (byte < 0x80) {
      return byte != ' ' && !ascii::is_alnum(static_cast<char>(byte));
    }
    return !utf8::is_continuation(static_cast<char>(byte)) && !(byte >= 0xE4 && byte <= 0xE9);
  }
  // Whether every character `set` may start is marked, so that a rule looking for them misses
  // none by visiting only marks (each rule static_asserts it of its own set).
  static constexpr bool covers(const utf8::LeadBytes& set) {
    for (unsigned b = 0; b < 256; ++b) {
      if (set.may_start(static_cast<char>(b)) && !marks(static_cast<unsigned char>(b))) {
        return false;
      }
    }
    return true;
  }

 private:
  std::vector<std::uint64_t> bits_;  // one past the text's end is never marked
};

}  // namespace bilint
