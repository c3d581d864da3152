#pragma once

#include <array>
#include <atomic>

#include "report/reporter.hpp"

namespace bilint {

// `path:line:col: severity: message [rule-id]`, the source line with a caret and underline aligned
// by display width, then a summary line, as GCC and Clang print them.
class GccReporter final : public Reporter {
 public:
  explicit GccReporter(ReportOptions options);
  [[nodiscard]] FindingParts parts() const override {
    return {.fixes = false, .fingerprints = false};
  }
  using Reporter::render;
  void render(const std::vector<Finding>& findings, std::string& out) const override;
  void finish(const RunStats& stats, const ReportSink& sink) override;

 private:
  // The escape sequences fmt::styled writes before and after a text (empty without colour).
  struct StyleMarks {
    std::string open;
    std::string close;
  };
  ReportOptions options_;
  StyleMarks bold_;
  StyleMarks caret_;
  std::array<StyleMarks, 3> severity_;                        // by severity
  mutable std::array<std::atomic<std::size_t>, 3> counts_{};  // by severity
};

}  // namespace bilint
