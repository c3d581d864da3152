#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/line_index.hpp"
#include "engine/runner.hpp"

namespace bilint {

struct ReportOptions {
  ColumnUnit column_unit = ColumnUnit::codepoint;
  bool color = false;
  bool show_source = true;   // the source line and caret under each finding
  bool show_summary = true;  // the closing line with counts
};

// Writes a run's findings in one output format. Reporters know findings, never rules.
class Reporter {
 public:
  virtual ~Reporter() = default;
  [[nodiscard]] virtual std::string render(const RunResult& result) const = 0;
};

// `gcc` (compiler style) or `json`; nothing for an unknown name.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

}  // namespace bilint
