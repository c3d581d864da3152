#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

// More than one blank line in a row (outside code blocks), or blank lines at the end of the file.
// One blank line separates entries and paragraphs; the fix removes the extra ones.
class BlankLinesRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/blank-lines";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const LineIndex& lines = context.source.lines();
    const auto blank = [&](std::size_t n) {
      const Span line = lines.line_span(n);
      return text.substr(line.begin, line.size()).find_first_not_of(" \t") ==
             std::string_view::npos;
    };
    std::size_t count = lines.line_count();
    // The empty "line" after a final newline is not a line of the file.
    if (count > 0 && lines.line_span(count - 1).empty() &&
        lines.line_span_with_terminator(count - 1).empty()) {
      --count;
    }
    for (std::size_t n = 0; n < count;) {
      if (!blank(n)) {
        ++n;
        continue;
      }
      std::size_t end = n;
      while (end < count && blank(end))
        ++end;
      const bool at_end = end == count;
      const std::size_t keep = at_end ? 0 : 1;
      if (end - n > keep && !context.document.in_code_block(lines.line_span(n).begin)) {
        // Remove whole lines after the ones kept.
        const Span extra{lines.line_span_with_terminator(n + keep).begin,
                         lines.line_span_with_terminator(end - 1).end};
        sink.report(Report{extra,
                           at_end ? fmt::format("{} blank line{} at the end of the file", end - n,
                                                end - n == 1 ? "" : "s")
                                  : fmt::format("{} blank lines in a row; one is enough", end - n),
                           Fix{"remove the extra blank lines", {Edit{extra, ""}}},
                           {},
                           {}});
      }
      n = end;
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::BlankLinesRule)
