#include <algorithm>
#include <optional>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "core/ascii.hpp"
#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// Full-width and CJK punctuation, and closing quotes and brackets: never the end of a URL a writer
// meant, always the start of the sentence around it.
bool ends_url(char32_t cp) {
  if (cp < 0x80) return false;
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)) return true;
  return u_ispunct(static_cast<UChar32>(cp)) != 0;
}

// Where the URL the writer meant ends inside the text GFM links: at the first full-width or
// closing punctuation mark after the host, or at Chinese text that runs straight on from a letter
// or digit ("…/Qwen2-VL获取"). Chinese right after '/', '=', '#' or '?' is a path segment of its
// own (https://zh.wikipedia.org/wiki/大语言模型) and stays.
std::size_t intended_end(std::string_view text, const InlineNode& node) {
  const Span url = node.span;
  std::size_t i = url.begin;
  if (node.kind == InlineKind::url) i += text.substr(url.begin, url.size()).find("://") + 3;
  while (i < url.end && text[i] != '/' && text[i] != '?' && text[i] != '#') {
    i += utf8::decode(text, i).length;  // the host, which may itself be Chinese
  }
  while (i < url.end) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (ends_url(d.code_point)) return i;
    if (unicode::is_han(d.code_point)) {
      const char before = text[i - 1];
      const bool after_word =
          ascii::is_alnum(before) || before == '-' || before == '_' || before == '.';
      if (after_word) return i;
    }
    i += d.length;
  }
  return url.end;
}

}  // namespace

// A bare URL runs on, for GitHub, until white space: the Chinese full stop, a closing quote or the
// rest of the sentence become part of the link target, and the link is dead.
class AutolinkOverrunRule final : public Rule {
 public:
  static constexpr std::string_view kId = "link/autolink-overrun";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    for (const InlineNode& node : context.document.inlines) {
      if (node.kind != InlineKind::url && node.kind != InlineKind::www) continue;
      const std::size_t end = intended_end(text, node);
      if (end == node.span.end || end == node.span.begin) continue;
      const Span swallowed{end, node.span.end};
      const std::string_view meant = text.substr(node.span.begin, end - node.span.begin);
      // <...> needs a scheme; a www. address keeps its text as a link label instead. A URL with
      // control characters, spaces or angle brackets fits in neither, so it gets no fix.
      const bool enclosable = std::none_of(meant.begin(), meant.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == 0x7F ||
               c == '[' || c == ']';
      });
      const std::string replacement = node.kind == InlineKind::www
                                          ? fmt::format("[{0}](http://{0})", meant)
                                          : fmt::format("<{}>", meant);
      std::optional<Fix> fix;
      if (enclosable) {
        fix = Fix{"end the link where the URL ends", {Edit{{node.span.begin, end}, replacement}}};
      }
      sink.report(Report{swallowed,
                         fmt::format("the bare URL runs on into '{}': GitHub links '{}'",
                                     text.substr(swallowed.begin, swallowed.size()),
                                     text.substr(node.span.begin, node.span.size())),
                         std::move(fix),
                         {RelatedSpan{{node.span.begin, end}, "the URL meant", {}}},
                         {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::AutolinkOverrunRule)
