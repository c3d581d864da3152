#include "rules/registry.hpp"

namespace bilint {

// Without the `[Chinese title](url)` line the entry has no Chinese title and no paper to point to.
class MissingLinkRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "entry/missing-link";
  void check_entry(const RuleContext&, const Entry& entry, DiagnosticSink& sink) const override {
    if (entry.link) return;
    sink.report(entry.heading,
                "entry has no link line: the heading must be followed by "
                "'[Chinese title](url)'");
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::MissingLinkRule)
