#pragma once

// Sixteen bytes at a time: what the scans over a file's bytes share (the source scan, the mark
// index, column counting), where a character at a time costs five to ten instructions a byte.
// SSE2 is part of every x86-64 CPU; elsewhere the callers take their byte-at-a-time paths.

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bilint::byte_blocks {

#if defined(__SSE2__)
inline __m128i load(const char* bytes) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
}

// A bit per byte, set where `bytes` is set: bit k for byte k.
inline unsigned mask(__m128i bytes) {
  return static_cast<unsigned>(_mm_movemask_epi8(bytes));
}

// Where the bytes lie in [low, high]. SSE2 compares bytes as signed, so the bounds lie on the same
// side of 0x80: ASCII up to 0x7E, or bytes from 0x80 up given as their value less 0x100, which are
// below every ASCII byte (high + 1 must still be a byte on that side).
inline __m128i in_range(__m128i bytes, int low, int high) {
  return _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(static_cast<char>(low - 1))),
                       _mm_cmplt_epi8(bytes, _mm_set1_epi8(static_cast<char>(high + 1))));
}

// Continuation bytes, 0x80..0xBF.
inline __m128i continuations(__m128i bytes) {
  return _mm_cmplt_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xC0)));
}
#endif

// The bits set in a block's mask. std::popcount is a call into libgcc on the x86-64 baseline,
// which has no POPCNT instruction (20 million instructions of a run with every rule on the bench
// corpus); these dozen inline operations are what it does.
constexpr unsigned count16(unsigned bits) {
  bits = bits - ((bits >> 1) & 0x5555U);
  bits = (bits & 0x3333U) + ((bits >> 2) & 0x3333U);
  bits = (bits + (bits >> 4)) & 0x0F0FU;
  return (bits + (bits >> 8)) & 0x1FU;
}

// How many of a block's 16 bytes, from its first, are whole characters of two kinds: single bytes
// (`single`) and three-byte characters (a `lead` and two `continuation` bytes), each a mask with a
// bit per byte. The prefix ends at the first byte of neither kind or a continuation byte out of
// place, then steps back before a lead whose two continuation bytes are not both in it.
inline unsigned whole_characters(unsigned single, unsigned lead, unsigned continuation) {
  const unsigned tails = ((lead << 1) | (lead << 2)) & 0xFFFFU;
  const unsigned bad = (~(single | lead | continuation) & 0xFFFFU) | (continuation ^ tails);
  unsigned n = bad != 0 ? static_cast<unsigned>(std::countr_zero(bad)) : 16U;
  if (n >= 1 && ((lead >> (n - 1)) & 1U) != 0) {
    n -= 1;
  } else if (n >= 2 && ((lead >> (n - 2)) & 1U) != 0) {
    n -= 2;
  }
  return n;
}

}  // namespace bilint::byte_blocks
