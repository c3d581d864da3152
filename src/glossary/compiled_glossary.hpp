#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "glossary/glossary.hpp"
#include "glossary/matcher.hpp"
#include "parse/document.hpp"

namespace bilint {

// What a matched string is to its term.
enum class TermRole : std::uint8_t {
  preferred,  // the rendering to use
  variant,    // a forbidden rendering
  accepted,   // another rendering allowed in titles
  synonym,    // one of several equal renderings
  english,    // an English spelling (source, form or abbreviation), kept or untranslated
};

struct TermHit {
  Span span;
  std::uint32_t term;
  TermRole role;
};

// Where a hit was found.
enum class TermRegion : std::uint8_t { english_title, chinese_title, summary };

struct EntryTermHits {
  std::vector<TermHit> english_title;  // English spellings in the heading
  std::vector<TermHit> chinese_title;  // renderings and English spellings in the link text
  std::vector<TermHit> summary;        // renderings and English spellings in the summary
};

// A glossary compiled for matching: one automaton for every Chinese rendering (matched anywhere,
// longest first) and every English spelling (word-bounded; case-insensitive except abbreviations).
// Built once per run and shared by all threads.
class CompiledGlossary {
 public:
  explicit CompiledGlossary(Glossary glossary);

  [[nodiscard]] const Glossary& glossary() const { return glossary_; }
  [[nodiscard]] const Term& term(std::uint32_t index) const { return glossary_.terms()[index]; }

  // Hits in one entry, outside code, URLs, link destinations and math, and within each term's
  // scope.
  [[nodiscard]] EntryTermHits find(const Document& document, const Entry& entry) const;

  // Whether `text` contains any rendering of the term, or one of its English spellings (ignoring
  // ASCII case): a plain substring test, so that a term nested in a longer one still counts.
  [[nodiscard]] bool mentions(const Term& term, std::string_view text) const;

 private:
  struct PatternInfo {
    std::uint32_t term;
    TermRole role;
    TermScope scope;  // the term's, here so that a hit needs no look at the term
  };
  void find_in(std::string_view text, Span block, std::span<const Span> excluded, TermRegion region,
               std::vector<TermHit>& out) const;

  Glossary glossary_;
  Matcher matcher_;
  std::vector<PatternInfo> info_;  // per pattern of matcher_
};

}  // namespace bilint
