#include "parse/digest_parser.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <tuple>

namespace bilint {

namespace {

constexpr std::string_view kSourceNotePrefix = "数据来源";
// The link line is looked for among the first few non-blank lines under a heading; anything before
// it is stray text. Further down, a line starting with `[` is summary text, not the entry's link.
constexpr int kLinkSearchLines = 3;

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

struct LineInfo {
  Span content;
  bool blank = false;
  std::size_t indent = 0;
};

std::size_t skip_spaces(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_space(text[i]))
    ++i;
  return i;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_space(text[end - 1]))
    --end;
  return end;
}

// ATX heading level of a line (CommonMark §4.2: up to three spaces of indentation, 1-6 #s, then a
// space, a tab or the end of the line).
int heading_level(std::string_view text, Span line) {
  std::size_t i = line.begin;
  std::size_t spaces = 0;
  while (i < line.end && text[i] == ' ' && spaces < 4)
    ++i, ++spaces;
  if (spaces > 3) return 0;
  int level = 0;
  while (i < line.end && text[i] == '#')
    ++i, ++level;
  if (level == 0 || level > 6) return 0;
  if (i < line.end && !is_space(text[i])) return 0;
  return level;
}

bool is_comment_line(std::string_view text, Span line) {
  const std::size_t begin = skip_spaces(text, line.begin, line.end);
  const std::size_t end = trim_end(text, begin, line.end);
  const std::string_view content = text.substr(begin, end - begin);
  return content.starts_with("<!--") && content.ends_with("-->") &&
         content.find("-->") == content.size() - 3;
}

bool is_fence(std::string_view text, Span line) {
  const std::size_t i = skip_spaces(text, line.begin, line.end);
  if (i - line.begin > 3 || i + 3 > line.end) return false;
  const std::string_view head = text.substr(i, 3);
  return head == "```" || head == "~~~";
}

Span heading_text(std::string_view text, Span line) {
  std::size_t i = skip_spaces(text, line.begin, line.end);
  while (i < line.end && text[i] == '#')
    ++i;
  i = skip_spaces(text, i, line.end);
  std::size_t end = trim_end(text, i, line.end);
  // An optional closing sequence of #s, when preceded by a space (CommonMark).
  std::size_t hashes = end;
  while (hashes > i && text[hashes - 1] == '#')
    --hashes;
  if (hashes < end && (hashes == i || is_space(text[hashes - 1]))) end = trim_end(text, i, hashes);
  return {i, end};
}

