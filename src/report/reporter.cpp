#include "report/reporter.hpp"

#include "report/gcc_reporter.hpp"
#include "report/json_reporter.hpp"

namespace bilint {

std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options) {
  if (format == "gcc") return std::make_unique<GccReporter>(options);
  if (format == "json") return std::make_unique<JsonReporter>(options);
  return nullptr;
}

}  // namespace bilint
