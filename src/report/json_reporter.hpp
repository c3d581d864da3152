#pragma once

#include "report/reporter.hpp"

namespace bilint {

// A JSON array of findings, one object each; the schema is documented in docs/json-format.md and
// only ever grows.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions options) : options_(options) {}
  [[nodiscard]] std::string render(const RunResult& result) const override;

 private:
  ReportOptions options_;
};

}  // namespace bilint
