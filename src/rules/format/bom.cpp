#include "rules/registry.hpp"

namespace bilint {

// A leading BOM is invisible in editors but breaks tools that expect the file to start with `#`.
class BomRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/bom";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    if (!context.source.encoding().has_bom) return;
    const Span bom{0, 3};
    sink.report(Report{bom,
                       "file starts with a UTF-8 byte order mark",
                       Fix{"remove the byte order mark", {Edit{bom, ""}}},
                       {},
                       {}});
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::BomRule)
