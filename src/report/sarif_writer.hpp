#pragma once

#include <string>
#include <string_view>

#include "report/reporter.hpp"

namespace bilint {

// A SARIF 2.1.0 log with one run, as GitHub code scanning and the VS Code SARIF Viewer accept it:
// rules[] from the catalogue, results with utf16 regions relative to %SRCROOT%, fixes, related
// locations, versioned partial fingerprints, the invocation with notifications for unreadable
// inputs, and automationDetails. Results beyond GitHub's limits (25,000 per run, 10 MB gzipped) are
// dropped least severe first, with a warning on stderr.
class SarifWriter final : public Reporter {
 public:
  explicit SarifWriter(ReportOptions options) : options_(std::move(options)) {}
  void add(const std::vector<Finding>& findings, const ReportSink& sink) override;
  void finish(const RunStats& stats, const ReportSink& sink) override;

  static constexpr std::size_t kMaxResults = 25000;
  static constexpr std::size_t kMaxGzippedBytes = 10 * 1000 * 1000;

 private:
  ReportOptions options_;
  // The log is written at the end, of at most kMaxResults results: the most severe findings so
  // far (at most twice that many, in output order), and how many there were in all.
  std::vector<Finding> kept_;
  std::size_t seen_ = 0;
};

// Percent-encodes a path for a URI: everything but unreserved characters and '/'.
std::string percent_encode_path(std::string_view path);

// The gzip-compressed size of `bytes` (zlib, default level), as GitHub measures uploads.
std::size_t gzipped_size(std::string_view bytes);

}  // namespace bilint
