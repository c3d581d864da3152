#include "core/finding.hpp"

#include <tuple>

#include <fmt/format.h>

namespace bilint {

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

void FingerprintCounter::assign(std::span<Finding> findings) {
  for (Finding& f : findings) {
    const int occurrence = seen_[{f.rule_id.data(), f.content_hash}]++;
    std::uint64_t hash = fnv1a(f.rule_id);
    hash = fnv1a(std::string_view(reinterpret_cast<const char*>(&f.content_hash), 8), hash);
    const fmt::format_int digits(occurrence);
    f.fingerprint = fnv1a(std::string_view(digits.data(), digits.size()), hash);
  }
}

}  // namespace bilint
