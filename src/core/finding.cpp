#include "core/finding.hpp"

#include <algorithm>
#include <compare>
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

void assign_fingerprints(std::vector<Finding>& findings) {
  // Occurrences are counted within a file, and findings come grouped by file. Each file's findings
  // are sorted by rule, content and place, so that a finding's occurrence is its rank among those
  // alike: one sort instead of a hash table node per finding. Rule ids are interned, so the view's
  // address stands for the id.
  struct Key {
    const char* rule;
    std::uint64_t content;
    std::size_t index;
    auto operator<=>(const Key&) const = default;
  };
  std::vector<Key> keys;
  for (std::size_t begin = 0; begin < findings.size();) {
    const std::string_view file = findings[begin].location.path;
    std::size_t end = begin;
    keys.clear();
    for (; end < findings.size() && findings[end].location.path == file; ++end)
      keys.push_back({findings[end].rule_id.data(), findings[end].content_hash, end});
    std::sort(keys.begin(), keys.end());
    std::size_t alike_from = 0;  // the first key alike with keys[k]
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (keys[k].rule != keys[alike_from].rule || keys[k].content != keys[alike_from].content)
        alike_from = k;
      const std::size_t occurrence = k - alike_from;
      Finding& f = findings[keys[k].index];
      std::uint64_t hash = fnv1a(f.rule_id);
      hash = fnv1a(std::string_view(reinterpret_cast<const char*>(&f.content_hash), 8), hash);
      const fmt::format_int digits(occurrence);
      f.fingerprint = fnv1a(std::string_view(digits.data(), digits.size()), hash);
    }
    begin = end;
  }
}

}  // namespace bilint
