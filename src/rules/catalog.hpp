#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "rules/rule.hpp"

namespace bilint {

// What a rule's metadata file says: rules/<family>/<name>.yaml, compiled into the binary.
struct RuleMetadata {
  std::string id;  // family/name
  std::string summary;
  std::string description;
  Severity default_severity = Severity::warning;
  bool fixable = false;
  std::string bad_example;
  std::string good_example;
  // Rules defined by data (pattern rules) build themselves; the others come from the registry.
  std::function<std::unique_ptr<Rule>()> make;
  std::vector<std::string> examples_match;  // pattern rules' self-tests
  std::vector<std::string> examples_no_match;
  std::string pattern_scope;

  // A new, unconfigured instance of the rule (null for metadata without a rule class).
  [[nodiscard]] std::unique_ptr<Rule> instantiate() const;
};

// The rules bilint knows: the metadata files joined with the registered rule classes.
class RuleCatalog {
 public:
  // Loads metadata from (relative path, YAML text) pairs. Problems (a YAML error, a missing field,
  // an id that does not match the path, a rule class without metadata or the reverse) are
  // collected, not thrown, so that `bilint rules` can list them and a test can require there are
  // none.
  static RuleCatalog load(const std::vector<std::pair<std::string_view, std::string_view>>& files);
  // The built-in catalog, loaded once from the embedded metadata.
  static const RuleCatalog& builtin();

  [[nodiscard]] const std::vector<RuleMetadata>& rules() const { return rules_; }
  [[nodiscard]] const RuleMetadata* find(std::string_view id) const;
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }
  // Every rule id and every family, in catalogue order: what a selector may name besides `all`.
  [[nodiscard]] std::vector<std::string> selector_names() const;
  // This catalogue plus one more rule (for a report over runs with different pattern rules).
  [[nodiscard]] RuleCatalog with(const RuleMetadata& rule) const;
  // This catalogue plus the pattern rules of `files` (path, YAML); problems name the file and
  // position.
  [[nodiscard]] RuleCatalog with_pattern_rules(
      const std::vector<std::pair<std::string, std::string>>& files) const;

 private:
  std::vector<RuleMetadata> rules_;  // sorted by id
  std::vector<std::string> problems_;
};

// Whether a selector names a rule: `all`, the rule's id, or its family (`entry` or `entry/`). The
// same for --select and --ignore, configuration keys, and suppression comments.
bool selects(std::string_view selector, std::string_view rule_id);

}  // namespace bilint
