// SARIF output: every log bilint writes in these tests is validated with the Microsoft SARIF
// multitool (JSON schema plus the SARIF and GitHub Advanced Security rule sets); its exit code does
// not reflect findings, so the test reads the validation log it writes.
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "core/utf8.hpp"
#include "report/github_reporter.hpp"
#include "report/sarif_writer.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::bilint;
using testing::CommandResult;
using testing::kBilint;
using testing::kSource;
using testing::TempDir;
using testing::write_file;

// The multitool's findings on a log: "ruleId: message id [arguments]" per result.
std::vector<std::string> validate(const fs::path& log) {
  const fs::path report = log.string() + ".validation.sarif";
  const CommandResult r = testing::run_command(
      std::string("'") + BILINT_SARIF_MULTITOOL + "' validate '" + log.string() + "' --output '" +
          report.string() + "' --rule-kind 'Sarif;Ghas' --log ForceOverwrite --quiet",
      log.parent_path());
  EXPECT_TRUE(fs::exists(report)) << "the SARIF multitool did not run: " << r.out << r.err;
  if (!fs::exists(report)) return {"(not validated)"};
  std::vector<std::string> problems;
  const json validation = json::parse(testing::slurp(report));
  for (const json& result : validation["runs"][0]["results"]) {
    problems.push_back(result["ruleId"].get<std::string>() + ": " +
                       result["message"].value("id", std::string()) + " " +
                       result["message"].value("arguments", json::array()).dump());
  }
  return problems;
}

TEST(Sarif, TheValidatorCatchesABadLog) {
  TempDir dir;
  write_file(dir / "bad.sarif",
             R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[)"
             R"({"ruleId":"a","message":{"text":"m"}}]}]})");
  EXPECT_FALSE(validate(dir / "bad.sarif").empty());
}

TEST(Sarif, SeedsWithAwkwardFileNamesAndAnUnreadableInputValidateClean) {
  TempDir dir;
  fs::create_directories(dir / "digests");
  for (const auto& entry : fs::directory_iterator(kSource / "fixtures/samples")) {
    fs::copy(entry.path(), dir / "digests" / entry.path().filename());
  }
  fs::copy(kSource / "fixtures/samples/seed-004.md", dir / "digests" / "每日 论文#1.md");
  const CommandResult r =
      bilint("check --format sarif -o out.sarif digests missing.md", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(validate(dir / "out.sarif"), std::vector<std::string>{});

  const json log = json::parse(testing::slurp(dir / "out.sarif"));
  const json& run = log["runs"][0];
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(run["automationDetails"]["id"], "bilint/");
  const std::string root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_TRUE(root.starts_with("file:///"));
  EXPECT_TRUE(root.ends_with("/"));
  EXPECT_FALSE(run["invocations"][0]["executionSuccessful"].get<bool>());
  const json& notification = run["invocations"][0]["toolExecutionNotifications"][0];
  EXPECT_EQ(notification["message"]["text"], "missing.md: No such file or directory");
  bool saw_encoded = false;
  for (const json& result : run["results"]) {
    const json& artifact = result["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(artifact["uriBaseId"], "%SRCROOT%");
    const std::string uri = artifact["uri"];
    EXPECT_TRUE(uri.starts_with("digests/")) << uri;
    if (uri == "digests/%E6%AF%8F%E6%97%A5%20%E8%AE%BA%E6%96%87%231.md") saw_encoded = true;
    EXPECT_EQ(result["partialFingerprints"]["bilint/v1"].get<std::string>().size(), 16U);
    EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"],
              result["ruleId"]);
  }
  EXPECT_TRUE(saw_encoded);
}

TEST(Sarif, SharedCorpusValidatesClean) {
  const fs::path corpus = kSource / ".." / "shared" / "corpus" / "arxiv-cs-zh";
  ASSERT_TRUE(fs::exists(corpus));
  TempDir dir;
  fs::copy(corpus, dir / "corpus");
  const CommandResult r = bilint("check --format sarif -o corpus.sarif corpus", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(validate(dir / "corpus.sarif"), std::vector<std::string>{});
}

TEST(Sarif, FixturesValidateClean) {
  TempDir dir;
  fs::copy(kSource / "fixtures", dir / "fixtures", fs::copy_options::recursive);
  bilint("check --format sarif -o fixtures.sarif fixtures", dir.path());
  EXPECT_EQ(validate(dir / "fixtures.sarif"), std::vector<std::string>{});
}

// Converts a 1-based (line, UTF-16 column) to a byte offset in `text`.
std::size_t utf16_to_offset(const std::string& text, std::size_t line, std::size_t column) {
  std::size_t offset = 0;
  for (std::size_t l = 1; l < line; ++l)
    offset = text.find('\n', offset) + 1;
  for (std::size_t units = 1; units < column;) {
    const utf8::Decoded d = utf8::decode(text, offset);
    units += static_cast<std::size_t>(utf8::utf16_length(d.code_point));
    offset += d.length;
  }
  return offset;
}

TEST(Sarif, Utf16RegionsCoverExactlyTheFlaggedText) {
  TempDir dir;
  // Emoji (two UTF-16 units) and CJK before the findings, a variant and an invalid byte after them.
  write_file(dir / "d.md",
             "## \U0001F600 Large Language Models\n"
             "[\U0001F600 大型语言模型 \U0001F680 的专家混合](https://arxiv.org/abs/2409.02060)\n\n"
             "\U0001F600\U0001F600 我们研究大型语言模型\xFF与开放源代码。\n");
  bilint("check --format sarif -o d.sarif d.md", dir.path());
  bilint("check --format json -o d.json d.md", dir.path());
  EXPECT_EQ(validate(dir / "d.sarif"), std::vector<std::string>{});
  const std::string text = testing::slurp(dir / "d.md");
  const json sarif = json::parse(testing::slurp(dir / "d.sarif"));
  const json findings = json::parse(testing::slurp(dir / "d.json"));
  const json& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), findings.size());
  ASSERT_GE(results.size(), 5U);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const json& region = results[i]["locations"][0]["physicalLocation"]["region"];
    const std::size_t begin = utf16_to_offset(text, region["startLine"], region["startColumn"]);
    const std::size_t end = utf16_to_offset(text, region["endLine"], region["endColumn"]);
    EXPECT_EQ(begin, findings[i]["offset"].get<std::size_t>()) << results[i]["message"];
    EXPECT_EQ(end, findings[i]["end_offset"].get<std::size_t>()) << results[i]["message"];
  }
}

