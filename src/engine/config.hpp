#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "rules/catalog.hpp"
#include "rules/rule.hpp"

namespace bilint {

// A project's `.bilint.yaml`. Paths in it are relative to the file's directory and are stored
// resolved against it. See docs/configuration.md for the format.
struct Config {
  // How one rule or family is set: its level, or off; and, for a rule, its options.
  struct RuleSetting {
    std::optional<Severity> severity;
    bool off = false;
    RuleOptions options;
  };

  std::string path;       // the file, empty for the defaults
  std::string directory;  // where relative paths and globs start
  std::optional<Severity> fail_level;
  std::optional<std::vector<std::string>> glossaries;  // "builtin" is the built-in glossary
  std::vector<std::string> pattern_files;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::map<std::string, RuleSetting, std::less<>> rules;  // by rule id or family

  // The configuration's rule catalogue: the built-in rules and its pattern files.
  RuleCatalog catalog = RuleCatalog::builtin();

  // Whether a file found by walking a directory is linted (include), and whether any file is
  // (exclude). Globs are matched against the path relative to `directory`.
  [[nodiscard]] bool includes(const std::string& file) const;
  [[nodiscard]] bool excludes(const std::string& file) const;

  // How a rule runs under this configuration: a rule's own setting wins over its family's, which
  // wins over `all`. Nothing when it is off.
  struct Effective {
    Severity severity;
    RuleOptions options;
  };
  [[nodiscard]] std::optional<Effective> effective(const RuleMetadata& rule) const;
};

// A configuration problem, with the position it was found at.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads and validates a configuration file; every problem is reported, as "file:line:col: message"
// lines in the ConfigError, with "did you mean" for misspelt keys and rule ids.
Config load_config(const std::string& path);
// The same for text already read; `path` names it in messages and anchors relative paths.
Config parse_config(std::string_view text, const std::string& path);

// The nearest `.bilint.yaml` for a file: in its directory or the closest parent, stopping at the
// repository root (a directory holding `.git`). Empty when there is none.
std::string find_config(const std::string& file);

inline constexpr const char* kConfigName = ".bilint.yaml";

// Matches a path ('/'-separated, relative) against a glob: `*` and `?` and `[...]` within one path
// segment, `**` for any number of segments. A glob without '/' matches a name at any depth, as in
// .gitignore.
bool glob_match(std::string_view glob, std::string_view path);

// The text `bilint init` writes: every key, commented.
std::string_view starter_config();

// The effective configuration as YAML, for `bilint config`.
std::string describe(const Config& config);

}  // namespace bilint
