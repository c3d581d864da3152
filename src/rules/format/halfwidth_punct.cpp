#include <fmt/format.h>

#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

constexpr std::string_view fullwidth(char c) {
  switch (c) {
    case ',':
      return "，";
    case ';':
      return "；";
    case ':':
      return "：";
    case '!':
      return "！";
    case '?':
      return "？";
    case '.':
      return "。";
    default:
      return {};
  }
}

constexpr std::string_view halfwidth(char32_t cp) {
  switch (cp) {
    case U'，':
      return ",";
    case U'；':
      return ";";
    case U'：':
      return ":";
    case U'！':
      return "!";
    case U'？':
      return "?";
    default:
      return {};
  }
}

// The marks the rule looks at, ASCII and full-width, and the parentheses.
constexpr utf8::LeadBytes kMarks = [] {
  utf8::LeadBytes marks{'(', U'（'};
  for (char32_t c = 0; c < 0x80; ++c) {
    const std::string_view wide = fullwidth(static_cast<char>(c));
    if (wide.empty()) continue;
    marks.add(c);
    marks.add(wide);
  }
  return marks;
}();
// The rule visits only the file's marks (MarkIndex).
static_assert(MarkIndex::covers(kMarks));

}  // namespace

// ASCII , ; : ! ? . between Chinese characters, where Chinese uses full-width marks; and full-width
// ，；：！？ between Latin words. Parentheses around a Latin abbreviation after Chinese (大语言模型
// (LLMs) or 大语言模型（LLMs）) follow the `parentheses` option: any (default), fullwidth or
// halfwidth.
class HalfwidthPunctRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "format/halfwidth-punct";

  void configure(const RuleOptions& options) override {
    parentheses_ = choice_option(options, "parentheses", {"any", "fullwidth", "halfwidth"});
    check_parentheses_ = parentheses_ != "any";
  }

  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const MarkIndex& marks = context.marks();
    for_each_prose_run(context, entry, [&](Span run) { check_run(text, marks, run, sink); });
  }

 private:
  // Whether the clauses on either side of the mark hold Chinese: then the mark is Chinese
  // punctuation between two names ("MMSearch-Engine，LMM 需完成…"), which is right.
  static bool in_chinese_clause(std::string_view text, Span run, std::size_t at,
                                std::size_t length) {
    const auto is_break = [](char32_t cp) {
      return cp == U'。' || cp == U'，' || cp == U'；' || cp == U'！' || cp == U'？' || cp == '.' ||
             cp == ';' || cp == '!' || cp == '?';
    };
    for (std::size_t i = at; i > run.begin;) {
      const utf8::Decoded d = utf8::decode_before(text, i);
      i -= d.length;
      if (is_break(d.code_point)) break;
      if (classify(d.code_point) == CharClass::han) return true;
    }
    for (std::size_t i = at + length; i < run.end;) {
      const utf8::Decoded d = utf8::decode(text, i);
      if (is_break(d.code_point)) break;
      if (classify(d.code_point) == CharClass::han) return true;
      i += d.length;
    }
    return false;
  }

  // The code point before `at` and after `end` inside the run, skipping one ASCII space.
  static char32_t before(std::string_view text, Span run, std::size_t at) {
    if (at > run.begin && text[at - 1] == ' ') --at;
    return at > run.begin ? utf8::decode_before(text, at).code_point : 0;
  }
  static char32_t after(std::string_view text, Span run, std::size_t end) {
    if (end < run.end && text[end] == ' ') ++end;
    return end < run.end ? utf8::decode(text, end).code_point : 0;
  }

  void check_run(std::string_view text, const MarkIndex& marks, Span run,
                 DiagnosticSink& sink) const {
    for (std::size_t i = marks.next(run.begin, run.end); i < run.end; i = marks.next(i, run.end)) {
      if (!kMarks.may_start(text[i])) {
        ++i;
        continue;
      }
      const utf8::Decoded d = utf8::decode(text, i);
      const std::string_view wide =
          d.code_point < 0x80 ? fullwidth(static_cast<char>(d.code_point)) : std::string_view();
      const std::string_view narrow = halfwidth(d.code_point);
      const bool parenthesis = d.code_point == '(' || d.code_point == U'（';
      // Only punctuation is ever reported; the rest of the text (nearly all of it) is passed over
      // before its neighbours are looked at.
      if (wide.empty() && narrow.empty() && !(parenthesis && check_parentheses_)) {
        i += d.length;
        continue;
      }
      // Each report needs its mark's neighbours to be of a kind, the one before first: they are
      // read no further than that decides (a digest has a full-width mark after nearly every
      // clause, after Chinese).
      const CharClass prev = classify(before(text, run, i));
      if (!wide.empty() && prev == CharClass::han) {
        // Between Chinese characters; or, except '.', right after one: "代码: https://…" and
        // "模型, 数据" are Chinese sentences too. A '.' may be a decimal point or an abbreviation.
        const bool chinese_mark =
            classify(after(text, run, i + d.length)) == CharClass::han ||
            (text[i] != '.' && i > run.begin &&
             classify(utf8::decode_before(text, i).code_point) == CharClass::han);
        if (chinese_mark) {
          // Take the spaces around the mark with it: "模型 , 然后" -> "模型，然后".
          Span span{i, i + 1};
          if (span.begin > run.begin && text[span.begin - 1] == ' ') --span.begin;
          if (span.end < run.end && text[span.end] == ' ') ++span.end;
          sink.report(Report{{i, i + 1},
                             fmt::format("ASCII '{}' between Chinese characters; Chinese uses '{}'",
                                         text[i], wide),
                             Fix{fmt::format("use '{}'", wide), {Edit{span, std::string(wide)}}},
                             {},
                             {}});
        }
      }
      if (!narrow.empty() && prev == CharClass::latin &&
          classify(after(text, run, i + d.length)) == CharClass::latin &&
          !in_chinese_clause(text, run, i, d.length)) {
        const bool spaced_after = i + d.length < run.end && text[i + d.length] == ' ';
        sink.report(
            Report{{i, i + d.length},
                   fmt::format("full-width '{}' between Latin words; use '{}'",
                               text.substr(i, d.length), narrow),
                   Fix{fmt::format("use '{} '", narrow),
                       {Edit{{i, i + d.length},
                             spaced_after ? std::string(narrow) : std::string(narrow) + " "}}},
                   {},
                   {}});
      }
      if (parenthesis && check_parentheses_) check_parenthesis(text, run, i, d, sink);
      i += d.length;
    }
  }

  // "大语言模型 (LLMs)" against "大语言模型（LLMs）": an opening parenthesis after Chinese (one
  // space allowed) whose content starts with a Latin letter or digit, and its closing one.
  void check_parenthesis(std::string_view text, Span run, std::size_t i, const utf8::Decoded& d,
                         DiagnosticSink& sink) const {
    const bool ascii_open = d.code_point == '(';
    const bool wide_open = d.code_point == U'（';
    if (classify(before(text, run, i)) != CharClass::han) return;
    const std::size_t inner = i + d.length;
    if (inner >= run.end || classify(utf8::decode(text, inner).code_point) == CharClass::han)
      return;
    const std::string_view close = ascii_open ? ")" : "）";
    const std::size_t closing = text.substr(0, run.end).find(close, inner);
    if (closing == std::string_view::npos) return;
    const bool want_wide = parentheses_ == "fullwidth";
    if (wide_open == want_wide) return;
    Span open_span{i, inner};
    Span close_span{closing, closing + close.size()};
    if (want_wide) {
      if (open_span.begin > run.begin && text[open_span.begin - 1] == ' ') --open_span.begin;
      if (close_span.end < run.end && text[close_span.end] == ' ') ++close_span.end;
    }
    sink.report(Report{
        {i, close_span.end},
        want_wide ? "parentheses after Chinese text are full-width here: （…）"
                  : "parentheses around Latin text are half-width here: (…)",
        Fix{want_wide ? "use （ and ）" : "use ( and )",
            {Edit{open_span, want_wide ? "（" : " ("}, Edit{close_span, want_wide ? "）" : ")"}}},
        {},
        {}});
  }

  std::string parentheses_ = "any";
  bool check_parentheses_ = false;  // parentheses_ != "any", asked at every character
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::HalfwidthPunctRule)
