#include "rules/prose.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace bilint {

void for_each_prose_run(const RuleContext& context, Span block, FunctionRef<void(Span)> visit) {
  std::size_t at = block.begin;
  for (const Span& shielded : context.document.protected_in(block)) {
    if (shielded.begin > at) visit({at, std::min(shielded.begin, block.end)});
    at = std::max(at, shielded.end);
  }
  if (at < block.end) visit({at, block.end});
}

void for_each_prose_run(const RuleContext& context, const Entry& entry,
                        FunctionRef<void(Span)> visit) {
  for_each_prose_block(entry, [&](Span block) { for_each_prose_run(context, block, visit); });
}

std::string choice_option(const RuleOptions& options, std::string_view name,
                          const std::vector<std::string_view>& choices) {
  for (const auto& [key, value] : options) {
    if (key != name) {
      throw std::invalid_argument(
          fmt::format("unknown option '{}' (this rule takes '{}')", key, name));
    }
    if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
      throw std::invalid_argument(
          fmt::format("option '{}' is one of {}, not '{}'", name, fmt::join(choices, ", "), value));
    }
    return value;
  }
  return std::string(choices.front());
}

}  // namespace bilint
