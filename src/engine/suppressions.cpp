#include "engine/suppressions.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include <fmt/format.h>

#include "core/yaml.hpp"
#include "rules/catalog.hpp"

namespace bilint {

namespace {

constexpr std::size_t kToEnd = std::numeric_limits<std::size_t>::max();

// Whether `at` is inside a code span (`…`), where a comment is text, not a directive.
bool in_code_span(const Document& document, std::size_t at) {
  const auto after = std::upper_bound(
      document.inlines.begin(), document.inlines.end(), at,
      [](std::size_t offset, const InlineNode& node) { return offset < node.span.begin; });
  for (auto it = after; it != document.inlines.begin();) {
    --it;
    if (it->kind == InlineKind::code_span && it->span.end > at) return true;
    // Inline nodes do not overlap except a link around its text: two steps back suffice.
    if (after - it >= 2) break;
  }
  return false;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t'))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t')
      ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace

Suppressions Suppressions::read(const SourceFile& source, const Document& document,
                                const std::vector<std::string>& known,
                                std::vector<Problem>& problems) {
  static const std::array<std::string_view, 5> kDirectives = {
      "bilint-disable", "bilint-enable", "bilint-disable-line", "bilint-disable-next-line",
      "bilint-disable-entry"};
  Suppressions result;
  const std::string_view text = source.text();
  const LineIndex& lines = source.lines();
  // Open bilint-disable regions, closed by a later bilint-enable.
  std::vector<std::size_t> open;
  for (std::size_t at = text.find("<!--"); at != std::string_view::npos;
       at = text.find("<!--", at + 4)) {
    const std::size_t close = text.find("-->", at + 4);
    if (close == std::string_view::npos) break;
    std::string_view body = text.substr(at + 4, close - at - 4);
    const std::size_t lead = body.find_first_not_of(" \t");
    if (lead == std::string_view::npos || !body.substr(lead).starts_with("bilint-") ||
        document.in_code_block(at) || in_code_span(document, at)) {
      continue;
    }
    body.remove_prefix(lead);
    const Span span{at, close + 3};
    const std::size_t end_of_name = std::min(body.find_first_of(" \t\n"), body.size());
    const std::string name(body.substr(0, end_of_name));
    if (std::find(kDirectives.begin(), kDirectives.end(), name) == kDirectives.end()) {
      problems.push_back(
          {span, fmt::format("unknown directive '{}'{}", name,
                             yaml::did_you_mean(name, {kDirectives.begin(), kDirectives.end()}))});
      continue;
    }
    Directive directive;
    directive.where = span;
    const Position start = lines.position(span.begin);
    const std::vector<std::string> selectors = words(body.substr(end_of_name));
    for (const std::string& selector : selectors) {
      if (std::find(known.begin(), known.end(), selector) == known.end()) {
        const std::vector<std::string_view> candidates(known.begin(), known.end());
        problems.push_back({span, fmt::format("'{}' in {} is no rule or family{}", selector, name,
                                              yaml::did_you_mean(selector, candidates))});
        continue;
      }
      directive.targets.push_back({selector, false});
    }
    // A comment naming only unknown rules suppresses nothing (rather than everything).
    if (directive.targets.empty() && !selectors.empty()) continue;
    if (directive.targets.empty()) directive.targets.push_back({"all", false});
    const std::size_t line = start.line;
    if (name == "bilint-enable") {
      // Ends the open regions it names (or all of them).
      for (const std::size_t index : open) {
        Directive& region = result.directives_[index];
        if (region.last_line != kToEnd) continue;
        for (const Target& target : directive.targets) {
          if (target.selector == "all" ||
              std::any_of(region.targets.begin(), region.targets.end(),
                          [&](const Target& t) { return t.selector == target.selector; })) {
            region.last_line = line;
          }
        }
      }
      continue;
    }
    if (name == "bilint-disable") {
      directive.first_line = line;
      directive.last_line = kToEnd;
      open.push_back(result.directives_.size());
    } else if (name == "bilint-disable-line") {
      directive.first_line = directive.last_line = line;
    } else if (name == "bilint-disable-next-line") {
      directive.first_line = directive.last_line = lines.position(span.end, start).line + 1;
    } else {  // bilint-disable-entry: the entry whose heading comes next
      const auto entry = std::find_if(document.entries.begin(), document.entries.end(),
                                      [&](const Entry& e) { return e.extent.begin >= span.end; });
      if (entry == document.entries.end()) {
        problems.push_back({span, "bilint-disable-entry has no entry after it"});
        continue;
      }
      directive.first_line = lines.position(entry->extent.begin, start).line;
      directive.last_line = lines.position(entry->extent.end, start).line;
    }
    result.directives_.push_back(std::move(directive));
  }
  return result;
}

bool Suppressions::suppresses(std::string_view rule_id, std::size_t line) {
  bool suppressed = false;
  for (Directive& directive : directives_) {
    if (line < directive.first_line || line > directive.last_line) continue;
    for (Target& target : directive.targets) {
      if (selects(target.selector, rule_id)) {
        target.used = true;
        suppressed = true;
      }
    }
  }
  return suppressed;
}

std::vector<Suppressions::Problem> Suppressions::unused(
    const std::function<bool(std::string_view)>& ran) const {
  std::vector<Problem> out;
  for (const Directive& directive : directives_) {
    for (const Target& target : directive.targets) {
      if (target.used || !ran(target.selector)) continue;
      out.push_back(
          {directive.where,
           target.selector == "all"
               ? std::string("this suppression comment suppresses nothing")
               : fmt::format("'{}' is suppressed here but reports nothing", target.selector)});
    }
  }
  return out;
}

}  // namespace bilint
