#include "rules/catalog.hpp"

#include <gtest/gtest.h>

#include "rules/registry.hpp"

namespace bilint {
namespace {

TEST(Catalog, BuiltinCatalogHasNoProblems) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  EXPECT_TRUE(catalog.problems().empty()) << ::testing::PrintToString(catalog.problems());
  EXPECT_EQ(catalog.rules().size(), RuleRegistry::factories().size());
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
