#include "rules/registry.hpp"

namespace bilint {

class EmptyTitleRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "entry/empty-title";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (entry.english_title.empty()) sink.report(entry.heading, "the English title is empty");
    if (!entry.link) return;
    const std::string_view title = context.source.slice(entry.link->text);
    if (title.find_first_not_of(" \t") == std::string_view::npos) {
      sink.report(entry.link->line, "the Chinese title is empty");
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::EmptyTitleRule)
