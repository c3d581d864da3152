#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

// An indented line in an entry's title or summary. Markdown ignores up to three spaces, but four
// (or a tab) turn a summary into a code block, and any indentation is a leftover of copying. The
// fix removes it.
class IndentationRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "format/indentation";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const LineIndex& lines = context.source.lines();
    const auto check_block = [&](Span block) {
      const std::size_t last = lines.line_of(block.end);
      for (std::size_t n = lines.line_of(block.begin); n <= last; ++n) {
        const Span line = lines.line_span(n);
        std::size_t i = line.begin;
        std::size_t columns = 0;
        while (i < line.end && (text[i] == ' ' || text[i] == '\t')) {
          columns += text[i] == '\t' ? 4 : 1;
          ++i;
        }
        if (i == line.begin || i == line.end) continue;
        const Span indent{line.begin, i};
        sink.report(Report{indent,
                           columns >= 4 ? "an indented line: Markdown shows it as a code block"
                                        : "an indented line",
                           Fix{"remove the indentation", {Edit{indent, ""}}},
                           {},
                           {}});
      }
    };
    if (entry.link) check_block(entry.link->line);
    for (const Span& paragraph : entry.summary)
      check_block(paragraph);
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::IndentationRule)
