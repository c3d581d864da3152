#pragma once

#include <cstddef>
#include <cstdint>
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

// Decodes the sequence starting at text[offset]; offset must be < text.size().
Decoded decode(std::string_view text, std::size_t offset);

// Decodes the code point that ends just before `offset` (offset > 0), for looking one character
// back.
Decoded decode_before(std::string_view text, std::size_t offset);

void append(std::string& out, char32_t code_point);

// Number of UTF-16 code units for a code point.
constexpr int utf16_length(char32_t code_point) {
  return code_point > 0xFFFF ? 2 : 1;
}

}  // namespace bilint::utf8
