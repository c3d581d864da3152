#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.hpp"

namespace bilint {

enum class InlineKind {
  code_span,  // `code`
  link,       // [text](destination)
  image,      // ![alt](destination)
  autolink,   // <https://...> or <user@host>
  url,        // bare http://, https:// or ftp:// URL (GFM autolink extension)
  www,        // bare www. address (GFM autolink extension; target gets http://)
  email,      // bare e-mail address (GFM autolink extension; target gets mailto:)
  html,       // raw HTML tag or comment
};

// One inline construct of a Markdown block, with byte spans into the source.
struct InlineNode {
  InlineKind kind;
  Span span;         // the whole construct
  Span text;         // link text, code content, or the URL text of an autolink
  Span destination;  // link destination or autolink URL as written (empty for code and HTML)
};

// Scans one block (a paragraph, heading text or link line) for the inline constructs that matter to
// the linter, with the rules of cmark-gfm 0.29 and its autolink extension: code spans, inline links
// and images, <...> autolinks, raw HTML, and bare URLs, www. addresses and e-mail addresses, which
// GFM links up to the next ASCII whitespace, dropping trailing ?!.,:*_~'" and unbalanced ')'. Nodes
// are appended in source order.
void scan_inlines(std::string_view text, Span block, std::vector<InlineNode>& out);

// The link target a renderer produces for a node, before percent-encoding: the destination, with
// "http://" before a www. address and "mailto:" before an e-mail address.
std::string link_target(std::string_view text, const InlineNode& node);

// `$...$` and `$$...$$` math in a block (as pandoc and GitHub read it: no space just inside the
// opening `$`, none just before the closing one); never linted for words.
void scan_math(std::string_view text, Span block, std::span<const InlineNode> inlines,
               std::vector<Span>& out);

}  // namespace bilint
