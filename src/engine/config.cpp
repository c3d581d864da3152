#include "engine/config.hpp"

#include <algorithm>
#include <filesystem>
#include <fnmatch.h>

#include <fmt/format.h>

#include "core/yaml.hpp"
#include "engine/inputs.hpp"

namespace bilint {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    if (slash != 0) parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// fnmatch(3) matches one segment; '**' is handled here because POSIX globs have no such thing.
bool match_segments(const std::vector<std::string_view>& glob, std::size_t g,
                    const std::vector<std::string_view>& path, std::size_t p) {
  if (g == glob.size()) return p == path.size();
  if (glob[g] == "**") {
    for (std::size_t skip = p; skip <= path.size(); ++skip) {
      if (match_segments(glob, g + 1, path, skip)) return true;
    }
    return false;
  }
  if (p == path.size()) return false;
  const std::string pattern(glob[g]);
  const std::string name(path[p]);
  return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0 &&
         match_segments(glob, g + 1, path, p + 1);
}

std::string relative_to(const std::string& directory, const std::string& file) {
  return fs::path(resolved_path(file)).lexically_relative(directory).generic_string();
}

bool any_glob_matches(const std::vector<std::string>& globs, const std::string& directory,
                      const std::string& file) {
  if (globs.empty()) return false;
  const std::string relative = relative_to(directory, file);
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return glob_match(glob, relative); });
}

std::string family_of(std::string_view id) {
  return std::string(id.substr(0, id.find('/')));
}

class ConfigReader {
 public:
  explicit ConfigReader(std::string file) : file_(std::move(file)) {}

  void error(const yaml::Node& node, const std::string& message) { error(node.mark(), message); }
  void error(yaml::Mark mark, const std::string& message) {
    errors_ += fmt::format("{}{}:{}:{}: {}", errors_.empty() ? "" : "\n", file_, mark.line,
                           mark.column, message);
  }
  void raw(const std::string& message) { errors_ += (errors_.empty() ? "" : "\n") + message; }
  [[nodiscard]] const std::string& errors() const { return errors_; }

  std::vector<std::string> strings(const yaml::Node& node, const char* key) {
    std::vector<std::string> out;
    if (node.is_null()) return out;
    if (!node.is_sequence()) {
      error(node, fmt::format("'{}' must be a list of strings", key));
      return out;
    }
    for (const yaml::Node& item : node.items()) {
      if (item.is_scalar() && !item.scalar().empty()) {
        out.push_back(item.scalar());
      } else {
        error(item, fmt::format("'{}' holds an empty string or a non-string", key));
      }
    }
    return out;
  }

  std::optional<Severity> level(const yaml::Node& node, const char* what, bool allow_off,
                                bool& off) {
    const std::string& text = node.is_scalar() ? node.scalar() : std::string();
    if (allow_off && text == "off") {
      off = true;
      return std::nullopt;
    }
    if (std::optional<Severity> severity = parse_severity(text)) return severity;
    error(node, fmt::format("{} must be {}", what,
                            allow_off ? "off, note, warning or error" : "note, warning or error"));
    return std::nullopt;
  }

 private:
  std::string file_;
  std::string errors_;
};

const std::vector<std::string_view> kTopKeys = {"fail-level", "glossaries", "rules-files",
                                                "include",    "exclude",    "rules"};