TEST(Sarif, FixesAndRelatedLocations) {
  TempDir dir;
  write_file(dir / "a.md",
             "## A\n[甲](https://arxiv.org/abs/2409.00001)\n\n大语言模型、大语言模型。\n");
  write_file(dir / "b.md", "## B\n[乙](https://arxiv.org/abs/2409.00002)\n\n大型语言模型。\n");
  bilint("check --format sarif -o out.sarif a.md b.md", dir.path());
  EXPECT_EQ(validate(dir / "out.sarif"), std::vector<std::string>{});
  const json results = json::parse(testing::slurp(dir / "out.sarif"))["runs"][0]["results"];
  bool saw_fix = false;
  bool saw_related = false;
  for (const json& r : results) {
    if (r["ruleId"] == "term/variant") {
      const json& replacement = r["fixes"][0]["artifactChanges"][0]["replacements"][0];
      EXPECT_EQ(replacement["insertedContent"]["text"], "大语言模型");
      EXPECT_EQ(replacement["deletedRegion"]["startColumn"], 1);
      EXPECT_EQ(replacement["deletedRegion"]["endColumn"], 7);
      saw_fix = true;
    }
    if (r["ruleId"] == "term/inconsistent") {
      const json& related = r["relatedLocations"][0];
      EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"], "a.md");
      EXPECT_EQ(related["physicalLocation"]["region"]["startLine"], 4);
      saw_related = true;
    }
  }
  EXPECT_TRUE(saw_fix);
  EXPECT_TRUE(saw_related);
}

