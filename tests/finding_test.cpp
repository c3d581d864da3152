#include "core/finding.hpp"

#include <gtest/gtest.h>

namespace bilint {
namespace {

Finding finding(std::string path, std::string_view rule, std::uint64_t content) {
  Finding f;
  f.location.path = std::move(path);
  f.rule_id = intern_rule_id(rule);
  f.content_hash = content;
  return f;
}

// What the fingerprint of the n-th finding alike (same rule and content) must be.
std::uint64_t expected(std::string_view rule, std::uint64_t content, int occurrence) {
  std::uint64_t hash = fnv1a(rule);
  hash = fnv1a(std::string_view(reinterpret_cast<const char*>(&content), 8), hash);
  return fnv1a(std::to_string(occurrence), hash);
}

// Findings alike are numbered in output order; other rules and other contents count apart, and so
// does each file (each file's findings are fingerprinted on their own).
TEST(Finding, FingerprintsNumberFindingsAlikeWithinAFile) {
  std::vector<Finding> a = {
      finding("a.md", "term/variant", 7), finding("a.md", "format/tab", 7),
      finding("a.md", "term/variant", 7), finding("a.md", "term/variant", 8),
      finding("a.md", "term/variant", 7),
  };
  std::vector<Finding> b = {finding("b.md", "term/variant", 7), finding("b.md", "term/variant", 7)};
  FingerprintCounter(a.size()).assign(a);
  FingerprintCounter(b.size()).assign(b);
  const std::vector<std::uint64_t> want_a = {
      expected("term/variant", 7, 0), expected("format/tab", 7, 0),
      expected("term/variant", 7, 1), expected("term/variant", 8, 0),
      expected("term/variant", 7, 2),
  };
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_EQ(a[i].fingerprint, want_a[i]) << i;
  EXPECT_EQ(b[0].fingerprint, expected("term/variant", 7, 0));
  EXPECT_EQ(b[1].fingerprint, expected("term/variant", 7, 1));
  EXPECT_EQ(fingerprint_text(a[0].fingerprint).size(), 16U);
}

}  // namespace
}  // namespace bilint
