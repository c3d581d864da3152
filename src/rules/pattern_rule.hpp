#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/catalog.hpp"

namespace bilint {

// Rules written as data: YAML files declaring a regular expression and what to do with its matches
// (rules/pattern/*.yaml for the built-in ones; `--rules FILE` for a team's own). Parsed into
// catalogue entries whose `make` builds the rule.
//
//   id: pattern/no-benwen-start      severity: note      kind: existence | substitution |
//   consistency scope: summary | chinese-title | english-title | entry pattern: '^本文'
//   replacement: '…' (substitution, may use $1) alternatives: ['开源', '开放源码'] (consistency:
//   both in one file is reported) message: '…$1…'                   summary, description examples:
//   {match: [...], no-match: [...]}
//
// Patterns are Boost.Regex with ICU (boost::u32regex), matched on code points. `\p{…}` and `\P{…}`
// with any property ICU knows (Han, Latin, Lu, …) are expanded to code point ranges from ICU before
// compiling, since Debian's Boost cannot match script properties itself.
struct PatternFileProblem {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

// Parses one pattern rule file into catalogue metadata (with `make` set). Problems are appended,
// with positions in the YAML.
std::optional<RuleMetadata> parse_pattern_rule(std::string_view yaml,
                                               std::vector<PatternFileProblem>& problems);

// `\p{Han}` and friends replaced by explicit ranges; throws std::invalid_argument for an unknown
// property.
std::string expand_unicode_properties(std::string_view pattern);

// What a pattern leaves open at its end ("a '[' set is never closed", "a '(' group is never
// closed"), or empty. Boost 1.74 reads past the end of some such patterns, so they are refused
// before it sees them.
std::string_view unclosed_construct(std::string_view pattern);

// Runs a pattern rule's examples: each `match` text must give a finding, each `no-match` none.
// Returns one message per failing example.
std::vector<std::string> run_pattern_examples(const RuleMetadata& rule);

}  // namespace bilint
