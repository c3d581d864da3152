#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rules/catalog.hpp"

namespace bilint {

// The rule documentation pages, generated from the rule metadata: (relative path, Markdown) for
// docs/rules/README.md (the index) and docs/rules/<family>/<name>.md per rule. `bilint rules --docs
// DIR` writes them; a test keeps the committed pages in sync.
std::vector<std::pair<std::string, std::string>> rule_doc_pages(const RuleCatalog& catalog);

}  // namespace bilint
