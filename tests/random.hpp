#pragma once

#include <cstddef>
#include <cstdint>

namespace bilint::testing {

// The tests' pseudo-random inputs: a 64-bit linear congruential generator (Knuth's MMIX
// constants), the same sequence on every platform and standard library, unlike <random>'s
// distributions, so that a failure names an input anyone can make again.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL; }
  // A number below n, from the high bits (the low bits of such a generator repeat quickly).
  std::size_t operator()(std::size_t n) { return static_cast<std::size_t>(next() >> 33) % n; }

 private:
  std::uint64_t state_;
};

}  // namespace bilint::testing
