#include "rules/catalog.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/yaml.hpp"
#include "rules/pattern_rule.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& rule_metadata_files();
}

namespace {

const std::set<std::string, std::less<>> kKnownKeys = {"id",       "summary", "description",
                                                       "severity", "fixable", "examples"};

std::string required_string(const yaml::Node& node, const char* key, std::string_view file,
                            std::vector<std::string>& problems) {
  const yaml::Node* value = node.find(key);
  if (value == nullptr || !value->is_scalar()) {
    problems.push_back(fmt::format("{}: missing or empty field '{}'", file, key));
    return {};
  }
  return value->scalar();
}

}  // namespace

RuleCatalog RuleCatalog::load(
    const std::vector<std::pair<std::string_view, std::string_view>>& files) {
  RuleCatalog catalog;
  for (const auto& [path, text] : files) {
    if (!path.ends_with(".yaml")) continue;
    if (path.starts_with("pattern/")) {
      std::vector<PatternFileProblem> problems;
      std::optional<RuleMetadata> meta = parse_pattern_rule(text, problems);
      for (const PatternFileProblem& p : problems) {
        catalog.problems_.push_back(fmt::format("{}:{}:{}: {}", path, p.line, p.column, p.message));
      }
      if (meta) {
        if (meta->id + ".yaml" != "pattern/" + std::string(path.substr(8))) {
          catalog.problems_.push_back(
              fmt::format("{}: id '{}' does not match the file's path", path, meta->id));
        }
        catalog.rules_.push_back(std::move(*meta));
      }
      continue;
    }
    const std::string expected_id(path.substr(0, path.size() - 5));
    yaml::Error syntax;
    const std::optional<yaml::Node> parsed = yaml::parse(text, syntax);
    if (!parsed) {
      catalog.problems_.push_back(
          fmt::format("{}:{}:{}: {}", path, syntax.mark.line, syntax.mark.column, syntax.message));
      continue;
    }
    const yaml::Node& node = *parsed;
    if (!node.is_map()) {
      catalog.problems_.push_back(fmt::format("{}: expected a mapping", path));
      continue;
    }
    for (const auto& [k, value] : node.entries()) {
      const std::string& key = k.scalar();
      if (!kKnownKeys.contains(key)) {
        catalog.problems_.push_back(fmt::format("{}: unknown field '{}'", path, key));
      }
    }
    RuleMetadata meta;
    meta.id = required_string(node, "id", path, catalog.problems_);
    if (meta.id != expected_id) {
      catalog.problems_.push_back(
          fmt::format("{}: id '{}' does not match the file's path", path, meta.id));
    }
    meta.summary = required_string(node, "summary", path, catalog.problems_);
    meta.description = required_string(node, "description", path, catalog.problems_);
    const std::string severity = required_string(node, "severity", path, catalog.problems_);
    if (auto level = parse_severity(severity)) {
      meta.default_severity = *level;
    } else if (!severity.empty()) {
      catalog.problems_.push_back(fmt::format("{}: unknown severity '{}'", path, severity));
    }
    const yaml::Node* fixable = node.find("fixable");
    if (fixable == nullptr || (fixable->scalar() != "true" && fixable->scalar() != "false")) {
      catalog.problems_.push_back(fmt::format("{}: 'fixable' must be true or false", path));
    } else {
      meta.fixable = fixable->scalar() == "true";
    }
    const yaml::Node* examples = node.find("examples");
    if (examples == nullptr || !examples->is_map()) {
      catalog.problems_.push_back(
          fmt::format("{}: missing 'examples' with 'bad' and 'good'", path));
    } else {
      meta.bad_example = required_string(*examples, "bad", path, catalog.problems_);
      meta.good_example = required_string(*examples, "good", path, catalog.problems_);
    }
    catalog.rules_.push_back(std::move(meta));
  }
  std::sort(catalog.rules_.begin(), catalog.rules_.end(),
            [](const RuleMetadata& a, const RuleMetadata& b) { return a.id < b.id; });

  for (const auto& [id, factory] : RuleRegistry::factories()) {
    if (catalog.find(id) == nullptr) {
      catalog.problems_.push_back(fmt::format("rule {} is registered but has no metadata", id));
    }
  }
  for (const RuleMetadata& meta : catalog.rules_) {
    if (!meta.make && !RuleRegistry::factories().contains(meta.id)) {
      catalog.problems_.push_back(
          fmt::format("rules/{}.yaml describes a rule that is not registered", meta.id));
    }
  }
  return catalog;
}

RuleCatalog RuleCatalog::with_pattern_rules(
    const std::vector<std::pair<std::string, std::string>>& files) const {
  RuleCatalog catalog = *this;
  for (const auto& [path, text] : files) {
    std::vector<PatternFileProblem> problems;
    std::optional<RuleMetadata> meta = parse_pattern_rule(text, problems);
    for (const PatternFileProblem& p : problems) {
      catalog.problems_.push_back(fmt::format("{}:{}:{}: {}", path, p.line, p.column, p.message));
    }
    if (!meta) continue;
    if (catalog.find(meta->id) != nullptr) {
      catalog.problems_.push_back(fmt::format("{}: the rule id '{}' is taken", path, meta->id));
      continue;
    }
    catalog.rules_.push_back(std::move(*meta));
    std::sort(catalog.rules_.begin(), catalog.rules_.end(),
              [](const RuleMetadata& a, const RuleMetadata& b) { return a.id < b.id; });
  }
  return catalog;
}

RuleCatalog RuleCatalog::with(const RuleMetadata& rule) const {
  RuleCatalog catalog = *this;
  catalog.rules_.push_back(rule);
  std::sort(catalog.rules_.begin(), catalog.rules_.end(),
            [](const RuleMetadata& a, const RuleMetadata& b) { return a.id < b.id; });
  return catalog;
}

const RuleCatalog& RuleCatalog::builtin() {
  static const RuleCatalog catalog = load(embedded::rule_metadata_files());
  return catalog;
}

const RuleMetadata* RuleCatalog::find(std::string_view id) const {
  const auto it =
      std::lower_bound(rules_.begin(), rules_.end(), id,
                       [](const RuleMetadata& m, std::string_view v) { return m.id < v; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

std::unique_ptr<Rule> RuleMetadata::instantiate() const {
  if (make) return make();
  const auto& factories = RuleRegistry::factories();
  const auto factory = factories.find(id);
  return factory == factories.end() ? nullptr : factory->second();
}

std::vector<std::string> RuleCatalog::selector_names() const {
  std::vector<std::string> names;
  for (const RuleMetadata& rule : rules_) {
    names.push_back(rule.id);
    std::string family = rule.id.substr(0, rule.id.find('/'));
    if (std::find(names.begin(), names.end(), family) == names.end())
      names.push_back(std::move(family));
  }
  return names;
}

bool selects(std::string_view selector, std::string_view rule_id) {
  if (selector == "all" || selector == rule_id) return true;
  if (selector.ends_with('/')) selector.remove_suffix(1);
  return rule_id.size() > selector.size() && rule_id.starts_with(selector) &&
         rule_id[selector.size()] == '/';
}

}  // namespace bilint
