#include "net/link_checker.hpp"

#include <algorithm>
#include <ctime>
#include <deque>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "engine/inputs.hpp"
#include "fix/atomic_file.hpp"
#include "net/curl_library.hpp"

namespace bilint {

namespace {

using Clock = std::chrono::steady_clock;

struct Request {
  std::string url;
  bool use_get = false;
  int attempt = 0;
  Clock::time_point not_before{};
  CURL* handle = nullptr;
};

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

std::int64_t now_epoch() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct CacheEntry {
  std::int64_t checked_at = 0;
  LinkStatus status;
};

std::map<std::string, CacheEntry> load_cache(const std::string& path) {
  std::map<std::string, CacheEntry> cache;
  if (path.empty()) return cache;
  std::string error;
  const std::optional<std::string> text = read_file(path, error);
  if (!text) return cache;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    // url \t checked-at \t alive \t status \t error
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    if (fields.size() != 5) continue;  // a damaged line is a cache miss, not an error
    try {
      CacheEntry entry;
      entry.checked_at = std::stoll(fields[1]);
      entry.status.alive = fields[2] == "1";
      entry.status.http_status = std::stol(fields[3]);
      entry.status.error = fields[4];
      entry.status.from_cache = true;
      cache[fields[0]] = entry;
    } catch (const std::exception&) {
    }
  }
  return cache;
}

void save_cache(const std::string& path, const std::map<std::string, CacheEntry>& cache) {
  if (path.empty()) return;
  std::string text;
  for (const auto& [url, entry] : cache) {
    text += fmt::format("{}\t{}\t{}\t{}\t{}\n", url, entry.checked_at, entry.status.alive ? 1 : 0,
                        entry.status.http_status, entry.status.error);
  }
  // A cache that cannot be written only costs time on the next run.
  (void)write_file_atomically(path, text);
}

}  // namespace

LinkChecker::LinkChecker(LinkCheckSettings settings) : settings_(std::move(settings)) {}

std::map<std::string, LinkStatus> LinkChecker::check(const std::vector<std::string>& urls) {
  std::map<std::string, LinkStatus> results;
  std::map<std::string, CacheEntry> cache = load_cache(settings_.cache_path);
  const std::int64_t now = now_epoch();

  std::deque<Request> waiting;
  for (const std::string& url : urls) {
    if (results.contains(url)) continue;
    const auto cached = cache.find(url);
    if (cached != cache.end() && now - cached->second.checked_at < settings_.cache_ttl.count()) {
      results[url] = cached->second.status;
      continue;
    }
    results[url] = LinkStatus{};
    waiting.push_back({url});
  }

  // Every answer from the cache: nothing to ask, and libcurl need not be loaded.
  if (waiting.empty()) return results;
  const CurlLibrary& curl = curl_library();
  const std::unique_ptr<CURLM, decltype(curl.multi_cleanup)> multi(curl.multi_init(),
                                                                   curl.multi_cleanup);
  curl.multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, settings_.max_connections);
  curl.multi_setopt(multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, settings_.max_connections_per_host);

  std::map<CURL*, Request> running;
  const auto start = [&](Request request) {
    CURL* easy = curl.easy_init();
    curl.easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl.easy_setopt(easy, CURLOPT_NOBODY, request.use_get ? 0L : 1L);
    if (request.use_get) curl.easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    curl.easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(easy, CURLOPT_MAXREDIRS, settings_.max_redirects);
    curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(settings_.connect_timeout.count()));
    curl.easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.total_timeout.count()));
    curl.easy_setopt(easy, CURLOPT_USERAGENT, settings_.user_agent.c_str());
    curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard);
    curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    request.handle = easy;
    curl.multi_add_handle(multi.get(), easy);
    running.emplace(easy, std::move(request));
  };

  while (!waiting.empty() || !running.empty()) {
    const Clock::time_point moment = Clock::now();
    for (std::size_t n = waiting.size(); n > 0; --n) {
      Request request = std::move(waiting.front());
      waiting.pop_front();
      if (request.not_before <= moment) {
        start(std::move(request));
      } else {
        waiting.push_back(std::move(request));
      }
    }
    int still_running = 0;
    curl.multi_perform(multi.get(), &still_running);
    int queued = 0;
    while (CURLMsg* message = curl.multi_info_read(multi.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      const CURLcode code = message->data.result;
      Request request = std::move(running.at(easy));
      running.erase(easy);
      long status = 0;
      curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      curl_off_t retry_after = 0;
      curl.easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after);
      curl.multi_remove_handle(multi.get(), easy);
      curl.easy_cleanup(easy);

      LinkStatus& result = results[request.url];
      result.http_status = status;
      result.error = code == CURLE_OK ? std::string() : curl.easy_strerror(code);
      if (code == CURLE_OK && !request.use_get &&
          (status == 405 || status == 501 || status == 403)) {
        request.use_get = true;  // a server that will not answer HEAD
        waiting.push_back(std::move(request));
        continue;
      }
      const bool transient = code == CURLE_OK && (status == 429 || status >= 500);
      if (transient && request.attempt < settings_.max_retries) {
        auto delay = settings_.backoff * (1 << request.attempt);
        if (retry_after > 0) {
          delay = std::min<std::chrono::milliseconds>(std::chrono::seconds(retry_after),
                                                      settings_.max_retry_after);
        }
        ++request.attempt;
        request.not_before = Clock::now() + delay;
        waiting.push_back(std::move(request));
        continue;
      }
      result.alive = code == CURLE_OK && status >= 200 && status < 400;
      cache[request.url] = CacheEntry{now_epoch(), result};
    }
    if (running.empty() && !waiting.empty()) {
      // Nothing in flight: sleep until the earliest retry is due.
      const auto next = std::min_element(waiting.begin(), waiting.end(), [](auto& a, auto& b) {
                          return a.not_before < b.not_before;
                        })->not_before;
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now());
      if (wait.count() > 0) {
        curl.multi_poll(multi.get(), nullptr, 0,
                        static_cast<int>(std::min<long long>(wait.count(), 1000)), nullptr);
      }
    } else if (!running.empty()) {
      curl.multi_poll(multi.get(), nullptr, 0, 100, nullptr);
    }
  }
  for (auto& [url, entry] : cache)
    entry.status.from_cache = false;
  save_cache(settings_.cache_path, cache);
  return results;
}

}  // namespace bilint
