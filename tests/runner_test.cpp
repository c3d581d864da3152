#include "engine/runner.hpp"

#include <filesystem>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "report/reporter.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using testing::slurp;
using testing::TempDir;
using testing::write_file;

const fs::path kCorpus = fs::path(BILINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "arxiv-cs-zh";

// Two real digests and a third file that lists the first one's first paper again: every rule that
// compares files has something to report (link/duplicate, term/inconsistent,
// format/title-separator).
std::vector<Input> write_run(const fs::path& dir) {
  write_file(dir / "a.md", slurp(kCorpus / "2025-06-08.md"));
  write_file(dir / "b.md", slurp(kCorpus / "2025-06-09.md"));
  write_file(dir / "c.md",
             "## Prosthetics of the Indian State\n"
             "[印度国家的假肢](https://arxiv.org/abs/2503.05714)\n"
             "\n"
             "本文研究了印度的e-Shram门户。\n");
  std::vector<Input> inputs;
  for (const char* name : {"a.md", "b.md", "c.md"})
    inputs.push_back({(dir / name).string(), std::nullopt, false});
  return inputs;
}

std::string json_report(const RunResult& result) {
  return make_reporter("json", ReportOptions{})->render_run(result);
}

const Linter& every_rule() {
  static const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  return linter;
}

TEST(Runner, SmallRunKeepsFirstPassFilesAndReportsAsIfReadTwice) {
  TempDir dir;
  const std::vector<Input> inputs = write_run(dir.path());
  const std::string expected = json_report(run(every_rule(), inputs, 1));
  for (const char* id : {"link/duplicate", "term/inconsistent", "format/title-separator"})
    EXPECT_NE(expected.find(id), std::string::npos) << id;
  for (const unsigned jobs : {1U, 2U, 3U}) {
    for (const std::uintmax_t kept : {kKeptRunBytes, std::uintmax_t{0}}) {
      SCOPED_TRACE(::testing::Message() << "-j" << jobs << ", kept " << kept);
      EXPECT_EQ(json_report(run(every_rule(), inputs, jobs, RunMode::check, kept)), expected);
    }
  }
}

// Whether the second pass reads the files again shows when they change between the passes: the
// second pass of a kept run does not see it.
TEST(Runner, SecondPassOfKeptRunDoesNotReadFilesAgain) {
  for (const std::uintmax_t kept : {kKeptRunBytes, std::uintmax_t{0}}) {
    SCOPED_TRACE(kept);
    TempDir dir;
    const std::vector<Input> inputs = write_run(dir.path());
    bool first = true;
    std::vector<std::string> paths;
    const RunStats stats = run(
        {LintGroup{&every_rule(), inputs}}, 1, RunMode::check,
        [&](std::size_t, std::vector<Finding>&, FileOutput&) {
          if (first) fs::remove(dir / "b.md");  // after the second pass has checked a.md
          first = false;
        },
        [](FileOutput&) {}, kept);
    if (kept == 0) {
      ASSERT_EQ(stats.errors.size(), 1U);
      EXPECT_EQ(stats.errors[0].path, (dir / "b.md").string());
      EXPECT_EQ(stats.files_checked, 2U);
    } else {
      EXPECT_TRUE(stats.errors.empty());
      EXPECT_EQ(stats.files_checked, 3U);
    }
  }
}

// --fix: the second pass of a kept run checks the fixed text, as one that reads the rewritten file.
TEST(Runner, KeptRunChecksFixedText) {
  TempDir kept_dir;
  TempDir read_dir;
  const RunResult kept = run(every_rule(), write_run(kept_dir.path()), 2, RunMode::fix);
  const RunResult read = run(every_rule(), write_run(read_dir.path()), 2, RunMode::fix, 0);
  EXPECT_EQ(kept.files_fixed, 3U);
  EXPECT_EQ(read.files_fixed, 3U);
  for (const char* name : {"a.md", "b.md", "c.md"})
    EXPECT_EQ(slurp(kept_dir / name), slurp(read_dir / name)) << name;
  std::string report = json_report(kept);
  for (std::size_t at = report.find(kept_dir.path().string()); at != std::string::npos;
       at = report.find(kept_dir.path().string(), at))
    report.replace(at, kept_dir.path().string().size(), read_dir.path().string());
  EXPECT_EQ(report, json_report(read));
  EXPECT_NE(report.find("term/inconsistent"), std::string::npos);
}

// Linter::check hands a file's findings over a slice at a time: the same findings in the same
// order as all at once, with the same fingerprints (the occurrences of a finding are counted
// across slices: the line below repeats the same two findings twenty times).
TEST(Runner, FindingsComeInSlicesAsAllAtOnce) {
  std::string line;
  for (int i = 0; i < 20; ++i)
    line += "模型A";
  const ParsedFile file = every_rule().parse(
      "a.md", slurp(kCorpus / "2025-06-08.md") +
                  "\n## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n" + line + "\n");
  const std::vector<Finding> all = every_rule().check(file);
  ASSERT_GT(all.size(), 100U);
  for (const std::size_t size : {std::size_t{1}, std::size_t{7}, Linter::kFindingSlice}) {
    SCOPED_TRACE(size);
    std::vector<Finding> joined;
    std::size_t slices = 0;
    every_rule().check(
        file, nullptr,
        [&](std::vector<Finding>& slice) {
          ++slices;
          EXPECT_FALSE(slice.empty());
          EXPECT_LE(slice.size(), size);
          std::move(slice.begin(), slice.end(), std::back_inserter(joined));
        },
        size);
    EXPECT_EQ(slices, (all.size() + size - 1) / size);
    ASSERT_EQ(joined.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(joined[i].rule_id, all[i].rule_id) << i;
      EXPECT_EQ(joined[i].location.start.offset, all[i].location.start.offset) << i;
      EXPECT_EQ(joined[i].message, all[i].message) << i;
      EXPECT_EQ(joined[i].fingerprint, all[i].fingerprint) << i;
    }
  }
}

// A run whose report shows no fixes or fingerprints has them left out, and nothing else: the same
// findings, places, messages and excerpts as with them.
TEST(Runner, FindingsLeaveOutWhatTheReportDoesNotShow) {
  const ParsedFile file = every_rule().parse("a.md", slurp(kCorpus / "2025-06-08.md"));
  const std::vector<Finding> all = every_rule().check(file);
  ASSERT_GT(std::count_if(all.begin(), all.end(), [](const Finding& f) { return f.fix; }), 10);
  for (const FindingParts parts : {FindingParts{.fixes = false, .fingerprints = true},
                                   FindingParts{.fixes = true, .fingerprints = false}}) {
    SCOPED_TRACE(parts.fixes);
    std::vector<Finding> some;
    every_rule().check(
        file, nullptr,
        [&](std::vector<Finding>& slice) {
          std::move(slice.begin(), slice.end(), std::back_inserter(some));
        },
        Linter::kFindingSlice, parts);
    ASSERT_EQ(some.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(some[i].rule_id, all[i].rule_id) << i;
      EXPECT_EQ(some[i].location.start.offset, all[i].location.start.offset) << i;
      EXPECT_EQ(some[i].location.end.display_column, all[i].location.end.display_column) << i;
      EXPECT_EQ(some[i].message, all[i].message) << i;
      EXPECT_EQ(some[i].excerpt, all[i].excerpt) << i;
      EXPECT_EQ(some[i].fix.has_value(), parts.fixes && all[i].fix.has_value()) << i;
      if (parts.fixes && all[i].fix) {
        EXPECT_EQ(some[i].fix->edits.size(), all[i].fix->edits.size()) << i;
        EXPECT_EQ(some[i].fix->edits[0].end.offset, all[i].fix->edits[0].end.offset) << i;
      }
      EXPECT_EQ(some[i].fingerprint, parts.fingerprints ? all[i].fingerprint : 0) << i;
      EXPECT_EQ(some[i].content_hash, parts.fingerprints ? all[i].content_hash : 0) << i;
    }
  }
}

// A finding's excerpt is marked plain, for reporters to show it without reading it through, only
// where its line holds no tab, other control character (DEL included) or invalid UTF-8, in any of
// its bytes, sixteen at a time or after them.
TEST(Runner, ExcerptsArePlainOnlyWithoutControlCharactersOrInvalidBytes) {
  const std::string padding =
      "模型甲乙丙丁戊己庚辛";  // 30 bytes: the bytes after it are in a later block
  const std::vector<std::pair<std::string, bool>> lines = {
      {"模型A，一段正文。", true},
      {padding + "模型A，一段正文。", true},
      {"模型A，\t一段正文。", false},
      {padding + padding + "模型A，一段\x7f正文。", false},
      {padding + "模型A，一段\x01正文", false},
      {"模型A，一段正文\xff。", false},
      {padding + padding + padding + "模型A，一段正文\xe6\x96。", false},
  };
  std::string text = "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n";
  for (const auto& [line, plain] : lines)
    text += line + "\n\n";
  const ParsedFile file = every_rule().parse("a.md", text);
  std::map<std::size_t, bool> plain_by_line;
  for (const Finding& f : every_rule().check(file))
    if (f.rule_id == "format/cjk-spacing") plain_by_line[f.location.start.line] = f.excerpt_plain;
  ASSERT_EQ(plain_by_line.size(), lines.size());
  std::size_t k = 0;
  for (const auto& [line, plain] : plain_by_line) {
    EXPECT_EQ(plain, lines[k].second) << "line " << line;
    ++k;
  }
}

// What run() will use, which the CLI asks to tune glibc for one thread or several.
TEST(Runner, ThreadsAreNeverMoreThanTheFiles) {
  TempDir dir;
  const std::vector<Input> three = write_run(dir.path());
  const std::vector<Input> one(three.begin(), three.begin() + 1);
  EXPECT_EQ(threads_for({LintGroup{&every_rule(), three}}, 2), 2U);
  EXPECT_EQ(threads_for({LintGroup{&every_rule(), three}}, 8), 3U);
  EXPECT_EQ(threads_for({LintGroup{&every_rule(), one}, LintGroup{&every_rule(), one}}, 8), 2U);
  EXPECT_EQ(threads_for({LintGroup{&every_rule(), one}}, 2), 1U);
  EXPECT_EQ(threads_for({LintGroup{&every_rule(), one}}, 0), 1U);
  EXPECT_EQ(threads_for({}, 4), 1U);
  EXPECT_GE(threads_for({LintGroup{&every_rule(), three}}, 0), 1U);
}

// The findings of a line share one copy of it, each showing a window of at most 240 bytes around
// itself; a line too long to copy whole (past 64 KiB) is copied a window at a time.
TEST(Runner, FindingsOfALineShareOneCopyOfIt) {
  for (const std::size_t repeats : {100U, 10'000U}) {
    SCOPED_TRACE(repeats);
    std::string line;
    for (std::size_t i = 0; i < repeats; ++i)
      line += "模型A";  // 7 bytes: Chinese meets Latin twice (but at the end of the line)
    const std::string text = "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n" + line + "\n";
    const std::size_t line_start = text.size() - line.size() - 1;
    const std::vector<Finding> findings = every_rule().lint(every_rule().parse("a.md", text));
    std::size_t on_line = 0;
    const std::string* copy = nullptr;
    for (const Finding& f : findings) {
      if (f.location.start.line != 4) continue;
      ++on_line;
      const std::size_t at = f.location.start.offset;
      EXPECT_EQ(f.excerpt, std::string_view(text).substr(f.excerpt_start, f.excerpt.size())) << at;
      EXPECT_LE(f.excerpt.size(), 240U) << at;
      EXPECT_LE(f.excerpt_start, at);
      EXPECT_LT(at, f.excerpt_start + f.excerpt.size());
      const auto in_copy = static_cast<std::size_t>(f.excerpt.data() - f.excerpt_text->data());
      if (repeats == 100) {
        EXPECT_EQ(*f.excerpt_text, line);
        EXPECT_EQ(in_copy, f.excerpt_start - line_start) << at;  // the copy begins with the line
        if (copy == nullptr) copy = f.excerpt_text.get();
        EXPECT_EQ(f.excerpt_text.get(), copy) << at;
      } else {
        EXPECT_EQ(in_copy, 0U) << at;
        EXPECT_EQ(f.excerpt_text->size(), f.excerpt.size()) << at;
      }
    }
    EXPECT_EQ(on_line, 2 * repeats - 1);
  }
}

// In invalid UTF-8 a long line may begin with stray continuation bytes, or be nothing else: each
// finding's window stays inside its line, holds the finding, and renders. (A window that began on
// the line before, found by fuzz_lint, made Finding::excerpt() throw.)
TEST(Runner, ExcerptWindowsStayInsideTheirLineInInvalidUtf8) {
  std::string stray_start = "\xB3";
  for (int i = 0; i < 100; ++i)
    stray_start += "模型A";
  for (const std::string& line : {stray_start, std::string(300, '\x80')}) {
    const std::string text = "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n" + line + "\n";
    const std::size_t line_start = text.size() - line.size() - 1;
    const std::size_t line_end = text.size() - 1;
    RunResult result;
    result.findings = every_rule().lint(every_rule().parse("a.md", text));
    std::size_t on_line = 0;
    for (const Finding& f : result.findings) {
      if (f.location.start.line != 4) continue;
      ++on_line;
      const std::size_t at = f.location.start.offset;
      EXPECT_GE(f.excerpt_start, line_start) << at;
      EXPECT_LE(f.excerpt_start + f.excerpt.size(), line_end) << at;
      EXPECT_GT(f.excerpt.size(), 0U) << at;
      EXPECT_LE(f.excerpt.size(), 240U) << at;
      EXPECT_LE(f.excerpt_start, at);
      EXPECT_EQ(f.excerpt, std::string_view(text).substr(f.excerpt_start, f.excerpt.size())) << at;
    }
    EXPECT_GT(on_line, 0U);
    const std::string report = make_reporter("gcc", ReportOptions{})->render_run(result);
    EXPECT_NE(report.find("a.md:4:1: error: invalid UTF-8"), std::string::npos) << report;
  }
}

}  // namespace
}  // namespace bilint
