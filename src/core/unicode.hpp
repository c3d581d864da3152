#pragma once

#include <string_view>

#include "core/mark_index.hpp"
#include "core/span.hpp"
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

// Whether `span` of `text` is certainly in Unicode Normalization Form C, judged by its marks alone
// (false: it may not be; ask ICU). The bytes that begin no mark begin ASCII letters, digits and
// spaces and the ideographs U+4000..U+9FFF, which are NFC_QC=Yes with combining class 0; where
// every character that does begin with a mark is normalization-inert too, UAX #15's quick check
// answers Yes. A digest line has a mark about every tenth character, where ICU's own check reads
// every character (16 instructions a byte, 5% of a run with every rule).
bool certainly_nfc(std::string_view text, Span span, const MarkIndex& marks);

// True for code points of the Han script (CJK ideographs, including the extensions and
// compatibility ideographs), as ICU's Script property says.
bool is_han(char32_t code_point);

}  // namespace bilint::unicode
