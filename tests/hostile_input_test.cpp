// Hostile input: each case of the table in docs/reliability.md, run through the built binary with
// its exact outcome. A linter in a pre-commit hook must not crash, hang, or damage a file.
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cli_support.hpp"

extern char** environ;

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

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // ASan's shadow memory makes resident sizes meaningless
#else
constexpr bool kSanitized = false;
#endif

// Starts bilint in `cwd` with its standard output going to `out`.
pid_t spawn_bilint(const std::vector<std::string>& args, const fs::path& cwd,
                   const fs::path& out = "/dev/null") {
  std::vector<std::string> argv{kBilint};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (std::string& a : argv)
    raw.push_back(a.data());
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

struct MeasuredRun {
  int exit_code = -1;
  std::string out;
  long peak_kib = 0;  // peak resident size of bilint alone
};

MeasuredRun run_measured(const std::vector<std::string>& args, const fs::path& cwd) {
  const TempDir capture;
  const pid_t pid = spawn_bilint(args, cwd, capture / "out");
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(capture / "out"), usage.ru_maxrss};
}

TEST(HostileInput, EmptyAndWhitespaceOnlyFiles) {
  TempDir dir;
  write_file(dir / "empty.md", "");
  write_file(dir / "blank.md", " \n\t\n\n");
  const CommandResult r = bilint("check empty.md blank.md", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "blank.md:1:1: warning: trailing white space [format/trailing-space]\n"
            "    1 |  \n"
            "      | ^\n"
            "blank.md:1:1: note: 3 blank lines at the end of the file [format/blank-lines]\n"
            "    1 |  \n"
            "      | ^\n"
            "blank.md:2:1: warning: trailing white space [format/trailing-space]\n"
            "    2 |         \n"
            "      | ^~~~~~~~\n"
            "2 files checked: 2 warnings, 1 note\n");
  EXPECT_EQ(bilint("check empty.md", dir.path()).out, "1 file checked: no findings\n");
}

