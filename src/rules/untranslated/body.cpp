
#include <fmt/format.h>

#include "core/ascii.hpp"
#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

bool is_ordinary_word(std::string_view word) {
  // Lowercase letters only (an apostrophe allowed): names, abbreviations, model names and
  // identifiers all carry a capital, a digit or a symbol.
  if (word.size() < 2) return false;
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

}  // namespace

// English prose left in a Chinese summary: a run of at least kMinWords ordinary English words (all
// lowercase; names, abbreviations, model and dataset names carry capitals or digits) with nothing
// Chinese between them. Code, URLs, math, quoted text and text in parentheses are not looked into;
// the finding spans the run.
class UntranslatedBodyRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "untranslated/body";
  static constexpr std::size_t kMinWords = 5;

  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    for (const Span& paragraph : entry.summary) {
      for_each_prose_run(context, paragraph,
                         [&](Span run) { check_run(context, text, run, sink); });
    }
  }

 private:
  static void check_run(const RuleContext& context, std::string_view text, Span run,
                        DiagnosticSink& sink) {
    std::size_t words = 0;
    std::size_t ordinary = 0;
    Span stretch{};
    int quote_depth = 0;
    const auto flush = [&] {
      if (ordinary >= kMinWords) {
        sink.report(stretch,
                    fmt::format("{} words of English prose left in the Chinese summary", words));
      }
      words = ordinary = 0;
      stretch = {};
    };
    for (std::size_t i = run.begin; i < run.end;) {
      // U+4E00..U+9FFF, all Han and none of the brackets below: most of a summary, not decoded.
      if (unicode::wide_ideograph_at(text, i)) {
        flush();
        i = unicode::ideographs_end(text, i + 3, run.end);
        continue;
      }
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte >= 0x80) {
        const utf8::Decoded d = utf8::decode(text, i);
        const char32_t cp = d.code_point;
        // Quoted English is a name or a citation; English in parentheses glosses an abbreviation
        // (DSRL（diffusion steering via reinforcement learning）).
        if (cp == U'“' || cp == U'「' || cp == U'《' || cp == U'（') ++quote_depth;
        if ((cp == U'”' || cp == U'」' || cp == U'》' || cp == U'）') && quote_depth > 0) {
          --quote_depth;
        }
        if (classify(cp) == CharClass::han || cp == U'。' || cp == U'，' || cp == U'；' ||
            cp == U'“' || cp == U'”') {
          flush();
        }
        i += d.length;
        continue;
      }
      if (byte == '(') ++quote_depth;
      if (byte == ')' && quote_depth > 0) --quote_depth;
      if (!ascii::is_alpha(static_cast<char>(byte))) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < run.end &&
             (ascii::is_alnum(text[end]) || text[end] == '\'' || text[end] == '-')) {
        ++end;
      }
      if (quote_depth == 0) {
        if (words == 0) stretch.begin = i;
        stretch.end = end;
        ++words;
        if (is_ordinary_word(text.substr(i, end - i))) ++ordinary;
      }
      i = end;
    }
    flush();
    (void)context;
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::UntranslatedBodyRule)
