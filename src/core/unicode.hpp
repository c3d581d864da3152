#pragma once

#include <cstddef>
#include <string_view>

#include "core/ascii.hpp"
#include "core/byte_blocks.hpp"
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

// Whether text[offset] begins a well-formed CJK ideograph of U+4E00..U+9FFF (lead byte E5..E9, or
// E4 followed by B8..BF), the most common character of a digest and two columns wide: column
// counting and the typography rules pass over these without decoding them.
inline bool wide_ideograph_at(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead >= 0xE5 && lead <= 0xE9) return utf8::common_three_byte_at(text, offset);
  return lead == 0xE4 && offset + 1 < text.size() &&
         static_cast<unsigned char>(text[offset + 1]) >= 0xB8 &&
         utf8::common_three_byte_at(text, offset);
}

#if defined(__SSE2__)
// The bytes of a block that begin an ideograph of U+4E00..U+9FFF, if its continuation bytes follow:
// E5..E9, or E4 followed by B8..BF (a lead at the block's last byte is judged without its next).
inline unsigned ideograph_leads(__m128i bytes) {
  using namespace byte_blocks;
  const unsigned e4 = mask(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xE4))));
  return mask(in_range(bytes, 0xE5 - 0x100, 0xE9 - 0x100)) |
         (e4 & (mask(in_range(bytes, 0xB8 - 0x100, 0xBF - 0x100)) >> 1));
}
#endif

// A stretch of text made of printable ASCII (one column) and the ideographs U+4E00..U+9FFF (two
// columns): most of a digest's lines, counted in bulk by plain_run.
struct PlainRun {
  std::size_t end;    // where the stretch ends, at a character boundary
  std::size_t ascii;  // printable ASCII characters in it
  std::size_t wide;   // ideographs in it
};

// The plain stretch at text[at, to), as far as whole blocks of 16 bytes go (the rest is left to the
// caller, a character at a time). Column counting calls it wherever it stands: a digest's line is
// counted sixteen bytes in about as many instructions, where a character at a time took five to
// ten a byte. Well-formedness is checked here, in the block: a lead byte (E5..E9, or E4 followed
// by B8..BF) counts only with its two continuation bytes, and a block that ends inside a
// character stops before it.
inline PlainRun plain_run(std::string_view text, std::size_t at, std::size_t to) {
  PlainRun run{at, 0, 0};
#if defined(__SSE2__)
  using namespace byte_blocks;
  while (run.end + 16 <= to) {
    const __m128i b = load(text.data() + run.end);
    const unsigned ascii = mask(in_range(b, 0x20, 0x7E));
    const unsigned lead = ideograph_leads(b);
    const unsigned n = whole_characters(ascii, lead, mask(continuations(b)));
    const unsigned taken = (1U << n) - 1;
    // The n bytes taken are single bytes and ideographs of three.
    const unsigned singles = count16(ascii & taken);
    run.ascii += singles;
    run.wide += (n - singles) / 3;
    run.end += n;
    // A block taken whole, or but for a character it cuts at its end, goes on; another stops.
    if (n == 0 || (n < 16 && ((lead >> n) & 1U) == 0)) break;
  }
#else
  (void)text;
  (void)to;
#endif
  return run;
}

// Whether `text` holds an ASCII control character (ascii::is_control), sixteen bytes at a time.
inline bool has_control(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  using namespace byte_blocks;
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i b = load(text.data() + i);
    if (mask(_mm_or_si128(in_range(b, 0, 0x1F), _mm_cmpeq_epi8(b, _mm_set1_epi8(0x7F)))) != 0) {
      return true;
    }
  }
#endif
  for (; i < text.size(); ++i)
    if (ascii::is_control(text[i])) return true;
  return false;
}

// Where the ideographs of U+4E00..U+9FFF from `at` end, before `to`: the rules that read a summary
// a character at a time pass over its Chinese with this, sixteen bytes at a time where SSE2 is
// there, where asking wide_ideograph_at of each character cost five to ten instructions a byte.
inline std::size_t ideographs_end(std::string_view text, std::size_t at, std::size_t to) {
#if defined(__SSE2__)
  using namespace byte_blocks;
  while (at + 16 <= to) {
    const __m128i b = load(text.data() + at);
    const unsigned n = whole_characters(0, ideograph_leads(b), mask(continuations(b)));
    at += n;
    if (n < 15) return at;  // a block of whole ideographs takes 15 bytes, and 16 cuts one
  }
#endif
  while (at + 3 <= to && wide_ideograph_at(text, at))
    at += 3;
  return at;
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
