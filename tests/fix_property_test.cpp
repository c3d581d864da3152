// Properties of --fix over real digests: fixing twice gives the bytes of fixing once, fixes only
// change what their findings point at, the result is valid UTF-8, and after fixing the seeds no
// fixable finding is left.
#include <filesystem>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "core/source.hpp"
#include "engine/linter.hpp"
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
    for (const Diagnostic& d : linter.diagnose(SourceFile(path.string(), fixed))) {
      EXPECT_FALSE(d.fix.has_value()) << d.rule_id << ": " << d.message;
    }
  }
}

}  // namespace
}  // namespace bilint
