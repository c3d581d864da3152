#include "report/reporter.hpp"

#include <algorithm>

#include "report/gcc_reporter.hpp"
#include "report/github_reporter.hpp"
#include "report/json_reporter.hpp"
#include "report/sarif_writer.hpp"

namespace bilint {

std::string Reporter::render_run(const RunResult& result) {
  std::string out;
  const ReportSink sink = [&out](std::string_view piece) { out.append(piece); };
  add(render(result.findings), sink);
  finish(result, sink);
  return out;
}

void append_indented(std::string& out, std::string_view json, std::string_view indent) {
  for (std::size_t at = 0; at < json.size();) {
    const std::size_t end = std::min(json.find('\n', at), json.size() - 1) + 1;
    out.append(json, at, end - at);
    if (json[end - 1] == '\n') out.append(indent);
    at = end;
  }
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options) {
  if (format == "gcc") return std::make_unique<GccReporter>(options);
  if (format == "json") return std::make_unique<JsonReporter>(options);
  if (format == "sarif") return std::make_unique<SarifWriter>(options);
  if (format == "github") return std::make_unique<GithubReporter>(options);
  return nullptr;
}

}  // namespace bilint
