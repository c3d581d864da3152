#pragma once

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "report/reporter.hpp"

namespace bilint {

// A SARIF 2.1.0 log with one run, as GitHub code scanning and the VS Code SARIF Viewer accept it:
// rules[] from the catalogue, results with utf16 regions relative to %SRCROOT%, fixes, related
// locations, versioned partial fingerprints, the invocation with notifications for unreadable
// inputs, and automationDetails. Results beyond GitHub's limits (25,000 per run, 10 MB gzipped) are
// dropped least severe first, with a warning on stderr.
class SarifUris;

class SarifWriter final : public Reporter {
 public:
  explicit SarifWriter(ReportOptions options);
  ~SarifWriter() override;
  SarifWriter(const SarifWriter&) = delete;
  SarifWriter& operator=(const SarifWriter&) = delete;
  // Each finding as its result's text, as it stands in the log.
  using Reporter::render;
  void render(const std::vector<Finding>& findings, std::string& out) const override;
  void add(std::string_view rendered, const ReportSink& sink) override;
  void finish(const RunStats& stats, const ReportSink& sink) override;

  static constexpr std::size_t kMaxResults = 25000;
  static constexpr std::size_t kMaxGzippedBytes = 10 * 1000 * 1000;

 private:
  struct Result {
    Severity severity;
    std::string text;
  };
  ReportOptions options_;
  std::unique_ptr<const SarifUris> uris_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;  // into the catalogue's rules
  // The log is written at the end, of at most kMaxResults results: the most severe results so far
  // (at most twice that many, in output order), and how many findings there were in all.
  std::vector<Result> kept_;
  std::size_t seen_ = 0;
  // The kept results of each severity, and the highest severity whose findings can no longer be
  // in the log (-1: none). A finding comes after every result added so far; once kMaxResults
  // results at least as severe are kept, it is ranked after them all and dropped at the end.
  // render() leaves such findings out unrendered (a run of a million findings renders the 25,000
  // it keeps, not all), so it reads this while add() updates it from another thread. Which are left
  // out depends on how far the workers are ahead; what the log holds does not.
  std::array<std::size_t, 3> kept_by_severity_{};
  std::atomic<int> dropped_up_to_{-1};
};

// Percent-encodes a path for a URI: everything but unreserved characters and '/'.
std::string percent_encode_path(std::string_view path);

}  // namespace bilint
