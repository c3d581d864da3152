#include "engine/runner.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "fix/atomic_file.hpp"
#include "fix/fixer.hpp"

namespace bilint {

namespace {

struct FileOutcome {
  FileReport report;
  std::optional<InputError> error;
  bool fixed = false;
  bool checked = false;
  std::string diff;
};

FileOutcome lint_one(const Linter& linter, const Input& input, RunMode mode) {
  FileOutcome outcome;
  std::string error;
  std::optional<std::string> bytes = input.text ? input.text : read_file(input.path, error);
  if (!bytes) {
    outcome.error = InputError{input.path, error};
    return outcome;
  }
  if (looks_binary(*bytes)) {
    outcome.error = InputError{input.path, "binary file (not UTF-8 text); skipped"};
    return outcome;
  }
  if (mode != RunMode::check) {
    std::string fixed = linter.fix(input.path, *bytes);
    if (fixed != *bytes) {
      if (mode == RunMode::diff) {
        outcome.diff = unified_diff(input.path, *bytes, fixed);
      } else if (input.text) {
        outcome.error = InputError{input.path, "cannot fix standard input; use --diff"};
        return outcome;
      } else if (const std::string failure = write_file_atomically(input.path, fixed);
                 !failure.empty()) {
        // The original is untouched; the findings below are still those of the file as it is.
        outcome.error = InputError{input.path, "not fixed: " + failure};
      } else {
        outcome.fixed = true;
        *bytes = std::move(fixed);
      }
    }
  }
  const SourceFile source(input.path, std::move(*bytes));
  outcome.report = linter.check(source);
  outcome.checked = true;
  return outcome;
}

}  // namespace

RunResult run(const Linter& linter, const std::vector<Input>& inputs, unsigned jobs, RunMode mode) {
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
  jobs =
      static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(inputs.size(), 1)));

  std::vector<FileOutcome> outcomes(inputs.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      outcomes[i] = lint_one(linter, inputs[i], mode);
    }
  };
  if (jobs == 1) {
    work();
  } else {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < jobs; ++t)
      workers.emplace_back(work);
  }

  RunResult result;
  std::vector<FileReport*> reports;
  for (FileOutcome& outcome : outcomes) {
    if (outcome.checked) reports.push_back(&outcome.report);
  }
  std::vector<Finding> corpus = linter.judge(reports);
  std::stable_sort(corpus.begin(), corpus.end(), finding_less);
  // Reserved whole: findings are large, and a growing vector would briefly hold them twice.
  std::size_t total = corpus.size();
  for (const FileReport* report : reports)
    total += report->findings.size();
  result.findings.reserve(total);
  for (FileOutcome& outcome : outcomes) {
    result.diff += outcome.diff;
    result.files_fixed += outcome.fixed ? 1 : 0;
    if (outcome.error) result.errors.push_back(std::move(*outcome.error));
    if (!outcome.checked) continue;
    ++result.files_checked;
    std::move(outcome.report.findings.begin(), outcome.report.findings.end(),
              std::back_inserter(result.findings));
    outcome.report.findings = {};
  }
  // Each file's findings are sorted and the files come in path order, so only the corpus pass's
  // findings need merging in.
  const auto middle = static_cast<std::ptrdiff_t>(result.findings.size());
  std::move(corpus.begin(), corpus.end(), std::back_inserter(result.findings));
  std::inplace_merge(result.findings.begin(), result.findings.begin() + middle,
                     result.findings.end(), finding_less);
  assign_fingerprints(result.findings);
  return result;
}

}  // namespace bilint
