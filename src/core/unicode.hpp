#pragma once

#include <string_view>

#include "core/utf8.hpp"

namespace bilint::unicode {

// display_width from ICU's properties alone, for what the inline ranges below do not answer.
int display_width_slow(char32_t code_point);

// Columns a code point takes on a terminal: 2 for East Asian Wide and Fullwidth, 0 for combining
// marks, format characters and other zero-width code points, 1 otherwise (ICU's property data).
// Inline for the blocks a digest is made of, since every finding measures its line with it.
inline int display_width(char32_t code_point) {
  if (code_point >= 0x20 && code_point < 0x7F) return 1;
  if ((code_point >= 0x4E00 && code_point <= 0x9FFF) ||
      (code_point >= 0x3000 && code_point <= 0x3029) ||  // 302A..302D are combining marks
      (code_point >= 0x302E && code_point <= 0x303E) ||
      (code_point >= 0xFF01 && code_point <= 0xFF60)) {
    return 2;
  }
  return display_width_slow(code_point);
}

// Whether text[offset] begins a well-formed CJK ideograph of U+5000..U+9FFF (lead byte E5..E9), the
// most common character of a digest and two columns wide: column counting passes over these
// without decoding them.
inline bool wide_ideograph_at(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  return lead >= 0xE5 && lead <= 0xE9 && utf8::common_three_byte_at(text, offset);
}

// True for code points of the Han script (CJK ideographs, including the extensions and
// compatibility ideographs), as ICU's Script property says.
bool is_han(char32_t code_point);

}  // namespace bilint::unicode
