// End-to-end tests of what makes bilint adoptable by a team: configuration files, suppression
// comments, baselines and --diff-base. Each runs the built binary in a temporary directory.
#include "engine/config.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using testing::bilint;
using testing::CommandResult;
using testing::kBilint;
using testing::kVariantEntry;
using testing::slurp;
using testing::TempDir;
using testing::write_file;

// A temporary repository root: discovery stops at its .git.
class Repo : public TempDir {
 public:
  Repo() { fs::create_directory(path() / ".git"); }
};

TEST(Config, GlobsMatchLikeGitignore) {
  EXPECT_TRUE(glob_match("*.md", "a/b/c.md"));
  EXPECT_TRUE(glob_match("drafts/", "drafts/x/y.md"));
  EXPECT_TRUE(glob_match("drafts/**", "drafts/y.md"));
  EXPECT_FALSE(glob_match("drafts/**", "papers/drafts.md"));
  EXPECT_TRUE(glob_match("**/2024-*.md", "digests/2024-01.md"));
  EXPECT_TRUE(glob_match("**/2024-*.md", "2024-01.md"));
  EXPECT_FALSE(glob_match("digests/*.md", "digests/old/a.md"));
  EXPECT_TRUE(glob_match("digests/*/a.md", "digests/old/a.md"));
  EXPECT_FALSE(glob_match("*.md", "notes.txt"));
}

TEST(Config, TheNearestFileAppliesAndDiscoveryStopsAtTheRepositoryRoot) {
  Repo repo;
  fs::create_directories(repo / "team" / "sub");
  write_file(repo / "a.md", kVariantEntry);
  write_file(repo / "team" / "sub" / "b.md", kVariantEntry);
  write_file(repo / ".bilint.yaml", "rules:\n  term/variant: error\n");
  // The nearest file applies on its own, not merged with the one above: b.md keeps the default
  // level.
  write_file(repo / "team" / ".bilint.yaml", "rules:\n  term/inconsistent: off\n");
  const CommandResult r = bilint("check --select term/variant,term/inconsistent .", repo.path());
  EXPECT_EQ(r.out,
            "a.md:2:2: error: '大型语言模型' is a variant rendering of 'large language model'; the "
            "glossary uses '大语言模型' [term/variant]\n"
            "    2 | [大型语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
            "      |  ^~~~~~~~~~~~\n"
            "team/sub/b.md:2:2: warning: '大型语言模型' is a variant rendering of 'large language "
            "model'; the glossary uses '大语言模型' [term/variant]\n"
            "    2 | [大型语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
            "      |  ^~~~~~~~~~~~\n"
            "2 files checked: 1 error, 1 warning\n");
  EXPECT_EQ(r.exit_code, 1);
  // Above the repository root nothing is read, even a broken file.
  Repo outer;
  fs::create_directories(outer / "inner");
  fs::create_directory(outer / "inner" / ".git");
  write_file(outer / ".bilint.yaml", "not: [valid\n");
  write_file(outer / "inner" / "a.md", kVariantEntry);
  EXPECT_EQ(bilint("check --select term/variant a.md", outer / "inner").exit_code, 1);
  EXPECT_EQ(bilint("config a.md", outer / "inner").out.substr(0, 36),
            "# no .bilint.yaml found: the default");
  // --isolated ignores configuration files; --config names one for every file.
  EXPECT_EQ(bilint("check --isolated --select term/variant team/sub/b.md", repo.path()).exit_code,
            1);
  EXPECT_EQ(bilint("check --config .bilint.yaml --select term/variant team/sub/b.md", repo.path())
                .out.find("error: '大型语言模型'"),
            19U);
}

