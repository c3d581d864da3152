#include "rules/pattern_rule.hpp"

#include <sstream>

#include <boost/regex/icu.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unicode/uniset.h>

#include "cli_support.hpp"
#include "rules/required_literals.hpp"

namespace bilint {
namespace {

using testing::CommandResult;
using testing::kBilint;
using testing::TempDir;
using testing::write_file;

using Literals = std::vector<std::string>;

// The built-in patterns, and what a search may skip to.
TEST(RequiredLiterals, BuiltInPatterns) {
  EXPECT_EQ(required_literals("错误[：:]\\s*AI\\s*分析失败"), Literals{"分析失败"});
  EXPECT_EQ(required_literals("\\d+(?:\\.\\d+)?\\s*%"), Literals{"%"});
  EXPECT_EQ(required_literals("百分之[零一二三四五六七八九十百点]+"), Literals{"百分之"});
  EXPECT_EQ(required_literals(expand_unicode_properties("^\\s*本文(?=\\p{Han})")),
            Literals{"本文"});
  EXPECT_EQ(required_literals(
                expand_unicode_properties("([vV])(?<![\\p{L}\\p{N}][vV]) (\\d+(?:\\.\\d+)*)\\b")),
            (Literals{"v ", "V "}));
}

TEST(RequiredLiterals, WhatBreaksARun) {
  EXPECT_EQ(required_literals("abc"), Literals{"abc"});
  EXPECT_EQ(required_literals("ab?cd"), Literals{"cd"});       // b may be absent
  EXPECT_EQ(required_literals("ab+cd"), Literals{"ab"});       // "ab" starts every match
  EXPECT_EQ(required_literals("x(ab){2}c"), Literals{"xab"});  // not "xabc": "xababc"
  EXPECT_EQ(required_literals("(?:ab)*cd"), Literals{"cd"});
  EXPECT_EQ(required_literals("a(?:bc|de)f"), Literals{"a"});  // alternation inside a group
  EXPECT_EQ(required_literals("[ab]c"), (Literals{"ac", "bc"}));
  EXPECT_EQ(required_literals("[a-z]cd"), Literals{"cd"});  // a range is no literal
  EXPECT_EQ(required_literals("[^a]bc"), Literals{"bc"});
  EXPECT_EQ(required_literals("a\\.b"), Literals{"a.b"});
  EXPECT_EQ(required_literals("\\bword\\b"), Literals{});  // \b's argument is read greedily
  EXPECT_EQ(required_literals("\\b word"), Literals{" word"});
  EXPECT_EQ(required_literals("ab(?=cd)ef"), Literals{"abef"});  // look-arounds are zero width
  EXPECT_EQ(required_literals("(?<year>20)\\d\\d"), Literals{"20"});
}

TEST(RequiredLiterals, NothingClaimedWhereUnsure) {
  for (const char* pattern :
       {"abc|def", "(?i)abc", "(?i:abc)", "\\Qa|b\\E", "\\x41\\x42", "\\x{4E00}", "\\k<n>", "\\101",
        "\\cA", "a{,2}", "(ab)(?#note)*c", "\\d+", ".*", "", "(?(1)a|b)", "a**"}) {
    SCOPED_TRACE(pattern);
    EXPECT_EQ(required_literals(pattern), Literals{});
  }
}

// Every match Boost finds contains one of the literals, on texts built from the patterns' pieces.
TEST(RequiredLiterals, EveryMatchContainsOne) {
  const std::vector<std::string> patterns = {"错误[：:]\\s*AI\\s*分析失败",
                                             "x(ab){2}c",
                                             "ab+cd",
                                             "(?:ab)+c",
                                             "[ab]c(?=d)d",
                                             "a(b(c)d)+e",
                                             "(ab)?cd",
                                             "a\\+b",
                                             "\\<ab",
                                             "(a)\\1b"};
  const std::vector<std::string> texts = {
      "错误：AI分析失败。", "错误: AI 分析失败", "xababc xabc", "abbbcd abcd", "ababcc abc",
      "acde bce acd",       "abcdbcde abcde",    "cd abcd",     "a+b ab",      "aab"};
  for (const std::string& pattern : patterns) {
    SCOPED_TRACE(pattern);
    const Literals literals = required_literals(pattern);
    const boost::u32regex re = boost::make_u32regex(pattern);
    std::size_t matches = 0;
    for (const std::string& text : texts) {
      boost::u32regex_iterator<std::string::const_iterator> it(text.begin(), text.end(), re);
      for (; it != boost::u32regex_iterator<std::string::const_iterator>(); ++it, ++matches) {
        const std::string matched((*it)[0].first, (*it)[0].second);
        EXPECT_TRUE(contains_any(matched, literals)) << matched;
      }
    }
    EXPECT_GT(matches, 0U);
  }
}

// Every stretch of a text, asked of its occurrences, answers as a search of the stretch does:
// overlapping occurrences, literals at either end, literals of several lengths sharing bytes, a
// literal of one byte, and no literals at all.
TEST(LiteralOccurrences, AgreesWithSearchingEachStretch) {
  const std::vector<Literals> literal_sets = {
      {"aa"}, {"v ", "V "}, {"本文"}, {"%"}, {"ab", "b", "abab"}, {"文本", "本"}, {}};
  const std::vector<std::string> texts = {
      "aaaa", "v v V v", "本文本文。文本", "50% 与 5%", "abab ba", "", "本"};
  for (const Literals& literals : literal_sets) {
    for (const std::string& text : texts) {
      SCOPED_TRACE(text);
      const LiteralOccurrences occurrences(text, literals);
      EXPECT_EQ(occurrences.none(), !literals.empty() && !contains_any(text, literals));
      for (std::size_t begin = 0; begin <= text.size(); ++begin) {
        for (std::size_t end = begin; end <= text.size(); ++end) {
          EXPECT_EQ(occurrences.any_within({begin, end}),
                    contains_any(std::string_view(text).substr(begin, end - begin), literals))
              << begin << ".." << end;
        }
      }
    }
  }
}

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

// $0 to $9 in a message are what the groups matched (nothing for a group that did not match or is
// not there); any other $ is itself. A message without groups is kept once for every finding.
TEST(PatternRule, MessagesNameWhatTheGroupsMatched) {
  TempDir dir;
  write_file(dir / "grouped.yaml",
             "id: pattern/grouped\nsummary: s\nmessage: \"[$1$2] $ $$2 <$3$9> $0 $a $\"\n"
             "kind: existence\npattern: '(开放)(源码)(的)?'\n"
             "examples: {match: [开放源码], no-match: [开源]}\n");
  write_file(dir / "constant.yaml",
             "id: pattern/constant\nsummary: s\nmessage: \"costs $ and $x\"\n"
             "kind: existence\npattern: '开放'\nexamples: {match: [开放], no-match: [开源]}\n");
  write_file(dir / "d.md",
             "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n开放源码。开放源码的。\n");
  const CommandResult r = testing::bilint(
      "check --rules grouped.yaml --rules constant.yaml --select pattern/grouped,pattern/constant "
      "d.md",
      dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string messages;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("d.md:")) messages += line + "\n";
  EXPECT_EQ(messages,
            "d.md:4:1: warning: costs $ and $x [pattern/constant]\n"
            "d.md:4:1: warning: [开放源码] $ $源码 <> 开放源码 $a $ [pattern/grouped]\n"
            "d.md:4:6: warning: costs $ and $x [pattern/constant]\n"
            "d.md:4:6: warning: [开放源码] $ $源码 <的> 开放源码的 $a $ [pattern/grouped]\n")
      << r.out << r.err;
}

// A one-rule file of kind existence: the smallest valid rule around `pattern`.
std::string existence_rule(std::string_view name, std::string_view pattern, std::string_view match,
                           std::string_view no_match) {
  return fmt::format(
      "id: pattern/{}\nsummary: s\nmessage: m\nkind: existence\npattern: '{}'\nexamples: "
      "{{match: [{}], no-match: [{}]}}\n",
      name, pattern, match, no_match);
}

// A pattern that begins with `^` is tried only where a line begins; the same pattern inside a
// group is searched by Boost at every character. Both must find the same, whatever ends the lines
// (as Boost counts separators: \r\n, \r, \f, U+0085, U+2028, and U+12028, whose low 16 bits are
// 0x2028) and whatever comes before the match on its line.
TEST(PatternRule, LineAnchoredSearchFindsWhatTheWholeSearchFinds) {
  TempDir dir;
  write_file(
      dir / "d.md",
      "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n"
      "本文提出一种方法。\n本文在第二行。\r\n本文在 CRLF 之后。\r本文在 CR "
      "之后。\f本文在换页之后。\n"
      "  本文缩进。\u2028本文在行分隔符之后。\xC2\x85本文在 NEL 之后。\xF0\x92\x80\xA8本文。\n"
      "`code` 本文在代码之后。[链接](https://example.com)本文在链接之后。\xFF本文在无效字节之后。"
      "\n\n本文本文在第二段。\n\n\n本\n");
  struct Case {
    std::string_view pattern;
    std::size_t findings;  // by each form; counted by hand from the text above
  };
  for (const Case& c : {Case{"^\\s*本文", 10}, Case{"^本", 10}, Case{"^\\S+", 10},
                        Case{"^(?<=\\x{2028})本文", 1}, Case{"^[^。]*。", 10}}) {
    write_file(dir / "anchored.yaml", existence_rule("anchored", c.pattern, "本文。", "我们"));
    write_file(dir / "grouped.yaml",
               existence_rule("grouped", fmt::format("(?:{})", c.pattern), "本文。", "我们"));
    const CommandResult r = testing::bilint(
        "check --rules anchored.yaml --rules grouped.yaml --select "
        "pattern/anchored,pattern/grouped "
        "d.md",
        dir.path());
    std::vector<std::string> anchored;
    std::vector<std::string> grouped;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      if (line.ends_with("[pattern/anchored]"))
        anchored.push_back(line.substr(0, line.find(" m ")));
      if (line.ends_with("[pattern/grouped]")) grouped.push_back(line.substr(0, line.find(" m ")));
    }
    EXPECT_EQ(anchored, grouped) << c.pattern << "\n" << r.out << r.err;
    EXPECT_EQ(anchored.size(), c.findings) << c.pattern << "\n" << r.out << r.err;
  }
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

TEST(PatternRule, OpenSetsAndGroupsAreRefusedBeforeBoostSeesThem) {
  const std::string_view kOpenSet = "a '[' set is never closed";
  const std::string_view kOpenGroup = "a '(' group is never closed";
  EXPECT_EQ(kOpenGroup, unclosed_construct("\\d+(?2"));
  EXPECT_EQ(kOpenGroup, unclosed_construct("(a(b)"));
  EXPECT_EQ("", unclosed_construct("(a)(b)"));
  EXPECT_EQ("", unclosed_construct("\\(a"));
  EXPECT_EQ("", unclosed_construct("[(]a"));
  EXPECT_EQ("", unclosed_construct("\\Q(\\E"));
  EXPECT_EQ(kOpenSet, unclosed_construct("[a-z"));
  EXPECT_EQ(kOpenSet, unclosed_construct("(?<![a-zid"));
  EXPECT_EQ(kOpenSet, unclosed_construct("x[]"));
  EXPECT_EQ(kOpenSet, unclosed_construct("[[:alpha:]"));
  EXPECT_EQ(kOpenSet, unclosed_construct("[[:alpha"));
  EXPECT_EQ("", unclosed_construct("[a-z]"));
  EXPECT_EQ("", unclosed_construct("[]a]"));
  EXPECT_EQ("", unclosed_construct("[^]a]"));
  EXPECT_EQ("", unclosed_construct("[[:alpha:]0-9]"));
  EXPECT_EQ("", unclosed_construct("\\[a-z"));
  EXPECT_EQ("", unclosed_construct("[\\]a]"));
  EXPECT_EQ("", unclosed_construct("\\Q[a-z\\E"));
  EXPECT_EQ("", unclosed_construct(expand_unicode_properties("(?<![\\p{L}\\p{N}])v")));
  TempDir dir;
  write_file(dir / "open.yaml", existence_rule("open", "[a-z", "a", "B"));
  const CommandResult r = testing::bilint("rules check open.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: open.yaml:5:10: the pattern '[a-z' does not compile: a '[' set "
            "is never closed\n");
  write_file(dir / "group.yaml", existence_rule("group", "\\d+(?2", "1", "B"));
  const CommandResult group = testing::bilint("rules check group.yaml", dir.path());
  EXPECT_EQ(group.exit_code, 2);
  EXPECT_EQ(group.err,
            "bilint: error: group.yaml:5:10: the pattern '\\d+(?2' does not compile: a '(' group "
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
