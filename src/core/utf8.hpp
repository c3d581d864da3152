#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace bilint::utf8 {

inline constexpr char32_t kReplacement = U'\uFFFD';

// One decoded code point. An invalid or truncated sequence decodes as U+FFFD with `valid` false and
// a length of the maximal invalid prefix (at least one byte), as the Unicode standard recommends
// (§3.9, "U+FFFD substitution of maximal subparts"), so decoding always makes progress.
struct Decoded {
  char32_t code_point;
  std::uint8_t length;
  bool valid;
};

constexpr bool is_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The common case in Chinese text (Han, CJK punctuation, full-width forms such as ，：（）): a
// character from U+1000 to U+CFFF or U+E000 to U+FFFF at text[offset], which is well-formed
// whenever its lead byte (E1..EC, EE, EF) is followed by two continuation bytes: no such sequence
// is overlong (E0) or a surrogate (ED). A scan that looks only for other characters passes over
// these without decoding them.
inline bool common_three_byte_at(std::string_view text, std::size_t offset) {
  const auto b0 = static_cast<unsigned char>(text[offset]);
  return b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && offset + 2 < text.size() &&
         is_continuation(text[offset + 1]) && is_continuation(text[offset + 2]);
}

// Decodes the sequence starting at text[offset]; offset must be < text.size().
Decoded decode_slow(std::string_view text, std::size_t offset);
inline Decoded decode(std::string_view text, std::size_t offset) {
  const auto b0 = static_cast<unsigned char>(text[offset]);
  if (b0 < 0x80) return {b0, 1, true};
  if (common_three_byte_at(text, offset)) {
    const auto b1 = static_cast<unsigned char>(text[offset + 1]);
    const auto b2 = static_cast<unsigned char>(text[offset + 2]);
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)), 3, true};
  }
  return decode_slow(text, offset);
}

// Decodes the code point that ends just before `offset` (offset > 0), for looking one character
// back.
Decoded decode_before(std::string_view text, std::size_t offset);

void append(std::string& out, char32_t code_point);

// `offset` moved back, or on, to the start of a code point (offsets 0 and past the end stay), for
// cutting text without splitting a character.
inline std::size_t boundary_before(std::string_view text, std::size_t offset) {
  while (offset > 0 && offset < text.size() && is_continuation(text[offset]))
    --offset;
  return offset;
}
inline std::size_t boundary_after(std::string_view text, std::size_t offset) {
  while (offset < text.size() && is_continuation(text[offset]))
    ++offset;
  return offset;
}

// The first byte of a code point's encoding.
constexpr unsigned char lead_byte(char32_t code_point) {
  if (code_point < 0x80) return static_cast<unsigned char>(code_point);
  if (code_point < 0x800) return static_cast<unsigned char>(0xC0 | (code_point >> 6));
  if (code_point < 0x10000) return static_cast<unsigned char>(0xE0 | (code_point >> 12));
  return static_cast<unsigned char>(0xF0 | (code_point >> 18));
}

// The first bytes of some code points. A lead byte starts a character wherever it is, however the
// bytes before it decode (an invalid sequence's maximal subpart never takes one), so a rule looking
// for a few characters passes over every byte not in the set without decoding it: in Chinese text
// most bytes are other lead bytes and continuation bytes.
class LeadBytes {
 public:
  constexpr LeadBytes() = default;
  constexpr LeadBytes(std::initializer_list<char32_t> code_points) {
    for (const char32_t code_point : code_points)
      add(code_point);
  }
  constexpr void add(char32_t code_point) { may_start_[lead_byte(code_point)] = true; }
  // The character `encoded` begins with.
  constexpr void add(std::string_view encoded) {
    may_start_[static_cast<unsigned char>(encoded.front())] = true;
  }
  [[nodiscard]] constexpr bool may_start(char byte) const {
    return may_start_[static_cast<unsigned char>(byte)];
  }

 private:
  std::array<bool, 256> may_start_{};
};

// Number of UTF-16 code units for a code point.
constexpr int utf16_length(char32_t code_point) {
  return code_point > 0xFFFF ? 2 : 1;
}

}  // namespace bilint::utf8
