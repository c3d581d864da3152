#include "core/diagnostic.hpp"

#include <mutex>
#include <set>

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

std::string_view intern_rule_id(std::string_view id) {
  // A set's elements never move, so views of them stay valid as others are added.
  static std::mutex mutex;
  static std::set<std::string, std::less<>> ids;
  const std::lock_guard lock(mutex);
  auto it = ids.find(id);
  if (it == ids.end()) it = ids.emplace(id).first;
  return *it;
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "note") return Severity::note;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

}  // namespace bilint
