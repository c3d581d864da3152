#include "glossary/compiled_glossary.hpp"

#include <algorithm>

namespace bilint {

CompiledGlossary::CompiledGlossary(Glossary glossary) : glossary_(std::move(glossary)) {
  // One automaton for every string of every term, so that each text is scanned once.
  const auto& terms = glossary_.terms();
  for (std::uint32_t t = 0; t < terms.size(); ++t) {
    const Term& term = terms[t];
    const auto add = [&](const std::string& text, TermRole role, Matcher::Options options) {
      matcher_.add(text, options);
      info_.push_back({t, role, term.scope});
    };
    const Matcher::Options chinese{};
    if (!term.preferred.empty()) add(term.preferred, TermRole::preferred, chinese);
    for (const std::string& s : term.variants)
      add(s, TermRole::variant, chinese);
    for (const std::string& s : term.accepted)
      add(s, TermRole::accepted, chinese);
    for (const std::string& s : term.synonyms)
      add(s, TermRole::synonym, chinese);
    // The matcher takes '-' for ' ': one pattern covers a spelling's hyphen forms.
    for (const std::string& s : term.english_spellings(false))
      add(s, TermRole::english, {.ignore_ascii_case = true, .word_bounded = true});
    for (const std::string& s : term.abbreviations) {
      add(s, TermRole::english, {.ignore_ascii_case = false, .word_bounded = true});
    }
  }
  matcher_.compile();
}

void CompiledGlossary::find_in(std::string_view text, Span block, std::span<const Span> excluded,
                               TermRegion region, std::vector<TermHit>& out) const {
  const auto in_scope = [&](TermScope scope) {
    switch (scope) {
      case TermScope::title:
        return region != TermRegion::summary;
      case TermScope::summary:
        return region == TermRegion::summary;
      case TermScope::both:
        break;
    }
    return true;
  };
  const auto outside = [&](Span span) {
    return std::none_of(excluded.begin(), excluded.end(),
                        [&](const Span& x) { return span.begin < x.end && x.begin < span.end; });
  };
  thread_local std::vector<Matcher::Match> matches;
  matches.clear();
  matcher_.find(text, block, matches);
  for (const Matcher::Match& m : matches) {
    const PatternInfo& p = info_[m.pattern];
    // The English title is only searched for English spellings.
    if (region == TermRegion::english_title && p.role != TermRole::english) continue;
    if (!in_scope(p.scope) || !outside(m.span)) continue;
    // "Token" is both a spelling and an abbreviation of one term: one hit.
    const bool duplicate = !out.empty() && out.back().span == m.span && out.back().term == p.term &&
                           out.back().role == p.role;
    if (!duplicate) out.push_back({m.span, p.term, p.role});
  }
}

EntryTermHits CompiledGlossary::find(const Document& document, const Entry& entry) const {
  const std::string_view text = document.source->text();
  EntryTermHits hits;
  find_in(text, entry.english_title, document.protected_in(entry.english_title),
          TermRegion::english_title, hits.english_title);
  if (entry.link) {
    find_in(text, entry.link->text, document.protected_in(entry.link->text),
            TermRegion::chinese_title, hits.chinese_title);
  }
  for (const Span& paragraph : entry.summary) {
    find_in(text, paragraph, document.protected_in(paragraph), TermRegion::summary, hits.summary);
  }
  return hits;
}

}  // namespace bilint

namespace bilint {

bool CompiledGlossary::mentions(const Term& term, std::string_view text) const {
  const auto contains = [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& s) {
      return text.find(s) != std::string_view::npos;
    });
  };
  if (!term.preferred.empty() && text.find(term.preferred) != std::string_view::npos) return true;
  if (contains(term.variants) || contains(term.accepted) || contains(term.synonyms) ||
      contains(term.abbreviations)) {
    return true;
  }
  std::string folded(text);
  std::transform(folded.begin(), folded.end(), folded.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  for (std::string spelling : term.english_spellings()) {
    std::transform(spelling.begin(), spelling.end(), spelling.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
    if (folded.find(spelling) != std::string::npos) return true;
  }
  return false;
}

}  // namespace bilint
