// The pre-commit hooks of .pre-commit-hooks.yaml, installed with the real pre-commit into a
// temporary git repository.
#include <filesystem>

#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::kSource;
using testing::slurp;
using testing::TempDir;
using testing::write_file;

const fs::path kBinaryDirectory = fs::path(BILINT_BINARY).parent_path();

constexpr std::string_view kClean =
    "## OLMoE: Open Mixture-of-Experts Language Models\n"
    "[OLMoE：开源的混合专家语言模型](https://arxiv.org/abs/2409.02060)\n"
    "\n"
    "我们介绍了 OLMoE，一种完全开源的语言模型。\n";

class PreCommit : public ::testing::Test {
 protected:
  // Runs a command in `cwd` with bilint on PATH, pre-commit's cache inside the test, and a git
  // identity.
  CommandResult sh(const std::string& command, const fs::path& cwd) {
    return testing::run_command(std::string(testing::kGitIdentity) + "export PATH='" +
                                    kBinaryDirectory.string() + "':\"$PATH\" PRE_COMMIT_HOME='" +
                                    (home_ / "cache").string() + "' HOME='" +
                                    home_.path().string() + "' NO_COLOR=1; " + command,
                                cwd);
  }

  // A repository holding this project's .pre-commit-hooks.yaml, as pre-commit clones it.
  std::string publish_hooks() {
    fs::copy_file(kSource / ".pre-commit-hooks.yaml", hooks_ / ".pre-commit-hooks.yaml");
    EXPECT_EQ(sh("git init -q && git add . && git commit -qm hooks", hooks_.path()).exit_code, 0);
    std::string sha = sh("git rev-parse HEAD", hooks_.path()).out;
    sha.pop_back();
    return sha;
  }

  void use_hook(const std::string& id, const std::string& sha) {
    write_file(project_ / ".pre-commit-config.yaml", "repos:\n  - repo: " + hooks_.path().string() +
                                                         "\n    rev: " + sha +
                                                         "\n    hooks:\n      - id: " + id + "\n");
  }

  TempDir home_;
  TempDir hooks_;
  TempDir project_;
};

TEST_F(PreCommit, TheCheckingHookBlocksADefectAndTheFixingHookRepairsIt) {
  ASSERT_EQ(sh("pre-commit --version", project_.path()).exit_code, 0)
      << "pre-commit is missing: run scripts/install-deps.sh";
  const std::string sha = publish_hooks();
  ASSERT_EQ(sh("git init -q", project_.path()).exit_code, 0);
  use_hook("bilint", sha);
  const CommandResult installed = sh("pre-commit install", project_.path());
  ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
  EXPECT_EQ(installed.out, "pre-commit installed at .git/hooks/pre-commit\n");

  // A clean digest commits.
  write_file(project_ / "clean.md", kClean);
  CommandResult commit = sh("git add . && git commit -qm clean", project_.path());
  EXPECT_EQ(commit.exit_code, 0) << commit.out << commit.err;

  // A defect is blocked, with the finding printed.
  write_file(project_ / "defect.md", testing::kVariantEntry);
  commit = sh("git add defect.md && git commit -qm defect", project_.path());
  EXPECT_EQ(commit.exit_code, 1);
  EXPECT_NE((commit.out + commit.err)
                .find("defect.md:2:2: warning: '大型语言模型' is a variant rendering of "
                      "'large language model'; the glossary uses '大语言模型' [term/variant]"),
            std::string::npos)
      << commit.out << commit.err;
  EXPECT_EQ(sh("git log --oneline | wc -l", project_.path()).out, "1\n");

  // The fixing hook rewrites the file (pre-commit then stops the commit, as for every hook that
  // changes files); staged again, the commit passes.
  use_hook("bilint-fix", sha);
  commit = sh("git add .pre-commit-config.yaml && git commit -qm defect", project_.path());
  EXPECT_EQ(commit.exit_code, 1);
  EXPECT_NE((commit.out + commit.err).find("files were modified by this hook"), std::string::npos)
      << commit.out << commit.err;
  EXPECT_EQ(slurp(project_ / "defect.md"),
            "## Scaling Large Language Models\n"
            "[大语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
            "\n"
            "我们研究了模型规模与性能的关系。\n");
  commit = sh("git add defect.md && git commit -qm fixed", project_.path());
  EXPECT_EQ(commit.exit_code, 0) << commit.out << commit.err;
  EXPECT_EQ(sh("git log --oneline | wc -l", project_.path()).out, "2\n");
}

}  // namespace
}  // namespace bilint
