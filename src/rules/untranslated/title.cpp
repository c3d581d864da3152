#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"
#include "rules/title_words.hpp"

namespace bilint {

namespace {

// Case, width and spaces folded: "ＬＬＭ  Survey" and "llm survey" compare equal.
std::string fold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString folded;
  nfkc->normalize(icu::UnicodeString::fromUTF8(
                      icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                  folded, status);
  folded.toUTF8String(out);
  std::erase_if(out, [](char c) { return c == ' ' || c == '\t'; });
  return out;
}

bool has_han(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (classify(d.code_point) == CharClass::han) return true;
    i += d.length;
  }
  return false;
}

}  // namespace

// The Chinese title is no translation: it has no Chinese at all, or it repeats the English title.
// A title made only of names and kept terms (no English function word: "Kolmogorov-Arnold
// Transformer") may rightly stay in English; it is reported at note level with its own message, so
// that a team can accept it.
class UntranslatedTitleRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "untranslated/title";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (!entry.link || entry.english_title.empty()) return;
    const std::string_view chinese = context.source.slice(entry.link->text);
    if (chinese.find_first_not_of(" \t") == std::string_view::npos || has_han(chinese)) return;
    const std::string_view english = context.source.slice(entry.english_title);
    const bool same = fold(chinese) == fold(english);
    const auto words = title_words(context.source.text(), entry.english_title);
    const bool names_only = std::none_of(
        words.begin(), words.end(), [](const TitleWord& w) { return is_function_word(w.text); });
    if (names_only) {
      sink.report(
          Report{entry.link->text,
                 "the Chinese title keeps the English title, which is only names and terms; "
                 "accept it if that is intended",
                 {},
                 {RelatedSpan{entry.english_title, "the English title", {}}},
                 Severity::note});
      return;
    }
    sink.report(Report{entry.link->text,
                       same ? "the Chinese title is the English title again: it is not translated"
                            : "the Chinese title has no Chinese text: it is not translated",
                       {},
                       {RelatedSpan{entry.english_title, "the English title", {}}},
                       {}});
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::UntranslatedTitleRule)