TEST(Config, ProblemsAreReportedWithPositionsAndSuggestions) {
  Repo repo;
  write_file(repo / "a.md", kVariantEntry);
  write_file(repo / ".bilint.yaml",
             "fail-levle: error\n"
             "include: \"*.md\"\n"
             "rules:\n"
             "  format/cjk-spacin: error\n"
             "  format/cjk-spacing: {severity: eror, options: {policy: sometimes}}\n"
             "  term/variant: {options: {foo: 1}}\n"
             "  link: {options: {x: 1}}\n");
  const CommandResult r = bilint("check a.md", repo.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  const std::string file = (repo / ".bilint.yaml").string();
  EXPECT_EQ(
      r.err,
      "bilint: error: " + file + ":1:1: unknown key 'fail-levle' (did you mean 'fail-level'?)\n" +
          "bilint: error: " + file + ":2:10: 'include' must be a list of strings\n" +
          "bilint: error: " + file +
          ":4:3: 'format/cjk-spacin' is no rule or family (did you mean "
          "'format/cjk-spacing'?)\n" +
          "bilint: error: " + file + ":5:34: 'severity' must be off, note, warning or error\n" +
          "bilint: error: " + file +
          ":5:49: format/cjk-spacing: option 'policy' is one of require, forbid, consistent, "
          "not 'sometimes'\n" +
          "bilint: error: " + file + ":6:27: term/variant: takes no options (given 'foo')\n" +
          "bilint: error: " + file + ":7:19: options belong to one rule, not to 'link'\n");
  // A YAML syntax error, and an alias bomb, are refused at their position.
  write_file(repo / ".bilint.yaml", "rules: [\n");
  EXPECT_EQ(bilint("check a.md", repo.path()).err,
            "bilint: error: " + file +
                ":2:1: did not find expected node content while parsing a flow node\n");
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" +
            static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  }
  write_file(repo / ".bilint.yaml", bomb);
  const CommandResult b = bilint("check a.md", repo.path());
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find("(an alias bomb?); not read"), std::string::npos) << b.err;
}

TEST(Config, LevelsOptionsGlossariesPatternFilesAndGlobsApply) {
  Repo repo;
  fs::create_directories(repo / "drafts");
  fs::create_directories(repo / "team");
  write_file(repo / "a.md", kVariantEntry);
  write_file(repo / "drafts" / "b.md", kVariantEntry);
  write_file(repo / "notes.md", kVariantEntry);
  // The team's glossary makes 大型语言模型 preferred and 大语言模型 the variant.
  write_file(repo / "team" / "glossary.yaml",
             "terms:\n  - {source: large language model, preferred: 大型语言模型, variants: "
             "[大语言模型]}\n");
  write_file(repo / "team" / "rules.yaml",
             "id: pattern/no-we\nsummary: No 我们.\nseverity: error\nkind: existence\n"
             "message: avoid '$0'\npattern: 我们\n"
             "examples: {match: [我们研究], no-match: [本研究]}\n");
  write_file(repo / ".bilint.yaml",
             "fail-level: error\n"
             "glossaries: [builtin, team/glossary.yaml]\n"
             "rules-files: [team/rules.yaml]\n"
             "exclude: [notes.md]\n"
             "include: [\"*.md\"]\n"
             "rules:\n"
             "  all: off\n"
             "  pattern/no-we: warning\n"
             "  term/variant: note\n");
  // drafts/b.md is walked (include matches at any depth); notes.md is excluded even when named.
  const CommandResult r = bilint("check . notes.md", repo.path());
  EXPECT_EQ(r.out,
            "a.md:4:1: warning: avoid '我们' [pattern/no-we]\n"
            "    4 | 我们研究了模型规模与性能的关系。\n"
            "      | ^~~~\n"
            "drafts/b.md:4:1: warning: avoid '我们' [pattern/no-we]\n"
            "    4 | 我们研究了模型规模与性能的关系。\n"
            "      | ^~~~\n"
            "2 files checked: 2 warnings\n");
  EXPECT_EQ(r.exit_code, 0) << "fail-level: error, and there are only warnings";
  EXPECT_EQ(bilint("check --fail-level warning a.md", repo.path()).exit_code, 1);
  // The team glossary overrides the built-in one per term: 大语言模型 is now the variant.
  write_file(
      repo / "c.md",
      "## Scaling Large Language Models\n[大语言模型的扩展](https://arxiv.org/abs/2401.00001)"
      "\n\n本研究关注模型规模。\n");
  EXPECT_EQ(bilint("check c.md", repo.path()).out,
            "c.md:2:2: note: '大语言模型' is a variant rendering of 'large language model'; the "
            "glossary uses '大型语言模型' [term/variant]\n"
            "    2 | [大语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
            "      |  ^~~~~~~~~~\n"
            "1 file checked: 1 note\n");
  // --select turns a rule the configuration has off back on.
  EXPECT_EQ(bilint("check --select untranslated/title c.md", repo.path()).out,
            "1 file checked: no findings\n");
  EXPECT_EQ(bilint("check --select entry/missing-summary --fail-level note a.md", repo.path()).out,
            "1 file checked: no findings\n");
}

