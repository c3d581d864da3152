#include "rules/registry.hpp"

namespace bilint {

// A text file ends with a newline (POSIX); without one, the next append joins the last line and
// tools report "No newline at end of file".
class FinalNewlineRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/final-newline";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    if (text.empty() || text.back() == '\n' || text.back() == '\r') return;
    const Span end{text.size(), text.size()};
    const LineIndex& lines = context.source.lines();
    sink.report(Report{lines.line_span(lines.line_count() - 1),
                       "no newline at the end of the file",
                       Fix{"add a newline", {Edit{end, "\n"}}},
                       {},
                       {}});
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::FinalNewlineRule)
