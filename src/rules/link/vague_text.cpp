#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "rules/registry.hpp"

namespace bilint {

namespace {

// Link texts that tell a reader nothing about where the link goes (WCAG 2.4.4).
constexpr std::array<std::string_view, 14> kVague = {
    "链接", "这里", "此处", "点击这里",   "点击此处", "点此",      "点击",
    "网址", "地址", "here", "click here", "link",     "this link", "this"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return out;
}

}  // namespace

class VagueLinkTextRule final : public Rule {
 public:
  static constexpr std::string_view kId = "link/vague-text";
  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    for (const InlineNode& node : context.document.inlines) {
      if (node.kind != InlineKind::link) continue;
      std::string_view label = context.source.slice(node.text);
      while (!label.empty() && (label.front() == ' ' || label.front() == '*'))
        label.remove_prefix(1);
      while (!label.empty() && (label.back() == ' ' || label.back() == '*'))
        label.remove_suffix(1);
      if (std::find(kVague.begin(), kVague.end(), lower(label)) == kVague.end()) continue;
      sink.report(node.text,
                  fmt::format("the link text '{}' does not say what the link leads to (the "
                              "repository, the project page, the dataset)",
                              label));
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::VagueLinkTextRule)
