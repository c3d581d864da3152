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
    const EntryTermHits& hits = context.term_hits(entry);
    std::vector<std::uint32_t> reported;
    for (const TermHit& english : hits.english_title) {
      if (std::find(reported.begin(), reported.end(), english.term) != reported.end()) continue;
      const bool rendered = std::any_of(hits.chinese_title.begin(), hits.chinese_title.end(),
                                        [&](const TermHit& h) { return h.term == english.term; });
      if (rendered) continue;
      reported.push_back(english.term);
      const Term& term = context.glossary.term(english.term);
      const std::string_view written = context.source.slice(english.span);
      std::string message;
      if (term.keep) {
        message = fmt::format(
            "the English title says '{}', which stays in English, but the Chinese "
            "title does not have it",
            written);
      } else if (!term.preferred.empty()) {
        message = fmt::format(
            "the English title says '{}' but the Chinese title has neither '{}' "
            "nor the English term",
            written, term.preferred);
      } else {
        message = fmt::format(
            "the English title says '{}' but the Chinese title has none of '{}' "
            "nor the English term",
            written, fmt::join(term.synonyms, "', '"));
      }
      sink.report(Report{entry.link->text,
                         std::move(message),
                         {},
                         {RelatedSpan{english.span, "the term in the English title"}},
                         {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TermTitleMissingRule)
