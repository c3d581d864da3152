// The GitHub Action (action.yml): its lint step, scripts/action-lint.sh, run as the runner would on
// a pull request, in a temporary git repository with a base branch.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "core/yaml.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::kBilint;
using testing::kSource;
using testing::kVariantEntry;
using testing::slurp;
using testing::TempDir;
using testing::write_file;

CommandResult sh(const std::string& command, const fs::path& cwd) {
  return testing::run_command(std::string(testing::kGitIdentity) + command, cwd);
}

TEST(Action, EveryStepRunsAScriptThatExists) {
  yaml::Error error;
  const std::optional<yaml::Node> action = yaml::parse(slurp(kSource / "action.yml"), error);
  ASSERT_TRUE(action) << error.message;
  EXPECT_EQ(action->find("runs")->find("using")->scalar(), "composite");
  std::size_t scripts = 0;
  for (const yaml::Node& step : action->find("runs")->find("steps")->items()) {
    const yaml::Node* run = step.find("run");
    if (run == nullptr) continue;
    const std::string& command = run->scalar();
    const std::size_t at = command.find("$GITHUB_ACTION_PATH/");
    if (at == std::string::npos) continue;
    const std::string script = command.substr(at + 20, command.find('"', at) - at - 20);
    EXPECT_TRUE(fs::exists(kSource / script)) << script;
    ++scripts;
  }
  EXPECT_EQ(scripts, 2U);
}

TEST(Action, OnAPullRequestOnlyChangedLinesAreReportedAndTheExitCodeIsAnOutput) {
  TempDir repo;
  ASSERT_EQ(sh("git init -q -b main", repo.path()).exit_code, 0);
  write_file(repo / "a.md", std::string(kVariantEntry) + "\n旧段落提到大型语言模型。\n");
  ASSERT_EQ(
      sh("git add a.md && git commit -qm base && git checkout -qb feature", repo.path()).exit_code,
      0);
  write_file(repo / "a.md", std::string(kVariantEntry) +
                                "\n旧段落提到大型语言模型。\n\n新段落也提到大型语言模型。\n");
  ASSERT_EQ(sh("git commit -qam change", repo.path()).exit_code, 0);

  const CommandResult r = sh("BILINT='" + kBilint +
                                 "' INPUT_PATHS=. INPUT_ARGS='--select term/variant' "
                                 "GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main "
                                 "GITHUB_OUTPUT=out.txt '" +
                                 (kSource / "scripts" / "action-lint.sh").string() + "'",
                             repo.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string base = sh("git rev-parse main", repo.path()).out;
  EXPECT_EQ(
      r.out,
      "bilint: reporting findings on lines changed since main (" + base.substr(0, 40) +
          ")\n"
          "::warning file=a.md,line=8,col=7,endLine=8,endColumn=13,title=term/variant::"
          "'大型语言模型' is a variant rendering of 'large language model'; the glossary uses "
          "'大语言模型'\n");
  EXPECT_EQ(slurp(repo / "out.txt"), "sarif-file=bilint.sarif\nexit-code=1\n");
  const nlohmann::json sarif = nlohmann::json::parse(slurp(repo / "bilint.sarif"));
  ASSERT_EQ(sarif["runs"][0]["results"].size(), 1U);
  EXPECT_EQ(
      sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"], 8);

  // On a push (no pull request) everything is reported.
  const CommandResult push = sh("BILINT='" + kBilint +
                                    "' INPUT_ARGS='--select term/variant' GITHUB_EVENT_NAME=push "
                                    "GITHUB_OUTPUT=push.txt '" +
                                    (kSource / "scripts" / "action-lint.sh").string() + "'",
                                repo.path());
  EXPECT_EQ(push.exit_code, 0);
  const nlohmann::json all = nlohmann::json::parse(slurp(repo / "bilint.sarif"));
  EXPECT_EQ(all["runs"][0]["results"].size(), 3U);
  EXPECT_EQ(slurp(repo / "push.txt"), "sarif-file=bilint.sarif\nexit-code=1\n");
}

}  // namespace
}  // namespace bilint
