#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/finding.hpp"
#include "core/source.hpp"
#include "glossary/compiled_glossary.hpp"
#include "parse/document.hpp"

namespace bilint {

// Everything a rule may look at. Rules never read files: all input arrives here.
class RuleContext {
 public:
  RuleContext(const SourceFile& source_file, const Document& parsed,
              const CompiledGlossary& compiled_glossary, std::chrono::year_month current_month)
      : source(source_file),
        document(parsed),
        glossary(compiled_glossary),
        today(current_month),
        term_cache_(parsed.entries.size()) {}

  const SourceFile& source;
  const Document& document;
  const CompiledGlossary& glossary;
  std::chrono::year_month today;  // the run's date, for checks such as "not after today"

  // Glossary hits in an entry, computed once per file for all term rules.
  [[nodiscard]] const EntryTermHits& term_hits(const Entry& entry) const;
  // A span resolved to positions and an excerpt, for facts kept past the file (the corpus pass).
  [[nodiscard]] Finding locate(Span span) const;

 private:
  mutable std::vector<std::optional<EntryTermHits>> term_cache_;
};

// One finding as a rule states it. The rule id and the configured severity are added by the engine;
// `severity` is only for a rule that reports some findings below its configured level (a milder
// case).
struct Report {
  Span span;
  std::string message;
  std::optional<Fix> fix;
  std::vector<RelatedSpan> related;
  std::optional<Severity> severity;
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Report report) = 0;
  void report(Span span, std::string message) {
    report(Report{span, std::move(message), {}, {}, {}});
  }
};

// Facts one file contributes to the corpus pass (arXiv ids, term renderings), for a rule that
// judges across the files of a run.
class FileFacts {
 public:
  virtual ~FileFacts() = default;
};

// Findings of the corpus pass, already resolved; the engine sets the rule id and the configured
// severity.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void report(Finding finding) = 0;
};

// A check. Each rule is one class in one file under src/rules/<family>/, with a static `kId`,
// and registers itself with BILINT_REGISTER_RULE; its metadata lives in rules/<family>/<name>.yaml.
//
// A rule checks one file in `check`. A rule that compares files also gathers facts per file in
// `gather` (files are checked in parallel) and judges them together in `judge`, which receives the
// facts in input order, so its findings do not depend on the thread count.
// A rule's settings, by name, as the command line or a configuration file gives them.
using RuleOptions = std::map<std::string, std::string, std::less<>>;

class Rule {
 public:
  virtual ~Rule() = default;
  // Called once, before any file is checked. A rule that takes no options refuses any; a rule that
  // does throws std::invalid_argument with a message for the user on a bad name or value.
  virtual void configure(const RuleOptions& options) {
    if (!options.empty()) {
      throw std::invalid_argument("takes no options (given '" + options.begin()->first + "')");
    }
  }
  virtual void check(const RuleContext& /*context*/, DiagnosticSink& /*sink*/) const {}
  [[nodiscard]] virtual std::unique_ptr<FileFacts> gather(const RuleContext& /*context*/) const {
    return nullptr;
  }
  virtual void judge(const std::vector<const FileFacts*>& /*facts*/, FindingSink& /*sink*/) const {}
};

// Convenience base for the many rules that look at one entry at a time.
class EntryRule : public Rule {
 public:
  void check(const RuleContext& context, DiagnosticSink& sink) const final {
    for (const Entry& entry : context.document.entries)
      check_entry(context, entry, sink);
  }
  virtual void check_entry(const RuleContext& context, const Entry& entry,
                           DiagnosticSink& sink) const = 0;
};

}  // namespace bilint
