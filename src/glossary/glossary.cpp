#include "glossary/glossary.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "core/yaml.hpp"
#include "glossary/folding.hpp"

namespace bilint {

namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& glossary_files();
}

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Source terms are one term whatever their ASCII case.
struct SourceHash {
  std::size_t operator()(std::string_view s) const {
    folding::ByteHash hash;
    for (const char c : s)
      hash.add(static_cast<unsigned char>(lower(c)));
    return hash.key();
  }
};
struct SourceEqual {
  bool operator()(std::string_view a, std::string_view b) const {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
  }
};
// Terms by their source, viewed in place: a glossary of 100,000 terms is indexed without a copy
// of each source.
using SourceIndex = std::unordered_map<std::string_view, std::size_t, SourceHash, SourceEqual>;

class Reader {
 public:
  Reader(const std::string& file, std::vector<GlossaryError>& errors)
      : file_(file), errors_(errors) {}

  [[nodiscard]] SourceMark mark(const yaml::Node& node) const {
    return {file_, node.mark().line, node.mark().column};
  }
  void error(const yaml::Node& node, std::string message) {
    errors_.push_back({mark(node), std::move(message)});
    ++count_;
  }
  [[nodiscard]] std::size_t count() const { return count_; }

  bool check_keys(const yaml::Node& map, std::span<const std::string_view> known) {
    bool ok = true;
    for (const auto& [key, value] : map.entries()) {
      if (std::find(known.begin(), known.end(), key.scalar()) != known.end()) continue;
      error(key, fmt::format("unknown key '{}'{}", key.scalar(),
                             yaml::did_you_mean(key.scalar(), {known.begin(), known.end()})));
      ok = false;
    }
    return ok;
  }

  bool string(const yaml::Node& node, const char* key, std::string& out, bool required = false) {
    const yaml::Node* value = node.find(key);
    if (value == nullptr) {
      if (required) error(node, fmt::format("missing '{}'", key));
      return !required;
    }
    if (!value->is_scalar()) {
      error(*value, fmt::format("'{}' must be a string", key));
      return false;
    }
    out = value->scalar();
    if (out.find_first_not_of(" \t\n") == std::string::npos) {
      error(*value, fmt::format("'{}' is empty", key));
      return false;
    }
    return true;
  }

  bool strings(const yaml::Node& node, const char* key, std::vector<std::string>& out) {
    const yaml::Node* value = node.find(key);
    if (value == nullptr) return true;
    if (value->is_scalar()) {
      error(*value,
            fmt::format("'{}' must be a list of strings, as [\"{}\"]", key, value->scalar()));
      return false;
    }
    if (!value->is_sequence()) {
      error(*value, fmt::format("'{}' must be a list of strings", key));
      return false;
    }
    bool ok = true;
    for (const yaml::Node& item : value->items()) {
      if (!item.is_scalar() || item.scalar().find_first_not_of(" \t\n") == std::string::npos) {
        error(item, fmt::format("'{}' holds an empty string or a non-string", key));
        ok = false;
        continue;
      }
      out.push_back(item.scalar());
    }
    return ok;
  }

 private:
  const std::string& file_;
  std::vector<GlossaryError>& errors_;
  std::size_t count_ = 0;
};

std::optional<Term> read_term(const yaml::Node& node, Reader& reader) {
  if (!node.is_map()) {
    reader.error(node, "a term must be a mapping with at least 'source'");
    return std::nullopt;
  }
  const std::size_t before = reader.count();
  static constexpr std::array<std::string_view, 10> kKeys{
      "source",   "abbreviations", "forms", "preferred", "variants",
      "accepted", "synonyms",      "keep",  "scope",     "note"};
  reader.check_keys(node, kKeys);
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
  if (const yaml::Node* keep = node.find("keep")) {
    if (keep->scalar() != "true" && keep->scalar() != "false") {
      reader.error(*keep, "'keep' must be true or false");
    } else {
      term.keep = keep->scalar() == "true";
    }
  }
  if (const yaml::Node* scope = node.find("scope")) {
    const std::string& value = scope->scalar();
    if (value == "both") {
      term.scope = TermScope::both;
    } else if (value == "title") {
      term.scope = TermScope::title;
    } else if (value == "summary") {
      term.scope = TermScope::summary;
    } else {
      reader.error(*scope, "'scope' must be title, summary or both");
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
    reader.error(*node.find("synonyms"), "'synonyms' needs at least two renderings");
  }
  if (!term.synonyms.empty() && !term.variants.empty()) {
    reader.error(*node.find("variants"),
                 "a synonym group has no preferred rendering, so no variants");
  }
  for (const std::string& variant : term.variants) {
    if (variant == term.preferred) {
      reader.error(*node.find("variants"),
                   fmt::format("'{}' is both preferred and a variant", variant));
    } else if (!term.preferred.empty() && term.preferred.find(variant) != std::string::npos) {
      reader.error(*node.find("variants"),
                   fmt::format("variant '{}' is part of the preferred '{}', so every correct use "
                               "would match it",
                               variant, term.preferred));
    }
  }
  if (reader.count() != before) return std::nullopt;
  return term;
}

std::optional<GlossaryTest> read_test(const yaml::Node& node, Reader& reader) {
  if (!node.is_map()) {
    reader.error(node, "a test must be a mapping");
    return std::nullopt;
  }
  const std::size_t before = reader.count();
  static constexpr std::array<std::string_view, 3> kKeys{"title", "summary", "expect"};
  reader.check_keys(node, kKeys);
  GlossaryTest test;
  test.mark = reader.mark(node);
  const yaml::Node* title = node.find("title");
  if (title != nullptr) {
    const auto& parts = title->items();
    if (parts.size() != 2 || !parts[0].is_scalar() || !parts[1].is_scalar()) {
      reader.error(*title, "'title' must be [English title, Chinese title]");
    } else {
      test.english_title = parts[0].scalar();
      test.chinese_title = parts[1].scalar();
    }
  }
  reader.string(node, "summary", test.summary);
  if (title == nullptr && node.find("summary") == nullptr) {
    reader.error(node, "a test needs 'title' or 'summary'");
  }
  const yaml::Node* expect = node.find("expect");
  if (expect == nullptr) {
    reader.error(node, "a test needs 'expect' (a list of \"rule-id: text\", or [] for none)");
  } else if (!expect->is_sequence()) {
    reader.error(*expect, "'expect' must be a list");
  } else {
    for (const yaml::Node& item : expect->items()) {
      if (!item.is_scalar()) {
        reader.error(item, "an expectation is a string \"rule-id: flagged text\"");
      } else {
        test.expect.push_back(item.scalar());
      }
    }
  }
  if (reader.count() != before) return std::nullopt;
  return test;
}

}  // namespace

