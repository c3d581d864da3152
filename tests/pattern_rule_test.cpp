#include "rules/pattern_rule.hpp"

#include <boost/regex/icu.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unicode/uniset.h>

#include "cli_support.hpp"

namespace bilint {
namespace {

using testing::CommandResult;
using testing::kBilint;
using testing::TempDir;
using testing::write_file;

// \p{Han}, \p{Latin} and \P{…} match exactly the code points ICU puts in those sets.
TEST(PatternRule, UnicodePropertiesMatchWhatIcuSays) {
  for (const char* property : {"Han", "Latin", "Lu", "Hiragana"}) {
    SCOPED_TRACE(property);
    const boost::u32regex re =
        boost::make_u32regex(expand_unicode_properties(std::string("\\p{") + property + "}"));
    const boost::u32regex negated =
        boost::make_u32regex(expand_unicode_properties(std::string("[\\P{") + property + "}]"));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeSet set(icu::UnicodeString::fromUTF8(std::string("[\\p{") + property + "}]"),
                              status);
    ASSERT_TRUE(U_SUCCESS(status));
    std::size_t mismatches = 0;
    for (UChar32 cp = 0x20; cp < 0x30000; cp += 7) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      const std::u32string one(1, static_cast<char32_t>(cp));
      const bool in_set = set.contains(cp) != 0;
      mismatches += boost::u32regex_match(one.begin(), one.end(), re) != in_set ? 1 : 0;
      mismatches += boost::u32regex_match(one.begin(), one.end(), negated) == in_set ? 1 : 0;
    }
    EXPECT_EQ(mismatches, 0U);
  }
  EXPECT_THROW(expand_unicode_properties("\\p{NoSuchScript}"), std::invalid_argument);
}

TEST(PatternRule, ProblemsInAFileAreReportedWithPositions) {
  std::vector<PatternFileProblem> problems;
  EXPECT_FALSE(
      parse_pattern_rule("id: pattern/x\nsummary: s\nmessage: m\nkind: existence\n"
                         "pattern: '(unclosed'\nexamples: {match: [a], no-match: [b]}\n",
                         problems));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].line, 5U);
  EXPECT_EQ(problems[0].column, 10U);
  EXPECT_TRUE(problems[0].message.starts_with("the pattern '(unclosed' does not compile: "))
      << problems[0].message;
}

TEST(PatternRule, UserRulesRunWithTheBuiltInOnes) {
  TempDir dir;
  write_file(dir / "house.yaml",
             "id: pattern/kaifang-yuanma\nsummary: write 开源\nmessage: write 开源, not $1\n"
             "severity: warning\nkind: substitution\npattern: '(开放源码)'\nreplacement: 开源\n"
             "examples: {match: [模型是开放源码的], no-match: [模型是开源的]}\n");
  write_file(dir / "d.md", "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n模型是开放源码的。\n");
  const CommandResult r = testing::run_command(
      "'" + kBilint + "' check --rules house.yaml --select pattern/kaifang-yuanma d.md",
      dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("d.md:4:4: warning: write 开源, not 开放源码 [pattern/kaifang-yuanma]"),
            std::string::npos)
      << r.out;
  const CommandResult check = testing::bilint("rules check house.yaml", dir.path());
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.out, "1 pattern rule checked, 0 failing examples\n");
}

// A one-rule file of kind existence: the smallest valid rule around `pattern`.
std::string existence_rule(std::string_view name, std::string_view pattern, std::string_view match,
                           std::string_view no_match) {
  return fmt::format(
      "id: pattern/{}\nsummary: s\nmessage: m\nkind: existence\npattern: '{}'\nexamples: "
      "{{match: [{}], no-match: [{}]}}\n",
      name, pattern, match, no_match);
}

TEST(PatternRule, BadFilesAndFailingExamples) {
  TempDir dir;
  write_file(dir / "bad.yaml", existence_rule("bad", "[a-", "a", "b"));
  const CommandResult bad = testing::bilint("check --rules bad.yaml x.md", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(
      bad.err.starts_with("bilint: error: bad.yaml:5:10: the pattern '[a-' does not compile"))
      << bad.err;
  write_file(dir / "wrong.yaml", existence_rule("wrong", "x", "abc", "xyz"));
  const CommandResult wrong = testing::bilint("rules check wrong.yaml", dir.path());
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ(wrong.err,
            "bilint: error: pattern/wrong: example should match but does not: abc\n"
            "bilint: error: pattern/wrong: example should not match but does: xyz\n");
}

TEST(PatternRule, OpenSetsAreRefusedBeforeBoostSeesThem) {
  EXPECT_TRUE(leaves_set_open("[a-z"));
  EXPECT_TRUE(leaves_set_open("(?<![a-zid"));
  EXPECT_TRUE(leaves_set_open("x[]"));
  EXPECT_TRUE(leaves_set_open("[[:alpha:]"));
  EXPECT_TRUE(leaves_set_open("[[:alpha"));
  EXPECT_FALSE(leaves_set_open("[a-z]"));
  EXPECT_FALSE(leaves_set_open("[]a]"));
  EXPECT_FALSE(leaves_set_open("[^]a]"));
  EXPECT_FALSE(leaves_set_open("[[:alpha:]0-9]"));
  EXPECT_FALSE(leaves_set_open("\\[a-z"));
  EXPECT_FALSE(leaves_set_open("[\\]a]"));
  EXPECT_FALSE(leaves_set_open("\\Q[a-z\\E"));
  EXPECT_FALSE(leaves_set_open(expand_unicode_properties("(?<![\\p{L}\\p{N}])v")));
  TempDir dir;
  write_file(dir / "open.yaml", existence_rule("open", "[a-z", "a", "B"));
  const CommandResult r = testing::bilint("rules check open.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: open.yaml:5:10: the pattern '[a-z' does not compile: a '[' set "
            "is never closed\n");
}

TEST(PatternRule, CatastrophicBacktrackingEndsQuicklyWithAClearError) {
  TempDir dir;
  write_file(dir / "slow.yaml", existence_rule("slow", "(a+)+b", "ab", "c"));
  write_file(dir / "d.md", "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n" +
                               std::string(40, 'a') + "c 其余正常。\n");
  // Unbounded, this search would take 2^40 steps; the suite's time limit would stop it.
  const CommandResult r = testing::run_command(
      "'" + kBilint + "' check --rules slow.yaml --select pattern/slow,entry d.md", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("d.md:4:1: error: pattern/slow gave up on this text: "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 file checked: 1 error"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace bilint
