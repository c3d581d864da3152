#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/source.hpp"
#include "rules/catalog.hpp"
#include "rules/rule.hpp"

namespace bilint {

// A problem with how bilint was invoked or configured (exit code 2), as opposed to a finding.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Which rules run. Selectors are rule ids (`entry/missing-link`), families (`entry` or `entry/`) or
// `all`; an empty `select` means all rules. `ignore` wins over `select`.
struct RuleSelection {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
};

// The rule set of a run, instantiated once and shared read-only by all worker threads.
class Linter {
 public:
  Linter(const RuleCatalog& catalog, const RuleSelection& selection);

  // Parses and checks one file; findings come back resolved and sorted.
  [[nodiscard]] std::vector<Finding> lint(const SourceFile& source) const;
  // The raw diagnostics, for the fixer and tests that look at byte spans.
  [[nodiscard]] std::vector<Diagnostic> diagnose(const SourceFile& source) const;

  [[nodiscard]] std::vector<std::string> rule_ids() const;

 private:
  struct ActiveRule {
    std::string id;
    Severity severity;
    std::unique_ptr<Rule> rule;
  };
  std::vector<ActiveRule> rules_;
};

// Turns a diagnostic's byte spans into positions and a source excerpt.
Finding resolve(const SourceFile& source, const Diagnostic& diagnostic);

}  // namespace bilint
