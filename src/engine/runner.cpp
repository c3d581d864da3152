#include "engine/runner.hpp"

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "fix/atomic_file.hpp"
#include "fix/fixer.hpp"

namespace bilint {

namespace {

// Runs work(i) for every i below n on `jobs` threads and then, on the calling thread, done(i) in
// the order of i, each as soon as work(i) and every done() before it are over. work() runs at most
// `jobs + 1` items ahead of done() (each worker busy while done() takes the oldest), so that what
// the items hold between the two stays bounded: a few files' findings, whatever the run's size.
template <typename Work, typename Done>
void for_each_in_order(std::size_t n, unsigned jobs, Work work, Done done) {
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      work(i);
      done(i);
    }
    return;
  }
  const std::size_t window = std::size_t{jobs} + 1;
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<char> finished(n, 0);
  std::size_t next = 0;
  std::size_t consumed = 0;
  const auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return next >= n || next < consumed + window; });
        if (next >= n) return;
        i = next++;
      }
      work(i);
      {
        const std::lock_guard lock(mutex);
        finished[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned t = 0; t < jobs; ++t)
    workers.emplace_back(worker);
  for (std::size_t i = 0; i < n; ++i) {
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return finished[i] != 0; });
    }
    done(i);
    {
      const std::lock_guard lock(mutex);
      consumed = i + 1;
    }
    changed.notify_all();
  }
}

struct Task {
  std::size_t group;
  const Input* input;
};

// A file's text, or why there is none.
std::optional<std::string> read_input(const Input& input, std::string& error) {
  std::optional<std::string> bytes = input.text ? input.text : read_file(input.path, error);
  if (bytes && looks_binary(*bytes)) {
    error = "binary file (not UTF-8 text); skipped";
    return std::nullopt;
  }
  return bytes;
}

// The first pass over one file: fixing it (or its diff), then its facts.
struct FirstPass {
  std::optional<InputError> error;
  bool skip = false;  // not to be checked
  bool fixed = false;
  std::string diff;
  FileFactsSet facts;
  std::unique_ptr<ParsedFile> parsed;  // for the second pass, when the run keeps its files
};

bool keeps_files(const std::vector<LintGroup>& groups, std::uintmax_t kept_run_bytes) {
  std::uintmax_t total = 0;
  for (const LintGroup& group : groups) {
    for (const Input& input : group.inputs) {
      std::error_code error;  // an unreadable file is reported when it is read
      const std::uintmax_t size =
          input.text ? input.text->size() : std::filesystem::file_size(input.path, error);
      total += error ? 0 : size;
      if (total > kept_run_bytes) return false;
    }
  }
  return true;
}

FirstPass first_pass(const Linter& linter, const Input& input, RunMode mode, const RunFactsSet& run,
                     bool keep) {
  FirstPass pass;
  if (mode == RunMode::check && run.empty()) return pass;  // read in the second pass only
  std::string error;
  std::optional<std::string> bytes = read_input(input, error);
  if (!bytes) {
    pass.error = InputError{input.path, error};
    pass.skip = true;
    return pass;
  }
  if (mode != RunMode::check) {
    std::string fixed = linter.fix(input.path, *bytes);
    if (fixed != *bytes) {
      if (mode == RunMode::diff) {
        pass.diff = unified_diff(input.path, *bytes, fixed);
      } else if (input.text) {
        pass.error = InputError{input.path, "cannot fix standard input; use --diff"};
        pass.skip = true;
        return pass;
      } else if (const std::string failure = write_file_atomically(input.path, fixed);
                 !failure.empty()) {
        // The original is untouched; the second pass reads the file as it is.
        pass.error = InputError{input.path, "not fixed: " + failure};
      } else {
        pass.fixed = true;
        *bytes = std::move(fixed);
      }
    }
  }
  if (!run.empty()) {
    auto parsed = std::make_unique<ParsedFile>(input.path, std::move(*bytes), linter.glossary());
    pass.facts = linter.gather(*parsed, run);
    if (keep) pass.parsed = std::move(parsed);
  }
  return pass;
}

}  // namespace

unsigned threads_for(const std::vector<LintGroup>& groups, unsigned jobs) {
  if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
  std::size_t files = 0;
  for (const LintGroup& group : groups)
    files += group.inputs.size();
  return static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files, 1)));
}

