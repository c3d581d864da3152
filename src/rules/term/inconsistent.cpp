#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

namespace {

struct Occurrence {
  const Term* term;  // owned by the run's glossary, which outlives the corpus pass
  std::string form;
  Finding where;
};

struct TermFacts final : FileFacts {
  std::vector<Occurrence> occurrences;
};

bool has_alternatives(const Term& term) {
  return !term.variants.empty() || term.synonyms.size() > 1;
}

}  // namespace

// One concept written several ways across the files of a run: the minority uses are reported, with
// the counts and a majority use as related location.
class TermInconsistentRule final : public Rule {
 public:
  static constexpr std::string_view kId = "term/inconsistent";

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    auto facts = std::make_unique<TermFacts>();
    for (const Entry& entry : context.document.entries) {
      const EntryTermHits& hits = context.term_hits(entry);
      for (const auto* list : {&hits.chinese_title, &hits.summary}) {
        for (const TermHit& hit : *list) {
          const Term& term = context.glossary.term(hit.term);
          if (!has_alternatives(term) || hit.role == TermRole::accepted) continue;
          // An English abbreviation beside a rendering ("大语言模型 (LLMs)") is no second
          // rendering; only for a kept term is the English spelling one of its forms.
          if (hit.role == TermRole::english && !term.keep) continue;
          std::string form = hit.role == TermRole::english
                                 ? term.source
                                 : std::string(context.source.slice(hit.span));
          facts->occurrences.push_back({&term, std::move(form), context.locate(hit.span)});
        }
      }
    }
    if (facts->occurrences.empty()) return nullptr;
    return facts;
  }

  void judge(const std::vector<const FileFacts*>& all, FindingSink& sink) const override {
    struct Form {
      std::size_t count = 0;
      std::size_t first_seen = 0;
      const Occurrence* first = nullptr;
    };
    std::map<const Term*, std::map<std::string, Form>> forms;
    std::size_t order = 0;
    for (const FileFacts* facts : all) {
      for (const Occurrence& o : static_cast<const TermFacts*>(facts)->occurrences) {
        Form& form = forms[o.term][o.form];
        if (form.count++ == 0) {
          form.first = &o;
          form.first_seen = order++;
        }
      }
    }
    for (const FileFacts* facts : all) {
      for (const Occurrence& o : static_cast<const TermFacts*>(facts)->occurrences) {
        const auto& term_forms = forms[o.term];
        if (term_forms.size() < 2) continue;
        // The majority form; a tie goes to the preferred rendering, then to the form seen first.
        const auto rank = [&](const std::pair<const std::string, Form>& f) {
          return std::tuple(f.second.count, f.first == o.term->preferred,
                            std::numeric_limits<std::size_t>::max() - f.second.first_seen);
        };
        const std::pair<const std::string, Form>* majority = nullptr;
        for (const auto& candidate : term_forms) {
          if (majority == nullptr || rank(candidate) > rank(*majority)) majority = &candidate;
        }
        if (majority->first == o.form) continue;
        Finding finding = o.where;

        finding.message = fmt::format(
            "'{}' is written {} time{} in this run and '{}' {} time{}, for the same term", o.form,
            term_forms.at(o.form).count, term_forms.at(o.form).count == 1 ? "" : "s",
            majority->first, majority->second.count, majority->second.count == 1 ? "" : "s");
        if (!o.term->preferred.empty()) {
          finding.message += fmt::format(" (the glossary prefers '{}')", o.term->preferred);
        }
        finding.related.push_back({majority->second.first->where.location,
                                   fmt::format("'{}' is used here", majority->first)});
        sink.report(std::move(finding));
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TermInconsistentRule)
