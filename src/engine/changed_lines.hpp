#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/finding.hpp"

namespace bilint {

// The lines changed since a git revision, for `--diff-base`: a pull request is judged on what it
// touches. Files git does not track yet count as changed everywhere.
class ChangedLines {
 public:
  // Asks git (in the current directory's repository) what changed between `base` and the working
  // tree. Throws UsageError with git's message when git fails (no repository, unknown revision).
  static ChangedLines since(const std::string& base);

  // Whether any line of the finding's span changed. Safe to call from several threads at once.
  [[nodiscard]] bool touches(const Finding& finding) const;

  // Parses `git diff -U0` output; paths are joined to `root`. Exposed for tests.
  void add_diff(const std::string& root, const std::string& diff);

 private:
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> changed_;  // inclusive
  std::set<std::string> untracked_;
  mutable std::map<std::string, std::string, std::less<>> resolved_;  // finding path -> resolved
  std::unique_ptr<std::mutex> resolving_ = std::make_unique<std::mutex>();  // guards resolved_
};

}  // namespace bilint
