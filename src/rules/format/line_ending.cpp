#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

// One finding per kind of foreign line ending, at its first occurrence: a CRLF file would otherwise
// bury every other finding. The fix converts all of them.
class LineEndingRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/line-ending";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const EncodingFacts& facts = context.source.encoding();
    if (facts.crlf_count == 0 && facts.lone_cr_count == 0) return;
    const std::string_view text = context.source.text();
    Fix fix{"use LF line endings", {}};
    for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
      const bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
      fix.edits.push_back({{i, crlf ? i + 2 : i + 1}, "\n"});
    }
    if (facts.crlf_count > 0) {
      sink.report(Report{
          {facts.first_crlf, facts.first_crlf + 2},
          fmt::format("CRLF line ending ({} in this file); digests use LF", facts.crlf_count),
          facts.lone_cr_count == 0 ? std::optional<Fix>(fix) : std::nullopt,
          {},
          {}});
    }
    if (facts.lone_cr_count > 0) {
      sink.report(Report{
          {facts.first_lone_cr, facts.first_lone_cr + 1},
          fmt::format("lone CR line ending ({} in this file); digests use LF", facts.lone_cr_count),
          std::optional<Fix>(std::move(fix)),
          {},
          {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::LineEndingRule)
