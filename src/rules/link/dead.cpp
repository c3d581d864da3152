#include <set>
#include <stdexcept>
#include <utility>

#include <boost/regex.hpp>
#include <fmt/format.h>

#include "net/link_checker.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// The http and https link targets of a file, each once, in the order of first use.
struct FileUrls final : FileFacts {
  std::vector<std::string> urls;
};

// Every target of the run, requested once each when the last file is in.
struct RunUrls final : RunFacts {
  explicit RunUrls(LinkCheckSettings link_settings) : settings(std::move(link_settings)) {}
  void add(const FileFacts& file) override {
    for (const std::string& url : static_cast<const FileUrls&>(file).urls) {
      if (seen.insert(url).second) urls.push_back(url);
    }
  }
  void settle() override {
    try {
      status = LinkChecker(settings).check(urls);
    } catch (const std::runtime_error& e) {  // libcurl could not be loaded
      unavailable = e.what();
    }
    urls = {};
    seen = {};
  }
  LinkCheckSettings settings;
  std::vector<std::string> urls;
  std::set<std::string> seen;
  std::map<std::string, LinkStatus> status;
  std::string unavailable;  // why no link could be checked, or empty
};

long to_number(const std::string& name, const std::string& value) {
  try {
    std::size_t used = 0;
    const long n = std::stol(value, &used);
    if (used == value.size() && n >= 0) return n;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(
      fmt::format("option '{}' takes a whole number, not '{}'", name, value));
}

}  // namespace

// Opt-in (--online): every http and https link target of the run is requested once, and the ones
// that fail are reported at each use with the status or the error.
class DeadLinkRule final : public Rule {
 public:
  static constexpr std::string_view kId = "link/dead";

  void configure(const RuleOptions& options) override {
    for (const auto& [name, value] : options) {
      if (name == "online") {
        online_ = value == "true";
      } else if (name == "cache") {
        settings_.cache_path = value;
      } else if (name == "cache-ttl") {
        settings_.cache_ttl = std::chrono::seconds(to_number(name, value));
      } else if (name == "timeout") {
        settings_.total_timeout = std::chrono::seconds(to_number(name, value));
        settings_.connect_timeout = std::min(settings_.connect_timeout, settings_.total_timeout);
      } else if (name == "concurrency") {
        settings_.max_connections = std::max(1L, to_number(name, value));
      } else if (name == "retries") {
        settings_.max_retries = static_cast<int>(to_number(name, value));
      } else if (name == "backoff-ms") {
        settings_.backoff = std::chrono::milliseconds(to_number(name, value));
      } else if (name == "exclude") {
        for (std::size_t start = 0; start <= value.size();) {
          const std::size_t end = std::min(value.find('\n', start), value.size());
          try {
            if (end > start) excludes_.emplace_back(value.substr(start, end - start));
          } catch (const boost::regex_error& e) {
            throw std::invalid_argument(fmt::format("exclude pattern '{}': {}",
                                                    value.substr(start, end - start), e.what()));
          }
          start = end + 1;
        }
      } else {
        throw std::invalid_argument(fmt::format("unknown option '{}'", name));
      }
    }
  }

  std::unique_ptr<RunFacts> start_run() const override {
    if (!online_) return nullptr;
    return std::make_unique<RunUrls>(settings_);
  }

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    auto facts = std::make_unique<FileUrls>();
    std::set<std::string> seen;
    for_each_target(context, [&](std::string url, Span) {
      if (seen.insert(url).second) facts->urls.push_back(std::move(url));
    });
    return facts;
  }

  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const RunUrls* run = context.run_facts<RunUrls>(*this);
    if (run == nullptr) return;
    bool told = false;
    for_each_target(context, [&](const std::string& url, Span where) {
      if (!run->unavailable.empty()) {
        if (!std::exchange(told, true)) {
          sink.report(Report{where,
                             fmt::format("the links could not be checked: {}", run->unavailable),
                             {},
                             {},
                             Severity::error});
        }
        return;
      }
      const auto s = run->status.find(url);
      if (s == run->status.end() || s->second.alive) return;
      sink.report(where, s->second.http_status != 0
                             ? fmt::format("dead link: HTTP {} for {}", s->second.http_status, url)
                             : fmt::format("dead link: {} for {}", s->second.error, url));
    });
  }

 private:
  template <typename Visit>
  void for_each_target(const RuleContext& context, Visit visit) const {
    const std::string_view text = context.source.text();
    for (const InlineNode& node : context.document.inlines) {
      if (node.kind == InlineKind::code_span || node.kind == InlineKind::html) continue;
      std::string url = link_target(text, node);
      if (!url.starts_with("http://") && !url.starts_with("https://")) continue;
      if (excluded(url)) continue;
      visit(std::move(url), node.destination);
    }
  }

  bool excluded(const std::string& url) const {
    return std::any_of(excludes_.begin(), excludes_.end(),
                       [&](const boost::regex& re) { return boost::regex_search(url, re); });
  }

  bool online_ = false;
  LinkCheckSettings settings_;
  std::vector<boost::regex> excludes_;
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::DeadLinkRule)