TEST(Config, ConfigPrintsTheEffectiveSettingsAndInitWritesAValidStart) {
  Repo repo;
  const CommandResult init = bilint("init", repo.path());
  EXPECT_EQ(init.exit_code, 0);
  EXPECT_EQ(init.out, "wrote .bilint.yaml; see what applies to a file with 'bilint config PATH'\n");
  EXPECT_EQ(slurp(repo / ".bilint.yaml"), std::string(starter_config()));
  const CommandResult again = bilint("init", repo.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err, "bilint: error: .bilint.yaml exists already; --force replaces it\n");
  write_file(repo / ".bilint.yaml",
             "glossaries: [g.yaml]\nrules:\n  link: off\n  format/cjk-spacing: {severity: error, "
             "options: {policy: consistent}}\n");
  const CommandResult config = bilint("config a.md", repo.path());
  EXPECT_EQ(config.exit_code, 0) << config.err;
  const std::string& out = config.out;
  EXPECT_EQ(out.substr(0, out.find("rules:\n")),
            "# " + (repo / ".bilint.yaml").string() + "\nfail-level: warning\nglossaries: [\"" +
                (repo / "g.yaml").string() + "\"]\nrules-files: []\ninclude: []\nexclude: []\n");
  EXPECT_NE(
      out.find("  format/cjk-spacing: {severity: error, options: {policy: \"consistent\"}}\n"),
      std::string::npos);
  EXPECT_NE(out.find("  link/arxiv-id: off\n"), std::string::npos);
  EXPECT_NE(out.find("  term/variant: warning\n"), std::string::npos);
}

