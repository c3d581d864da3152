#include "rules/rule.hpp"

namespace bilint {

const EntryTermHits& RuleContext::term_hits(const Entry& entry) const {
  const auto index = static_cast<std::size_t>(&entry - document.entries.data());
  std::optional<EntryTermHits>& cached = term_cache_.at(index);
  if (!cached) cached = glossary.find(document, entry);
  return *cached;
}

Location RuleContext::locate(Span span) const {
  const LineIndex& lines = source.lines();
  const Position start = lines.position(span.begin);
  return Location{source.path(), start, lines.position(span.end, start)};
}

}  // namespace bilint
