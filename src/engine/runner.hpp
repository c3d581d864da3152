#pragma once

#include <cstddef>
#include <vector>

#include "core/finding.hpp"
#include "engine/inputs.hpp"
#include "engine/linter.hpp"

namespace bilint {

struct RunResult {
  std::vector<Finding> findings;   // sorted by file, line, column, rule
  std::vector<InputError> errors;  // sorted by path
  std::size_t files_checked = 0;
  std::size_t files_fixed = 0;
  std::string diff;  // --diff: what --fix would change, file after file
};

// check: report findings. fix: apply fixes, rewrite changed files atomically, report what remains.
// diff: report nothing, collect the diff of what fix would do, write nothing.
enum class RunMode { check, fix, diff };

// Lints the inputs on `jobs` threads (0: one per core). Files are independent, so each worker takes
// the next file and keeps its findings in that file's slot; the output order is fixed by the sort,
// never by the threads.
RunResult run(const Linter& linter, const std::vector<Input>& inputs, unsigned jobs,
              RunMode mode = RunMode::check);

}  // namespace bilint
