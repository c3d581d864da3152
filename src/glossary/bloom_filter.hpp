#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace bilint {

// A Bloom filter over 64-bit hashes (already mixed): two bits in one 64-bit word per key, so that
// a test is one load. "No" is certain; "yes" is wrong for about half a percent of absent keys at
// 32 bits per key. The matcher asks it, for every position of a text, whether a pattern may start
// there; it is at most 1 MiB so that it stays in the cache next to the text.
class BloomFilter {
 public:
  void reset(std::size_t keys) {
    const std::size_t bits =
        std::clamp<std::size_t>(std::bit_ceil(32 * keys), 1024, std::size_t{1} << 23);
    words_.assign(bits / 64, 0);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(words_.size()));
  }
  void insert(std::uint64_t hash) { words_[hash >> shift_] |= bits(hash); }
  [[nodiscard]] bool may_contain(std::uint64_t hash) const {
    return (words_[hash >> shift_] & bits(hash)) == bits(hash);
  }

 private:
  static std::uint64_t bits(std::uint64_t hash) {
    return (std::uint64_t{1} << (hash & 63)) | (std::uint64_t{1} << ((hash >> 6) & 63));
  }
  std::vector<std::uint64_t> words_;
  unsigned shift_ = 64;
};

}  // namespace bilint
