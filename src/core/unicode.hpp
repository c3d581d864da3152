#pragma once

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

// True for code points of the Han script (CJK ideographs, including the extensions and
// compatibility ideographs), as ICU's Script property says.
bool is_han(char32_t code_point);

}  // namespace bilint::unicode
