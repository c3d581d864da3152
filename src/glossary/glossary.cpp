#include "glossary/glossary.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/line_index.hpp"

namespace bilint {

namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& glossary_files();
}

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// yaml-cpp counts columns in bytes; bilint reports code points, as everywhere else.
SourceMark to_mark(std::string_view yaml, const LineIndex& lines, const std::string& file, int line,
                   int byte_column) {
  if (line < 0 || byte_column < 0 || static_cast<std::size_t>(line) >= lines.line_count()) {
    return {file, 0, 0};
  }
  const Span span = lines.line_span(static_cast<std::size_t>(line));
  const std::size_t offset =
      std::min(span.begin + static_cast<std::size_t>(byte_column), yaml.size());
  return {file, static_cast<std::size_t>(line) + 1, lines.position(offset).codepoint_column};
}

// Levenshtein distance, for "did you mean" on unknown keys.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

class Reader {
 public:
  Reader(std::string_view yaml, const std::string& file, std::vector<GlossaryError>& errors)
      : yaml_(yaml), lines_(yaml), file_(file), errors_(errors) {}

  [[nodiscard]] SourceMark mark(const YAML::Node& node) const { return mark(node.Mark()); }
  [[nodiscard]] SourceMark mark(const YAML::Mark& m) const {
    return to_mark(yaml_, lines_, file_, m.line, m.column);
  }
  void error(const YAML::Node& node, std::string message) {
    errors_.push_back({mark(node), std::move(message)});
    ++count_;
  }
  [[nodiscard]] std::size_t count() const { return count_; }

  bool check_keys(const YAML::Node& map, const std::vector<std::string_view>& known) {
    bool ok = true;
    for (const auto& item : map) {
      const std::string key = item.first.Scalar();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string hint;
      for (const std::string_view k : known) {
        if (distance(key, k) <= 2) hint = fmt::format(" (did you mean '{}'?)", k);
      }
      error(item.first, fmt::format("unknown key '{}'{}", key, hint));
      ok = false;
    }
    return ok;
  }

  bool string(const YAML::Node& node, const char* key, std::string& out, bool required = false) {
    const YAML::Node value = node[key];
    if (!value) {
      if (required) error(node, fmt::format("missing '{}'", key));
      return !required;
    }
    if (!value.IsScalar()) {
      error(value, fmt::format("'{}' must be a string", key));
      return false;
    }
    out = value.Scalar();
    if (out.find_first_not_of(" \t\n") == std::string::npos) {
      error(value, fmt::format("'{}' is empty", key));
      return false;
    }
    return true;
  }

  bool strings(const YAML::Node& node, const char* key, std::vector<std::string>& out) {
    const YAML::Node value = node[key];
    if (!value) return true;
    if (value.IsScalar()) {
      error(value, fmt::format("'{}' must be a list of strings, as [\"{}\"]", key, value.Scalar()));
      return false;
    }
    if (!value.IsSequence()) {
      error(value, fmt::format("'{}' must be a list of strings", key));
      return false;
    }
    bool ok = true;
    for (const auto& item : value) {
      if (!item.IsScalar() || item.Scalar().find_first_not_of(" \t\n") == std::string::npos) {
        error(item, fmt::format("'{}' holds an empty string or a non-string", key));
        ok = false;
        continue;
      }
      out.push_back(item.Scalar());
    }
    return ok;
  }

  const std::string& file() const { return file_; }

 private:
  std::string_view yaml_;
  LineIndex lines_;
  const std::string& file_;
  std::vector<GlossaryError>& errors_;
  std::size_t count_ = 0;
};

