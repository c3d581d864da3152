#include "core/finding.hpp"

#include <map>
#include <utility>

#include <gtest/gtest.h>

#include "random.hpp"

namespace bilint {
namespace {

Finding finding(std::string_view path, std::string_view rule, std::uint64_t content) {
  Finding f;
  f.location.path = intern_path(path);
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

// A message is its text, whether the finding owns it or shares an interned one: the same text
// compares and orders alike either way, and an interned text is one copy however often it is used
// (or interned again), which outlives the messages that name it.
TEST(Message, OwnedAndInternedTextsAreTheSameText) {
  const Message owned = std::string("no space between Chinese and Latin text");
  Message shared;
  {
    const std::string made = "no space between Chinese and Latin text";
    shared = Message::interned(made);
  }
  EXPECT_EQ(shared.view(), "no space between Chinese and Latin text");
  EXPECT_EQ(owned, shared);
  EXPECT_FALSE(owned < shared || shared < owned);
  EXPECT_LT(Message("a space"), shared);
  const Message again = Message::interned(owned);
  EXPECT_EQ(again.view().data(), shared.view().data());
  EXPECT_NE(owned.view().data(), shared.view().data());
  const Message moved = Message(shared);
  EXPECT_EQ(moved.view().data(), shared.view().data());
  EXPECT_EQ(Message("short").view(), "short");
  EXPECT_TRUE(Message().view().empty());
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

// The counter's own table numbers each finding as counting in a std::map does: sized for the
// findings or told of none (so that it grows from its smallest, nearly full, where keys of the same
// content and another rule lie in each other's way), in slices, as a file's findings come.
void expect_numbered_as_a_map_does(bool told) {
  testing::Random random(11);
  const std::string_view rules[] = {"term/variant", "format/tab", "format/cjk-spacing"};
  std::vector<Finding> all;
  for (int i = 0; i < 5000; ++i) {
    // A few contents many times over, and many that differ only in high bits.
    const std::uint64_t content = random(2) == 0 ? random(5) : random(40) << 40 | random(1000);
    all.push_back(finding("a.md", rules[random(3)], content));
  }
  std::map<std::pair<std::string_view, std::uint64_t>, int> seen;
  std::vector<std::uint64_t> want;
  for (const Finding& f : all)
    want.push_back(expected(f.rule_id, f.content_hash, seen[{f.rule_id, f.content_hash}]++));
  FingerprintCounter counter(told ? all.size() : 0);
  for (std::size_t at = 0; at < all.size(); at += 777)
    counter.assign(std::span(all).subspan(at, std::min<std::size_t>(777, all.size() - at)));
  for (std::size_t i = 0; i < all.size(); ++i)
    ASSERT_EQ(all[i].fingerprint, want[i]) << i;
}

TEST(Finding, FingerprintsNumberAsCountingInAMapDoes) {
  expect_numbered_as_a_map_does(true);
  expect_numbered_as_a_map_does(false);
}

}  // namespace
}  // namespace bilint
