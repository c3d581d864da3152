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

// How many titles of a file, or of the run, separate the name with the full-width colon.
struct SeparatorCounts final : FileFacts {
  std::size_t fullwidth = 0;
  std::size_t total = 0;
};

struct RunSeparators final : RunFacts {
  SeparatorCounts counts;
  void add(const FileFacts& file) override {
    const auto& counts_of_file = static_cast<const SeparatorCounts&>(file);
    counts.fullwidth += counts_of_file.fullwidth;
    counts.total += counts_of_file.total;
  }
};

template <typename Visit>
void for_each_separator(const RuleContext& context, Visit visit) {
  for (const Entry& entry : context.document.entries) {
    if (!entry.link) continue;
    if (const auto separator = find_separator(context.source.text(), entry.link->text))
      visit(*separator);
  }
}

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

  // A fixed style is judged file by file, so that --fix can apply it; `consistent` needs every
  // title of the run first.
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    bool want_full = style_ == "fullwidth";
    std::string because;
    if (style_ == "consistent") {
      const RunSeparators* run = context.run_facts<RunSeparators>(*this);
      if (run == nullptr) return;
      const auto [full, total] = run->counts;
      want_full = full * 2 >= total;
      because = fmt::format("'{}' after the name, where {} of {} titles in this run use '{}'",
                            want_full ? ":" : "：", want_full ? full : total - full, total,
                            want_full ? "：" : ":");
    }
    for_each_separator(context, [&](const Separator& separator) {
      if (separator.fullwidth == want_full) return;
      Report report;
      report.span = separator.span;
      // Under `consistent` the fix is shown to editors through SARIF; --fix applies it with a
      // fixed style.
      report.message = because.empty() ? fmt::format("the separator after the name is '{}' here",
                                                     want_full ? "：" : ": ")
                                       : because;
      report.fix =
          Fix{want_full ? "use '：'" : "use ': '", {Edit{separator.span, want_full ? "：" : ": "}}};
      sink.report(std::move(report));
    });
  }

  std::unique_ptr<RunFacts> start_run() const override {
    if (style_ != "consistent") return nullptr;
    return std::make_unique<RunSeparators>();
  }

  std::unique_ptr<FileFacts> gather(const RuleContext& context) const override {
    auto counts = std::make_unique<SeparatorCounts>();
    for_each_separator(context, [&](const Separator& separator) {
      counts->fullwidth += separator.fullwidth ? 1 : 0;
      ++counts->total;
    });
    return counts;
  }

 private:
  std::string style_ = "consistent";
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::TitleSeparatorRule)
