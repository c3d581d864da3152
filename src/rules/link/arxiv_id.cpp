#include <algorithm>

#include <fmt/format.h>

#include "core/arxiv.hpp"
#include "rules/registry.hpp"

namespace bilint {

// arXiv links must name a paper that can exist, in the canonical https://arxiv.org/abs/<id> form.
class ArxivIdRule final : public Rule {
 public:
  static constexpr std::string_view kId = "link/arxiv-id";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    std::vector<std::size_t> title_urls;  // in document order, so sorted
    for (const Entry& entry : context.document.entries) {
      if (!entry.link || !entry.link->closed) continue;
      check_url(context, entry.link->url, sink);
      title_urls.push_back(entry.link->url.begin);
    }
    for (const InlineNode& node : context.document.inlines) {
      if (node.kind == InlineKind::code_span || node.kind == InlineKind::html) continue;
      // The title's own link was checked above.
      if (std::binary_search(title_urls.begin(), title_urls.end(), node.destination.begin))
        continue;
      check_url(context, node.destination, sink);
    }
  }

 private:
  static void check_url(const RuleContext& context, Span span, DiagnosticSink& sink) {
    const std::string_view url = context.source.slice(span);
    const std::optional<ArxivUrl> arxiv = split_arxiv_url(url);
    if (!arxiv) return;
    if (const std::string problem = check_arxiv_id(arxiv->id, context.today); !problem.empty()) {
      sink.report(span, problem);
      return;
    }
    if (arxiv->scheme != "https" || arxiv->kind != "abs" || arxiv->host != "arxiv.org") {
      const std::string canonical = arxiv_abs_url(arxiv->id, arxiv->version);
      sink.report(Report{span,
                         fmt::format("arXiv links use the abstract page '{}'", canonical),
                         Fix{"use the https abstract URL", {Edit{span, canonical}}},
                         {},
                         {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::ArxivIdRule)
