#include "rules/registry.hpp"

namespace bilint {

class MissingSummaryRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "entry/missing-summary";
  void check_entry(const RuleContext&, const Entry& entry, DiagnosticSink& sink) const override {
    if (!entry.summary.empty()) return;
    sink.report(entry.link ? entry.link->line : entry.heading, "entry has no summary paragraph");
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::MissingSummaryRule)
