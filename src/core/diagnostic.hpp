#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace bilint {

// The SARIF levels, in increasing order of weight.
enum class Severity { note, warning, error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

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

// Another place in the same file that a finding refers to (the first use of a duplicated id, the
// majority spelling of a term). Places in other files come from the corpus pass, already resolved.
struct RelatedSpan {
  Span span;
  std::string message;
};

// What a rule reports, in the coordinates of the source it checked.
struct Diagnostic {
  std::string rule_id;
  Severity severity = Severity::warning;
  Span span;
  std::string message;
  std::optional<Fix> fix;
  std::vector<RelatedSpan> related;
};

}  // namespace bilint