RunStats run(const std::vector<LintGroup>& groups, unsigned jobs, RunMode mode,
             const PrepareFile& prepare, const EmitFile& emit, std::uintmax_t kept_run_bytes,
             FindingParts parts) {
  // Each group is sorted by path, so a stable sort merges them into output order.
  std::vector<Task> tasks;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const Input& input : groups[g].inputs)
      tasks.push_back({g, &input});
  }
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task& a, const Task& b) { return a.input->path < b.input->path; });
  jobs = threads_for(groups, jobs);

  std::vector<RunFactsSet> facts;
  for (const LintGroup& group : groups)
    facts.push_back(group.linter->start_run());
  const bool compares_files =
      std::any_of(facts.begin(), facts.end(), [](const RunFactsSet& f) { return !f.empty(); });

  RunStats stats;
  std::vector<char> skip(tasks.size(), 0);
  std::vector<std::unique_ptr<ParsedFile>> kept(tasks.size());
  if (mode != RunMode::check || compares_files) {
    const bool keep =
        mode != RunMode::diff && compares_files && keeps_files(groups, kept_run_bytes);
    std::vector<FirstPass> passes(tasks.size());
    for_each_in_order(
        tasks.size(), jobs,
        [&](std::size_t i) {
          const Task& task = tasks[i];
          passes[i] =
              first_pass(*groups[task.group].linter, *task.input, mode, facts[task.group], keep);
        },
        [&](std::size_t i) {
          FirstPass& pass = passes[i];
          if (pass.error) stats.errors.push_back(std::move(*pass.error));
          skip[i] = pass.skip ? 1 : 0;
          stats.files_fixed += pass.fixed ? 1 : 0;
          stats.diff += pass.diff;
          facts[tasks[i].group].add(pass.facts);
          kept[i] = std::move(pass.parsed);
          pass = {};
        });
    for (RunFactsSet& run : facts)
      run.settle();
  }
  if (mode == RunMode::diff) return stats;

  struct SecondPass {
    std::optional<InputError> error;
    FileOutput output;
  };
  std::vector<SecondPass> passes(tasks.size());
  const bool streams = jobs == 1;
  for_each_in_order(
      tasks.size(), jobs,
      [&](std::size_t i) {
        if (skip[i] != 0) return;
        const Task& task = tasks[i];
        const Linter& linter = *groups[task.group].linter;
        std::unique_ptr<ParsedFile> parsed = std::move(kept[i]);
        if (!parsed) {
          std::string error;
          std::optional<std::string> bytes = read_input(*task.input, error);
          if (!bytes) {
            passes[i].error = InputError{task.input->path, error};
            return;
          }
          parsed =
              std::make_unique<ParsedFile>(task.input->path, std::move(*bytes), linter.glossary());
        }
        FileOutput& output = passes[i].output;
        linter.check(
            *parsed, &facts[task.group],
            [&](std::vector<Finding>& slice) {
              prepare(task.group, slice, output);
              // With one thread, this file is the next in output order.
              if (streams) {
                emit(output);
                output = {};
              }
            },
            Linter::kFindingSlice, parts);
      },
      [&](std::size_t i) {
        if (skip[i] != 0) return;
        SecondPass& pass = passes[i];
        if (pass.error) {
          stats.errors.push_back(std::move(*pass.error));
        } else {
          ++stats.files_checked;
          if (!streams) emit(pass.output);
        }
        pass = {};
      });
  return stats;
}

RunResult run(const Linter& linter, const std::vector<Input>& inputs, unsigned jobs, RunMode mode,
              std::uintmax_t kept_run_bytes) {
  RunResult result;
  static_cast<RunStats&>(result) = run(
      {LintGroup{&linter, inputs}}, jobs, mode,
      [](std::size_t, std::vector<Finding>& found, FileOutput& output) {
        std::move(found.begin(), found.end(), std::back_inserter(output.findings));
      },
      [&](FileOutput& output) {
        std::move(output.findings.begin(), output.findings.end(),
                  std::back_inserter(result.findings));
      },
      kept_run_bytes);
  return result;
}

}  // namespace bilint
