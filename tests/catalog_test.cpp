#include "rules/catalog.hpp"

#include <gtest/gtest.h>

#include "rules/registry.hpp"

namespace bilint {
namespace {

TEST(Catalog, BuiltinCatalogHasNoProblems) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  EXPECT_TRUE(catalog.problems().empty()) << ::testing::PrintToString(catalog.problems());
  const auto coded = std::count_if(catalog.rules().begin(), catalog.rules().end(),
                                   [](const RuleMetadata& m) { return !m.make; });
  EXPECT_EQ(static_cast<std::size_t>(coded), RuleRegistry::factories().size());
}

TEST(Catalog, RequiredRuleIdsExist) {
  for (const char* id : {"entry/missing-link", "entry/missing-summary"}) {
    EXPECT_NE(RuleCatalog::builtin().find(id), nullptr) << id;
  }
}

TEST(Catalog, ReportsMetadataProblems) {
  const RuleCatalog catalog = RuleCatalog::load({
      {"entry/missing-link.yaml", "id: entry/wrong\nsummary: s\n"},
      {"entry/missing-summary.yaml", "id: [unclosed\n"},
  });
  const auto& problems = catalog.problems();
  const auto has = [&](std::string_view needle) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(needle) != std::string::npos; });
  };
  EXPECT_TRUE(has("entry/missing-link.yaml: id 'entry/wrong' does not match the file's path"));
  EXPECT_TRUE(has("entry/missing-link.yaml: missing or empty field 'description'"));
  EXPECT_TRUE(has("entry/missing-summary.yaml:2:1:"));
  EXPECT_TRUE(has("rules/entry/wrong.yaml describes a rule that is not registered"));
  EXPECT_TRUE(has("rule entry/empty-title is registered but has no metadata"));
}

}  // namespace
}  // namespace bilint

#include <filesystem>

#include "cli_support.hpp"
#include "rules/rule_docs.hpp"

namespace bilint {
namespace {

// docs/rules/ is generated from rules/*.yaml; the committed pages must be what the generator
// writes.
TEST(RuleDocs, CommittedPagesMatchTheMetadata) {
  const std::filesystem::path docs = std::filesystem::path(BILINT_SOURCE_DIR) / "docs" / "rules";
  const auto pages = rule_doc_pages(RuleCatalog::builtin());
  ASSERT_EQ(pages.size(), RuleCatalog::builtin().rules().size() + 1);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(docs)) {
    files += entry.is_regular_file() ? 1 : 0;
  }
  EXPECT_EQ(files, pages.size()) << "stale pages in docs/rules; regenerate with "
                                    "`build/dev/bilint rules --docs docs/rules`";
  for (const auto& [relative, text] : pages) {
    EXPECT_EQ(testing::slurp(docs / relative), text)
        << "docs/rules/" << relative
        << " is out of date; regenerate with `build/dev/bilint rules --docs docs/rules`";
  }
}

}  // namespace
}  // namespace bilint
