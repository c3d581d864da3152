#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace bilint {

struct FixOutcome {
  std::string text;
  std::size_t applied = 0;  // fixes applied
  std::size_t skipped = 0;  // fixes left out because they overlapped an earlier one
};

// Applies the fixes of one pass: in order of position (then rule id), each fix is taken whole or
// not at all, and one that overlaps a fix already taken waits for the next pass. Deterministic for
// the same diagnostics in any order.
FixOutcome apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics);

// A unified diff (3 lines of context) from `before` to `after`, labelled a/PATH and b/PATH; empty
// when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace bilint
