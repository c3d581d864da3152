#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilint {

// Where something was written in a YAML file, 1-based, for messages.
struct SourceMark {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

// Which text of an entry a term applies to.
enum class TermScope : std::uint8_t { both, title, summary };

// One glossary entry: an English concept and how it must be rendered in Chinese.
struct Term {
  std::string source;  // English term, matched case-insensitively on word bounds
  std::vector<std::string> abbreviations;  // matched case-sensitively (LLM, LLMs)
  std::vector<std::string> forms;          // further English spellings, matched like `source`
  std::string preferred;                   // the Chinese rendering to use
  std::vector<std::string> variants;       // renderings that must not be used
  std::vector<std::string> accepted;       // other renderings that are fine in a title
  std::vector<std::string> synonyms;       // equal renderings with no preferred one
  bool keep = false;                       // do not translate: the English stays
  TermScope scope = TermScope::both;
  std::string note;
  SourceMark mark;

  // Every English spelling that names the term: source, generated plural and hyphen forms, forms.
  // Without `hyphen_forms`, the source's forms with '-' for ' ' and ' ' for '-' are left out, for
  // the matcher, which takes the two for one character.
  [[nodiscard]] std::vector<std::string> english_spellings(bool hyphen_forms = true) const;
};

// A self-test: a title pair or summary and the findings it must produce, as "rule-id: flagged
// text".
struct GlossaryTest {
  std::string english_title;
  std::string chinese_title;
  std::string summary;
  std::vector<std::string> expect;
  SourceMark mark;
};

struct GlossaryError {
  // A constructor rather than aggregate initialisation: GCC 12 at -O3 reports a false
  // -Wmaybe-uninitialized for the nested braces.
  GlossaryError() = default;
  GlossaryError(SourceMark where, std::string text)
      : mark(std::move(where)), message(std::move(text)) {}
  SourceMark mark;
  std::string message;
};

// A set of terms, merged from one or more glossary files (later files override earlier ones per
// source term).
class Glossary {
 public:
  // Parses and validates one glossary file. Problems are appended to `errors`; terms with problems
  // are left out, the rest is kept.
  static Glossary parse(std::string_view yaml, const std::string& file,
                        std::vector<GlossaryError>& errors);
  // Adds `other`'s terms, replacing terms with the same source; checks cross-term conflicts again.
  void merge(Glossary other, std::vector<GlossaryError>& errors);

  [[nodiscard]] const std::vector<Term>& terms() const { return terms_; }
  [[nodiscard]] const std::vector<GlossaryTest>& tests() const { return tests_; }

 private:
  void check_conflicts(std::vector<GlossaryError>& errors);
  std::vector<Term> terms_;
  std::vector<GlossaryTest> tests_;
};

// The default AI/ML glossary compiled into the binary (glossary/ai-ml.zh-CN.yaml).
std::string_view default_glossary_text();
inline constexpr std::string_view kDefaultGlossaryName = "glossary/ai-ml.zh-CN.yaml";

}  // namespace bilint