void read_rules(const yaml::Node& rules, Config& config, ConfigReader& reader) {
  if (rules.is_null()) return;  // only comments under it, as `bilint init` writes
  if (!rules.is_map()) {
    reader.error(rules, "'rules' maps rule ids or families to a level or {severity, options}");
    return;
  }
  std::vector<std::string> names{"all"};
  for (std::string& name : config.catalog.selector_names())
    names.push_back(std::move(name));
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  for (const auto& [key, value] : rules.entries()) {
    const std::string& id = key.scalar();
    if (std::find(names.begin(), names.end(), id) == names.end()) {
      reader.error(
          key, fmt::format("'{}' is no rule or family{}", id, yaml::did_you_mean(id, candidates)));
      continue;
    }
    Config::RuleSetting setting;
    if (value.is_scalar() || value.is_null()) {
      setting.severity = reader.level(value, "a rule's level", true, setting.off);
    } else if (value.is_map()) {
      for (const auto& [k, v] : value.entries()) {
        if (k.scalar() == "severity") {
          setting.severity = reader.level(v, "'severity'", true, setting.off);
        } else if (k.scalar() != "options") {
          reader.error(k, fmt::format("unknown key '{}'{}", k.scalar(),
                                      yaml::did_you_mean(k.scalar(), {"severity", "options"})));
        }
      }
      if (const yaml::Node* options = value.find("options")) {
        const RuleMetadata* meta = config.catalog.find(id);
        if (meta == nullptr) {
          reader.error(*options, fmt::format("options belong to one rule, not to '{}'", id));
        } else if (!options->is_map()) {
          reader.error(*options, "'options' maps option names to values");
        } else {
          for (const auto& [name, option] : options->entries()) {
            if (!option.is_scalar()) {
              reader.error(option, fmt::format("option '{}' takes a single value", name.scalar()));
              continue;
            }
            setting.options[name.scalar()] = option.scalar();
          }
          // The rule itself says whether its options make sense; its message gets our position.
          const std::unique_ptr<Rule> rule = meta->instantiate();
          try {
            if (rule) rule->configure(setting.options);
          } catch (const std::invalid_argument& e) {
            reader.error(*options, fmt::format("{}: {}", id, e.what()));
          }
        }
      }
    } else {
      reader.error(value,
                   "a rule's setting is a level (off, note, warning, error) or a mapping "
                   "with 'severity' and 'options'");
    }
    config.rules[id] = std::move(setting);
  }
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  std::string pattern(glob);
  if (pattern.ends_with('/')) pattern += "**";
  if (pattern.find('/') == std::string::npos) pattern = "**/" + pattern;
  return match_segments(split(pattern), 0, split(path), 0);
}

bool Config::includes(const std::string& file) const {
  return include.empty() || any_glob_matches(include, directory, file);
}

bool Config::excludes(const std::string& file) const {
  return any_glob_matches(exclude, directory, file);
}

Config load_config(const std::string& path) {
  std::string read_error;
  const std::optional<std::string> text = read_file(path, read_error);
  if (!text) throw ConfigError(fmt::format("{}: cannot read configuration: {}", path, read_error));
  return parse_config(*text, path);
}

Config parse_config(std::string_view text, const std::string& path) {
  yaml::Error syntax;
  const std::optional<yaml::Node> root = yaml::parse(text, syntax);
  if (!root) {
    throw ConfigError(
        fmt::format("{}:{}:{}: {}", path, syntax.mark.line, syntax.mark.column, syntax.message));
  }
  Config config;
  config.path = path;
  config.directory = fs::path(resolved_path(path)).parent_path().string();
  if (root->is_null()) return config;  // an empty file: the defaults
  ConfigReader reader(path);
  if (!root->is_map()) {
    reader.error(*root, "a configuration is a mapping (see 'bilint init')");
    throw ConfigError(reader.errors());
  }
  const auto resolve = [&](const std::string& relative) {
    return relative == "builtin"
               ? relative
               : (fs::path(config.directory) / relative).lexically_normal().string();
  };
  for (const auto& [key, value] : root->entries()) {
    const std::string& name = key.scalar();
    if (name == "fail-level") {
      bool off = false;
      config.fail_level = reader.level(value, "'fail-level'", false, off);
    } else if (name == "glossaries") {
      config.glossaries.emplace();
      for (const std::string& g : reader.strings(value, "glossaries"))
        config.glossaries->push_back(resolve(g));
    } else if (name == "rules-files") {
      for (const std::string& f : reader.strings(value, "rules-files"))
        config.pattern_files.push_back(resolve(f));
    } else if (name == "include") {
      config.include = reader.strings(value, "include");
    } else if (name == "exclude") {
      config.exclude = reader.strings(value, "exclude");
    } else if (name != "rules") {
      reader.error(key,
                   fmt::format("unknown key '{}'{}", name, yaml::did_you_mean(name, kTopKeys)));
    }
  }
  if (!config.pattern_files.empty()) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const std::string& file : config.pattern_files) {
      std::string error;
      std::optional<std::string> rules = read_file(file, error);
      if (!rules) {
        reader.error(root->find("rules-files")->mark(),
                     fmt::format("cannot read pattern rules {}: {}", file, error));
        continue;
      }
      files.emplace_back(file, std::move(*rules));
    }
    const std::size_t known = config.catalog.problems().size();
    config.catalog = config.catalog.with_pattern_rules(files);
    for (std::size_t i = known; i < config.catalog.problems().size(); ++i)
      reader.raw(config.catalog.problems()[i]);
  }
  if (const yaml::Node* rules = root->find("rules")) read_rules(*rules, config, reader);
  if (!reader.errors().empty()) throw ConfigError(reader.errors());
  return config;
}

