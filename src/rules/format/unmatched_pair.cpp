#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

struct Pair {
  char32_t open;
  char32_t close;
};
constexpr std::array<Pair, 9> kPairs = {{{U'（', U'）'},
                                         {U'“', U'”'},
                                         {U'‘', U'’'},
                                         {U'《', U'》'},
                                         {U'【', U'】'},
                                         {U'「', U'」'},
                                         {U'『', U'』'},
                                         {U'(', U')'},
                                         {U'[', U']'}}};

bool is_pair_mark(char32_t cp) {
  return cp == '"' || std::any_of(kPairs.begin(), kPairs.end(), [&](const Pair& pair) {
           return cp == pair.open || cp == pair.close;
         });
}

constexpr utf8::LeadBytes kPairMarks = [] {
  utf8::LeadBytes marks{'"'};
  for (const Pair& pair : kPairs) {
    marks.add(pair.open);
    marks.add(pair.close);
  }
  return marks;
}();
// The rule visits only the file's marks (MarkIndex).
static_assert(MarkIndex::covers(kPairMarks));

}  // namespace

// Brackets and quotes that do not pair up within a title or paragraph: （）“”‘’《》【】「」『』,
// ASCII ( ) and [ ], and ASCII double quotes (an odd number of them). A ’ between Latin letters is
// an apostrophe (Don’t) and not counted; code, URLs and math are not looked into.
class UnmatchedPairRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "format/unmatched-pair";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const MarkIndex& marks = context.marks();
    for_each_prose_block(entry, [&](Span block) {
      struct Open {
        std::size_t at;
        std::uint8_t length;
        char32_t close;
      };
      std::vector<Open> stack;
      std::vector<std::size_t> quotes;
      // The brackets of Markdown links are syntax, not text.
      std::vector<std::size_t> link_brackets;
      for (const InlineNode& node : context.document.inlines_in(block)) {
        if (node.kind == InlineKind::link || node.kind == InlineKind::image) {
          link_brackets.push_back(node.text.begin - 1);
          link_brackets.push_back(node.text.end);
        }
      }
      for_each_prose_run(context, block, [&](Span run) {
        for (std::size_t i = marks.next(run.begin, run.end); i < run.end;
             i = marks.next(i, run.end)) {
          if (!kPairMarks.may_start(text[i])) {
            ++i;
            continue;
          }
          const utf8::Decoded d = utf8::decode(text, i);
          const char32_t cp = d.code_point;
          if (!is_pair_mark(cp)) {
            i += d.length;
            continue;
          }
          if (cp == '"') quotes.push_back(i);
          if (std::find(link_brackets.begin(), link_brackets.end(), i) != link_brackets.end()) {
            i += d.length;
            continue;
          }
          // "1)" and "a)" number the items of a list written inline.
          const bool list_label = cp == ')' && i >= run.begin + 1 && ascii::is_alnum(text[i - 1]) &&
                                  (i == run.begin + 1 || !ascii::is_alnum(text[i - 2]));

          const bool apostrophe =
              cp == U'’' && i > run.begin && i + d.length < run.end &&
              classify(utf8::decode_before(text, i).code_point) == CharClass::latin &&
              classify(utf8::decode(text, i + d.length).code_point) == CharClass::latin;
          for (const Pair& pair : kPairs) {
            if (cp == pair.open) stack.push_back({i, d.length, pair.close});
            if (cp != pair.close || apostrophe) continue;
            const auto match = std::find_if(stack.rbegin(), stack.rend(),
                                            [&](const Open& o) { return o.close == cp; });
            if (match == stack.rend()) {
              if (list_label) continue;
              sink.report({i, i + d.length},
                          fmt::format("'{}' closes nothing", text.substr(i, d.length)));
            } else {
              // Openers above the match were never closed.
              for (auto it = stack.rbegin(); it != match; ++it)
                report_open(text, *it, sink);
              stack.erase(std::next(match).base(), stack.end());
            }
          }
          i += d.length;
        }
      });
      for (const Open& open : stack)
        report_open(text, open, sink);
      if (quotes.size() % 2 == 1) {
        sink.report({quotes.back(), quotes.back() + 1}, "an odd number of '\"' in this text");
      }
    });
  }

 private:
  template <typename Open>
  static void report_open(std::string_view text, const Open& open, DiagnosticSink& sink) {
    sink.report({open.at, open.at + open.length},
                fmt::format("'{}' is never closed", text.substr(open.at, open.length)));
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::UnmatchedPairRule)