TEST(Sarif, FingerprintsSurviveEditsAboveTheFinding) {
  TempDir dir;
  const std::string entry = "## B\n[大型语言模型](https://arxiv.org/abs/2409.00002)\n\n摘要。\n";
  write_file(dir / "d.md", entry);
  bilint("check --format sarif -o before.sarif d.md", dir.path());
  write_file(dir / "d.md",
             "## New\n[新](https://arxiv.org/abs/2409.00009)\n\n新的摘要。\n\n" + entry);
  bilint("check --format sarif -o after.sarif d.md", dir.path());
  const auto prints = [&](const char* name) {
    std::vector<std::pair<std::string, int>> out;
    const json log = json::parse(testing::slurp(dir / name));
    for (const json& r : log["runs"][0]["results"]) {
      out.emplace_back(r["partialFingerprints"]["bilint/v1"],
                       r["locations"][0]["physicalLocation"]["region"]["startLine"]);
    }
    return out;
  };
  const auto before = prints("before.sarif");
  const auto after = prints("after.sarif");
  ASSERT_EQ(before.size(), 1U);
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(before[0].first, after[0].first);
  EXPECT_EQ(before[0].second + 5, after[0].second);
}

TEST(Sarif, KeepsTheMostSevereResultsWithinGitHubsLimit) {
  TempDir dir;
  // 26,001 glued headings (warnings), then one entry without a link line (an error) at the end.
  std::string text;
  for (int i = 0; i < 26002; ++i) {
    text += fmt::format("## A\n[甲](https://arxiv.org/abs/2409.{:05})\n摘要。\n", i + 1);
  }
  text += "\n## B\n\n摘要。\n";
  write_file(dir / "big.md", text);
  const CommandResult r = bilint("check --format sarif -o big.sarif big.md", dir.path());
  EXPECT_EQ(r.err,
            "bilint: warning: the SARIF log keeps the 25000 most severe of 26002 findings (GitHub "
            "accepts at most 25000 results and 10000000 bytes gzipped per run)\n");
  const json results = json::parse(testing::slurp(dir / "big.sarif"))["runs"][0]["results"];
  EXPECT_EQ(results.size(), 25000U);
  EXPECT_TRUE(std::any_of(results.begin(), results.end(),
                          [](const json& x) { return x["ruleId"] == "entry/missing-link"; }));
}

// Once kMaxResults results at least as severe as a finding are kept, the finding (later in output
// order than all of them) cannot be in the log: render() leaves it out unrendered. Which findings
// are left out depends on how far the workers are ahead of the writer; the log must not.
TEST(Sarif, LeavesOutUnrenderedWhatTheLogWillDrop) {
  const auto finding = [](Severity severity, std::size_t line) {
    Finding f;
    f.rule_id = intern_rule_id(severity == Severity::error ? "entry/missing-link" : "format/tab");
    f.severity = severity;
    f.location.path = "a.md";
    f.location.start.line = f.location.end.line = line;
    f.message = fmt::format("finding {}", line);
    return f;
  };
  std::vector<Finding> first;
  for (std::size_t line = 1; line <= SarifWriter::kMaxResults; ++line)
    first.push_back(finding(Severity::warning, line));
  const std::size_t next = SarifWriter::kMaxResults + 1;
  const std::vector<Finding> second = {finding(Severity::warning, next),
                                       finding(Severity::error, next + 1),
                                       finding(Severity::note, next + 2)};
  struct Outcome {
    std::string second;  // what render() made of the second file
    std::string log;
    std::string err;
  };
  // The second file rendered after the first was added (a writer that keeps up), or before it (a
  // worker that ran ahead).
  const auto run = [&](bool second_first) {
    SarifWriter writer(ReportOptions{});
    Outcome outcome;
    const ReportSink sink = [&](std::string_view piece) { outcome.log += piece; };
    if (second_first) outcome.second = writer.render(second);
    writer.add(writer.render(first), sink);
    if (!second_first) outcome.second = writer.render(second);
    writer.add(outcome.second, sink);
    ::testing::internal::CaptureStderr();
    writer.finish(RunStats{}, sink);
    outcome.err = ::testing::internal::GetCapturedStderr();
    return outcome;
  };
  const Outcome behind = run(false);
  const Outcome ahead = run(true);
  // The warning and the note are their severity's digit alone; the error is rendered.
  ASSERT_GT(behind.second.size(), 6U);
  EXPECT_EQ(behind.second.substr(0, 3), std::string("1\0"
                                                    "2",
                                                    3));
  EXPECT_EQ(behind.second.substr(behind.second.size() - 3), std::string("\0"
                                                                        "0\0",
                                                                        3));
  EXPECT_NE(behind.second.find("entry/missing-link"), std::string::npos);
  EXPECT_NE(ahead.second.find("finding 25001"), std::string::npos);
  EXPECT_NE(ahead.second.find("finding 25003"), std::string::npos);

  EXPECT_EQ(behind.log, ahead.log);
  const std::string counted =
      "bilint: warning: the SARIF log keeps the 25000 most severe of 25003 findings (GitHub "
      "accepts "
      "at most 25000 results and 10000000 bytes gzipped per run)\n";
  EXPECT_EQ(behind.err, counted);
  EXPECT_EQ(ahead.err, counted);
  const json results = json::parse(behind.log)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 25000U);
  EXPECT_EQ(results[0]["ruleId"], "format/tab");
  EXPECT_EQ(results[24999]["ruleId"], "entry/missing-link");
  EXPECT_EQ(results[24998]["message"]["text"], "finding 24999");
}

