#pragma once

#include <functional>
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

// The facts one file gives the rules of a RunFactsSet, in the same order.
using FileFactsSet = std::vector<std::unique_ptr<FileFacts>>;

// What the first pass of a run learns for one linter: the run facts of each of its rules that
// compares files (null for the others).
struct RunFactsSet {
  std::vector<std::unique_ptr<RunFacts>> by_rule;  // parallel to the linter's rules
  RunFactsIndex index;                             // the non-null ones, for RuleContext
  [[nodiscard]] bool empty() const { return index.empty(); }
  // One file's facts, in input order; then settle() after the last file.
  void add(const FileFactsSet& file);
  void settle();
};

// The rule set of a run, instantiated once and shared read-only by all worker threads.
class Linter {
 public:
  // `options` and `severities` are per rule id; those of rules that do not run are ignored.
  Linter(const RuleCatalog& catalog, const RuleSelection& selection,
         std::shared_ptr<const CompiledGlossary> glossary,
         const std::map<std::string, RuleOptions, std::less<>>& options = {},
         const std::map<std::string, Severity, std::less<>>& severities = {});

  // A run reads its files twice when a rule compares files (see RunFacts): start_run(), then
  // gather() for every file (in parallel) and the run's add() of each file's facts in input order,
  // settle(); then check() of every file with the run's facts.
  [[nodiscard]] RunFactsSet start_run() const;
  [[nodiscard]] FileFactsSet gather(const ParsedFile& file, const RunFactsSet& run) const;
  // Checks one file: its findings resolved, sorted and fingerprinted, those of the rules that
  // compare files included when `run` holds the run's facts.
  [[nodiscard]] std::vector<Finding> check(const ParsedFile& file,
                                           const RunFactsSet* run = nullptr) const;
  // The same, handed to `take` in output order a slice of at most `slice` findings at a time (it
  // may move them out): a file's findings are not all held at once, which for a file with a
  // million of them took over a gigabyte. `parts`: what of them to make beyond their places.
  using FindingSlices = std::function<void(std::vector<Finding>& slice)>;
  static constexpr std::size_t kFindingSlice = 4096;
  void check(const ParsedFile& file, const RunFactsSet* run, const FindingSlices& take,
             std::size_t slice = kFindingSlice, FindingParts parts = {}) const;
  // A run of one file: both passes.
  [[nodiscard]] std::vector<Finding> lint(const ParsedFile& file) const;
  // The raw diagnostics of one file, for the fixer and tests that look at byte spans.
  [[nodiscard]] std::vector<Diagnostic> diagnose(const ParsedFile& file) const;
  // A file read and parsed for this linter's rules (and its glossary).
  [[nodiscard]] ParsedFile parse(std::string path, std::string bytes) const {
    return {std::move(path), std::move(bytes), *glossary_};
  }
  // The text with every fix of the enabled rules applied, pass after pass until nothing changes
  // (at most kMaxFixPasses); fixing the result again changes nothing.
  [[nodiscard]] std::string fix(const std::string& path, std::string text) const;
  static constexpr int kMaxFixPasses = 10;

  [[nodiscard]] std::vector<std::string> rule_ids() const;
  [[nodiscard]] const CompiledGlossary& glossary() const { return *glossary_; }
  // The month rules take as today (default: the system clock's); tests pin it.
  void set_today(std::chrono::year_month today) { today_ = today; }

 private:
  struct ActiveRule {
    std::string_view id;  // interned
    Severity severity;
    std::unique_ptr<Rule> rule;
  };
  std::vector<Diagnostic> run_rules(const RuleContext& context) const;
  // Reads the file's suppression comments, adds their problems as suppression/invalid
  // diagnostics, drops the diagnostics they suppress, and (with `report_unused`) adds the comments
  // that suppressed nothing as suppression/unused.
  void apply_suppressions(const RuleContext& context, std::vector<Diagnostic>& diagnostics,
                          bool report_unused) const;
  [[nodiscard]] const ActiveRule* active(std::string_view id) const;
  [[nodiscard]] bool runs_any(std::string_view selector) const;

  std::vector<ActiveRule> rules_;
  std::vector<std::string> known_;  // every rule id and family of the catalogue
  std::shared_ptr<const CompiledGlossary> glossary_;
  std::chrono::year_month today_;
};

// The glossary used when none is given: the built-in AI/ML glossary, compiled once.
std::shared_ptr<const CompiledGlossary> default_glossary();

}  // namespace bilint
