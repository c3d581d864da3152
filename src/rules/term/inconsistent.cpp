#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

namespace {

bool has_alternatives(const Term& term) {
  return !term.variants.empty() || term.synonyms.size() > 1;
}

// Each use of a term that can be written several ways: the term, the form it is written in, where.
template <typename Visit>
void for_each_use(const RuleContext& context, Visit visit) {
  for (const Entry& entry : context.document.entries) {
    const EntryTermHits& hits = context.term_hits(entry);
    for (const auto* list : {&hits.chinese_title, &hits.summary}) {
      for (const TermHit& hit : *list) {
        const Term& term = context.glossary.term(hit.term);
        if (!has_alternatives(term) || hit.role == TermRole::accepted) continue;
        // An English abbreviation beside a rendering ("大语言模型 (LLMs)") is no second
        // rendering; only for a kept term is the English spelling one of its forms.
        if (hit.role == TermRole::english && !term.keep) continue;
        visit(term,
              hit.role == TermRole::english ? std::string_view(term.source)
                                            : context.source.slice(hit.span),
              hit.span);
      }
    }
  }
}

// The forms of the terms in one file, in the order of their first use: how often, and where first.
struct FileForms final : FileFacts {
  struct Form {
    const Term* term;  // owned by the run's glossary, which outlives the run
    std::string form;
    std::size_t count;
    Location first;
  };
  std::vector<Form> forms;
};

struct RunForms final : RunFacts {
  struct Form {
    std::size_t count = 0;
    std::size_t first_seen = 0;
    Location first;
  };
  using Forms = std::map<std::string, Form, std::less<>>;
  std::map<const Term*, Forms> by_term;
  // The majority form of each term written in more than one form.
  std::map<const Term*, Forms::const_iterator> majority;
  std::size_t seen = 0;

  void add(const FileFacts& file) override {
    for (const FileForms::Form& f : static_cast<const FileForms&>(file).forms) {
      Form& form = by_term[f.term][f.form];
      if (form.count == 0) {
        form.first_seen = seen++;
        form.first = f.first;
      }
      form.count += f.count;
    }
  }

  // A tie goes to the preferred rendering, then to the form seen first.
  void settle() override {
    for (const auto& [term, forms] : by_term) {
      if (forms.size() < 2) continue;
      const auto rank = [term = term](const Forms::value_type& f) {
        return std::tuple(f.second.count, f.first == term->preferred,
                          std::numeric_limits<std::size_t>::max() - f.second.first_seen);
      };
      auto best = forms.begin();
      for (auto it = forms.begin(); it != forms.end(); ++it) {
        if (rank(*it) > rank(*best)) best = it;
      }
      majority.emplace(term, best);
    }
  }
};

std::string times(std::size_t n) {
  return fmt::format("{} time{}", n, n == 1 ? "" : "s");
}

}  // namespace

// One concept written several ways across the files of a run: the minority uses are reported, with
// the counts and a majority use as related location.
class TermInconsistentRule final : public Rule {
 public:
  static constexpr std::string_view kId = "term/inconsistent";

  std::unique_ptr<RunFacts> start_run() const override { return std::make_unique<RunForms>(); }

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    auto facts = std::make_unique<FileForms>();
    std::map<std::pair<const Term*, std::string_view>, std::size_t> index;
    for_each_use(context, [&](const Term& term, std::string_view form, Span span) {
      const auto [it, added] = index.emplace(std::pair(&term, form), facts->forms.size());
      if (added)
        facts->forms.push_back({&term, std::string(form), 1, context.locate(span)});
      else
        ++facts->forms[it->second].count;
    });
    return facts;
  }

  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const RunForms* run = context.run_facts<RunForms>(*this);
    if (run == nullptr) return;
    for_each_use(context, [&](const Term& term, std::string_view form, Span span) {
      const auto majority = run->majority.find(&term);
      if (majority == run->majority.end()) return;
      const auto& [major_form, major] = *majority->second;
      if (major_form == form) return;
      const std::size_t count = run->by_term.at(&term).find(form)->second.count;
      Report report;
      report.span = span;
      std::string message =
          fmt::format("'{}' is written {} in this run and '{}' {}, for the same term", form,
                      times(count), major_form, times(major.count));
      if (!term.preferred.empty())
        message += fmt::format(" (the glossary prefers '{}')", term.preferred);
      report.message = std::move(message);
      report.related.push_back({{}, fmt::format("'{}' is used here", major_form), major.first});
      sink.report(std::move(report));
    });
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TermInconsistentRule)
