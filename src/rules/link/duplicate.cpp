#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "core/arxiv.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// The entries' title links to arXiv, by id (without version): the first of each id in the file.
struct FileLinks final : FileFacts {
  std::vector<std::pair<std::string, Location>> first;
};

// The first entry of each paper in the run, by id: the papers in a vector, found through an
// open-addressing table of their hashes (8 bytes a slot, at most half full), so that looking an id
// up costs a probe or two and one comparison. In a std::unordered_map of strings each of a run's
// papers was a node of its own, and a lookup went through the bucket, the node and a division: 4%
// of a run's time on the bench corpus, whose 17,300 entries each look one up and add one.
class RunLinks final : public RunFacts {
 public:
  void add(const FileFacts& file) override {
    for (const auto& [id, where] : static_cast<const FileLinks&>(file).first) {
      const std::size_t hash = std::hash<std::string_view>{}(id);
      if (find(id, hash) == nullptr) insert(id, hash, where);
    }
  }
  [[nodiscard]] const Location* find(std::string_view id) const {
    return find(id, std::hash<std::string_view>{}(id));
  }

 private:
  struct Paper {
    std::string id;
    std::size_t hash;
    Location first;
  };
  struct Slot {
    std::uint32_t tag = 0;    // the hash's high bits, so that most other ids are told apart here
    std::uint32_t paper = 0;  // index + 1 into papers_; 0: empty
  };
  static std::uint32_t tag(std::size_t hash) {
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32);
  }

  [[nodiscard]] const Location* find(std::string_view id, std::size_t hash) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].paper != 0; i = (i + 1) & mask) {
      const Paper& paper = papers_[slots_[i].paper - 1];
      if (slots_[i].tag == tag(hash) && paper.id == id) return &paper.first;
    }
    return nullptr;
  }
  void insert(std::string_view id, std::size_t hash, const Location& where) {
    papers_.push_back({std::string(id), hash, where});
    if (2 * papers_.size() > slots_.size()) {
      slots_.assign(std::bit_ceil(std::max<std::size_t>(1024, 4 * papers_.size())), Slot{});
      for (std::size_t p = 0; p < papers_.size(); ++p)
        place(papers_[p].hash, p);
    } else {
      place(hash, papers_.size() - 1);
    }
  }
  void place(std::size_t hash, std::size_t paper) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].paper != 0)
      i = (i + 1) & mask;
    slots_[i] = {tag(hash), static_cast<std::uint32_t>(paper + 1)};
  }

  std::vector<Paper> papers_;  // in the order first seen
  std::vector<Slot> slots_;    // a power of two
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
    std::unordered_set<std::string_view> seen;
    for_each_title_link(context, [&](std::string_view id, Span url) {
      if (seen.insert(id).second) facts->first.emplace_back(id, context.locate(url));
    });
    return facts;
  }

  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const RunLinks* run = context.run_facts<RunLinks>(*this);
    if (run == nullptr) return;
    for_each_title_link(context, [&](std::string_view id, Span url) {
      const Location* first = run->find(id);
      if (first == nullptr) return;
      const Location& where = *first;
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