// Finds the closing delimiter matching the opener at `open`, allowing nesting and backslash
// escapes.
std::size_t find_closing(std::string_view text, std::size_t open, std::size_t end, char opener,
                         char closer) {
  int depth = 0;
  for (std::size_t i = open; i < end; ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == opener) {
      ++depth;
    } else if (c == closer && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

LinkLine parse_link_line(std::string_view text, Span line) {
  LinkLine link;
  link.line = line;
  const std::size_t open = skip_spaces(text, line.begin, line.end);
  const std::size_t close = find_closing(text, open, line.end, '[', ']');
  if (close == std::string_view::npos) {
    link.text = {open + 1, trim_end(text, open + 1, line.end)};
    return link;
  }
  link.text = {open + 1, close};
  const std::size_t paren = close + 1;
  if (paren >= line.end || text[paren] != '(') {
    link.trailing = {paren, line.end};
    return link;
  }
  const std::size_t paren_close = find_closing(text, paren, line.end, '(', ')');
  const std::size_t url_end = paren_close == std::string_view::npos ? line.end : paren_close;
  std::size_t url_begin = skip_spaces(text, paren + 1, url_end);
  std::size_t url_stop = trim_end(text, url_begin, url_end);
  if (url_stop > url_begin + 1 && text[url_begin] == '<' && text[url_stop - 1] == '>') {
    ++url_begin;
    --url_stop;
  }
  link.url = {url_begin, url_stop};
  if (paren_close != std::string_view::npos) {
    link.closed = true;
    link.trailing = {paren_close + 1, line.end};
  } else {
    link.trailing = {line.end, line.end};
  }
  return link;
}

bool starts_link(std::string_view text, const LineInfo& line) {
  return !line.blank && text[line.content.begin + line.indent] == '[';
}

}  // namespace

Document parse_digest(const SourceFile& source) {
  const std::string_view text = source.text();
  const LineIndex& index = source.lines();
  Document doc;
  doc.source = &source;

  // Line facts are derived from the line index when needed rather than stored: a 100 MB file has
  // about a million lines, and only the heading levels need a pass in order (for code fences).
  const auto line = [&](std::size_t n) {
    LineInfo info;
    info.content = index.line_span(n);
    const std::size_t first = skip_spaces(text, info.content.begin, info.content.end);
    info.blank = first == info.content.end;
    info.indent = first - info.content.begin;
    return info;
  };
  // A text ending in a newline has an empty last "line" after it; it is not a line of the file.
  std::size_t line_count = index.line_count();
  if (line_count > 1 && index.line_span(line_count - 1).empty()) --line_count;

  std::vector<std::uint8_t> levels(line_count, 0);  // 1-6 for an ATX heading outside code fences
  bool in_fence = false;
  for (std::size_t n = 0; n < line_count; ++n) {
    const Span content = index.line_span(n);
    if (content.empty()) continue;
    if (is_fence(text, content)) {
      if (!in_fence) {
        doc.code_blocks.push_back({content.begin, text.size()});
      } else {
        doc.code_blocks.back().end = index.line_span_with_terminator(n).end;
      }
      in_fence = !in_fence;
    } else if (!in_fence) {
      levels[n] = static_cast<std::uint8_t>(heading_level(text, content));
    }
  }

  const auto next_nonblank = [&](std::size_t from) {
    while (from < line_count && line(from).blank)
      ++from;
    return from;
  };

  // Level-2 headings start entries; a heading of another level does when a link line follows it.
  std::vector<std::size_t> starts;
  for (std::size_t n = 0; n < line_count; ++n) {
    const int level = levels[n];
    if (level == 0) continue;
    const std::size_t next = next_nonblank(n + 1);
    if (level == 2 || (next < line_count && starts_link(text, line(next)))) starts.push_back(n);
  }

  const std::size_t file_end = text.size();
  const auto line_start = [&](std::size_t n) {
    return n < line_count ? index.line_span(n).begin : file_end;
  };
  doc.preamble = {0, starts.empty() ? file_end : line_start(starts.front())};

  for (std::size_t s = 0; s < starts.size(); ++s) {
    const std::size_t h = starts[s];
    const std::size_t stop = s + 1 < starts.size() ? starts[s + 1] : line_count;
    Entry entry;
    entry.heading = index.line_span(h);
    entry.heading_level = levels[h];
    entry.english_title = heading_text(text, entry.heading);
    // Comment lines just above a heading (`<!-- bilint-disable-entry … -->`) belong to it: the
    // blank line may come before them. GFM ends such an HTML block at its line, so the heading
    // still renders as one.
    std::size_t above = h;
    while (above > 0 && is_comment_line(text, index.line_span(above - 1)))
      --above;
    entry.separated = above == 0 || line(above - 1).blank;
    entry.extent = {line_start(h), line_start(stop)};

    std::size_t body = h + 1;
    std::size_t candidate = next_nonblank(h + 1);
    for (int seen = 0; candidate < stop && seen < kLinkSearchLines; ++seen) {
      if (starts_link(text, line(candidate))) {
        for (std::size_t n = h + 1; n < candidate; ++n) {
          if (!line(n).blank) entry.stray.push_back(line(n).content);
        }
        entry.link = parse_link_line(text, line(candidate).content);
        body = candidate + 1;
        break;
      }
      candidate = next_nonblank(candidate + 1);
    }

    for (std::size_t n = next_nonblank(body); n < stop; n = next_nonblank(n)) {
      const LineInfo first = line(n);
      while (n < stop && !line(n).blank)
        ++n;
      entry.summary.push_back({first.content.begin + first.indent, index.line_span(n - 1).end});
    }
    doc.entries.push_back(std::move(entry));
  }

  // A closing "数据来源：<url>" paragraph belongs to the file, not to the last entry's summary.
  if (!doc.entries.empty() && !doc.entries.back().summary.empty()) {
    const Span last = doc.entries.back().summary.back();
    if (text.substr(last.begin, last.size()).starts_with(kSourceNotePrefix) &&
        index.line_of(last.begin) == index.line_of(last.end)) {
      doc.source_note = last;
      doc.entries.back().summary.pop_back();
    }
  }
  for (const Entry& entry : doc.entries) {
    std::vector<Span> blocks{entry.english_title};
    if (entry.link) blocks.push_back(entry.link->line);
    blocks.insert(blocks.end(), entry.summary.begin(), entry.summary.end());
    for (const Span block : blocks) {
      const std::size_t first = doc.inlines.size();
      scan_inlines(text, block, doc.inlines);
      scan_math(text, block, std::span<const InlineNode>(doc.inlines).subspan(first), doc.math);
    }
  }
  if (doc.source_note) scan_inlines(text, *doc.source_note, doc.inlines);
  // What protected_in() gives, for the whole file at once: every rule asks it of the same blocks.
  for (const InlineNode& node : doc.inlines) {
    const bool link = node.kind == InlineKind::link || node.kind == InlineKind::image;
    doc.protected_spans.push_back(link ? Span{node.text.end, node.span.end} : node.span);
  }
  doc.protected_spans.insert(doc.protected_spans.end(), doc.math.begin(), doc.math.end());
  std::sort(doc.protected_spans.begin(), doc.protected_spans.end(),
            [](const Span& a, const Span& b) {
              return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
            });
  const std::size_t pages = (text.size() >> Document::kPageBits) + 2;
  doc.protected_by_page.reserve(pages);
  std::size_t next = 0;
  for (std::size_t page = 0; page < pages; ++page) {
    while (next < doc.protected_spans.size() &&
           doc.protected_spans[next].begin < (page << Document::kPageBits)) {
      ++next;
    }
    doc.protected_by_page.push_back(static_cast<std::uint32_t>(next));
  }
  return doc;
}

}  // namespace bilint