std::optional<Term> read_term(const YAML::Node& node, Reader& reader) {
  if (!node.IsMap()) {
    reader.error(node, "a term must be a mapping with at least 'source'");
    return std::nullopt;
  }
  const std::size_t before = reader.count();
  reader.check_keys(node, {"source", "abbreviations", "forms", "preferred", "variants", "accepted",
                           "synonyms", "keep", "scope", "note"});
  Term term;
  term.mark = reader.mark(node);
  reader.string(node, "source", term.source, true);
  reader.strings(node, "abbreviations", term.abbreviations);
  reader.strings(node, "forms", term.forms);
  reader.string(node, "preferred", term.preferred);
  reader.strings(node, "variants", term.variants);
  reader.strings(node, "accepted", term.accepted);
  reader.strings(node, "synonyms", term.synonyms);
  reader.string(node, "note", term.note);
  if (const YAML::Node keep = node["keep"]) {
    if (!keep.IsScalar() || (keep.Scalar() != "true" && keep.Scalar() != "false")) {
      reader.error(keep, "'keep' must be true or false");
    } else {
      term.keep = keep.Scalar() == "true";
    }
  }
  if (const YAML::Node scope = node["scope"]) {
    const std::string value = scope.IsScalar() ? scope.Scalar() : "";
    if (value == "both") {
      term.scope = TermScope::both;
    } else if (value == "title") {
      term.scope = TermScope::title;
    } else if (value == "summary") {
      term.scope = TermScope::summary;
    } else {
      reader.error(scope, "'scope' must be title, summary or both");
    }
  }
  const int kinds =
      (term.preferred.empty() ? 0 : 1) + (term.keep ? 1 : 0) + (term.synonyms.empty() ? 0 : 1);
  if (kinds != 1) {
    reader.error(node, fmt::format("term '{}' needs exactly one of 'preferred', 'keep: true' or "
                                   "'synonyms'",
                                   term.source));
  }
  if (!term.synonyms.empty() && term.synonyms.size() < 2) {
    reader.error(node["synonyms"], "'synonyms' needs at least two renderings");
  }
  if (!term.synonyms.empty() && !term.variants.empty()) {
    reader.error(node["variants"], "a synonym group has no preferred rendering, so no variants");
  }
  for (const std::string& variant : term.variants) {
    if (variant == term.preferred) {
      reader.error(node["variants"], fmt::format("'{}' is both preferred and a variant", variant));
    } else if (!term.preferred.empty() && term.preferred.find(variant) != std::string::npos) {
      reader.error(node["variants"],
                   fmt::format("variant '{}' is part of the preferred '{}', so every correct use "
                               "would match it",
                               variant, term.preferred));
    }
  }
  if (reader.count() != before) return std::nullopt;
  return term;
}

std::optional<GlossaryTest> read_test(const YAML::Node& node, Reader& reader) {
  if (!node.IsMap()) {
    reader.error(node, "a test must be a mapping");
    return std::nullopt;
  }
  const std::size_t before = reader.count();
  reader.check_keys(node, {"title", "summary", "expect"});
  GlossaryTest test;
  test.mark = reader.mark(node);
  if (const YAML::Node title = node["title"]) {
    if (!title.IsSequence() || title.size() != 2 || !title[0].IsScalar() || !title[1].IsScalar()) {
      reader.error(title, "'title' must be [English title, Chinese title]");
    } else {
      test.english_title = title[0].Scalar();
      test.chinese_title = title[1].Scalar();
    }
  }
  reader.string(node, "summary", test.summary);
  if (!node["title"] && !node["summary"]) reader.error(node, "a test needs 'title' or 'summary'");
  if (!node["expect"]) {
    reader.error(node, "a test needs 'expect' (a list of \"rule-id: text\", or [] for none)");
  } else if (!node["expect"].IsSequence()) {
    reader.error(node["expect"], "'expect' must be a list");
  } else {
    for (const auto& item : node["expect"]) {
      if (!item.IsScalar()) {
        reader.error(item, "an expectation is a string \"rule-id: flagged text\"");
      } else {
        test.expect.push_back(item.Scalar());
      }
    }
  }
  if (reader.count() != before) return std::nullopt;
  return test;
}

}  // namespace

