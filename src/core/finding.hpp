#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/line_index.hpp"

namespace bilint {

// A diagnostic resolved against its file: positions in every column unit and an excerpt of the
// source line, so that reporters need neither the rule nor the file, and a large corpus need not
// stay in memory.
struct Location {
  std::string path;
  Position start;
  Position end;
};

struct ResolvedEdit {
  Position start;
  Position end;
  std::string replacement;
};

struct ResolvedFix {
  std::string description;
  std::vector<ResolvedEdit> edits;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::warning;
  Location location;
  std::string message;
  // The line of location.start (at most a window of it around the finding, for very long lines),
  // beginning at byte offset excerpt_start of the file.
  std::string excerpt;
  std::size_t excerpt_start = 0;
  std::optional<ResolvedFix> fix;
  std::vector<RelatedLocation> related;
};

// Orders findings by file, line, column, rule, then message: the output order, which must not
// depend on the order in which files or rules ran.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace bilint
