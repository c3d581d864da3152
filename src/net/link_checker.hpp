#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace bilint {

// What became of one URL.
struct LinkStatus {
  bool alive = false;
  long http_status = 0;  // final HTTP status, 0 when no response came
  std::string error;     // transport error (timeout, refused, DNS), or empty
  bool from_cache = false;
};

struct LinkCheckSettings {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{15000};
  long max_redirects = 5;
  long max_connections = 16;                // overall
  long max_connections_per_host = 2;        // politeness towards each server
  int max_retries = 2;                      // for 429 and 5xx answers
  std::chrono::milliseconds backoff{1000};  // doubled at each retry, unless Retry-After says
  std::chrono::milliseconds max_retry_after{60000};
  std::string cache_path;                 // empty: no cache
  std::chrono::seconds cache_ttl{86400};  // how long a cached answer is trusted
  std::string user_agent = "bilint-link-check";
};

// Checks URLs over the network with libcurl's multi interface: HEAD first, GET when a server
// refuses HEAD; redirects followed up to a limit; connect and total timeouts; a limit on
// connections overall and per host; retries with exponential backoff on 429 and 5xx, honouring
// Retry-After; and a cache file (tab-separated, rewritten atomically) so that a second run within
// the time-to-live makes no request.
class LinkChecker {
 public:
  explicit LinkChecker(LinkCheckSettings settings);
  [[nodiscard]] std::map<std::string, LinkStatus> check(const std::vector<std::string>& urls);

 private:
  LinkCheckSettings settings_;
};

}  // namespace bilint