std::vector<std::string> Term::english_spellings(bool hyphen_forms) const {
  std::vector<std::string> out{source};
  // "mixture of experts" and "mixture-of-experts"; "large language model" and "... models".
  const auto add = [&](std::string s) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  std::string hyphenated = source;
  std::replace(hyphenated.begin(), hyphenated.end(), ' ', '-');
  std::string spaced = source;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  const std::array<std::string_view, 3> bases{source, hyphenated, spaced};
  for (const std::string_view base : std::span(bases).first(hyphen_forms ? 3 : 1)) {
    add(std::string(base));
    const char last = base.empty() ? ' ' : base.back();
    if (last >= 'a' && last <= 'z') {
      if (last == 's' || last == 'x' || base.ends_with("ch") || base.ends_with("sh")) {
        add(std::string(base).append("es"));
      } else if (last == 'y' && base.size() > 1 &&
                 std::string_view("aeiou").find(base[base.size() - 2]) == std::string_view::npos) {
        add(std::string(base.substr(0, base.size() - 1)).append("ies"));
      } else {
        add(std::string(base).append("s"));
      }
    }
  }
  for (const std::string& form : forms)
    add(form);
  return out;
}

Glossary Glossary::parse(std::string_view text, const std::string& file,
                         std::vector<GlossaryError>& errors) {
  Glossary glossary;
  Reader reader(file, errors);
  yaml::Error syntax;
  const std::optional<yaml::Node> parsed = yaml::parse(text, syntax);
  if (!parsed) {
    errors.push_back({{file, syntax.mark.line, syntax.mark.column}, syntax.message});
    return glossary;
  }
  const yaml::Node& root = *parsed;
  if (!root.is_map()) {
    errors.push_back({{file, 1, 1}, "a glossary is a mapping with 'terms' (and optional 'tests')"});
    return glossary;
  }
  static constexpr std::array<std::string_view, 5> kKeys{"version", "language", "description",
                                                         "terms", "tests"};
  reader.check_keys(root, kKeys);
  if (const yaml::Node* version = root.find("version"); version && version->scalar() != "1") {
    reader.error(*version, "unsupported glossary version (this bilint reads version 1)");
  }
  const yaml::Node* terms = root.find("terms");
  if (terms == nullptr || !terms->is_sequence()) {
    reader.error(root, "missing 'terms' (a list of terms)");
  } else {
    // Views into terms_, which is not reallocated: reserved for every term.
    SourceIndex seen;
    seen.reserve(terms->items().size());
    glossary.terms_.reserve(terms->items().size());
    for (const yaml::Node& node : terms->items()) {
      std::optional<Term> term = read_term(node, reader);
      if (!term) continue;
      const Term& added = glossary.terms_.emplace_back(std::move(*term));
      if (const auto [it, inserted] = seen.emplace(added.source, added.mark.line); !inserted) {
        reader.error(node, fmt::format("term '{}' is defined twice (first at line {})",
                                       added.source, it->second));
        glossary.terms_.pop_back();
      }
    }
  }
  if (const yaml::Node* tests = root.find("tests")) {
    if (!tests->is_sequence()) {
      reader.error(*tests, "'tests' must be a list");
    } else {
      for (const yaml::Node& node : tests->items()) {
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
  // Views into terms_, which is not reallocated while they are used.
  terms_.reserve(terms_.size() + other.terms_.size());
  SourceIndex index;
  for (std::size_t i = 0; i < terms_.size(); ++i)
    index.emplace(terms_[i].source, i);
  for (Term& term : other.terms_) {
    if (const auto it = index.find(term.source); it != index.end()) {
      // Replaced whole, so the key is taken out first: it views the replaced term's source.
      const std::size_t at = it->second;
      index.erase(it);
      terms_[at] = std::move(term);
      index.emplace(terms_[at].source, at);
    } else {
      index.emplace(terms_.emplace_back(std::move(term)).source, terms_.size() - 1);
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
