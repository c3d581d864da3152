// Properties of --fix over real digests: fixing twice gives the bytes of fixing once, fixes only
// change what their findings point at, the result is valid UTF-8, and after fixing the seeds no
// fixable finding is left.
#include <algorithm>
#include <array>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "core/source.hpp"
#include "engine/linter.hpp"
#include "fix/atomic_file.hpp"
#include "report/reporter.hpp"
#include "rules/catalog.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shared_digests() {
  const fs::path shared = fs::path(BILINT_SOURCE_DIR) / ".." / "shared";
  std::vector<fs::path> files;
  for (const fs::path& dir : {shared / "seeds", shared / "corpus" / "arxiv-cs-zh"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".md" || entry.path().extension() == ".txt") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FixProperty, FixingTwiceEqualsFixingOnceOnTheWholeCorpus) {
  const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  const auto files = shared_digests();
  ASSERT_GE(files.size(), 17U);
  std::size_t changed = 0;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.string());
    const std::string original = testing::slurp(path);
    const std::string once = linter.fix(path.string(), original);
    EXPECT_EQ(linter.fix(path.string(), once), once);
    const SourceFile fixed(path.string(), once);
    EXPECT_TRUE(fixed.encoding().invalid_utf8.empty());
    changed += once != original ? 1 : 0;
  }
  EXPECT_GT(changed, 10U);
}

TEST(FixProperty, FixedSeedsLeaveNoFixableFinding) {
  const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  for (const fs::path& path : shared_digests()) {
    if (path.extension() != ".txt") continue;  // the seeds
    SCOPED_TRACE(path.string());
    const std::string fixed = linter.fix(path.string(), testing::slurp(path));
    for (const Diagnostic& d : linter.diagnose(linter.parse(path.string(), fixed))) {
      EXPECT_FALSE(d.fix.has_value()) << d.rule_id << ": " << d.message;
    }
  }
}

}  // namespace
}  // namespace bilint

#include <regex>

namespace bilint {
namespace {

// The sequence of HTML tags cmark-gfm renders, attributes left out: fixes change text and link
// targets, never the structure (no paragraph merged, no code block made, no link lost).
std::vector<std::string> tags(const std::string& markdown_path) {
  const testing::CommandResult r =
      testing::run_command("cmark-gfm -e autolink '" + markdown_path + "'", fs::current_path());
  std::vector<std::string> out;
  const std::regex tag("<(/?[a-z0-9]+)");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), tag), end; it != end; ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

TEST(FixProperty, FixedSeedsRenderWithTheSameStructure) {
  const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  testing::TempDir dir;
  std::size_t compared = 0;
  for (const fs::path& path : shared_digests()) {
    if (path.extension() != ".txt") continue;
    SCOPED_TRACE(path.string());
    const std::string original = testing::slurp(path);
    testing::write_file(dir / "before.md", original);
    testing::write_file(dir / "after.md", linter.fix(path.string(), original));
    auto before = tags((dir / "before.md").string());
    auto after = tags((dir / "after.md").string());
    // The intended structural change: a glued URL becomes a link of its own, so a fixed file may
    // have more <a> elements (and never fewer).
    const auto links = [](std::vector<std::string>& v) {
      const auto n = std::count(v.begin(), v.end(), "a");
      std::erase(v, "a");
      std::erase(v, "/a");
      return n;
    };
    EXPECT_LE(links(before), links(after));
    EXPECT_EQ(before, after);
    ++compared;
  }
  EXPECT_EQ(compared, 5U);
}

}  // namespace
}  // namespace bilint

namespace bilint {
namespace {

// Inputs the fuzzers once broke (fuzz/regressions/): they must lint and be reported in every format
// as they are, and fix to a fixed point.
TEST(FuzzRegressions, ReportAndFixToAFixedPoint) {
  const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  std::size_t cases = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(BILINT_SOURCE_DIR) / "fuzz/regressions")) {
    SCOPED_TRACE(entry.path().string());
    const std::string text = testing::slurp(entry.path());
    RunResult result;
    result.findings = linter.lint(linter.parse("case.md", text));
    for (const char* format : {"gcc", "json", "sarif", "github"}) {
      SCOPED_TRACE(format);
      EXPECT_FALSE(make_reporter(format, ReportOptions{})->render_run(result).empty());
    }
    const std::string once = linter.fix("case.md", text);
    EXPECT_EQ(linter.fix("case.md", once), once);
    (void)linter.lint(linter.parse("case.md", once));
    ++cases;
  }
  EXPECT_GE(cases, 3U);
}

}  // namespace
}  // namespace bilint

namespace bilint {
namespace {

using testing::slurp;
using testing::TempDir;
using testing::write_file;

TEST(AtomicFileWriter, PiecesAppearTogetherOnCommitAndNothingWithout) {
  const TempDir dir;
  const std::filesystem::path target = dir / "report.txt";
  write_file(target, "old");
  {
    AtomicFileWriter writer(target.string());
    writer.write("new ");
    writer.write("report\n");
    EXPECT_EQ(slurp(target), "old");  // nothing visible before the commit
    // Dropped without commit: the temporary file goes, the old contents stay.
  }
  EXPECT_EQ(slurp(target), "old");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
  // Small pieces are buffered, a large one goes straight out: the order stays.
  const std::string large(100'000, 'x');
  AtomicFileWriter writer(target.string());
  writer.write("new ");
  writer.write(large);
  writer.write("report\n");
  EXPECT_EQ(writer.commit(), "");
  EXPECT_EQ(slurp(target), "new " + large + "report\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
}

// -o /dev/null, /dev/stdout or a named pipe: the target is written as it is, never replaced by a
// regular file (which, run as root on /dev/null, replaced the device). A pipe stands for them all
// here, so that a regression cannot harm the machine that runs the test.
TEST(AtomicFileWriter, WritesIntoWhatIsNotARegularFile) {
  const TempDir dir;
  const std::filesystem::path fifo = dir / "report.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The reading end is open first, so that opening the writing end does not wait for a reader.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  AtomicFileWriter writer(fifo.string());
  writer.write("a report\n");
  EXPECT_EQ(writer.commit(), "");
  std::array<char, 64> bytes{};
  const ssize_t n = ::read(reader, bytes.data(), bytes.size());
  ::close(reader);
  EXPECT_EQ(std::string(bytes.data(), n > 0 ? static_cast<std::size_t>(n) : 0), "a report\n");
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
  // A directory is refused, not replaced.
  AtomicFileWriter into_directory(dir.path().string());
  into_directory.write("x");
  EXPECT_EQ(into_directory.commit(), "is a directory");
  EXPECT_TRUE(std::filesystem::is_directory(dir.path()));
}

}  // namespace
}  // namespace bilint
