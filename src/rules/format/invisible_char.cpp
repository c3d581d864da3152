#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// What to do with an invisible character: "" to delete it, " " for a no-break space.
struct Invisible {
  char32_t cp;
  const char* name;
  const char* replacement;
};
constexpr Invisible kInvisible[] = {
    {0x00A0, "a no-break space", " "},
    {0x202F, "a narrow no-break space", " "},
    {0x2007, "a figure space", " "},
    {0x200B, "a zero-width space", ""},
    {0x200C, "a zero-width non-joiner", ""},
    {0x2060, "a word joiner", ""},
    {0xFEFF, "a byte order mark inside the text", ""},
    {0x00AD, "a soft hyphen", ""},
    {0x200E, "a left-to-right mark", ""},
    {0x200F, "a right-to-left mark", ""},
};

// Whether a code point may be in kInvisible, without the table for the text around it.
constexpr bool maybe_invisible(char32_t cp) {
  return cp == 0xA0 || cp == 0xAD || (cp >= 0x2007 && cp <= 0x2060) || cp == 0xFEFF;
}
static_assert(std::all_of(std::begin(kInvisible), std::end(kInvisible),
                          [](const Invisible& i) { return maybe_invisible(i.cp); }));

// What the rule reports: the controls (C1 all begin with C2) and the table.
constexpr utf8::LeadBytes kReported = [] {
  utf8::LeadBytes reported{0x7F, 0x80};
  for (char32_t c = 1; c < 0x20; ++c) {
    if (c != '\t' && c != '\n' && c != '\r') reported.add(c);
  }
  for (const Invisible& invisible : kInvisible)
    reported.add(invisible.cp);
  return reported;
}();
// The rule visits only the file's marks (MarkIndex).
static_assert(MarkIndex::covers(kReported));

}  // namespace

// Characters that cannot be seen but change what a text is: zero-width characters, a byte order
// mark after the start of the file, no-break spaces, direction marks, soft hyphens, and control
// characters. They break searching, term matching and URLs. The fix deletes them (no-break spaces
// become spaces); control characters are reported without a fix.
class InvisibleCharRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/invisible-char";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const MarkIndex& marks = context.marks();
    for (std::size_t i = marks.next(0, text.size()); i < text.size();
         i = marks.next(i, text.size())) {
      if (!kReported.may_start(text[i])) {
        ++i;
        continue;
      }
      const utf8::Decoded d = utf8::decode(text, i);
      const Span span{i, i + d.length};
      i += d.length;
      if (!d.valid) continue;  // format/invalid-utf8's
      const char32_t cp = d.code_point;
      if (cp == 0xFEFF && span.begin == 0) continue;  // format/bom's
      if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0) || cp == 0x7F ||
          (cp >= 0x80 && cp < 0xA0)) {
        sink.report(span,
                    fmt::format("control character U+{:04X}", static_cast<std::uint32_t>(cp)));
        continue;
      }
      if (!maybe_invisible(cp)) continue;  // Chinese text never reaches the table
      for (const Invisible& invisible : kInvisible) {
        if (invisible.cp != cp) continue;
        sink.report(
            Report{span,
                   fmt::format("{} (U+{:04X})", invisible.name, static_cast<std::uint32_t>(cp)),
                   Fix{*invisible.replacement == '\0' ? "delete it" : "use a plain space",
                       {Edit{span, invisible.replacement}}},
                   {},
                   {}});
      }
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::InvisibleCharRule)
