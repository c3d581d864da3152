#include <unordered_map>

#include <fmt/format.h>

#include "core/arxiv.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// The entries' title links to arXiv, by id (without version): the first of each id in the file.
struct FileLinks final : FileFacts {
  std::vector<std::pair<std::string, Location>> first;
};

// Looks ids up by view, so that checking a link copies nothing.
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};

// The first entry of each paper in the run.
struct RunLinks final : RunFacts {
  std::unordered_map<std::string, Location, IdHash, std::equal_to<>> first;
  void add(const FileFacts& file) override {
    for (const auto& [id, where] : static_cast<const FileLinks&>(file).first)
      first.emplace(id, where);
  }
};

template <typename Visit>
void for_each_title_link(const RuleContext& context, Visit visit) {
  for (const Entry& entry : context.document.entries) {
    if (!entry.link || !entry.link->closed) continue;
    const auto arxiv = split_arxiv_url(context.source.slice(entry.link->url));
    if (arxiv && !arxiv->id.empty()) visit(arxiv->id, entry.link->url);
  }
}

}  // namespace

// The same paper in two entries of a run (one file or several): the later ones are reported, with
// the first as related location.
class DuplicateLinkRule final : public Rule {
 public:
  static constexpr std::string_view kId = "link/duplicate";

  std::unique_ptr<RunFacts> start_run() const override { return std::make_unique<RunLinks>(); }

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    auto facts = std::make_unique<FileLinks>();
    std::unordered_map<std::string_view, bool> seen;
    for_each_title_link(context, [&](std::string_view id, Span url) {
      if (seen.emplace(id, true).second) facts->first.emplace_back(id, context.locate(url));
    });
    return facts;
  }

  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const RunLinks* run = context.run_facts<RunLinks>(*this);
    if (run == nullptr) return;
    for_each_title_link(context, [&](std::string_view id, Span url) {
      const auto first = run->first.find(id);
      if (first == run->first.end()) return;
      const Location& where = first->second;
      if (where.path == context.source.path() && where.start.offset == url.begin) return;
      Report report;
      report.span = url;
      report.message =
          fmt::format("arXiv {} is already an entry at {}:{}", id, where.path, where.start.line);
      report.related.push_back({{}, "the first entry for this paper", where});
      sink.report(std::move(report));
    });
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::DuplicateLinkRule)
