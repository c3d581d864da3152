#pragma once

#include <functional>
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

// Where a report goes, a piece at a time (a finding, say), so that a run with many findings never
// holds its whole report in memory; the sink buffers (stdio, AtomicFileWriter).
using ReportSink = std::function<void(std::string_view)>;

// Writes a run's findings in one output format, file after file as the run goes (a run never
// holds its whole report), then what ends the report. Reporters know findings, never rules. One
// reporter writes one report.
class Reporter {
 public:
  virtual ~Reporter() = default;
  // What of the findings this format writes, for the run to leave out the rest.
  [[nodiscard]] virtual FindingParts parts() const { return {}; }
  // One file's findings in this format. Called on the worker threads as files are checked, in any
  // order, so it changes nothing but atomic tallies (and reads what add() learned only atomically).
  // The text is appended to `out`, which holds what render() made of the file's earlier findings,
  // if any (a file's findings may come a slice at a time, see Linter::check), and which the caller
  // may give again and again: a buffer of megabytes mapped afresh for each file is a page fault for
  // every 4 KiB of report.
  virtual void render(const std::vector<Finding>& findings, std::string& out) const = 0;
  [[nodiscard]] std::string render(const std::vector<Finding>& findings) const {
    std::string out;
    render(findings, out);
    return out;
  }
  // What render() made of each file, in output order.
  virtual void add(std::string_view rendered, const ReportSink& sink) { sink(rendered); }
  // After the last file.
  virtual void finish(const RunStats& stats, const ReportSink& sink) = 0;
  // A whole run's report at once.
  [[nodiscard]] std::string render_run(const RunResult& result);
};

// Appends a JSON text dumped on its own to `out`, `indent` after each line break, as it stands
// nested in a larger document (JSON strings hold no raw line breaks).
void append_indented(std::string& out, std::string_view json, std::string_view indent);

// `gcc` (compiler style), `json`, `sarif` or `github`; nothing for an unknown name.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

}  // namespace bilint
