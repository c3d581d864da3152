#include "rules/registry.hpp"

namespace bilint {

class StrayTextRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "entry/stray-text";
  void check_entry(const RuleContext&, const Entry& entry, DiagnosticSink& sink) const override {
    for (const Span& line : entry.stray) {
      sink.report(line,
                  "text between the heading and the link line belongs to no part of the entry");
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::StrayTextRule)
