#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source.hpp"
#include "parse/document.hpp"

namespace bilint {

// Everything a rule may look at. Rules never read files: all input arrives here.
struct RuleContext {
  const SourceFile& source;
  const Document& document;
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

// A check. Each rule is one class in one file under src/rules/<family>/, with a static `kId`, and
// registers itself with BILINT_REGISTER_RULE; its metadata lives in rules/<family>/<name>.yaml.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const RuleContext& context, DiagnosticSink& sink) const = 0;
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