TEST(HostileInput, AHundredMegabyteSingleLine) {
  TempDir dir;
  const std::string sentence = "这是一个很长的段落，没有换行。";
  const std::size_t size = (kSanitized ? 20U : 100U) << 20;
  std::string text = "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n";
  text.reserve(size + sentence.size());
  while (text.size() < size)
    text += sentence;
  write_file(dir / "line.md", text);
  const MeasuredRun r = run_measured({"check", "line.md"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  // One finding, its excerpt a window of the line rather than 100 MB.
  EXPECT_TRUE(r.out.starts_with(
      "line.md:4:1: warning: no newline at the end of the file [format/final-newline]\n"))
      << r.out.substr(0, 200);
  EXPECT_LT(r.out.size(), 1000U);
  EXPECT_NE(r.out.find("1 file checked: 1 warning\n"), std::string::npos) << r.out;
  // The bytes, their line index and the document: measured 188 MB for 100 MB.
  if (!kSanitized) {
    EXPECT_LT(r.peak_kib, 3 * 100 * 1024);
  }
}

TEST(HostileInput, AMillionEntriesInOneFile) {
  TempDir dir;
  const std::size_t count = kSanitized ? 100'000 : 1'000'000;
  std::string text;
  text.reserve(count * 80);
  for (std::size_t i = 0; i < count; ++i) {
    // arXiv ids from 1501.00001 on, 99,999 a month, all distinct.
    const std::size_t month = i / 99'999;
    text +=
        fmt::format("## Paper {}\n[论文 {}](https://arxiv.org/abs/{:02}{:02}.{:05})\n\n摘要。\n\n",
                    i, i, 15 + month / 12, 1 + month % 12, i % 99'999 + 1);
  }
  write_file(dir / "million.md", text);
  const MeasuredRun r = run_measured({"check", "million.md"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  // The gutter widens with the line number, so the caret line stays aligned.
  const std::string line = std::to_string(count * 5);
  EXPECT_EQ(r.out, "million.md:" + line +
                       ":1: note: 1 blank line at the end of the file [format/blank-lines]\n" +
                       line + " | \n" + std::string(line.size(), ' ') +
                       " | ^\n1 file checked: 1 note\n");
  // 78 MB of entries: measured 713 MB peak, of which 520 MB is the parsed document and about
  // 190 MB link/duplicate's first place of each distinct paper; see docs/reliability.md.
  if (!kSanitized) {
    EXPECT_LT(r.peak_kib, 1200 * 1024);
  }
}

TEST(HostileInput, TenThousandNestedBrackets) {
  TempDir dir;
  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']') +
                           std::string(10'000, '(') + std::string(10'000, ')') +
                           std::string(10'000, '<') + std::string(10'000, '*');
  write_file(dir / "deep.md", "## Deep\n[深](https://arxiv.org/abs/2401.00001)\n\n" + deep +
                                  "\n\n## " + deep + "\n[" + deep +
                                  "](https://arxiv.org/abs/2401.00002)\n\n摘要。\n");
  const CommandResult r = bilint("check deep.md", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  // The parenthesised run after the brackets reads as a link destination; its message quotes
  // only the start of it.
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "deep.md:4:20002: error: '" + std::string(80, '(') +
                "…' is not a valid URL: Bad scheme [link/malformed]");
  EXPECT_EQ(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1),
            "1 file checked: 1 error, 1 note\n");
}

TEST(HostileInput, GlossaryAliasBombAndAHundredThousandTerms) {
  TempDir dir;
  std::string bomb =
      "terms:\n  - {source: x, preferred: 甲}\nbomb:\n  a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += fmt::format("  {}: &{} [*{}, *{}, *{}]\n", c, c, static_cast<char>(c - 1),
                        static_cast<char>(c - 1), static_cast<char>(c - 1));
  }
  write_file(dir / "bomb.yaml", bomb);
  write_file(dir / "a.md", "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n摘要。\n");
  const CommandResult b = bilint("check --glossary bomb.yaml a.md", dir.path());
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_EQ(b.err,
            "bilint: error: bomb.yaml:12:18: the YAML expands to more than 100291 nodes (an alias "
            "bomb?); not read\n");

  // 100,000 terms, each with a variant; the last one's variant is in the file.
  std::string big = "terms:\n";
  for (int i = 0; i < 100'000; ++i)
    big += fmt::format("  - {{source: term number {}, preferred: 术语{}号, variants: [词{}号]}}\n",
                       i, i, i);
  write_file(dir / "big.yaml", big);
  write_file(dir / "b.md",
             "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n摘要提到词99999号。\n");
  const CommandResult r =
      bilint("check --select term/variant --glossary big.yaml b.md", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "b.md:4:5: warning: '词99999号' is a variant rendering of 'term number 99999'; the "
            "glossary uses '术语99999号' [term/variant]");
}

TEST(HostileInput, ADirectoryGivenWhereAFileBelongs) {
  TempDir dir;
  fs::create_directory(dir / "d");
  write_file(dir / "a.md", "## Title\n[标题](https://arxiv.org/abs/2401.00001)\n\n摘要。\n");
  EXPECT_EQ(bilint("check --glossary d a.md", dir.path()).err,
            "bilint: error: d: cannot read glossary: is a directory\n");
  EXPECT_EQ(bilint("check --config d a.md", dir.path()).err,
            "bilint: error: d: cannot read configuration: is a directory\n");
  EXPECT_EQ(bilint("check --baseline d a.md", dir.path()).err,
            "bilint: error: d: cannot read the baseline: is a directory\n");
  EXPECT_EQ(bilint("check --rules d a.md", dir.path()).err, "bilint: error: d: is a directory\n");
  const CommandResult o = bilint("check -o d a.md", dir.path());
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_EQ(o.err, "bilint: error: d: is a directory\n");
}

constexpr std::string_view kFixable =
    "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n用GPT模型。\n";

TEST(NeverLoseAFile, AReadOnlyFileIsNotFixed) {
  TempDir dir;
  write_file(dir / "a.md", kFixable);
  fs::permissions(dir / "a.md", fs::perms::owner_read | fs::perms::group_read);
  const CommandResult r = bilint("check --fix --select format/cjk-spacing a.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "bilint: error: a.md: not fixed: the file is read-only\n");
  EXPECT_EQ(slurp(dir / "a.md"), kFixable);
}

// A named pipe (or a device) given as a path is refused without being opened, so --fix never
// writes the fixed text into one (the atomic writer writes such targets as they are, for -o).
TEST(NeverLoseAFile, ANamedPipeIsNotAnInput) {
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "a.md").c_str(), 0600), 0);
  write_file(dir / "b.md", kFixable);
  const CommandResult r = bilint("check --fix --select format/cjk-spacing a.md b.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "bilint: error: a.md: not a regular file or directory\n");
  EXPECT_EQ(r.out, "1 file checked: no findings (1 file fixed)\n");
  EXPECT_TRUE(fs::is_fifo(dir / "a.md"));
}

TEST(NeverLoseAFile, AFileSizeLimitStopsTheWriteAndKeepsTheOriginal) {
  // ulimit -f 1: no file may grow past 1 KiB, as on a full disk the write fails (EFBIG).
  TempDir dir;
  std::string text(kFixable);
  while (text.size() < 900)
    text += "用GPT模型。\n";
  write_file(dir / "a.md", text);
  const CommandResult r = testing::run_command(
      "ulimit -f 1 && '" + kBilint + "' check --fix --select format/cjk-spacing a.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: a.md: not fixed: cannot write the new contents: File too large\n");
  EXPECT_EQ(slurp(dir / "a.md"), text);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1)
      << "the temporary file is removed";
}

TEST(NeverLoseAFile, AFullDiskKeepsTheOriginal) {
  // A 16 KiB tmpfs, mounted in a user and mount namespace of its own (unshare -rm, util-linux), so
  // that neither root nor a mount outside the test is needed; it goes away with the namespace.
  TempDir dir;
  std::string text(kFixable);
  while (text.size() < 9000)
    text += "用GPT模型。\n";
  write_file(dir / "a.md", text);
  fs::create_directory(dir / "disk");
  const CommandResult r = testing::run_command(
      "unshare -rm sh -c 'mount -t tmpfs -o size=16k tmpfs disk && cp a.md disk/ && cd disk && "
      "\"" +
          kBilint +
          "\" check --fix --select format/cjk-spacing a.md >/dev/null 2>../err.txt; "
          "echo $? >../code.txt; cmp -s a.md ../a.md && echo identical >../same.txt'",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << "unshare or mount failed: " << r.err;
  EXPECT_EQ(slurp(dir / "code.txt"), "2\n");
  EXPECT_EQ(slurp(dir / "err.txt"),
            "bilint: error: a.md: not fixed: cannot write the new contents: "
            "No space left on device\n");
  EXPECT_EQ(slurp(dir / "same.txt"), "identical\n") << "the file on the full disk changed";
}

TEST(NeverLoseAFile, KilledDuringFixEveryFileIsOriginalOrFullyFixed) {
  TempDir originals;
  TempDir expected;
  TempDir work;
  // 60 files with fixable findings of several rules: copies of the seed digests.
  std::vector<std::string> names;
  for (int i = 0; i < 60; ++i) {
    const fs::path seed = kSource / "fixtures" / "samples" / fmt::format("seed-00{}.md", i % 5);
    names.push_back(fmt::format("d{:02}.md", i));
    write_file(originals / names.back(), slurp(seed));
    write_file(expected / names.back(), slurp(seed));
  }
  ASSERT_LE(bilint("check --fix -j1 .", expected.path()).exit_code, 1);
  std::size_t fixed_differs = 0;
  for (const std::string& name : names)
    fixed_differs += slurp(originals / name) != slurp(expected / name) ? 1 : 0;
  ASSERT_EQ(fixed_differs, names.size());

  // How long a whole run takes, to spread the kills over it.
  const auto started = std::chrono::steady_clock::now();
  for (const std::string& name : names)
    fs::copy_file(originals / name, work / name, fs::copy_options::overwrite_existing);
  ASSERT_LE(bilint("check --fix -j2 .", work.path()).exit_code, 1);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);

  std::mt19937 random(20261122);
  std::size_t mixed_runs = 0;  // kills that left some files fixed and some not
  for (int round = 0; round < 40; ++round) {
    for (const auto& entry : fs::directory_iterator(work.path()))
      fs::remove(entry.path());
    for (const std::string& name : names)
      fs::copy_file(originals / name, work / name);
    const pid_t pid = spawn_bilint({"check", "--fix", "-j2", "."}, work.path());
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<long>(0, full.count())(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);

    std::size_t fixed = 0;
    for (const std::string& name : names) {
      const std::string now = slurp(work / name);
      if (now == slurp(expected / name)) {
        ++fixed;
      } else {
        ASSERT_EQ(now, slurp(originals / name)) << name << " is neither original nor fixed";
      }
    }
    mixed_runs += fixed > 0 && fixed < names.size() ? 1 : 0;
  }
  // Otherwise every kill came before the first write or after the last, and nothing was shown.
  EXPECT_GT(mixed_runs, 3U);
}

}  // namespace
}  // namespace bilint
