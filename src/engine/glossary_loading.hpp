#pragma once

#include <memory>
#include <string>
#include <vector>

#include "glossary/compiled_glossary.hpp"
#include "rules/catalog.hpp"

namespace bilint {

// The name that stands for the built-in glossary in a list of glossary files.
inline constexpr const char* kBuiltinGlossary = "builtin";

// Reads, validates and merges glossary files in order (later files override earlier ones per term)
// and compiles the result. Throws UsageError listing every problem as `file:line:col: error: ...`.
std::shared_ptr<const CompiledGlossary> load_glossaries(const std::vector<std::string>& paths);

// Runs a glossary's self-tests: each test's title pair or summary is linted with the term/ rules
// and must produce exactly the expected "rule-id: flagged text" findings. Returns one message per
// failing test, `file:line:col: error: ...`.
std::vector<std::string> run_glossary_tests(const RuleCatalog& catalog,
                                            std::shared_ptr<const CompiledGlossary> glossary);

}  // namespace bilint
