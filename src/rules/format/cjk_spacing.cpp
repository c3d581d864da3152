#include <array>

#include <fmt/format.h>

#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"

namespace bilint {

namespace {

// A place where Chinese meets a Latin letter or a digit, directly or across spaces.
struct Boundary {
  Span gap;     // the spaces between the two characters (empty when they touch)
  Span around;  // both characters and the gap, what the finding points at
  bool spaced() const { return !gap.empty(); }
};

bool is_word(CharClass c) {
  return c == CharClass::latin || c == CharClass::digit;
}

void collect(std::string_view text, Span run, std::vector<Boundary>& out) {
  CharClass previous = CharClass::other;
  std::size_t previous_begin = 0;
  std::size_t space_begin = 0;
  std::size_t spaces = 0;
  for (std::size_t i = run.begin; i < run.end;) {
    // Most characters of a summary are Han, known without decoding them.
    CharClass c = CharClass::han;
    std::size_t length = 3;
    if (!unicode::wide_ideograph_at(text, i)) {
      const utf8::Decoded d = utf8::decode(text, i);
      c = classify(d.code_point);
      length = d.length;
      // A percent or degree sign belongs to the number before it: "30% 以上", "90° 的角".
      if ((d.code_point == '%' || d.code_point == U'°') && previous == CharClass::digit &&
          spaces == 0) {
        c = CharClass::digit;
      }
    }
    if (c == CharClass::space) {
      if (spaces++ == 0) space_begin = i;
      i += length;
      continue;
    }
    const bool meets =
        (previous == CharClass::han && is_word(c)) || (is_word(previous) && c == CharClass::han);
    // One space is a spaced boundary; several spaces are someone's layout, left alone.
    if (meets && spaces <= 1) {
      out.push_back({{spaces == 0 ? i : space_begin, i}, {previous_begin, i + length}});
    }
    previous = c;
    previous_begin = i;
    spaces = 0;
    i += length;
    // Ideographs after it meet only one another: what follows meets the last of them.
    if (c == CharClass::han) {
      const std::size_t end = unicode::ideographs_end(text, i, run.end);
      if (end != i) {
        previous_begin = end - 3;
        i = end;
      }
    }
  }
}

}  // namespace

// Space between Chinese and Latin letters or digits, by policy: `require` (the Chinese copywriting
// guidelines' rule and the default), `forbid`, or `consistent`, judged per entry: an entry is one
// writer's (or one model's) text, and the shared corpus shows whole summaries in either style.
// Boundaries next to punctuation, symbols (%, °), link brackets, code, URLs and math are not
// boundaries between Chinese and Latin characters, so they are never reported.
class CjkSpacingRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "format/cjk-spacing";

  void configure(const RuleOptions& options) override {
    policy_ = choice_option(options, "policy", {"require", "forbid", "consistent"});
    messages_ = messages(policy_ == "consistent");
  }

  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    // Emptied for each entry and kept for the next, where a vector of its own allocated for each.
    thread_local std::vector<Boundary> boundaries;
    boundaries.clear();
    for_each_prose_run(context, entry, [&](Span run) { collect(text, run, boundaries); });
    bool want_space = policy_ != "forbid";
    if (policy_ == "consistent") {
      const auto spaced = static_cast<std::size_t>(std::count_if(
          boundaries.begin(), boundaries.end(), [](const Boundary& b) { return b.spaced(); }));
      // Ties keep the guidelines' spaced style.
      want_space = spaced * 2 >= boundaries.size();
    }
    for (const Boundary& b : boundaries) {
      if (b.spaced() == want_space) continue;
      Report report{b.around, messages_[want_space ? 1 : 0], {}, {}, {}};
      if (context.wants_fixes()) {
        report.fix = Fix{want_space ? "insert a space" : "remove the space",
                         {Edit{b.gap, want_space ? " " : ""}}};
      }
      sink.report(std::move(report));
    }
  }

 private:
  // The finding's message where the entry should have no space, and where it should have one.
  static std::array<Message, 2> messages(bool consistent) {
    const std::string_view unlike = consistent ? ", unlike the rest of the entry" : "";
    return {Message::interned(fmt::format("a space between Chinese and Latin text{}", unlike)),
            Message::interned(fmt::format("no space between Chinese and Latin text{}", unlike))};
  }

  std::string policy_ = "require";
  // Interned once: each finding holds a view of its message, not a copy.
  std::array<Message, 2> messages_ = messages(false);
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::CjkSpacingRule)
