#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "rules/registry.hpp"

namespace bilint {

// Text not in Unicode Normalization Form C: the same visible text in other code points (a letter
// and a combining accent, compatibility ideographs), which search, term matching and diffs treat as
// different. Checked and fixed per line with ICU's NFC normalizer.
class NfcRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/nfc";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return;
    const std::string_view text = context.source.text();
    const LineIndex& lines = context.source.lines();
    const MarkIndex& marks = context.marks();
    for (std::size_t n = 0; n < lines.line_count(); ++n) {
      const Span line = lines.line_span(n);
      // Most lines leave here, having read only their marks.
      if (unicode::certainly_nfc(text, line, marks)) continue;
      const std::string_view bytes = text.substr(line.begin, line.size());
      // ICU checks UTF-8 in place, without converting the line to UTF-16 first. The test is
      // repeated on UTF-16 when it fails, where invalid bytes are U+FFFD as the fix would see them.
      const icu::StringPiece piece(bytes.data(), static_cast<int32_t>(bytes.size()));
      status = U_ZERO_ERROR;
      if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) continue;
      const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(piece);
      if (nfc->isNormalized(unicode, status) || U_FAILURE(status)) continue;
      icu::UnicodeString normalized;
      nfc->normalize(unicode, normalized, status);
      if (U_FAILURE(status)) continue;
      std::string replacement;
      normalized.toUTF8String(replacement);
      if (replacement == bytes) continue;  // invalid UTF-8 round-trips differently; not ours
      // Narrow the finding to the part that changes.
      std::size_t prefix = 0;
      while (prefix < bytes.size() && prefix < replacement.size() &&
             bytes[prefix] == replacement[prefix]) {
        ++prefix;
      }
      prefix = utf8::boundary_before(bytes, prefix);
      std::size_t suffix = 0;
      while (suffix < bytes.size() - prefix && suffix < replacement.size() - prefix &&
             bytes[bytes.size() - 1 - suffix] == replacement[replacement.size() - 1 - suffix]) {
        ++suffix;
      }
      suffix = bytes.size() - utf8::boundary_after(bytes, bytes.size() - suffix);
      const Span changed{line.begin + prefix, line.end - suffix};
      sink.report(Report{
          changed,
          "text not in Unicode NFC (composed) form",
          Fix{"normalize to NFC",
              {Edit{changed, replacement.substr(prefix, replacement.size() - prefix - suffix)}}},
          {},
          {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::NfcRule)
