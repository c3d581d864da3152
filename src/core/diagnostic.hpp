#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/line_index.hpp"
#include "core/span.hpp"

namespace bilint {

// The SARIF levels, in increasing order of weight.
enum class Severity { note, warning, error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

// The same id, kept for the rest of the process: diagnostics and findings name their rule by such a
// view rather than a copy each (ids are few: the catalogue's and the configured pattern rules').
std::string_view intern_rule_id(std::string_view id);
// The same for a file's path, interned once when the file is read: every finding and related place
// in the file names it by such a view, where a copy each took an allocation each (129,000 on the
// bench corpus). What the process keeps is a copy of each path it read, tens of bytes a file.
std::string_view intern_path(std::string_view path);

// A finding's message: text of its own, or a view of text kept for the rest of the process (a
// rule's constant message, interned once when the rule is configured), which the findings of a
// flood share without a copy each (format/cjk-spacing's 95,700 on the bench corpus took an
// allocation each).
class Message {
 public:
  Message() = default;
  Message(std::string text) : owned_(std::move(text)) {}  // NOLINT: implicit, as text is given
  Message(const char* text) : owned_(text) {}             // NOLINT
  [[nodiscard]] static Message interned(std::string_view text) {
    Message message;
    message.shared_ = intern_message(text);
    return message;
  }

  [[nodiscard]] std::string_view view() const {
    return shared_.data() != nullptr ? shared_ : owned_;
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads as the text it is

  friend bool operator==(const Message& a, const Message& b) { return a.view() == b.view(); }
  friend auto operator<=>(const Message& a, const Message& b) { return a.view() <=> b.view(); }
  friend std::ostream& operator<<(std::ostream& out, const Message& message);  // for test output

 private:
  static std::string_view intern_message(std::string_view text);
  std::string owned_;
  std::string_view shared_;  // interned; when set, owned_ is empty
};

// Replace the bytes in `span` with `replacement`.
struct Edit {
  Span span;
  std::string replacement;
  friend bool operator==(const Edit&, const Edit&) = default;
};

// A fix is applied whole or not at all.
struct Fix {
  std::string description;
  std::vector<Edit> edits;
};

// A place resolved to positions, in any file.
struct Location {
  std::string_view path;  // interned (intern_path)
  Position start;
  Position end;
};

// Another place a finding refers to: a span of the same file (a term of the English title), or a
// place already resolved, often in another file (the first use of a duplicated id, found in the
// first pass of a run).
struct RelatedSpan {
  Span span;
  std::string message;
  std::optional<Location> elsewhere;  // when set, the place (and `span` is unused)
};

// A related place resolved, for reporters.
struct RelatedLocation {
  Location location;
  std::string message;
};

// What a rule reports, in the coordinates of the source it checked.
struct Diagnostic {
  std::string_view rule_id;  // interned (intern_rule_id)
  Severity severity = Severity::warning;
  Span span;
  Message message;
  std::optional<Fix> fix;
  std::vector<RelatedSpan> related;
};

}  // namespace bilint
