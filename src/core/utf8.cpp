#include "core/utf8.hpp"

namespace bilint::utf8 {

// Hand-written rather than ICU's U8_NEXT: the linter needs the exact byte length of each invalid
// subpart to report it, and a branch-light decoder on the hot path of every rule.
Decoded decode_slow(std::string_view text, std::size_t offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char b0 = s[offset];
  if (b0 < 0x80) return {b0, 1, true};
  int need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {kReplacement, 1, false};
  }
  std::uint8_t length = 1;
  for (int i = 0; i < need; ++i) {
    const std::size_t at = offset + length;
    if (at >= n) return {kReplacement, length, false};
    const unsigned char b = s[at];
    if (b < lo || b > hi) return {kReplacement, length, false};
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    ++length;
  }
  return {cp, length, true};
}

Decoded decode_before(std::string_view text, std::size_t offset) {
  std::size_t start = offset - 1;
  const std::size_t limit = offset >= 4 ? offset - 4 : 0;
  while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  Decoded d = decode(text, start);
  if (start + d.length != offset) return {kReplacement, 1, false};
  return d;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace bilint::utf8
