#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

// The parser accepts an entry under a heading of any level when a link line follows it; the digest
// layout (and every table of contents built from it) expects level 2.
class HeadingLevelRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "entry/heading-level";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (entry.heading_level == 2) return;
    const std::string_view line = context.source.slice(entry.heading);
    const std::size_t hashes = line.find('#');
    const Span marker{entry.heading.begin + hashes,
                      entry.heading.begin + hashes + static_cast<std::size_t>(entry.heading_level)};
    sink.report(Report{
        marker,
        fmt::format("entry heading is level {}; entries use level 2 ('## ')", entry.heading_level),
        Fix{"use a level-2 heading", {Edit{marker, "##"}}},
        {},
        {}});
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::HeadingLevelRule)
