#include "engine/glossary_loading.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/inputs.hpp"
#include "engine/linter.hpp"

namespace bilint {

std::shared_ptr<const CompiledGlossary> load_glossaries(const std::vector<std::string>& paths) {
  std::vector<GlossaryError> errors;
  Glossary merged;
  for (const std::string& path : paths) {
    if (path == kBuiltinGlossary) {
      merged.merge(
          Glossary::parse(default_glossary_text(), std::string(kDefaultGlossaryName), errors),
          errors);
      continue;
    }
    std::string error;
    const std::optional<std::string> text = read_file(path, error);
    if (!text) {
      GlossaryError unreadable;
      unreadable.mark.file = path;
      unreadable.message = "cannot read glossary: " + error;
      errors.push_back(std::move(unreadable));
      continue;
    }
    merged.merge(Glossary::parse(*text, path, errors), errors);
  }
  if (!errors.empty()) {
    std::string message;
    for (const GlossaryError& e : errors) {
      if (!message.empty()) message += "\nbilint: error: ";
      message += e.mark.line == 0 ? fmt::format("{}: {}", e.mark.file, e.message)
                                  : fmt::format("{}:{}:{}: {}", e.mark.file, e.mark.line,
                                                e.mark.column, e.message);
    }
    throw UsageError(message);
  }
  return std::make_shared<const CompiledGlossary>(std::move(merged));
}

std::vector<std::string> run_glossary_tests(const RuleCatalog& catalog,
                                            std::shared_ptr<const CompiledGlossary> glossary) {
  const Linter linter(catalog, RuleSelection{{"term"}, {}}, glossary);
  std::vector<std::string> failures;
  for (const GlossaryTest& test : glossary->glossary().tests()) {
    const std::string english = test.english_title.empty() ? "Test" : test.english_title;
    const std::string chinese = test.chinese_title.empty() ? "测试" : test.chinese_title;
    const std::string summary = test.summary.empty() ? "测试。" : test.summary;
    const ParsedFile file = linter.parse(
        "self-test.md", fmt::format("## {}\n[{}](https://arxiv.org/abs/2401.00001)\n\n{}\n",
                                    english, chinese, summary));
    const SourceFile& source = file.source();
    std::vector<std::string> actual;
    for (const Finding& f : linter.lint(file)) {
      actual.push_back(fmt::format("{}: {}", f.rule_id,
                                   source.slice({f.location.start.offset, f.location.end.offset})));
    }
    std::vector<std::string> expected = test.expect;
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    if (actual != expected) {
      failures.push_back(fmt::format("{}:{}:{}: error: self-test expected [{}] but got [{}]",
                                     test.mark.file, test.mark.line, test.mark.column,
                                     fmt::join(expected, ", "), fmt::join(actual, ", ")));
    }
  }
  return failures;
}

}  // namespace bilint
