#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ascii.hpp"

// How glossary matching compares text: ASCII case folded, '-' the same as ' ', and the hashes the
// matcher's filters and tables are keyed by.
namespace bilint::folding {

constexpr char32_t fold(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
  if (cp == '-') return ' ';
  return cp;
}

constexpr bool is_word_byte(unsigned char c) {
  return ascii::is_alnum(static_cast<char>(c));
}

// Each byte folded, with kWordByte set for ASCII letters and digits: one load per byte where
// English text is scanned.
inline constexpr std::uint16_t kWordByte = 0x100;
inline constexpr std::array<std::uint16_t, 256> kBytes = [] {
  std::array<std::uint16_t, 256> bytes{};
  for (unsigned b = 0; b < 256; ++b) {
    bytes[b] = static_cast<std::uint16_t>(
        fold(b) | (is_word_byte(static_cast<unsigned char>(b)) ? kWordByte : 0));
  }
  return bytes;
}();

// Whether `text` is spelled as `pattern` (of the same length) where case matters: byte for
// byte, except that '-' and ' ' still count as the same.
constexpr bool same_exact_spelling(std::string_view text, std::string_view pattern) {
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    const auto a = static_cast<unsigned char>(text[k]);
    const auto b = static_cast<unsigned char>(pattern[k]);
    if (a != b && (kBytes[a] != ' ' || kBytes[b] != ' ')) return false;
  }
  return true;
}

// A 64-bit finaliser (MurmurHash3's), so that any bits of a key can index a table.
constexpr std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

// FNV-1a over folded bytes, as they come.
class ByteHash {
 public:
  void add(std::uint16_t folded) { h_ = (h_ ^ (folded & 0xFF)) * 0x100000001b3ULL; }
  [[nodiscard]] std::uint64_t key() const { return mix(h_); }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace bilint::folding
