#include <set>

#include <boost/regex.hpp>
#include <fmt/format.h>

#include "net/link_checker.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

struct UrlUse {
  std::string url;
  Finding where;
};

struct UrlFacts final : FileFacts {
  std::vector<UrlUse> uses;
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

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    if (!online_) return nullptr;
    auto facts = std::make_unique<UrlFacts>();
    const std::string_view text = context.source.text();
    for (const InlineNode& node : context.document.inlines) {
      if (node.kind == InlineKind::code_span || node.kind == InlineKind::html) continue;
      std::string url = link_target(text, node);
      if (!url.starts_with("http://") && !url.starts_with("https://")) continue;
      if (excluded(url)) continue;
      facts->uses.push_back({std::move(url), context.locate(node.destination)});
    }
    if (facts->uses.empty()) return nullptr;
    return facts;
  }

  void judge(const std::vector<const FileFacts*>& all, FindingSink& sink) const override {
    std::vector<std::string> urls;
    std::set<std::string_view> seen;
    for (const FileFacts* facts : all) {
      for (const UrlUse& use : static_cast<const UrlFacts*>(facts)->uses) {
        if (seen.insert(use.url).second) urls.push_back(use.url);
      }
    }
    LinkChecker checker(settings_);
    const std::map<std::string, LinkStatus> status = checker.check(urls);
    for (const FileFacts* facts : all) {
      for (const UrlUse& use : static_cast<const UrlFacts*>(facts)->uses) {
        const LinkStatus& s = status.at(use.url);
        if (s.alive) continue;
        Finding finding = use.where;
        finding.message = s.http_status != 0
                              ? fmt::format("dead link: HTTP {} for {}", s.http_status, use.url)
                              : fmt::format("dead link: {} for {}", s.error, use.url);
        sink.report(std::move(finding));
      }
    }
  }

 private:
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
