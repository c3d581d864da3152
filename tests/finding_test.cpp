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

// What the fingerprint of the n-th finding alike (same file, rule and content) must be.
std::uint64_t expected(std::string_view rule, std::uint64_t content, int occurrence) {
  std::uint64_t hash = fnv1a(rule);
  hash = fnv1a(std::string_view(reinterpret_cast<const char*>(&content), 8), hash);
  return fnv1a(std::to_string(occurrence), hash);
}

// Findings alike are numbered in output order within their file; other rules, other contents and
// other files count apart.
TEST(Finding, FingerprintsNumberFindingsAlikeWithinAFile) {
  std::vector<Finding> findings = {
      finding("a.md", "term/variant", 7), finding("a.md", "format/tab", 7),
      finding("a.md", "term/variant", 7), finding("a.md", "term/variant", 8),
      finding("a.md", "term/variant", 7), finding("b.md", "term/variant", 7),
      finding("b.md", "term/variant", 7),
  };
  assign_fingerprints(findings);
  const std::vector<std::uint64_t> want = {
      expected("term/variant", 7, 0), expected("format/tab", 7, 0),
      expected("term/variant", 7, 1), expected("term/variant", 8, 0),
      expected("term/variant", 7, 2), expected("term/variant", 7, 0),
      expected("term/variant", 7, 1),
  };
  for (std::size_t i = 0; i < findings.size(); ++i)
    EXPECT_EQ(findings[i].fingerprint, want[i]) << i;
  EXPECT_EQ(fingerprint_text(findings[0].fingerprint).size(), 16U);
}

}  // namespace
}  // namespace bilint
