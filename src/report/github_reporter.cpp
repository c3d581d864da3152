#include "report/github_reporter.hpp"

#include <fmt/format.h>

namespace bilint {

std::string escape_workflow_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_workflow_property(std::string_view text) {
  std::string out;
  for (const char c : escape_workflow_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void GithubReporter::render(const std::vector<Finding>& findings, std::string& out) const {
  for (const Finding& f : findings) {
    const char* command = f.severity == Severity::error     ? "error"
                          : f.severity == Severity::warning ? "warning"
                                                            : "notice";
    // GitHub counts columns in characters of the line as the editor shows them; code points are the
    // closest, whatever --column-unit says for the other formats.
    const Location& at = f.location;
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       command, escape_workflow_property(at.path), at.start.line,
                       at.start.codepoint_column, at.end.line, at.end.codepoint_column,
                       escape_workflow_property(f.rule_id), escape_workflow_data(f.message));
  }
}

void GithubReporter::finish(const RunStats& stats, const ReportSink& sink) {
  std::string out;
  for (const InputError& e : stats.errors) {
    out += fmt::format("::error file={},title=bilint::{}\n", escape_workflow_property(e.path),
                       escape_workflow_data(e.message));
  }
  sink(out);
}

}  // namespace bilint
