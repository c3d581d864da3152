#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "net/curl_library.hpp"
#include "net/plain_url.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// What is wrong with a link target, checked with libcurl's URL parser (RFC 3986), or "".
std::string problem(std::string_view url) {
  if (url.empty()) return "the link has an empty target";
  if (url.starts_with("mailto:")) {
    const std::string_view address = url.substr(7);
    const std::size_t at = address.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= address.size() ||
        address.find_first_of(" \t<>") != std::string_view::npos) {
      return fmt::format("'{}' is not an e-mail address", address);
    }
    return {};
  }
  if (plainly_valid_url(url)) return {};
  const CurlLibrary& curl = curl_library();
  const std::unique_ptr<CURLU, decltype(curl.url_cleanup)> handle(curl.url(), curl.url_cleanup);
  const std::string copy(url);
  // No CURLU_GUESS_SCHEME: a digest's link needs its scheme written out.
  const CURLUcode code =
      curl.url_set(handle.get(), CURLUPART_URL, copy.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (code != CURLUE_OK) {
    // A message quotes at most 80 bytes of the URL (on a character boundary); the span has it all.
    const std::size_t cut = utf8::boundary_before(url, std::min<std::size_t>(url.size(), 80));
    return fmt::format("'{}{}' is not a valid URL: {}", url.substr(0, cut),
                       cut < url.size() ? "…" : "", curl.url_strerror(code));
  }
  char* scheme = nullptr;
  std::string scheme_text;
  if (curl.url_get(handle.get(), CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK) {
    scheme_text = scheme;
    curl.free(scheme);
  }
  if (scheme_text != "http" && scheme_text != "https") {
    return fmt::format("the URL scheme '{}' is not http, https or mailto", scheme_text);
  }
  char* host = nullptr;
  if (curl.url_get(handle.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK || host == nullptr) {
    return fmt::format("'{}' has no host", url);
  }
  const std::string host_text = host;
  curl.free(host);
  if (host_text.find('.') == std::string::npos && host_text != "localhost" &&
      host_text.front() != '[') {
    return fmt::format("'{}' is not a host name on the Internet (no dot)", host_text);
  }
  return {};
}

}  // namespace

// Link lines and inline links whose target cannot work: an unclosed `[...](...)`, an empty target,
// spaces or control characters, a scheme other than http, https or mailto, a host that is not one.
class MalformedLinkRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "link/malformed";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    if (entry.link) {
      const LinkLine& link = *entry.link;
      if (!link.closed) {
        sink.report(link.line, "the link line is not a complete '[Chinese title](url)'");
      } else if (const std::string p = problem(context.source.slice(link.url)); !p.empty()) {
        sink.report(link.url.empty() ? link.line : link.url, p);
      }
    }
    for (const Span& paragraph : entry.summary) {
      for (const InlineNode& node : context.document.inlines_in(paragraph)) {
        if (node.kind != InlineKind::link && node.kind != InlineKind::image &&
            node.kind != InlineKind::autolink) {
          continue;
        }
        const std::string_view target =
            text.substr(node.destination.begin, node.destination.size());
        // <user@host> autolinks are mail addresses by construction.
        if (node.kind == InlineKind::autolink && target.find("://") == std::string_view::npos)
          continue;
        if (const std::string p = problem(target); !p.empty()) {
          sink.report(node.destination.empty() ? node.span : node.destination, p);
        }
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::MalformedLinkRule)
