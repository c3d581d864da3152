#pragma once

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
  std::string message;
  std::optional<Fix> fix;
  std::vector<RelatedSpan> related;
};

}  // namespace bilint
