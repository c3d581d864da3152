#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/source.hpp"
#include "core/span.hpp"
#include "parse/inline_scanner.hpp"

namespace bilint {

// The `[Chinese title](url)` line under an entry heading.
struct LinkLine {
  Span line;            // the line's content, leading indentation included
  Span text;            // between the brackets
  Span url;             // between the parentheses, surrounding spaces and <> removed
  Span trailing;        // whatever follows the closing parenthesis on the line
  bool closed = false;  // both the brackets and the parentheses close on this line
};

// One paper: heading, English title, link line with the Chinese title and URL, summary paragraphs.
struct Entry {
  Span heading;  // the heading line's content
  int heading_level = 2;
  Span english_title;       // heading text, trimmed, closing #s removed
  bool separated = true;    // a blank line (or the start of the file) comes before the heading
  std::vector<Span> stray;  // non-blank lines between the heading and the link line
  std::optional<LinkLine> link;
  std::vector<Span>
      summary;  // paragraphs, from the first non-blank byte to the end of the last line
  Span extent;  // from the heading to the next entry's heading (or the end of the file)
};

// A digest file as the parser understood it. Spans point into `source`, which must outlive it.
struct Document {
  const SourceFile* source = nullptr;
  Span preamble;  // everything before the first entry
  std::vector<Entry> entries;
  std::optional<Span> source_note;  // a closing `数据来源：…` line
  // Inline constructs of every title, link line and paragraph, in source order, and math spans.
  std::vector<InlineNode> inlines;
  std::vector<Span> math;
  // Fenced code blocks, fences included (an unclosed fence runs to the end of the file).
  std::vector<Span> code_blocks;

  [[nodiscard]] bool in_code_block(std::size_t offset) const;

  // The inline nodes that start inside `block`.
  [[nodiscard]] std::span<const InlineNode> inlines_in(Span block) const;
  // Spans inside `block` that no word check may look into: code, URLs, link destinations, raw HTML
  // and math, sorted by start.
  [[nodiscard]] std::span<const Span> protected_in(Span block) const;
  // Those of the whole file (see protected_in), sorted by start and end.
  std::vector<Span> protected_spans;
  // protected_by_page[p]: the index of the first of protected_spans that begins at or after byte
  // p << kPageBits, so that protected_in() searches one page's spans rather than the file's: every
  // rule asks it of every block, 290,000 times on the bench corpus, where a search through a file's
  // tens of thousands took 2% of a run. Empty: search them all.
  static constexpr unsigned kPageBits = 12;
  std::vector<std::uint32_t> protected_by_page;
};

}  // namespace bilint
