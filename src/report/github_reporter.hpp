#pragma once

#include "report/reporter.hpp"

namespace bilint {

// GitHub Actions workflow commands, one per finding: `::warning file=…,line=…,col=…::message`, so
// that a workflow run annotates the changed lines without uploading SARIF.
class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(ReportOptions options) : options_(options) {}
  [[nodiscard]] FindingParts parts() const override {
    return {.fixes = false, .fingerprints = false};
  }
  using Reporter::render;
  void render(const std::vector<Finding>& findings, std::string& out) const override;
  void finish(const RunStats& stats, const ReportSink& sink) override;

 private:
  ReportOptions options_;
};

// The escaping of workflow command data (message) and properties (file, title).
std::string escape_workflow_data(std::string_view text);
std::string escape_workflow_property(std::string_view text);

}  // namespace bilint
