#include <algorithm>

#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

class TermVariantRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "term/variant";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const EntryTermHits& hits = context.term_hits(entry);
    for (const auto* list : {&hits.chinese_title, &hits.summary}) {
      for (const TermHit& hit : *list) {
        const Term& term = context.glossary.term(hit.term);
        if (hit.role != TermRole::variant || term.keep) continue;
        // A title-only term (survey -> 综述) is judged as a pair: its variant is only wrong where
        // the English title says the term ("调查" also translates "investigating").
        if (term.scope == TermScope::title &&
            std::none_of(hits.english_title.begin(), hits.english_title.end(),
                         [&](const TermHit& h) { return h.term == hit.term; })) {
          continue;
        }
        const std::string_view found = context.source.slice(hit.span);
        sink.report(Report{
            hit.span,
            fmt::format("'{}' is a variant rendering of '{}'; the glossary uses '{}'", found,
                        term.source, term.preferred),
            Fix{fmt::format("replace with '{}'", term.preferred), {Edit{hit.span, term.preferred}}},
            {},
            {}});
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TermVariantRule)
