#include "engine/changed_lines.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "engine/inputs.hpp"
#include "engine/linter.hpp"
#include "engine/process.hpp"

namespace bilint {

namespace {

std::string git(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  const ProcessResult result = run_process(argv);
  if (result.status != 0) {
    std::string message = result.error;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    // The subcommand: the first argument that is no option (nor the value of -c).
    const auto command = std::find_if(args.begin(), args.end(), [](const std::string& a) {
      return !a.starts_with('-') && a.find('=') == std::string::npos;
    });
    throw UsageError(fmt::format("--diff-base: git {} failed: {}",
                                 command == args.end() ? args.front() : *command,
                                 message.empty() ? "no message" : message));
  }
  return result.output;
}

}  // namespace

ChangedLines ChangedLines::since(const std::string& base) {
  ChangedLines lines;
  std::string root = git({"rev-parse", "--show-toplevel"});
  while (!root.empty() && root.back() == '\n')
    root.pop_back();
  // --relative is not used: paths from the top level, joined to it, hold whatever the directory.
  lines.add_diff(root, git({"-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
                            "--unified=0", base, "--"}));
  std::istringstream untracked(git({"-c", "core.quotePath=false", "ls-files", "--others",
                                    "--exclude-standard", "--full-name", "--", root}));
  for (std::string line; std::getline(untracked, line);) {
    if (!line.empty()) lines.untracked_.insert(resolved_path(root + "/" + line));
  }
  return lines;
}

void ChangedLines::add_diff(const std::string& root, const std::string& diff) {
  std::istringstream in(diff);
  std::vector<std::pair<std::size_t, std::size_t>>* current = nullptr;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("+++ ")) {
      // "+++ b/path", or "+++ /dev/null" for a deleted file.
      current = line.starts_with("+++ b/") ? &changed_[resolved_path(root + "/" + line.substr(6))]
                                           : nullptr;
    } else if (line.starts_with("@@ ") && current != nullptr) {
      // "@@ -a[,b] +c[,d] @@": d lines from c changed (d = 0: only removals, after line c).
      const std::size_t plus = line.find(" +");
      if (plus == std::string::npos) continue;
      std::size_t start = 0;
      std::size_t count = 1;
      const std::string range = line.substr(plus + 2, line.find(' ', plus + 2) - plus - 2);
      const std::size_t comma = range.find(',');
      start = std::stoul(range.substr(0, comma));
      if (comma != std::string::npos) count = std::stoul(range.substr(comma + 1));
      if (count > 0) current->emplace_back(start, start + count - 1);
    }
  }
}

bool ChangedLines::touches(const Finding& finding) const {
  const std::string* path = nullptr;  // a map's entries stay where they are as others are added
  {
    const std::lock_guard lock(*resolving_);
    // Looked up by view: a file's findings find its path resolved without a copy of it each.
    auto cached = resolved_.find(finding.location.path);
    if (cached == resolved_.end()) {
      const std::string given(finding.location.path);
      cached = resolved_.emplace(given, resolved_path(given)).first;
    }
    path = &cached->second;
  }
  if (untracked_.contains(*path)) return true;
  const auto it = changed_.find(*path);
  if (it == changed_.end()) return false;
  const std::size_t first = finding.location.start.line;
  const std::size_t last = std::max(first, finding.location.end.line);
  return std::any_of(it->second.begin(), it->second.end(), [&](const auto& range) {
    return range.first <= last && first <= range.second;
  });
}

}  // namespace bilint
