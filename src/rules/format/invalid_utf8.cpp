#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

class InvalidUtf8Rule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/invalid-utf8";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    for (const Span& span : context.source.encoding().invalid_utf8) {
      std::string bytes;
      for (const char c : context.source.slice(span).substr(0, 8)) {
        bytes += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
      }
      if (span.size() > 8) bytes += "...";
      sink.report(span, fmt::format("invalid UTF-8 ({} byte{}: {})", span.size(),
                                    span.size() == 1 ? "" : "s", bytes));
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::InvalidUtf8Rule)
