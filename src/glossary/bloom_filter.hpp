#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace bilint {

// A Bloom filter over 64-bit hashes (already mixed): three bits in one 64-bit word per key, so
// that a test is one load. "No" is certain; "yes" is wrong for under 0.1% of absent keys at 32
// bits per key, and for about 3% at the 1 MiB cap with a million keys (a 100,000-term glossary).
// The matcher asks it, for every position of a text, whether a pattern may start there; past
// 1 MiB it would no longer stay in the cache next to the text, which costs more than the false
// positives save (measured: 2 MiB was slower, 512 KiB much slower). With two bits a key, a
// 100,000-term glossary matched 5% slower, 10 terms 4% faster.
class BloomFilter {
 public:
  void reset(std::size_t keys) {
    const std::size_t bits =
        std::clamp<std::size_t>(std::bit_ceil(32 * keys), 1024, std::size_t{64} << kMaxWordBits);
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
  // A hash's highest bits choose the word (at most 2^17 words: 1 MiB), its lowest 18 the bits.
  static constexpr unsigned kMaxWordBits = 17;
  static constexpr std::uint64_t kBitsMask = (std::uint64_t{1} << 18) - 1;
  static_assert(kMaxWordBits + 18 <= 64, "beside() needs the word's bits apart from bits()'s");
  static std::uint64_t bits(std::uint64_t hash) {
    return (std::uint64_t{1} << (hash & 63)) | (std::uint64_t{1} << ((hash >> 6) & 63)) |
           (std::uint64_t{1} << ((hash >> 12) & 63));
  }
  std::vector<std::uint64_t> words_;
  unsigned shift_ = 64;
};

}  // namespace bilint