namespace bilint {

std::span<const InlineNode> Document::inlines_in(Span block) const {
  const auto first =
      std::lower_bound(inlines.begin(), inlines.end(), block.begin,
                       [](const InlineNode& n, std::size_t at) { return n.span.begin < at; });
  auto last = first;
  while (last != inlines.end() && last->span.begin < block.end)
    ++last;
  return {first, last};
}

bool Document::in_code_block(std::size_t offset) const {
  // Blocks are in file order and disjoint: the only candidate is the last one starting at or before
  // the offset (the whitespace rules ask once per line).
  const auto after = std::upper_bound(code_blocks.begin(), code_blocks.end(), offset,
                                      [](std::size_t at, const Span& s) { return at < s.begin; });
  return after != code_blocks.begin() && std::prev(after)->contains(offset);
}

std::span<const Span> Document::protected_in(Span block) const {
  auto low = protected_spans.begin();
  auto high = protected_spans.end();
  if (const std::size_t page = block.begin >> kPageBits; page + 1 < protected_by_page.size()) {
    low += protected_by_page[page];
    high = protected_spans.begin() + protected_by_page[page + 1];
  }
  const auto first = std::lower_bound(low, high, block.begin,
                                      [](const Span& s, std::size_t at) { return s.begin < at; });
  auto last = first;
  while (last != protected_spans.end() && last->begin < block.end)
    ++last;
  return {first, last};
}

}  // namespace bilint