std::vector<std::string> Term::english_spellings() const {
  std::vector<std::string> out{source};
  // "mixture of experts" and "mixture-of-experts"; "large language model" and "... models".
  const auto add = [&](std::string s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  std::string hyphenated = source;
  std::replace(hyphenated.begin(), hyphenated.end(), ' ', '-');
  std::string spaced = source;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  for (const std::string& base : {source, hyphenated, spaced}) {
    add(base);
    const char last = base.empty() ? ' ' : base.back();
    if (last >= 'a' && last <= 'z') {
      if (last == 's' || last == 'x' || base.ends_with("ch") || base.ends_with("sh")) {
        add(base + "es");
      } else if (last == 'y' && base.size() > 1 &&
                 std::string_view("aeiou").find(base[base.size() - 2]) == std::string_view::npos) {
        add(base.substr(0, base.size() - 1) + "ies");
      } else {
        add(base + "s");
      }
    }
  }
  for (const std::string& form : forms)
    add(form);
  return out;
}

Glossary Glossary::parse(std::string_view yaml, const std::string& file,
                         std::vector<GlossaryError>& errors) {
  Glossary glossary;
  Reader reader(yaml, file, errors);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    errors.push_back({reader.mark(e.mark), e.msg});
    return glossary;
  }
  if (!root.IsMap()) {
    errors.push_back({{file, 1, 1}, "a glossary is a mapping with 'terms' (and optional 'tests')"});
    return glossary;
  }
  reader.check_keys(root, {"version", "language", "description", "terms", "tests"});
  if (const YAML::Node version = root["version"]; version && version.Scalar() != "1") {
    reader.error(version, "unsupported glossary version (this bilint reads version 1)");
  }
  const YAML::Node terms = root["terms"];
  if (!terms || !terms.IsSequence()) {
    reader.error(root, "missing 'terms' (a list of terms)");
  } else {
    std::unordered_map<std::string, SourceMark> seen;
    seen.reserve(terms.size());
    glossary.terms_.reserve(terms.size());
    for (const auto& node : terms) {
      std::optional<Term> term = read_term(node, reader);
      if (!term) continue;
      const std::string key = lower_ascii(term->source);
      if (const auto it = seen.find(key); it != seen.end()) {
        reader.error(node, fmt::format("term '{}' is defined twice (first at line {})",
                                       term->source, it->second.line));
        continue;
      }
      seen.emplace(key, term->mark);
      glossary.terms_.push_back(std::move(*term));
    }
  }
  if (const YAML::Node tests = root["tests"]) {
    if (!tests.IsSequence()) {
      reader.error(tests, "'tests' must be a list");
    } else {
      for (const auto& node : tests) {
        if (std::optional<GlossaryTest> test = read_test(node, reader)) {
          glossary.tests_.push_back(std::move(*test));
        }
      }
    }
  }
  glossary.check_conflicts(errors);
  return glossary;
}

void Glossary::check_conflicts(std::vector<GlossaryError>& errors) {
  std::unordered_map<std::string_view, const Term*> preferred;
  preferred.reserve(terms_.size());
  for (const Term& term : terms_) {
    if (!term.preferred.empty()) preferred.emplace(term.preferred, &term);
  }
  std::set<const Term*> bad;
  for (const Term& term : terms_) {
    for (const std::string& variant : term.variants) {
      const auto it = preferred.find(variant);
      if (it != preferred.end() && it->second != &term) {
        errors.push_back({term.mark, fmt::format("variant '{}' of '{}' is the preferred rendering "
                                                 "of '{}' (line {})",
                                                 variant, term.source, it->second->source,
                                                 it->second->mark.line)});
        bad.insert(&term);
      }
    }
  }
  if (bad.empty()) return;
  std::erase_if(terms_, [&](const Term& t) { return bad.contains(&t); });
}

void Glossary::merge(Glossary other, std::vector<GlossaryError>& errors) {
  if (terms_.empty() && tests_.empty()) {
    *this = std::move(other);  // already checked by parse()
    return;
  }
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < terms_.size(); ++i)
    index.emplace(lower_ascii(terms_[i].source), i);
  for (Term& term : other.terms_) {
    const auto [it, inserted] = index.emplace(lower_ascii(term.source), terms_.size());
    if (inserted) {
      terms_.push_back(std::move(term));
    } else {
      terms_[it->second] = std::move(term);
    }
  }
  for (GlossaryTest& test : other.tests_)
    tests_.push_back(std::move(test));
  check_conflicts(errors);
}

std::string_view default_glossary_text() {
  for (const auto& [path, text] : embedded::glossary_files()) {
    if (path == "ai-ml.zh-CN.yaml") return text;
  }
  return {};
}

}  // namespace bilint
