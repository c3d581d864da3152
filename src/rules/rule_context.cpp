#include "engine/linter.hpp"
#include "rules/rule.hpp"

namespace bilint {

const EntryTermHits& RuleContext::term_hits(const Entry& entry) const {
  const auto index = static_cast<std::size_t>(&entry - document.entries.data());
  std::optional<EntryTermHits>& cached = term_cache_.at(index);
  if (!cached) cached = glossary.find(document, entry);
  return *cached;
}

Finding RuleContext::locate(Span span) const {
  return resolve(source, Diagnostic{{}, Severity::warning, span, {}, {}, {}}, &document);
}

}  // namespace bilint