// GitHub also refuses a run above 10 MB gzipped: the log keeps nine tenths of its results, then
// nine tenths of those, until it fits. Messages of random letters hardly compress: 25,000 results
// of these come to about 10.3 MB gzipped, 22,500 to 9.3 MB.
TEST(Sarif, KeepsTheLogWithinGitHubsGzippedSize) {
  constexpr int kMessageLength = 520;
  std::mt19937 random(7);
  const std::string_view letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::vector<Finding> findings;
  for (std::size_t line = 1; line <= SarifWriter::kMaxResults; ++line) {
    Finding f;
    f.rule_id = intern_rule_id("format/tab");
    f.location.path = "a.md";
    f.location.start.line = f.location.end.line = line;
    std::string message;
    for (int k = 0; k < kMessageLength; ++k)
      message += letters[random() % letters.size()];
    f.message = std::move(message);
    findings.push_back(std::move(f));
  }
  SarifWriter writer(ReportOptions{});
  std::string log;
  const ReportSink sink = [&](std::string_view piece) { log += piece; };
  writer.add(writer.render(findings), sink);
  ::testing::internal::CaptureStderr();
  writer.finish(RunStats{}, sink);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "bilint: warning: the SARIF log keeps the 22500 most severe of 25000 findings (GitHub "
            "accepts at most 25000 results and 10000000 bytes gzipped per run)\n");
  EXPECT_EQ(json::parse(log)["runs"][0]["results"].size(), 22500U);
  // As gzip measures it.
  TempDir dir;
  write_file(dir / "log.sarif", log);
  const CommandResult gzip = testing::run_command("gzip -c -n log.sarif | wc -c", dir.path());
  const std::size_t size = std::stoul(gzip.out);
  EXPECT_LE(size, SarifWriter::kMaxGzippedBytes);
  EXPECT_GT(size, SarifWriter::kMaxGzippedBytes * 9 / 10);
}

TEST(GithubFormat, WorkflowCommandsAreEscaped) {
  TempDir dir;
  write_file(dir / "a,b:c.md", "## A\n\n摘要。\n");
  const CommandResult r = bilint("check --format github a,b:c.md", dir.path());
  EXPECT_EQ(r.out,
            "::error file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=5,"
            "title=entry/missing-link::entry has no link line: the heading must be followed by "
            "'[Chinese title](url)'\n");
  EXPECT_EQ(escape_workflow_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
  EXPECT_EQ(escape_workflow_property("a:b,c%"), "a%3Ab%2Cc%25");
}

TEST(Sarif, PercentEncoding) {
  EXPECT_EQ(percent_encode_path("digests/每日 论文#1.md"),
            "digests/%E6%AF%8F%E6%97%A5%20%E8%AE%BA%E6%96%87%231.md");
  EXPECT_EQ(percent_encode_path("a-b_c.d~e/f"), "a-b_c.d~e/f");
}

TEST(Output, WritesAtomicallyAndReportsFailures) {
  TempDir dir;
  write_file(dir / "a.md", "## A\n\n摘要。\n");
  const CommandResult ok = bilint("check --format json -o report.json a.md", dir.path());
  EXPECT_EQ(ok.exit_code, 1);
  EXPECT_EQ(ok.out, "");
  EXPECT_EQ(json::parse(testing::slurp(dir / "report.json")).size(), 1U);
  const CommandResult bad = bilint("check -o no/such/dir/report.txt a.md", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "bilint: error: no/such/dir/report.txt: cannot create a temporary file beside it: No "
            "such file or directory\n");
}

}  // namespace
}  // namespace bilint
