#pragma once

#include "report/reporter.hpp"

namespace bilint {

// A JSON array of findings, one object each; the schema is documented in docs/json-format.md and
// only ever grows.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions options) : options_(options) {}
  [[nodiscard]] FindingParts parts() const override {
    return {.fixes = true, .fingerprints = false};
  }
  using Reporter::render;
  void render(const std::vector<Finding>& findings, std::string& out) const override;
  void add(std::string_view rendered, const ReportSink& sink) override;
  void finish(const RunStats& stats, const ReportSink& sink) override;

 private:
  ReportOptions options_;
  bool any_ = false;
};

}  // namespace bilint
