#include "core/diagnostic.hpp"

#include <mutex>
#include <ostream>
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

namespace {

std::string_view intern(std::string_view text) {
  // A set's elements never move, so views of them stay valid as others are added.
  static std::mutex mutex;
  static std::set<std::string, std::less<>> texts;
  const std::lock_guard lock(mutex);
  auto it = texts.find(text);
  if (it == texts.end()) it = texts.emplace(text).first;
  return *it;
}

}  // namespace

std::string_view intern_rule_id(std::string_view id) {
  return intern(id);
}

std::string_view intern_path(std::string_view path) {
  return intern(path);
}

std::string_view Message::intern_message(std::string_view text) {
  return intern(text);
}

std::ostream& operator<<(std::ostream& out, const Message& message) {
  return out << message.view();
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "note") return Severity::note;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

}  // namespace bilint