std::string find_config(const std::string& file) {
  std::error_code ec;
  fs::path directory = fs::absolute(file, ec).lexically_normal();
  if (!fs::is_directory(directory, ec)) directory = directory.parent_path();
  for (;;) {
    const fs::path candidate = directory / kConfigName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(directory / ".git", ec) || !directory.has_parent_path() ||
        directory.parent_path() == directory) {
      return {};
    }
    directory = directory.parent_path();
  }
}

std::optional<Config::Effective> Config::effective(const RuleMetadata& rule) const {
  Effective result{rule.default_severity, {}};
  bool off = false;
  for (const std::string& key : {std::string("all"), family_of(rule.id), rule.id}) {
    const auto it = rules.find(key);
    if (it == rules.end()) continue;
    // The more specific setting wins: `all: off` with `term/variant: note` runs term/variant.
    if (it->second.off) off = true;
    if (it->second.severity) {
      off = false;
      result.severity = *it->second.severity;
    }
    if (!it->second.options.empty()) result.options = it->second.options;
  }
  if (off) return std::nullopt;
  return result;
}

std::string describe(const Config& config) {
  const auto list = [](const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items)
      out += fmt::format("{}\"{}\"", out.size() > 1 ? ", " : "", item);
    return out + "]";
  };
  std::string out = config.path.empty() ? std::string("# no .bilint.yaml found: the defaults\n")
                                        : fmt::format("# {}\n", config.path);
  out += fmt::format("fail-level: {}\n", to_string(config.fail_level.value_or(Severity::warning)));
  out += fmt::format("glossaries: {}\n",
                     list(config.glossaries.value_or(std::vector<std::string>{"builtin"})));
  out += fmt::format("rules-files: {}\n", list(config.pattern_files));
  out += fmt::format("include: {}\n", list(config.include));
  out += fmt::format("exclude: {}\n", list(config.exclude));
  out += "rules:\n";
  for (const RuleMetadata& rule : config.catalog.rules()) {
    const std::optional<Config::Effective> setting = config.effective(rule);
    if (!setting) {
      out += fmt::format("  {}: off\n", rule.id);
      continue;
    }
    if (setting->options.empty()) {
      out += fmt::format("  {}: {}\n", rule.id, to_string(setting->severity));
      continue;
    }
    std::string options;
    for (const auto& [name, value] : setting->options)
      options += fmt::format("{}{}: \"{}\"", options.empty() ? "" : ", ", name, value);
    out += fmt::format("  {}: {{severity: {}, options: {{{}}}}}\n", rule.id,
                       to_string(setting->severity), options);
  }
  return out;
}

std::string_view starter_config() {
  return R"(# bilint configuration. bilint uses the nearest .bilint.yaml above each file it checks
# (up to the repository root); paths here are relative to this file.
# Print what applies to a file with: bilint config PATH

# Exit with 1 when a finding reaches this level: note, warning or error.
fail-level: warning

# Glossaries, later ones overriding earlier ones per term. "builtin" is bilint's AI/ML glossary;
# leaving this key out means [builtin].
glossaries: [builtin]

# Files of pattern rules (see docs/rules/pattern.md).
rules-files: []

# Which Markdown files a directory walk picks up, and which files are never checked. Globs:
# * and ? within a name, ** across directories; a glob without / matches at any depth.
include: ["**/*.md"]
exclude: []

# Per rule id or family (or all): off, note, warning or error, or {severity, options}.
# The list of rules: bilint rules
rules:
  # format/cjk-spacing: {severity: warning, options: {policy: require}}
  # link: error
  # untranslated/body: off
)";
}

}  // namespace bilint
