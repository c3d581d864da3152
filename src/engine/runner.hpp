#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/finding.hpp"
#include "engine/inputs.hpp"
#include "engine/linter.hpp"

namespace bilint {

// What a run did besides finding things.
struct RunStats {
  std::vector<InputError> errors;  // in input order
  std::size_t files_checked = 0;
  std::size_t files_fixed = 0;
  std::string diff;  // --diff: what --fix would change, file after file
};

// A whole run's findings at once, for a run of one file or a test.
struct RunResult : RunStats {
  std::vector<Finding> findings;  // sorted by file, line, column, rule
};

// check: report findings. fix: apply fixes, rewrite changed files atomically, report what remains.
// diff: report nothing, collect the diff of what fix would do, write nothing.
enum class RunMode { check, fix, diff };

// Files checked under one configuration: one linter, one set of run facts.
struct LintGroup {
  const Linter* linter;
  std::vector<Input> inputs;  // sorted by path
};

// What a run makes of one file's findings on the worker thread that checked it: its report text,
// say, which is smaller than the findings and costs the calling thread nothing.
struct FileOutput {
  std::string text;
  bool failed = false;            // a finding at the level that fails the run
  std::vector<Finding> findings;  // findings kept whole, where they are needed at the end
};

// Called on a worker thread with one file's findings (resolved and sorted, with the FindingParts
// run() was given) a slice at a time, in output order (see Linter::check; none for a file without
// findings), and the index of its group: adds what it makes of them to `output`, which is empty at
// the file's first slice. It may take the findings.
using PrepareFile =
    std::function<void(std::size_t group, std::vector<Finding>& findings, FileOutput& output)>;
// Called on the calling thread with each file's output, file after file in path order; with one
// thread, after each slice of a file (the output emptied again after each), so that not even one
// file's report is held whole.
using EmitFile = std::function<void(FileOutput& output)>;

// Lints the groups' files on `jobs` threads (0: one per core); each file's findings go through
// `prepare` on the thread that checked it, and to `emit` on the calling thread as soon as the files
// before it are done: a run holds the output of a few files at a time, never the whole report, and
// the output does not depend on the thread count.
//
// When a rule compares files, or files are fixed, there are two passes: the first fixes the files
// and gathers the run's facts, the second checks them (see RunFacts). A run whose files hold at
// most `kept_run_bytes` in all keeps each file as the first pass parsed it, with its glossary hits,
// for the second, which then neither reads, parses nor matches it again (a parsed file takes about
// twice its size); a larger run reads its files twice, so that its memory does not grow with its
// length.
inline constexpr std::uintmax_t kKeptRunBytes = std::uintmax_t{16} << 20U;
// The threads run() checks the groups' files on for `jobs` (0: one per core): never more than the
// files; with one, it checks them on the calling thread.
unsigned threads_for(const std::vector<LintGroup>& groups, unsigned jobs);

// `parts`: what of the findings to make beyond their places (see FindingParts).
RunStats run(const std::vector<LintGroup>& groups, unsigned jobs, RunMode mode,
             const PrepareFile& prepare, const EmitFile& emit,
             std::uintmax_t kept_run_bytes = kKeptRunBytes, FindingParts parts = {});

// A run of one group, every finding kept.
RunResult run(const Linter& linter, const std::vector<Input>& inputs, unsigned jobs,
              RunMode mode = RunMode::check, std::uintmax_t kept_run_bytes = kKeptRunBytes);

}  // namespace bilint
