#include <algorithm>

#include "rules/registry.hpp"

namespace bilint {

// A tab inside a line of prose: its width depends on the viewer, and in Markdown a leading tab
// makes code. Leading tabs are format/indentation's; code blocks and code spans are left alone.
class TabRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/tab";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const LineIndex& lines = context.source.lines();
    for (std::size_t n = 0; n < lines.line_count(); ++n) {
      const Span line = lines.line_span(n);
      std::size_t i = line.begin;
      while (i < line.end && (text[i] == ' ' || text[i] == '\t'))
        ++i;  // indentation
      std::size_t last = line.end;
      while (last > i && (text[last - 1] == ' ' || text[last - 1] == '\t'))
        --last;  // trailing
      // Tabs are rare: memchr (through find) passes over the rest of the line.
      const std::string_view through_last = text.substr(0, last);
      for (i = through_last.find('\t', i); i < last; i = through_last.find('\t', i + 1)) {
        if (context.document.in_code_block(i)) continue;
        const auto nodes = context.document.inlines_in(line);
        const bool in_code_span =
            std::any_of(nodes.begin(), nodes.end(), [&](const InlineNode& node) {
              return node.kind == InlineKind::code_span && node.span.contains(i);
            });
        if (in_code_span) continue;
        sink.report(Report{{i, i + 1},
                           "a tab inside the text",
                           Fix{"use a space", {Edit{{i, i + 1}, " "}}},
                           {},
                           {}});
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TabRule)
