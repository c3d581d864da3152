#include <algorithm>

#include <fmt/format.h>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"
#include "rules/title_words.hpp"

namespace bilint {

namespace {

// Digits and unit letters only (3D, 10M, 1000): a number, which fidelity/number-mismatch compares.
bool is_number_like(std::string_view word) {
  const std::size_t digits = static_cast<std::size_t>(
      std::count_if(word.begin(), word.end(), [](char c) { return ascii::is_digit(c); }));
  return digits > 0 && word.size() - digits <= 1;
}

// A hyphenated word's parts, or the word itself when it is one identifier (xGen-MM stays whole: its
// first part is already a name), into `parts` (one vector for all the words of a title).
void title_words_split(std::string_view text, TitleWord word, std::vector<TitleWord>& parts) {
  parts.clear();
  // Drop a possessive and lowercase-only trailing parts: ResNet's, NeRF-based, V2X-enhanced.
  if (word.text.ends_with("'s")) {
    word.text.remove_suffix(2);
    word.span.end -= 2;
  }
  for (std::size_t hyphen = word.text.rfind('-'); hyphen != std::string_view::npos && hyphen > 0;
       hyphen = word.text.rfind('-')) {
    const std::string_view tail = word.text.substr(hyphen + 1);
    if (tail.empty() ||
        !std::all_of(tail.begin(), tail.end(), [](char c) { return ascii::is_lower(c); })) {
      break;
    }
    word.span.end -= word.text.size() - hyphen;
    word.text = word.text.substr(0, hyphen);
  }
  // The cheap test first: most title words have no hyphen.
  const std::size_t hyphen = word.text.find('-');
  if (hyphen == std::string_view::npos || looks_like_name(word.text.substr(0, hyphen))) {
    parts.push_back(word);
    return;
  }
  std::size_t start = word.span.begin;
  for (std::size_t i = word.span.begin; i <= word.span.end; ++i) {
    if (i == word.span.end || text[i] == '-') {
      if (i > start) parts.push_back({{start, i}, text.substr(start, i - start)});
      start = i + 1;
    }
  }
}

}  // namespace

// A name in the English title that the Chinese title does not keep: the part before the colon when
// it is a name (one identifier-like word, or a few capitalised words with at least one of them
// identifier-like: "SciLitLLM:", "K-Sort Arena:", "xGen-MM (BLIP-3):"), and model, dataset or
// benchmark names elsewhere in the title (a digit or an inner capital: Qwen2.5-Coder, LongLLaVA).
// Glossary terms (LLMs) are translated, not kept, so they are not names here. An ordinary phrase
// before the colon
// ("Speculative Streaming:") is not a name.
class NameDroppedRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "fidelity/name-dropped";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (!entry.link || entry.link->text.empty()) return;
    const std::string_view text = context.source.text();
    const std::string chinese = ascii::to_lower(context.source.slice(entry.link->text));
    const std::string_view english = context.source.slice(entry.english_title);
    const auto words = title_words(text, entry.english_title);
    const EntryTermHits& hits = context.term_hits(entry);
    const auto is_term = [&](const TitleWord& w) {
      return std::any_of(hits.english_title.begin(), hits.english_title.end(),
                         [&](const TermHit& h) {
                           return h.span.begin <= w.span.begin && w.span.end <= h.span.end;
                         });
    };

    std::vector<Span> names;
    // The leading name before a colon.
    const std::size_t colon = english.find(':');
    if (colon != std::string_view::npos) {
      std::vector<const TitleWord*> head;
      for (const TitleWord& w : words) {
        if (w.span.begin >= entry.english_title.begin + colon) break;
        head.push_back(&w);
      }
      const bool short_head = !head.empty() && head.size() <= 4;
      const bool has_name = std::any_of(
          head.begin(), head.end(), [](const TitleWord* w) { return looks_like_name(w->text); });
      const bool capitalised = std::all_of(head.begin(), head.end(), [](const TitleWord* w) {
        return ascii::is_upper(w->text[0]) || looks_like_name(w->text);
      });
      // A single word is a name when it looks like one, or is a hyphenated pair of capitalised
      // words (Mini-Omni), or is written in capitals (FLUX); not an ordinary word (Position:).
      const auto capital_pair = [](std::string_view w) {
        const std::size_t hyphen = w.find('-');
        return hyphen != std::string_view::npos && hyphen + 1 < w.size() && ascii::is_upper(w[0]) &&
               ascii::is_upper(w[hyphen + 1]);
      };
      const auto all_caps = [](std::string_view w) {
        return w.size() >= 2 &&
               std::none_of(w.begin(), w.end(), [](char c) { return ascii::is_lower(c); });
      };
      const bool single =
          head.size() == 1 && (capital_pair(head[0]->text) || all_caps(head[0]->text));
      if (short_head && capitalised && (has_name || single)) {
        names.push_back({head.front()->span.begin, head.back()->span.end});
      }
    }
    // Names elsewhere: identifier-like parts of words (CoT-Enhanced is "CoT" and an adjective) that
    // are not glossary terms or plain numbers.
    std::vector<TitleWord> parts;
    for (const TitleWord& w : words) {
      if (!names.empty() && names.front().begin <= w.span.begin && w.span.end <= names.front().end)
        continue;
      if (!may_hold_name(w.text)) continue;
      title_words_split(text, w, parts);
      for (const TitleWord& part : parts) {
        if (part.text.size() < 4 || !looks_like_name(part.text) || is_number_like(part.text) ||
            is_term(part)) {
          continue;
        }
        names.push_back(parts.size() == 1 ? parts[0].span : w.span);
        break;
      }
    }

    for (const Span& name : names) {
      const std::string_view written = text.substr(name.begin, name.size());
      // A multi-word name is kept when each of its name-like words is; a hyphenated one when its
      // name-like part is (ArUco-Driven -> ArUco驱动); a plural when its singular is (GraphLLMs).
      bool kept = chinese.find(ascii::to_lower(written)) != std::string::npos;
      if (!kept && written.size() > 3 && written.back() == 's' &&
          ascii::is_upper(written[written.size() - 2])) {
        kept = chinese.find(ascii::to_lower(written.substr(0, written.size() - 1))) !=
               std::string::npos;
      }
      if (!kept && written.find('-') != std::string_view::npos &&
          written.find(' ') == std::string_view::npos) {
        std::size_t start = 0;
        while (!kept && start <= written.size()) {
          const std::size_t hyphen = std::min(written.find('-', start), written.size());
          const std::string_view part = written.substr(start, hyphen - start);
          kept = looks_like_name(part) && chinese.find(ascii::to_lower(part)) != std::string::npos;
          start = hyphen + 1;
        }
      }
      if (!kept) {
        const auto name_words = title_words(text, name);
        kept = std::all_of(name_words.begin(), name_words.end(), [&](const TitleWord& p) {
          return !looks_like_name(p.text) && name_words.size() > 1
                     ? true
                     : chinese.find(ascii::to_lower(p.text)) != std::string::npos;
        });
      }
      if (kept) continue;
      const bool translated_head =
          colon != std::string_view::npos && name.begin == names.front().begin &&
          (chinese.find("：") != std::string::npos || chinese.find(':') != std::string::npos);
      sink.report(Report{
          entry.link->text,
          translated_head
              ? fmt::format("the Chinese title translates the name '{}' instead of keeping it",
                            written)
              : fmt::format("the name '{}' of the English title is missing from the Chinese title",
                            written),
          {},
          {RelatedSpan{name, "the name in the English title", {}}},
          {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::NameDroppedRule)