TEST(Suppressions, FixLeavesSuppressedFindingsAlone) {
  Repo repo;
  write_file(repo / "a.md",
             "## Scaling Large Language Models\n"
             "[大型语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
             "\n"
             "<!-- bilint-disable-next-line term/variant -->\n"
             "引用原文：大型语言模型。\n"
             "其后的大型语言模型照常修复。\n");
  const CommandResult r = bilint("check --select term/variant --fix a.md", repo.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(slurp(repo / "a.md"),
            "## Scaling Large Language Models\n"
            "[大语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
            "\n"
            "<!-- bilint-disable-next-line term/variant -->\n"
            "引用原文：大型语言模型。\n"
            "其后的大语言模型照常修复。\n");
}

TEST(Baseline, OnlyNewFindingsAreReportedAndTheBaselineSurvivesEditsElsewhere) {
  Repo repo;
  fs::create_directories(repo / "docs");
  write_file(repo / "docs" / "a.md", kVariantEntry);
  const CommandResult written =
      bilint("check --select term/variant --write-baseline baseline.json docs", repo.path());
  EXPECT_EQ(written.exit_code, 0);
  EXPECT_EQ(written.err, "bilint: wrote 1 finding to baseline.json\n");
  const std::string baseline = slurp(repo / "baseline.json");
  EXPECT_NE(baseline.find("\"path\": \"docs/a.md\""), std::string::npos) << baseline;
  EXPECT_NE(baseline.find("\"rule\": \"term/variant\""), std::string::npos);

  // An entry added above moves the old finding down four lines; only the new one is reported,
  // also when run from another directory.
  write_file(repo / "docs" / "a.md",
             std::string("## Agents\n[大型语言模型智能体](https://arxiv.org/abs/2401.00002)\n\n"
                         "摘要。\n\n") +
                 std::string(kVariantEntry));
  const CommandResult r =
      bilint("check --select term/variant --baseline ../baseline.json a.md", repo / "docs");
  EXPECT_EQ(r.out,
            "a.md:2:2: warning: '大型语言模型' is a variant rendering of 'large language model'; "
            "the glossary uses '大语言模型' [term/variant]\n"
            "    2 | [大型语言模型智能体](https://arxiv.org/abs/2401.00002)\n"
            "      |  ^~~~~~~~~~~~\n"
            "1 file checked: 1 warning\n");
  EXPECT_EQ(r.exit_code, 1);

  // Once both are fixed, writing the baseline again drops them.
  EXPECT_EQ(bilint("check --select term/variant --fix docs", repo.path()).exit_code, 0);
  EXPECT_EQ(
      bilint("check --select term/variant --write-baseline baseline.json docs", repo.path()).err,
      "bilint: wrote 0 findings to baseline.json\n");
  EXPECT_EQ(slurp(repo / "baseline.json"),
            "{\n  \"findings\": [],\n  \"tool\": \"bilint\",\n  \"version\": 1\n}\n");

  write_file(repo / "broken.json", "{\"version\": 1, \"findings\": [{\"path\": 3}]}");
  const CommandResult broken = bilint("check --baseline broken.json docs", repo.path());
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_EQ(broken.err.substr(0, 56), "bilint: error: broken.json: not a bilint baseline: [json");
}

TEST(DiffBase, OnlyFindingsOnChangedLinesAndUntrackedFilesAreReported) {
  TempDir dir;
  const auto git = [&](const std::string& args) {
    return testing::run_command(std::string(testing::kGitIdentity) + "git " + args, dir.path());
  };
  ASSERT_EQ(git("init -q").exit_code, 0);
  write_file(dir / "a.md", std::string(kVariantEntry) + "\n本段提到大型语言模型。\n");
  ASSERT_EQ(git("add a.md").exit_code, 0);
  ASSERT_EQ(git("commit -qm base").exit_code, 0);
  // Change line 6 only; add an untracked file.
  write_file(dir / "a.md", std::string(kVariantEntry) + "\n本段再次提到大型语言模型。\n");
  write_file(dir / "new.md", kVariantEntry);
  const CommandResult r = bilint("check --select term/variant --diff-base HEAD .", dir.path());
  EXPECT_EQ(r.out,
            "a.md:6:7: warning: '大型语言模型' is a variant rendering of 'large language model'; "
            "the glossary uses '大语言模型' [term/variant]\n"
            "    6 | 本段再次提到大型语言模型。\n"
            "      |             ^~~~~~~~~~~~\n"
            "new.md:2:2: warning: '大型语言模型' is a variant rendering of 'large language model'; "
            "the glossary uses '大语言模型' [term/variant]\n"
            "    2 | [大型语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
            "      |  ^~~~~~~~~~~~\n"
            "2 files checked: 2 warnings\n");
  EXPECT_EQ(r.exit_code, 1);
  // A path through a symbolic link names the same changed file.
  fs::create_directory_symlink(".", dir / "self");
  const CommandResult linked =
      bilint("check --select term/variant --diff-base HEAD self/a.md", dir.path());
  EXPECT_EQ(linked.out.substr(0, linked.out.find('\n')),
            "self/a.md:6:7: warning: '大型语言模型' is a variant rendering of 'large language "
            "model'; the glossary uses '大语言模型' [term/variant]");
  const CommandResult bad = bilint("check --diff-base no-such-ref .", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err.substr(0, 49), "bilint: error: --diff-base: git diff failed: fata");
}

}  // namespace
}  // namespace bilint
