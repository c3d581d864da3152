// End-to-end tests: they run the built binary as a user would and assert exact output and exit
// codes.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using testing::bilint;
using testing::CommandResult;
using testing::kBilint;
using testing::kSource;
using testing::slurp;
using testing::TempDir;
using testing::write_file;

// Most runs here are in the source tree.
CommandResult bilint(const std::string& args) {
  return testing::bilint(args, kSource);
}

constexpr std::string_view kCleanEntry =
    "## OLMoE: Open Mixture-of-Experts Language Models\n"
    "[OLMoE：开源的混合专家语言模型](https://arxiv.org/abs/2409.02060)\n"
    "\n"
    "我们介绍了 OLMoE，一种完全开源的语言模型。\n";

TEST(Cli, CleanFileExitsZero) {
  TempDir dir;
  write_file(dir / "clean.md", kCleanEntry);
  const CommandResult r = bilint("check clean.md", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1 file checked: no findings\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, SeedCopiesReportTheGluedHeading) {
  TempDir dir;
  fs::copy(kSource / "fixtures/samples", dir / "seeds");
  const CommandResult r = bilint("check seeds", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("seeds/seed-004.md:40:1: warning: no blank line before this entry's heading "
                       "[entry/unseparated-heading]\n"
                       "   40 | ## Neural Network Diffusion\n"
                       "      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("5 files checked: "), std::string::npos) << r.out;
}

TEST(Cli, MissingFileIsAnInputErrorAndTheRestIsStillChecked) {
  TempDir dir;
  write_file(dir / "bad.md", "## A\n\n摘要。\n");
  const CommandResult r = bilint("check nope.md bad.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "bilint: error: nope.md: No such file or directory\n");
  EXPECT_NE(r.out.find("bad.md:1:1: error: entry has no link line"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 file checked: 1 error\n"), std::string::npos) << r.out;
}

TEST(Cli, FailLevelDecidesTheExitCode) {
  TempDir dir;
  write_file(dir / "glued.md", std::string(kCleanEntry) + std::string(kCleanEntry));
  EXPECT_EQ(bilint("check glued.md", dir.path()).exit_code, 1);
  EXPECT_EQ(bilint("check --fail-level error glued.md", dir.path()).exit_code, 0);
  EXPECT_EQ(bilint("check --fail-level note glued.md", dir.path()).exit_code, 1);
}

TEST(Cli, CaretSitsUnderTheRightChineseCharacter) {
  TempDir dir;
  write_file(dir / "bad.md",
             "## T\n[标题](https://arxiv.org/abs/2409.00001)\n\n中文\t字\xFF后。\n");
  const CommandResult r = bilint("check --select format/invalid-utf8 bad.md", dir.path());
  EXPECT_EQ(r.out,
            "bad.md:4:5: error: invalid UTF-8 (1 byte: \\xFF) [format/invalid-utf8]\n"
            "    4 | 中文    字\xEF\xBF\xBD后。\n"
            "      |           ^\n"
            "1 file checked: 1 error\n");
}

// A line longer than 240 bytes is shown as a window around each finding, 80 bytes before it: as it
// is where the line holds nothing shown otherwise, with its tab expanded (from the window's first
// column) where it does.
TEST(Cli, LongLinesAreShownAsAWindowAroundEachFinding) {
  const auto times = [](std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
      out += s;
    return out;
  };
  TempDir dir;
  write_file(dir / "long.md", "## T\n[标题](https://arxiv.org/abs/2409.00001)\n\n" +
                                  times("中", 60) + "A" + times("中", 60) + times("文", 30) + "B" +
                                  times("字", 20) + "\n\n" + times("中", 60) + "A" +
                                  times("中", 60) + "\t" + times("文", 10) + "B" + times("字", 20) +
                                  "\n");
  const CommandResult r = bilint("check --select format/cjk-spacing long.md", dir.path());
  const std::string warning =
      ": warning: no space between Chinese and Latin text [format/cjk-spacing]\n";
  const std::string caret = "      | " + std::string(54, ' ') + "^~~\n";
  EXPECT_EQ(r.out, "long.md:4:60" + warning + "    4 | " + times("中", 28) + "A" + times("中", 51) +
                       "\n" + caret +  //
                       "long.md:4:61" + warning + "    4 | " + times("中", 27) + "A" +
                       times("中", 52) + "\n" + caret +  //
                       "long.md:4:151" + warning + "    4 | " + times("文", 28) + "B" +
                       times("字", 20) + "\n" + caret +  //
                       "long.md:4:152" + warning + "    4 | " + times("文", 27) + "B" +
                       times("字", 20) + "\n" + caret +  //
                       "long.md:6:60" + warning + "    6 | " + times("中", 28) + "A" +
                       times("中", 51) + "\n" + caret +  //
                       "long.md:6:61" + warning + "    6 | " + times("中", 27) + "A" +
                       times("中", 52) + "\n" + caret +  //
                       "long.md:6:132" + warning + "    6 | " + times("中", 18) + "    " +
                       times("文", 10) + "B" + times("字", 20) + "\n      | " +
                       std::string(58, ' ') + "^~~\n" +  //
                       "long.md:6:133" + warning + "    6 | " + times("中", 17) + "      " +
                       times("文", 10) + "B" + times("字", 20) + "\n      | " +
                       std::string(60, ' ') + "^~~\n" +  //
                       "1 file checked: 8 warnings\n");
}

TEST(Cli, ColumnUnits) {
  TempDir dir;
  write_file(dir / "bad.md", "## T\n[标题](u)\n\n\U0001F600中文\xFF\n");
  const auto column = [&](const std::string& unit) {
    const CommandResult r =
        bilint("check --select format --column-unit " + unit + " bad.md", dir.path());
    return r.out.substr(0, r.out.find(": error"));
  };
  EXPECT_EQ(column("codepoint"), "bad.md:4:4");
  EXPECT_EQ(column("utf16"), "bad.md:4:5");
  EXPECT_EQ(column("byte"), "bad.md:4:11");
  EXPECT_EQ(column("display"), "bad.md:4:7");
}

TEST(Cli, OutputIsIdenticalWhateverTheJobCount) {
  TempDir dir;
  fs::copy(kSource / "fixtures", dir / "fixtures", fs::copy_options::recursive);
  const CommandResult one = bilint("check -j 1 fixtures", dir.path());
  const CommandResult four = bilint("check -j 4 fixtures", dir.path());
  const CommandResult all = bilint("check fixtures", dir.path());
  EXPECT_GT(one.out.size(), 1000U);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.out, all.out);
  EXPECT_EQ(one.exit_code, four.exit_code);
}

// Papers listed again are found among thousands of others, across files, each pointing at the
// first entry of its paper: enough papers that the run's table of them grows several times.
TEST(Cli, DuplicatePapersAreFoundAmongThousands) {
  TempDir dir;
  const auto entries = [](int from, int to) {
    std::string text;
    for (int n = from; n < to; ++n) {
      text += fmt::format(
          "## Paper {}\n[论文 {}](https://arxiv.org/abs/2401.{:05})\n\n我们提出。\n\n", n, n, n);
    }
    return text;
  };
  write_file(dir / "a.md", entries(0, 2000));
  // 300 of a.md's papers again, after 1,000 of its own.
  write_file(dir / "b.md", entries(2000, 3000) + entries(100, 400));
  // 10 of b.md's own and 5 of a.md's, twice each.
  write_file(dir / "c.md",
             entries(2990, 3000) + entries(0, 5) + entries(2990, 3000) + entries(0, 5));
  const CommandResult r = bilint("check --select link/duplicate -j 2 a.md b.md c.md", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::size_t findings = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    findings += line.ends_with("[link/duplicate]") ? 1 : 0;
  EXPECT_EQ(findings, 300U + 30U);
  EXPECT_NE(r.out.find("b.md:5002:10: warning: arXiv 2401.00100 is already an entry at a.md:502 "
                       "[link/duplicate]"),
            std::string::npos)
      << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("c.md:122:11: warning: arXiv 2401.02999 is already an entry at b.md:4997 "
                       "[link/duplicate]"),
            std::string::npos);
  EXPECT_NE(r.out.find("c.md:147:8: warning: arXiv 2401.00004 is already an entry at a.md:22 "
                       "[link/duplicate]"),
            std::string::npos);
  EXPECT_TRUE(r.out.ends_with("3 files checked: 330 warnings\n"))
      << r.out.substr(r.out.size() - 200);
}

// A run streams each file's findings in path order, files of two configurations interleaved, and
// the findings that compare files (a paper listed twice) are reported in their file, under its
// suppression comments, each configuration its own run.
TEST(Cli, FilesStreamInPathOrderWithFindingsAcrossFilesInPlace) {
  TempDir dir;
  ASSERT_EQ(std::system(("git init -q " + dir.path().string()).c_str()), 0);
  fs::create_directory(dir / "sub");
  write_file(dir / ".bilint.yaml", "fail-level: error\n");
  write_file(dir / "sub" / ".bilint.yaml", "fail-level: note\n");
  const std::string entry =
      "## OLMoE: Open Mixture-of-Experts Language Models\n"
      "[OLMoE：开源的混合专家语言模型](https://arxiv.org/abs/2409.02060)\n\n本文提出了一种模型。\n";
  write_file(dir / "x.md", entry);
  write_file(dir / "sub" / "y.md", entry);
  write_file(dir / "z.md",
             "<!-- bilint-disable-next-line link/duplicate -->\n" + entry +
                 "\n<!-- bilint-disable-entry link/duplicate -->\n## Again\n"
                 "[OLMoE：再次](https://arxiv.org/abs/2409.02060v2)\n\n我们提出了。\n");
  const std::string expected =
      "sub/y.md:4:1: note: the summary opens with '本文'; say what the work does instead "
      "[pattern/summary-opener]\n"
      "    4 | 本文提出了一种模型。\n"
      "      | ^~~~\n"
      "x.md:4:1: note: the summary opens with '本文'; say what the work does instead "
      "[pattern/summary-opener]\n"
      "    4 | 本文提出了一种模型。\n"
      "      | ^~~~\n"
      "z.md:1:1: note: 'link/duplicate' is suppressed here but reports nothing "
      "[suppression/unused]\n"
      "    1 | <!-- bilint-disable-next-line link/duplicate -->\n"
      "      | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "z.md:3:21: warning: arXiv 2409.02060 is already an entry at x.md:2 [link/duplicate]\n"
      "    3 | [OLMoE：开源的混合专家语言模型](https://arxiv.org/abs/2409.02060)\n"
      "      |                                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
      "x.md:2:21: note: the first entry for this paper\n"
      "z.md:5:1: note: the summary opens with '本文'; say what the work does instead "
      "[pattern/summary-opener]\n"
      "    5 | 本文提出了一种模型。\n"
      "      | ^~~~\n"
      "3 files checked: 1 warning, 4 notes\n";
  for (const char* jobs : {"1", "3"}) {
    SCOPED_TRACE(jobs);
    const CommandResult r = bilint(
        std::string("check --color never --select link,pattern,suppression -j ") + jobs + " .",
        dir.path());
    EXPECT_EQ(r.out, expected);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.exit_code, 1);  // sub/ fails on notes
  }
}

// A file's findings are resolved and reported a slice of 4,096 at a time; with one thread each
// slice is written out as soon as it is rendered, with more the file's report is written whole.
// Both give the same bytes in every format, across slice boundaries (two files of 8,999 findings:
// three slices each).
TEST(Cli, ReportsAlikeStreamedASliceAtATimeOrWhole) {
  TempDir dir;
  std::string line;
  for (int i = 0; i < 4500; ++i)
    line += "模型A";  // Chinese meets Latin twice, but at the end of the line
  for (const char* name : {"a.md", "b.md"}) {
    write_file(dir / name, "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n" + line + "\n");
  }
  for (const char* format : {"gcc", "json", "sarif", "github"}) {
    SCOPED_TRACE(format);
    const std::string args = std::string(" --select format/cjk-spacing --format ") + format;
    const CommandResult streamed = bilint("check -j 1" + args + " a.md b.md", dir.path());
    const CommandResult whole = bilint("check -j 2" + args + " a.md b.md", dir.path());
    EXPECT_EQ(streamed.exit_code, 1);
    EXPECT_EQ(whole.exit_code, 1);
    EXPECT_EQ(streamed.err, "");
    const auto without_command_line = [](const std::string& out) {  // SARIF's names -j
      const std::size_t at = out.find("\"commandLine\"");
      return at == std::string::npos ? out : out.substr(0, at) + out.substr(out.find('\n', at));
    };
    // Compared by hand: gtest's diff of two texts of 18,000 lines takes gigabytes.
    const std::string a = without_command_line(streamed.out);
    const std::string b = without_command_line(whole.out);
    const auto differ = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    EXPECT_TRUE(a == b) << "first difference at byte " << (differ.first - a.begin()) << ": "
                        << a.substr(static_cast<std::size_t>(differ.first - a.begin()), 60) << " | "
                        << b.substr(static_cast<std::size_t>(differ.second - b.begin()), 60);
    if (std::string_view(format) == "json") {
      const auto json = nlohmann::json::parse(streamed.out);
      ASSERT_EQ(json.size(), 2 * 8999U);
      for (std::size_t i = 1; i < json.size(); ++i) {  // each finding once, in order
        if (i == 8999) continue;
        EXPECT_LT(json[i - 1]["offset"], json[i]["offset"]) << i;
      }
      EXPECT_EQ(json[8998]["file"], "a.md");
      EXPECT_EQ(json[8999]["file"], "b.md");
    }
    if (std::string_view(format) == "gcc") {
      EXPECT_NE(streamed.out.find("2 files checked: 17998 warnings\n"), std::string::npos);
    }
  }
  // A baseline keeps the findings themselves, slice after slice.
  for (const char* jobs : {"1", "2"}) {
    const CommandResult r = bilint(std::string("check --select format/cjk-spacing -j ") + jobs +
                                       " --write-baseline base-" + jobs + ".json a.md b.md",
                                   dir.path());
    EXPECT_EQ(r.err, std::string("bilint: wrote 17998 findings to base-") + jobs + ".json\n");
  }
  EXPECT_TRUE(slurp(dir / "base-1.json") == slurp(dir / "base-2.json"));
}

TEST(Cli, StdinWithFilename) {
  const CommandResult r = testing::run_command(
      "printf '## A\\n' | '" + kBilint + "' check --stdin --stdin-filename 'papers/今日.md'",
      kSource);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "papers/今日.md:1:1: error: entry has no link line: the heading must be followed by "
            "'[Chinese title](url)' [entry/missing-link]");
}

TEST(Cli, JsonFormat) {
  TempDir dir;
  write_file(dir / "b.md", "\xEF\xBB\xBF## A\n[甲](u)\n\n摘要。\n");
  const CommandResult r = bilint("check --format json b.md", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 1U);
  const auto& f = json[0];
  EXPECT_EQ(f["file"], "b.md");
  EXPECT_EQ(f["line"], 1);
  EXPECT_EQ(f["column"], 1);
  EXPECT_EQ(f["end_line"], 1);
  EXPECT_EQ(f["end_column"], 2);
  EXPECT_EQ(f["offset"], 0);
  EXPECT_EQ(f["end_offset"], 3);
  EXPECT_EQ(f["rule"], "format/bom");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["message"], "file starts with a UTF-8 byte order mark");
  EXPECT_EQ(f["fix"]["edits"][0]["replacement"], "");
  EXPECT_TRUE(f["related"].empty());
}

TEST(Cli, SelectAndIgnore) {
  TempDir dir;
  write_file(dir / "b.md", "\xEF\xBB\xBF## A\n\n摘要。\n");
  EXPECT_EQ(bilint("check --select entry b.md", dir.path()).out.find("format/bom"),
            std::string::npos);
  EXPECT_EQ(bilint("check --ignore entry/missing-link,format b.md", dir.path()).out,
            "1 file checked: no findings\n");
  const CommandResult unknown = bilint("check --select entry/nope b.md", dir.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "bilint: error: --select 'entry/nope' names no rule or family (see 'bilint rules')\n");
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(bilint("check --format xml").exit_code, 2);
  EXPECT_EQ(bilint("frobnicate").exit_code, 2);
  EXPECT_EQ(bilint("").exit_code, 2);
  EXPECT_EQ(bilint("--help").exit_code, 0);
}

TEST(Cli, Colour) {
  TempDir dir;
  write_file(dir / "b.md", "## A\n\n摘要。\n");
  EXPECT_NE(bilint("check --color always b.md", dir.path()).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(bilint("check --color never b.md", dir.path()).out.find("\x1b["), std::string::npos);
  // auto: not a terminal here, so no colour either way.
  EXPECT_EQ(bilint("check b.md", dir.path()).out.find("\x1b["), std::string::npos);
  const CommandResult no_color = testing::run_command(
      "NO_COLOR=1 script -qec \"'" + kBilint + "' check b.md\" /dev/null", dir.path());
  EXPECT_EQ(no_color.out.find("\x1b["), std::string::npos) << no_color.out;
  const CommandResult tty = testing::run_command(
      "TERM=xterm script -qec \"'" + kBilint + "' check b.md\" /dev/null", dir.path());
  EXPECT_NE(tty.out.find("\x1b["), std::string::npos) << tty.out;
  const CommandResult dumb = testing::run_command(
      "TERM=dumb script -qec \"'" + kBilint + "' check b.md\" /dev/null", dir.path());
  EXPECT_EQ(dumb.out.find("\x1b["), std::string::npos) << dumb.out;
}

TEST(Cli, DirectoryWalk) {
  TempDir dir;
  fs::create_directories(dir / "d/sub");
  fs::create_directories(dir / "d/.hidden");
  write_file(dir / "d/sub/a.md", "## A\n");
  write_file(dir / "d/.hidden/b.md", "## B\n");
  write_file(dir / "d/c.txt", "## C\n");
  write_file(dir / "d/sub/d.markdown", "## D\n");
  fs::create_directory_symlink("..", dir / "d/sub/loop");
  const CommandResult r = bilint("check d", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: d/sub/loop: directory loop: it leads back to a directory being walked; "
            "skipped\n");
  EXPECT_NE(r.out.find("d/sub/a.md:1:1: error"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 file checked"), std::string::npos) << r.out;
  // An explicit file is linted whatever its name.
  EXPECT_NE(bilint("check d/c.txt", dir.path()).out.find("d/c.txt:1:1: error"), std::string::npos);
}

TEST(Cli, BinaryAndUnreadableInputs) {
  TempDir dir;
  write_file(dir / "image.md", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20));
  write_file(dir / "ok.md", kCleanEntry);
  write_file(dir / "secret.md", kCleanEntry);
  fs::permissions(dir / "secret.md", fs::perms::none);
  fs::permissions(dir.path(), fs::perms::all);
  fs::create_symlink("self.md", dir / "self.md");
  // Root reads any file, so the unreadable case runs as an unprivileged user when we are root.
  const std::string prefix =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const CommandResult r = testing::run_command(
      prefix + "'" + kBilint + "' check image.md ok.md secret.md self.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: image.md: binary file (not UTF-8 text); skipped\n"
            "bilint: error: secret.md: Permission denied\n"
            "bilint: error: self.md: too many levels of symbolic links (a link loop)\n");
  EXPECT_EQ(r.out, "1 file checked: no findings\n");
}

TEST(Cli, RulesCatalogue) {
  const CommandResult r = bilint("rules");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "RULE                       SEVERITY  FIXABLE  SUMMARY");
  EXPECT_NE(r.out.find("\nentry/missing-link         error     no       An entry heading is not "
                       "followed by a \"[Chinese title](url)\" line.\n"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace bilint

namespace bilint {
namespace {

TEST(CliFix, DiffShowsWhatFixWouldDoAndWritesNothing) {
  TempDir dir;
  const std::string text = "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n用GPT模型。\n";
  write_file(dir / "a.md", text);
  const CommandResult diff = bilint("check --diff --select format/cjk-spacing a.md", dir.path());
  EXPECT_EQ(diff.exit_code, 1);
  EXPECT_EQ(
      diff.out,
      "--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n ## A\n [甲](https://arxiv.org/abs/2409.00001)\n"
      " \n-用GPT模型。\n+用 GPT 模型。\n");
  EXPECT_EQ(testing::slurp(dir / "a.md"), text);
  const CommandResult fix = bilint("check --fix --select format/cjk-spacing a.md", dir.path());
  EXPECT_EQ(fix.exit_code, 0) << fix.out;
  EXPECT_EQ(fix.out, "1 file checked: no findings (1 file fixed)\n");
  EXPECT_EQ(testing::slurp(dir / "a.md"),
            "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n用 GPT 模型。\n");
  EXPECT_EQ(bilint("check --diff --select format/cjk-spacing a.md", dir.path()).exit_code, 0);
  EXPECT_EQ(bilint("check --fix --diff a.md", dir.path()).exit_code, 2);
}

TEST(CliFix, AFileThatCannotBeReplacedIsLeftUntouched) {
  TempDir dir;
  fs::create_directories(dir / "locked");
  fs::permissions(dir.path(), fs::perms::all);
  const std::string text = "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n用GPT模型。\n";
  write_file(dir / "locked/a.md", text);
  fs::permissions(dir / "locked/a.md", fs::perms::owner_all | fs::perms::others_all);
  fs::permissions(dir / "locked",
                  fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  // Root may write anywhere, so the run drops to an unprivileged user, who may read the file and
  // write it, but not create the temporary file beside it.
  const std::string prefix =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const CommandResult r = testing::run_command(
      prefix + "'" + kBilint + "' check --fix --select format/cjk-spacing locked/a.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: locked/a.md: not fixed: cannot create a temporary file beside it: "
            "Permission denied\n");
  EXPECT_NE(r.out.find("locked/a.md:4:1: warning: no space between Chinese and Latin text"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(testing::slurp(dir / "locked/a.md"), text);
}

}  // namespace
}  // namespace bilint
