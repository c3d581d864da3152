#include "core/mark_index.hpp"

#include <array>

#include "core/byte_blocks.hpp"

namespace bilint {

namespace {

constexpr std::array<std::uint8_t, 256> kMarked = [] {
  std::array<std::uint8_t, 256> marked{};
  for (unsigned b = 0; b < 256; ++b)
    marked[b] = MarkIndex::marks(static_cast<unsigned char>(b)) ? 1 : 0;
  return marked;
}();

#if defined(__SSE2__)
// The marks of 16 bytes, a bit each, as MarkIndex::marks says: sixteen bytes in about as many
// instructions where a table takes several a byte (75 million instructions for the 10 MB bench
// corpus, 7 a byte).
unsigned marks_of_16(const char* bytes) {
  using namespace byte_blocks;
  const __m128i b = load(bytes);
  const __m128i letter = in_range(_mm_or_si128(b, _mm_set1_epi8(0x20)), 'a', 'z');
  const __m128i digit = in_range(b, '0', '9');
  const __m128i space = _mm_cmpeq_epi8(b, _mm_set1_epi8(' '));
  const __m128i ideograph = in_range(b, 0xE4 - 0x100, 0xE9 - 0x100);
  const __m128i unmarked = _mm_or_si128(_mm_or_si128(_mm_or_si128(letter, digit), space),
                                        _mm_or_si128(continuations(b), ideograph));
  return ~mask(unmarked) & 0xFFFFU;
}
#endif

}  // namespace

MarkIndex::MarkIndex(std::string_view text) : bits_(text.size() / 64 + 1, 0) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t whole = text.size() / 64;
  for (std::size_t w = 0; w < whole; ++w) {
    const unsigned char* word = bytes + w * 64;
    std::uint64_t bits = 0;
#if defined(__SSE2__)
    for (unsigned k = 0; k < 64; k += 16)
      bits |= std::uint64_t{marks_of_16(reinterpret_cast<const char*>(word) + k)} << k;
#else
    // A word at a time without branches: the bytes of a digest are marks or not at random.
    for (unsigned k = 0; k < 64; ++k)
      bits |= std::uint64_t{kMarked[word[k]]} << k;
#endif
    bits_[w] = bits;
  }
  for (std::size_t i = whole * 64; i < text.size(); ++i)
    bits_[whole] |= std::uint64_t{kMarked[bytes[i]]} << (i % 64);
}

}  // namespace bilint
