#pragma once

#include "report/reporter.hpp"

namespace bilint {

// A JSON array of findings, one object each; the schema is documented in docs/json-format.md and
// only ever grows.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReportOptions options) : options_(options) {}
  void write(const RunResult& result, const ReportSink& sink) const override;

 private:
  ReportOptions options_;
};

}  // namespace bilint
