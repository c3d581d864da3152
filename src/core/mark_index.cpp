#include "core/mark_index.hpp"

#include <array>

namespace bilint {

namespace {

constexpr std::array<std::uint8_t, 256> kMarked = [] {
  std::array<std::uint8_t, 256> marked{};
  for (unsigned b = 0; b < 256; ++b)
    marked[b] = MarkIndex::marks(static_cast<unsigned char>(b)) ? 1 : 0;
  return marked;
}();

}  // namespace

MarkIndex::MarkIndex(std::string_view text) : bits_(text.size() / 64 + 1, 0) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t whole = text.size() / 64;
  // A word at a time without branches: the bytes of a digest are marks or not at random.
  for (std::size_t w = 0; w < whole; ++w) {
    std::uint64_t bits = 0;
    for (unsigned k = 0; k < 64; ++k)
      bits |= std::uint64_t{kMarked[bytes[w * 64 + k]]} << k;
    bits_[w] = bits;
  }
  for (std::size_t i = whole * 64; i < text.size(); ++i)
    bits_[whole] |= std::uint64_t{kMarked[bytes[i]]} << (i % 64);
}

}  // namespace bilint
