#include "core/diagnostic.hpp"

namespace bilint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "note") return Severity::note;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

}  // namespace bilint
