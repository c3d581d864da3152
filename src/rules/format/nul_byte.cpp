#include "rules/registry.hpp"

namespace bilint {

class NulByteRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/nul-byte";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    for (const std::size_t offset : context.source.encoding().nul_bytes) {
      const Span span{offset, offset + 1};
      sink.report(
          Report{span, "NUL byte in text", Fix{"delete the NUL byte", {Edit{span, ""}}}, {}, {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::NulByteRule)
