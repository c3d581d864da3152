#include "rules/registry.hpp"

namespace bilint {

// Markdown renders a heading glued to the previous paragraph correctly, but the digest loses its
// visual rhythm and line-based tools (diffs, `grep -A`) split entries wrongly.
class UnseparatedHeadingRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "entry/unseparated-heading";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (entry.separated) return;
    const LineIndex& lines = context.source.lines();
    const std::size_t previous = lines.line_of(entry.heading.begin) - 1;
    const Span terminator{lines.line_span(previous).end,
                          lines.line_span_with_terminator(previous).end};
    const Span at{entry.heading.begin, entry.heading.begin};
    sink.report(Report{
        entry.heading,
        "no blank line before this entry's heading",
        Fix{"insert a blank line", {Edit{at, std::string(context.source.slice(terminator))}}},
        {},
        {}});
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::UnseparatedHeadingRule)
