#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace bilint {

// A Bloom filter over 64-bit hashes (already mixed): three bits in one 64-bit word per key, so
// that a test is one load. "No" is certain; "yes" is wrong for under 0.1% of absent keys at 32
// bits per key, and for about 3% at the 1 MiB cap with a million keys (a 100,000-term glossary).
// The matcher asks one, of at most 256 KiB, at every position of a text whether a pattern may
// start there, and a second, of at most 1 MiB, where the first says yes. Past 1 MiB a filter
// would no longer stay in the cache next to the text, which costs more than the false positives
// save (measured: 2 MiB was slower, 512 KiB much slower). With two bits a key, a 100,000-term
// glossary matched 5% slower, 10 terms 4% faster.
class BloomFilter {
 public:
  static constexpr std::size_t kMaxBytes = std::size_t{8} << 17;

  // Sized for `keys` keys (32 bits each), at most `max_bytes` (rounded down to a power of two, as
  // a word is chosen by a hash's top bits; never more than kMaxBytes).
  void reset(std::size_t keys, std::size_t max_bytes = kMaxBytes) {
    const std::size_t cap = 8 * std::bit_floor(std::clamp<std::size_t>(max_bytes, 128, kMaxBytes));
    const std::size_t bits = std::clamp<std::size_t>(std::bit_ceil(32 * keys), 1024, cap);
    words_.assign(bits / 64, 0);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(words_.size()));
  }
  void insert(std::uint64_t hash) { words_[hash >> shift_] |= bits(hash); }
  [[nodiscard]] bool may_contain(std::uint64_t hash) const {
    return (words_[hash >> shift_] & bits(hash)) == bits(hash);
  }
  // A key for the same word of the filter as `hash`, with the bits of `other`: a walk that asks
  // for `hash` and, where it passes, for a longer key, finds the second answer in the cache line
  // of the first.
  static std::uint64_t beside(std::uint64_t hash, std::uint64_t other) {
    return (hash & ~kBitsMask) | (other & kBitsMask);
  }

 private:
  // A hash's highest bits choose the word (at most kMaxBytes / 8 = 2^17 of them), its lowest 18
  // the bits in it.
  static constexpr std::uint64_t kBitsMask = (std::uint64_t{1} << 18) - 1;
  static_assert(kMaxBytes / 8 <= std::size_t{1} << (64 - 18), "beside() needs them apart");
  static std::uint64_t bits(std::uint64_t hash) {
    return (std::uint64_t{1} << (hash & 63)) | (std::uint64_t{1} << ((hash >> 6) & 63)) |
           (std::uint64_t{1} << ((hash >> 12) & 63));
  }
  std::vector<std::uint64_t> words_;
  unsigned shift_ = 64;
};

}  // namespace bilint
