// Golden tests: fixtures/<family>/<name>/<case>.md is linted with only rule <family>/<name> enabled
// and the result must equal <case>.expected byte for byte. BILINT_UPDATE_GOLDEN=1 rewrites the
// expected files instead (review the diff before committing).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/glossary_loading.hpp"
#include "engine/linter.hpp"
#include "rules/catalog.hpp"
#include "rules/registry.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(BILINT_SOURCE_DIR) / "fixtures";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// One line per finding, `line:col: severity: message [rule]`, then one line per fix edit and
// related location, so that a golden file pins positions, messages and the exact fix bytes.
std::string render(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out +=
        fmt::format("{}:{}: {}: {} [{}]\n", f.location.start.line,
                    f.location.start.codepoint_column, to_string(f.severity), f.message, f.rule_id);
    if (f.fix) {
      for (const ResolvedEdit& e : f.fix->edits) {
        out += fmt::format("  fix ({}): {}:{}-{}:{} -> \"{}\"\n", f.fix->description, e.start.line,
                           e.start.codepoint_column, e.end.line, e.end.codepoint_column,
                           escape(e.replacement));
      }
    }
    for (const RelatedLocation& r : f.related) {
      out += fmt::format("  related: {}:{}:{}: {}\n", r.location.path, r.location.start.line,
                         r.location.start.codepoint_column, r.message);
    }
  }
  return out;
}

struct GoldenCase {
  std::string rule_id;
  fs::path input;
};

// The fixture's rule, plus the rules listed in its folder's `also-select` file (one per line), for
// rules that are about other rules' findings, such as suppression/unused.
std::vector<std::string> selection_for(const GoldenCase& c) {
  std::vector<std::string> selection{c.rule_id};
  std::ifstream also(c.input.parent_path() / "also-select");
  for (std::string line; std::getline(also, line);) {
    if (!line.empty()) selection.push_back(line);
  }
  return selection;
}

// The options of the fixture's rule: <case>.options, one `name: value` a line, if there is one
// (format/cjk-spacing's policies, say).
std::map<std::string, RuleOptions, std::less<>> options_for(const GoldenCase& c) {
  fs::path path = c.input;
  path.replace_extension(".options");
  RuleOptions options;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const std::size_t colon = line.find(": ");
    if (colon != std::string::npos) options[line.substr(0, colon)] = line.substr(colon + 2);
  }
  if (options.empty()) return {};
  return {{c.rule_id, options}};
}

// A fixture folder may bring its own glossary; otherwise the built-in one applies.
Linter linter_for(const GoldenCase& c) {
  const fs::path glossary = c.input.parent_path() / "glossary.yaml";
  return Linter(RuleCatalog::builtin(), RuleSelection{selection_for(c), {}},
                fs::exists(glossary) ? load_glossaries({glossary.string()}) : default_glossary(),
                options_for(c));
}

std::vector<GoldenCase> discover() {
  std::vector<GoldenCase> cases;
  for (const auto& family : fs::directory_iterator(kFixtures)) {
    if (!family.is_directory() || family.path().filename() == "samples") continue;
    for (const auto& rule : fs::directory_iterator(family.path())) {
      if (!rule.is_directory()) continue;
      const std::string id =
          family.path().filename().string() + "/" + rule.path().filename().string();
      for (const auto& file : fs::directory_iterator(rule.path())) {
        if (file.path().extension() == ".md") cases.push_back({id, file.path()});
      }
    }
  }
  std::sort(cases.begin(), cases.end(),
            [](const GoldenCase& a, const GoldenCase& b) { return a.input < b.input; });
  return cases;
}

TEST(Golden, EveryFixtureMatchesItsExpectedFindings) {
  const bool update = std::getenv("BILINT_UPDATE_GOLDEN") != nullptr;
  const std::vector<GoldenCase> cases = discover();
  ASSERT_FALSE(cases.empty());
  std::map<std::string, int> cases_with_findings;
  for (const GoldenCase& c : cases) {
    SCOPED_TRACE(c.input.string());
    const Linter linter = linter_for(c);
    const ParsedFile file = linter.parse(c.input.filename().string(), slurp(c.input));
    const std::vector<Finding> findings = linter.lint(file);
    cases_with_findings[c.rule_id] +=
        std::any_of(findings.begin(), findings.end(),
                    [&](const Finding& f) { return f.rule_id == c.rule_id; })
            ? 1
            : 0;
    const std::string actual = render(findings);
    fs::path expected_path = c.input;
    expected_path.replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
    EXPECT_EQ(slurp(expected_path), actual) << "golden mismatch for " << c.input;
  }
  for (const auto& [id, count] : cases_with_findings) {
    // A rule that needs the network says so in its folder; its firing is tested elsewhere.
    if (fs::exists(kFixtures / id / "NEEDS-NETWORK")) continue;
    EXPECT_GT(count, 0) << "fixtures of " << id << " never make the rule fire";
  }
}

// For a fixable rule, <case>.fixed holds the exact bytes of the case after --fix with that rule,
// and fixing those bytes again changes nothing.
TEST(Golden, FixedFixturesMatchAndFixingTwiceChangesNothing) {
  const bool update = std::getenv("BILINT_UPDATE_GOLDEN") != nullptr;
  std::size_t fixed_cases = 0;
  for (const GoldenCase& c : discover()) {
    const RuleMetadata* meta = RuleCatalog::builtin().find(c.rule_id);
    if (meta == nullptr || !meta->fixable) continue;
    SCOPED_TRACE(c.input.string());
    const Linter linter = linter_for(c);
    const std::string original = slurp(c.input);
    const std::string fixed = linter.fix(c.input.filename().string(), original);
    EXPECT_EQ(linter.fix(c.input.filename().string(), fixed), fixed) << "fixing twice differs";
    fs::path fixed_path = c.input;
    fixed_path.replace_extension(".fixed");
    if (fixed == original) {
      EXPECT_FALSE(fs::exists(fixed_path)) << fixed_path << " but the fix changes nothing";
      continue;
    }
    ++fixed_cases;
    if (update) {
      std::ofstream(fixed_path, std::ios::binary) << fixed;
      continue;
    }
    ASSERT_TRUE(fs::exists(fixed_path)) << "missing " << fixed_path;
    EXPECT_EQ(slurp(fixed_path), fixed);
  }
  EXPECT_GT(fixed_cases, 5U);
}

TEST(Golden, EveryRuleHasFixturesAndEveryFixtureFolderARule) {
  std::set<std::string> with_fixtures;
  for (const GoldenCase& c : discover())
    with_fixtures.insert(c.rule_id);
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    EXPECT_TRUE(with_fixtures.contains(rule.id))
        << "rule " << rule.id << " has no fixtures/" << rule.id << "/*.md";
  }
  for (const std::string& id : with_fixtures) {
    EXPECT_NE(RuleCatalog::builtin().find(id), nullptr)
        << "fixtures/" << id << " belongs to no rule";
  }
}

}  // namespace
}  // namespace bilint
