#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/finding.hpp"

namespace bilint {

// Findings accepted as they are, so that a gate can be turned on over an existing corpus and block
// only new problems. A finding is known by its file, rule and fingerprint (entry and flagged text,
// not line numbers), so it stays known when entries are added above it or lines move.
// Paths are stored relative to the baseline file's directory, so the file works from any directory.
class Baseline {
 public:
  // Reads a baseline written by write(); throws UsageError naming the file on any problem.
  static Baseline load(const std::string& path);
  // The JSON text of a baseline holding `findings`, to be written at `path`.
  static std::string render(const std::string& path, const std::vector<Finding>& findings);

  [[nodiscard]] bool contains(const Finding& finding) const;  // safe from several threads
  [[nodiscard]] std::size_t size() const { return known_.size(); }

 private:
  std::string directory_;
  std::set<std::tuple<std::string, std::string, std::string>> known_;  // path, rule, fingerprint
};

}  // namespace bilint
