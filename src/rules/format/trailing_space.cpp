#include "rules/registry.hpp"

namespace bilint {

// Spaces or tabs at the end of a line: invisible, noisy in diffs, and two of them make a Markdown
// hard line break nobody meant in a digest. Code blocks are left alone.
class TrailingSpaceRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/trailing-space";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const LineIndex& lines = context.source.lines();
    for (std::size_t n = 0; n < lines.line_count(); ++n) {
      const Span line = lines.line_span(n);
      std::size_t start = line.end;
      while (start > line.begin && (text[start - 1] == ' ' || text[start - 1] == '\t'))
        --start;
      if (start == line.end || context.document.in_code_block(start)) continue;
      const Span trailing{start, line.end};
      sink.report(
          Report{trailing, "trailing white space", Fix{"delete it", {Edit{trailing, ""}}}, {}, {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TrailingSpaceRule)
