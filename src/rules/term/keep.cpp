#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

// A do-not-translate term (Transformer, Token) written in Chinese.
class TermKeepRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "term/keep";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const EntryTermHits& hits = context.term_hits(entry);
    for (const auto* list : {&hits.chinese_title, &hits.summary}) {
      for (const TermHit& hit : *list) {
        const Term& term = context.glossary.term(hit.term);
        if (hit.role != TermRole::variant || !term.keep) continue;
        sink.report(
            Report{hit.span,
                   fmt::format("'{}' translates '{}', which the glossary keeps in English",
                               context.source.slice(hit.span), term.source),
                   Fix{fmt::format("write '{}'", term.source), {Edit{hit.span, term.source}}},
                   {},
                   {}});
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TermKeepRule)
