#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/registry.hpp"

namespace bilint {

// The English title names a glossary term, and the Chinese title renders it neither the glossary's
// way nor in any other known way (a variant is term/variant's business), nor keeps the English.
class TermTitleMissingRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "term/title-missing";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (!entry.link || entry.link->text.empty()) return;
    const std::string_view chinese = context.source.slice(entry.link->text);
    std::vector<const TermHit*> missing;
    for (const TermHit& english : context.term_hits(entry).english_title) {
      const bool seen = std::any_of(missing.begin(), missing.end(),
                                    [&](const TermHit* m) { return m->term == english.term; });
      if (seen || context.glossary.mentions(context.glossary.term(english.term), chinese)) continue;
      missing.push_back(&english);
    }
    if (missing.empty()) return;
    // One finding per title: a title that drops several terms (or is no translation at all) is one
    // problem to fix, with each term as a related location.
    std::vector<std::string> described;
    std::vector<RelatedSpan> related;
    for (const TermHit* hit : missing) {
      const Term& term = context.glossary.term(hit->term);
      const std::string_view written = context.source.slice(hit->span);
      if (term.keep) {
        described.push_back(fmt::format("'{}' (kept in English)", written));
      } else if (!term.preferred.empty()) {
        described.push_back(fmt::format("'{}' ({})", written, term.preferred));
      } else {
        described.push_back(fmt::format("'{}' ({})", written, fmt::join(term.synonyms, " or ")));
      }
      related.push_back({hit->span, fmt::format("'{}' in the English title", written), {}});
    }
    sink.report(Report{entry.link->text,
                       fmt::format("the Chinese title does not render {} from the English title",
                                   fmt::join(described, ", ")),
                       {},
                       std::move(related),
                       {}});
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TermTitleMissingRule)
