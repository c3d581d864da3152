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
#include "core/mark_index.hpp"
#include "core/source.hpp"
#include "glossary/compiled_glossary.hpp"
#include "parse/document.hpp"

namespace bilint {

class Rule;
class RunFacts;

// The run facts of each rule that compares files (see RunFacts), for RuleContext.
using RunFactsIndex = std::vector<std::pair<const Rule*, const RunFacts*>>;

// One file as rules see it: its text, its parse, and the glossary hits of each entry, found the
// first time a rule asks for them. A run with two passes keeps it from the first to the second
// when the run is small (see run()). Used by one thread at a time.
class ParsedFile {
 public:
  ParsedFile(std::string path, std::string bytes, const CompiledGlossary& glossary);
  ParsedFile(const ParsedFile&) = delete;
  ParsedFile& operator=(const ParsedFile&) = delete;

  [[nodiscard]] const SourceFile& source() const { return source_; }
  [[nodiscard]] const Document& document() const { return document_; }
  [[nodiscard]] const CompiledGlossary& glossary() const { return glossary_; }
  [[nodiscard]] const EntryTermHits& term_hits(const Entry& entry) const;
  [[nodiscard]] const MarkIndex& marks() const;

 private:
  SourceFile source_;
  Document document_;
  const CompiledGlossary& glossary_;
  mutable std::vector<std::optional<EntryTermHits>> term_hits_;  // by entry
  mutable std::optional<MarkIndex> marks_;                       // made when a rule first asks
};

// Everything a rule may look at. Rules never read files: all input arrives here.
class RuleContext {
 public:
  RuleContext(const ParsedFile& parsed_file, std::chrono::year_month current_month,
              const RunFactsIndex* run_facts = nullptr, bool wants_fixes = true)
      : source(parsed_file.source()),
        document(parsed_file.document()),
        glossary(parsed_file.glossary()),
        today(current_month),
        file_(parsed_file),
        run_facts_(run_facts),
        wants_fixes_(wants_fixes) {}

  const SourceFile& source;
  const Document& document;
  const CompiledGlossary& glossary;
  std::chrono::year_month today;  // the run's date, for checks such as "not after today"

  // Glossary hits in an entry, computed once per file for all term rules.
  [[nodiscard]] const EntryTermHits& term_hits(const Entry& entry) const {
    return file_.term_hits(entry);
  }
  // Where the file's marks (punctuation, brackets, quotes, controls) are, made once per file for
  // the rules that look only at them.
  [[nodiscard]] const MarkIndex& marks() const { return file_.marks(); }
  // A span resolved to positions, for facts kept past the file (a related location).
  [[nodiscard]] Location locate(Span span) const;
  // Whether anything will see a Report's fix: false in a run whose report shows no fixes and that
  // applies none (the compiler-style and GitHub formats). A rule with many findings may then leave
  // the fix out (format/cjk-spacing: building its 95,700 fixes on the bench corpus, only for the
  // engine to drop them, took 3% of a run); a fix given anyway is dropped.
  [[nodiscard]] bool wants_fixes() const { return wants_fixes_; }
  // What `rule` learned of the whole run in the first pass (the type its start_run() made);
  // nullptr in the first pass itself, and when the file is checked alone (the fixer).
  template <typename Facts>
  [[nodiscard]] const Facts* run_facts(const Rule& rule) const {
    if (run_facts_ == nullptr) return nullptr;
    for (const auto& [owner, facts] : *run_facts_) {
      if (owner == &rule) return static_cast<const Facts*>(facts);
    }
    return nullptr;
  }

 private:
  const ParsedFile& file_;
  const RunFactsIndex* run_facts_;
  bool wants_fixes_;
};

// One finding as a rule states it. The rule id and the configured severity are added by the engine;
// `severity` is only for a rule that reports some findings below its configured level (a milder
// case).
struct Report {
  Span span;
  Message message;
  std::optional<Fix> fix;
  std::vector<RelatedSpan> related;
  std::optional<Severity> severity;
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Report report) = 0;
  void report(Span span, Message message) { report(Report{span, std::move(message), {}, {}, {}}); }
};

// Facts one file gives a rule that compares files (arXiv ids, term renderings), from the first
// pass.
class FileFacts {
 public:
  virtual ~FileFacts() = default;
};

// What a rule that compares files learns of the whole run. A run reads its files twice: the first
// pass gathers each file's facts (files in parallel) and adds them here one file at a time, in
// input order; settle() follows the last file; the second pass checks every file with these facts
// at hand (RuleContext::run_facts), so that findings across files are reported in their place, as
// each file is checked, and no finding waits for the end of the run. Keep them compact: they stay
// for the whole run (counts and first places, not every use).
class RunFacts {
 public:
  virtual ~RunFacts() = default;
  virtual void add(const FileFacts& file) = 0;
  virtual void settle() {}
};

// A rule's settings, by name, as the command line or a configuration file gives them.
using RuleOptions = std::map<std::string, std::string, std::less<>>;

// A check. Each rule is one class in one file under src/rules/<family>/, with a static `kId`,
// and registers itself with BILINT_REGISTER_RULE; its metadata lives in rules/<family>/<name>.yaml.
//
// A rule checks one file in `check`. A rule that compares files (a paper listed twice in a run)
// also returns its RunFacts from `start_run` and gathers each file's facts in `gather`; its check()
// then reads the run's facts from the context.
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
  // A rule that compares files returns the empty facts of a run (and gets a first pass).
  [[nodiscard]] virtual std::unique_ptr<RunFacts> start_run() const { return nullptr; }
  [[nodiscard]] virtual std::unique_ptr<FileFacts> gather(const RuleContext& /*context*/) const {
    return nullptr;
  }
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
