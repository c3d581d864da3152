#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

constexpr char32_t kMarks[] = {'.', U'。', U'，', U'、', U'；', U'：'};
constexpr utf8::LeadBytes kMarkStarts = [] {
  utf8::LeadBytes starts;
  for (const char32_t mark : kMarks)
    starts.add(mark);
  return starts;
}();
// The rule visits only the file's marks (MarkIndex).
static_assert(MarkIndex::covers(kMarkStarts));

}  // namespace

// Doubled Chinese punctuation (。。，，、、；；：：) and an ASCII or Chinese stand-in for the
// ellipsis (... or 。。。 after Chinese text) where Chinese writes ……. The fix keeps one mark, or
// writes ……
class RepeatedPunctRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "format/repeated-punct";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    const MarkIndex& marks = context.marks();
    for_each_prose_run(context, entry, [&](Span run) { check_run(text, marks, run, sink); });
  }

 private:
  static void check_run(std::string_view text, const MarkIndex& marks, Span run,
                        DiagnosticSink& sink) {
    for (std::size_t i = marks.next(run.begin, run.end); i < run.end; i = marks.next(i, run.end)) {
      if (!kMarkStarts.may_start(text[i])) {
        ++i;
        continue;
      }
      const utf8::Decoded d = utf8::decode(text, i);
      // Only these are ever reported.
      const char32_t cp = d.code_point;
      if (std::find(std::begin(kMarks), std::end(kMarks), cp) == std::end(kMarks)) {
        i += d.length;
        continue;
      }
      const std::string_view mark = text.substr(i, d.length);
      std::size_t end = i + d.length;
      std::size_t count = 1;
      while (end + d.length <= run.end && text.substr(end, d.length) == mark) {
        end += d.length;
        ++count;
      }
      // Every report is of a mark repeated; a digest's marks mostly stand alone.
      if (count == 1) {
        i = end;
        continue;
      }
      const auto after_chinese = [&] {
        return i > run.begin && classify(utf8::decode_before(text, i).code_point) == CharClass::han;
      };
      if ((mark == "。" && count >= 3) || (mark == "." && count == 3 && after_chinese())) {
        sink.report(Report{
            {i, end},
            fmt::format("'{}' for an ellipsis; Chinese writes '……'", text.substr(i, end - i)),
            Fix{"write ……", {Edit{{i, end}, "……"}}},
            {},
            {}});
      } else if (count >= 2 &&
                 (mark == "。" || mark == "，" || mark == "、" || mark == "；" || mark == "：")) {
        sink.report(Report{{i, end},
                           fmt::format("'{}' is repeated", mark),
                           Fix{"keep one", {Edit{{i, end}, std::string(mark)}}},
                           {},
                           {}});
      }
      i = end;
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::RepeatedPunctRule)
