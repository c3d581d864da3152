#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/line_index.hpp"
#include "engine/runner.hpp"

namespace bilint {

class RuleCatalog;

struct ReportOptions {
  ColumnUnit column_unit = ColumnUnit::codepoint;
  bool color = false;
  bool show_source = true;   // the source line and caret under each finding
  bool show_summary = true;  // the closing line with counts
  // For SARIF: the rule descriptors, how bilint was invoked, and the directory relative paths start
  // from (the %SRCROOT% base).
  const RuleCatalog* catalog = nullptr;
  std::string command_line;
  std::string working_directory;
};

// Writes a run's findings in one output format. Reporters know findings, never rules.
class Reporter {
 public:
  virtual ~Reporter() = default;
  [[nodiscard]] virtual std::string render(const RunResult& result) const = 0;
};

// `gcc` (compiler style), `json`, `sarif` or `github`; nothing for an unknown name.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

}  // namespace bilint
