#include <map>

#include <fmt/format.h>

#include "core/arxiv.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

struct TitleLink {
  std::string id;  // without version
  Finding where;
};

struct DuplicateFacts final : FileFacts {
  std::vector<TitleLink> links;
};

}  // namespace

// The same paper in two entries of a run (one file or several): the later ones are reported, with
// the first as related location.
class DuplicateLinkRule final : public Rule {
 public:
  static constexpr std::string_view kId = "link/duplicate";

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    auto facts = std::make_unique<DuplicateFacts>();
    for (const Entry& entry : context.document.entries) {
      if (!entry.link || !entry.link->closed) continue;
      const auto arxiv = split_arxiv_url(context.source.slice(entry.link->url));
      if (!arxiv || arxiv->id.empty()) continue;
      facts->links.push_back({std::string(arxiv->id), context.locate(entry.link->url)});
    }
    if (facts->links.empty()) return nullptr;
    return facts;
  }

  void judge(const std::vector<const FileFacts*>& all, FindingSink& sink) const override {
    std::map<std::string_view, const TitleLink*> first;
    for (const FileFacts* facts : all) {
      for (const TitleLink& link : static_cast<const DuplicateFacts*>(facts)->links) {
        const auto [it, inserted] = first.emplace(link.id, &link);
        if (inserted) continue;
        Finding finding = link.where;
        finding.message =
            fmt::format("arXiv {} is already an entry at {}:{}", link.id,
                        it->second->where.location.path, it->second->where.location.start.line);
        finding.related.push_back({it->second->where.location, "the first entry for this paper"});
        sink.report(std::move(finding));
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::DuplicateLinkRule)
