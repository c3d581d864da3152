#include "core/finding.hpp"

#include <algorithm>
#include <bit>
#include <tuple>

#include <fmt/format.h>

namespace bilint {

namespace {
// A multiplier for hashing a slot's key (the 64-bit golden ratio): content hashes are FNV-1a
// already, but the rule's address is not, and the table is indexed by high bits of the product.
constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15ULL;
}  // namespace

bool finding_less(const Finding& a, const Finding& b) {
  // Most comparisons are within one file: compare positions before paths.
  const bool same_file =
      a.location.path.data() == b.location.path.data() || a.location.path == b.location.path;
  if (!same_file) return a.location.path < b.location.path;
  const auto key = [](const Finding& f) {
    return std::tie(f.location.start.line, f.location.start.offset, f.location.end.offset,
                    f.rule_id, f.message);
  };
  return key(a) < key(b);
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string fingerprint_text(std::uint64_t fingerprint) {
  return fmt::format("{:016x}", fingerprint);
}

FingerprintCounter::FingerprintCounter(std::size_t findings)
    : slots_(std::bit_ceil(std::max<std::size_t>(findings + findings / 3 + 1, 16))),
      mask_(slots_.size() - 1) {}

FingerprintCounter::Slot& FingerprintCounter::slot(const char* rule, std::uint64_t content) {
  std::size_t i =
      static_cast<std::size_t>((content ^ reinterpret_cast<std::uintptr_t>(rule)) * kMix >> 32) &
      mask_;
  while (slots_[i].rule != nullptr && (slots_[i].rule != rule || slots_[i].content != content))
    i = (i + 1) & mask_;
  return slots_[i];
}

void FingerprintCounter::assign(std::span<Finding> findings) {
  for (Finding& f : findings) {
    const char* const rule = f.rule_id.data();
    Slot* found = &slot(rule, f.content_hash);
    if (found->rule == nullptr) {
      // A new key; more of them than the file was said to have grow the table.
      if (++used_ > slots_.size() / 4 * 3) {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        mask_ = slots_.size() - 1;
        for (const Slot& s : old) {
          if (s.rule != nullptr) slot(s.rule, s.content) = s;
        }
        found = &slot(rule, f.content_hash);
      }
      *found = {rule, f.content_hash, 0};
    }
    const std::uint64_t occurrence = found->count++;
    if (rule != hashed_rule_) {
      hashed_rule_ = rule;
      rule_hash_ = fnv1a(f.rule_id);
    }
    const std::uint64_t hash =
        fnv1a(std::string_view(reinterpret_cast<const char*>(&f.content_hash), 8), rule_hash_);
    const fmt::format_int digits(occurrence);
    f.fingerprint = fnv1a(std::string_view(digits.data(), digits.size()), hash);
  }
}

}  // namespace bilint
