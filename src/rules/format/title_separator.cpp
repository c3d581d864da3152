#include <fmt/format.h>

#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// The separator after a leading name in a Chinese title ("SciLitLLM: 标题", "WavTokenizer：标题"):
// its span, and whether it is the full-width colon.
struct Separator {
  Span span;
  bool fullwidth;
};

std::optional<Separator> find_separator(std::string_view text, Span title) {
  // The name is a run without Chinese characters or spaces-before-colon; the colon follows it.
  for (std::size_t i = title.begin; i < title.end;) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (classify(d.code_point) == CharClass::han) return std::nullopt;
    if (d.code_point == ':' || d.code_point == U'：') {
      if (i == title.begin) return std::nullopt;
      std::size_t end = i + d.length;
      while (end < title.end && text[end] == ' ')
        ++end;
      return Separator{{i, end}, d.code_point == U'：'};
    }
    i += d.length;
  }
  return std::nullopt;
}

struct SeparatorFacts final : FileFacts {
  struct Use {
    bool fullwidth;
    Finding where;
  };
  std::vector<Use> uses;
};

}  // namespace

// One style for the separator after a name in Chinese titles: `consistent` (default: the majority
// of the run, ties going to the full-width colon), `fullwidth` ("名称：标题") or `halfwidth`
// ("名称: 标题").
class TitleSeparatorRule final : public Rule {
 public:
  static constexpr std::string_view kId = "format/title-separator";

  void configure(const RuleOptions& options) override {
    style_ = choice_option(options, "style", {"consistent", "fullwidth", "halfwidth"});
  }

  // A fixed style is judged file by file, so that --fix can apply it.
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    if (style_ == "consistent") return;
    const bool want_full = style_ == "fullwidth";
    for (const Entry& entry : context.document.entries) {
      if (!entry.link) continue;
      const auto separator = find_separator(context.source.text(), entry.link->text);
      if (!separator || separator->fullwidth == want_full) continue;
      sink.report(
          Report{separator->span,
                 fmt::format("the separator after the name is '{}' here", want_full ? "：" : ": "),
                 Fix{want_full ? "use '：'" : "use ': '",
                     {Edit{separator->span, want_full ? "：" : ": "}}},
                 {},
                 {}});
    }
  }

  // `consistent` needs every title of the run first.
  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    if (style_ != "consistent") return nullptr;
    auto facts = std::make_unique<SeparatorFacts>();
    for (const Entry& entry : context.document.entries) {
      if (!entry.link) continue;
      const auto separator = find_separator(context.source.text(), entry.link->text);
      if (!separator) continue;
      facts->uses.push_back({separator->fullwidth, context.locate(separator->span)});
    }
    if (facts->uses.empty()) return nullptr;
    return facts;
  }

  void judge(const std::vector<const FileFacts*>& all, FindingSink& sink) const override {
    std::size_t full = 0;
    std::size_t total = 0;
    for (const FileFacts* facts : all) {
      for (const auto& use : static_cast<const SeparatorFacts*>(facts)->uses) {
        full += use.fullwidth ? 1 : 0;
        ++total;
      }
    }
    const bool want_full = full * 2 >= total;
    for (const FileFacts* facts : all) {
      for (const auto& use : static_cast<const SeparatorFacts*>(facts)->uses) {
        if (use.fullwidth == want_full) continue;
        Finding finding = use.where;
        finding.message = fmt::format(
            "'{}' after the name, where {} of {} titles in this run use '{}'",
            want_full ? ":" : "：", want_full ? full : total - full, total, want_full ? "：" : ":");
        // Shown to editors through SARIF; --fix applies it with a fixed style.
        finding.fix = ResolvedFix{
            want_full ? "use '：'" : "use ': '",
            {ResolvedEdit{finding.location.start, finding.location.end, want_full ? "：" : ": "}}};
        sink.report(std::move(finding));
      }
    }
  }

 private:
  std::string style_ = "consistent";
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TitleSeparatorRule)
