#include "engine/linter.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "core/natural_merge_sort.hpp"
#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "engine/suppressions.hpp"
#include "fix/fixer.hpp"

namespace bilint {

namespace {

void check_selectors(const RuleCatalog& catalog, const std::vector<std::string>& selectors,
                     std::string_view option) {
  for (const std::string& selector : selectors) {
    const bool known = std::any_of(catalog.rules().begin(), catalog.rules().end(),
                                   [&](const RuleMetadata& m) { return selects(selector, m.id); });
    if (!known) {
      throw UsageError(
          fmt::format("{} '{}' names no rule or family (see 'bilint rules')", option, selector));
    }
  }
}

// The diagnostics of the last file this thread checked, emptied, for the next file to fill: a
// digest's diagnostics take megabytes, which a worker thread's heap would give back to the system
// after each file and fault in again, page by page, for the next (-j2 on the 10 MB bench corpus:
// 39,700 page faults without this buffer, 35,800 with it).
std::vector<Diagnostic>& spare_diagnostics() {
  static thread_local std::vector<Diagnostic> spare;
  return spare;
}

// Keeps `diagnostics` as the spare unless it is larger than a digest's usually are: the spare lives
// on while the file's findings are rendered and after, and the 1.35 million diagnostics of a 100 MB
// file took 216 MB of it.
void keep_spare_diagnostics(std::vector<Diagnostic>&& diagnostics) {
  constexpr std::size_t kMaxKeptBytes = std::size_t{16} << 20;
  if (diagnostics.capacity() * sizeof(Diagnostic) > kMaxKeptBytes) return;
  diagnostics.clear();
  spare_diagnostics() = std::move(diagnostics);
}

class CollectingSink final : public DiagnosticSink {
 public:
  CollectingSink(std::vector<Diagnostic>& out, std::string_view id, Severity severity)
      : out_(out), id_(id), severity_(severity) {}
  void report(Report r) override {
    // A rule may give one finding its own level: a milder case (a title that is only names) or a
    // failure of the check itself (a pattern that gave up), which is an error whatever the rule's
    // level.
    const Severity severity = r.severity.value_or(severity_);
    out_.push_back(Diagnostic{id_, severity, r.span, std::move(r.message), std::move(r.fix),
                              std::move(r.related)});
  }

 private:
  std::vector<Diagnostic>& out_;
  std::string_view id_;
  Severity severity_;
};

// Turns the diagnostics of one file, in offset order, into findings: byte spans into positions and
// a source excerpt, with the content hash of the fingerprint (entry and flagged text); their
// strings move into the findings. Each finding starts counting columns at the previous one's
// start, and the entry of the previous one is tried first.
class FindingResolver {
 public:
  FindingResolver(const SourceFile& source, const Document& document, FindingParts parts)
      : source_(source), document_(document), parts_(parts) {}
  Finding resolve(Diagnostic&& diagnostic);

 private:
  // The hash of the entry `offset` belongs to, named by its arXiv id when it has one (stable under
  // title edits), else by its English title.
  std::uint64_t entry_hash(std::size_t offset);

  const SourceFile& source_;
  const Document& document_;
  FindingParts parts_;
  Position cursor_;
  std::size_t entry_ = std::numeric_limits<std::size_t>::max();  // whose hash entry_hash_ is
  std::uint64_t entry_hash_ = 0;
  // The previous finding's excerpt text: the bytes of excerpt_span_.
  std::shared_ptr<const std::string> excerpt_;
  Span excerpt_span_;
  bool excerpt_plain_ = false;
};

// Whether `span` holds no tab, other control character or invalid UTF-8, for reporters to show it
// as it is without reading it through: they did so a character at a time, and the source scan
// already knows where the file's invalid bytes are (2% of a run with every rule on the bench
// corpus, whose findings are on long paragraphs).
bool plain_text(const SourceFile& source, Span span) {
  const std::vector<Span>& invalid = source.encoding().invalid_utf8;
  const auto after = std::lower_bound(invalid.begin(), invalid.end(), span.begin,
                                      [](const Span& s, std::size_t at) { return s.end <= at; });
  return (after == invalid.end() || after->begin >= span.end) &&
         !unicode::has_control(source.slice(span));
}

// Long lines (a minified paragraph, a 100 MB single line) are shown as a window around the finding.
constexpr std::size_t kExcerptMax = 240;
constexpr std::size_t kExcerptBefore = 80;
// The findings of a line share one copy of it, where a copy of each one's window took several
// times the file's size in memory for a file with many findings on long lines (12,900 findings in
// a 1 MB digest: 3.6 MB of windows). A longer line (a 100 MB single line) is copied a window at a
// time.
constexpr std::size_t kSharedLineMax = 64 * 1024;

}  // namespace

Linter::Linter(const RuleCatalog& catalog, const RuleSelection& selection,
               std::shared_ptr<const CompiledGlossary> glossary,
               const std::map<std::string, RuleOptions, std::less<>>& options,
               const std::map<std::string, Severity, std::less<>>& severities)
    : glossary_(std::move(glossary)), today_([] {
        const std::chrono::year_month_day date{
            std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
        return std::chrono::year_month{date.year(), date.month()};
      }()) {
  check_selectors(catalog, selection.select, "--select");
  for (const auto& [id, given] : options) {
    if (catalog.find(id) == nullptr) {
      throw UsageError(fmt::format("options for '{}', which is no rule (see 'bilint rules')", id));
    }
  }
  check_selectors(catalog, selection.ignore, "--ignore");
  known_ = catalog.selector_names();
  for (const RuleMetadata& meta : catalog.rules()) {
    const auto selected = [&](const std::vector<std::string>& selectors) {
      return std::any_of(selectors.begin(), selectors.end(),
                         [&](const std::string& s) { return selects(s, meta.id); });
    };
    if (!selection.select.empty() && !selected(selection.select)) continue;
    if (selected(selection.ignore)) continue;
    std::unique_ptr<Rule> rule = meta.instantiate();
    if (!rule) continue;
    const auto given = options.find(meta.id);
    try {
      rule->configure(given == options.end() ? RuleOptions{} : given->second);
    } catch (const std::invalid_argument& e) {
      throw UsageError(fmt::format("rule {}: {}", meta.id, e.what()));
    }
    const auto severity = severities.find(meta.id);
    rules_.push_back({intern_rule_id(meta.id),
                      severity == severities.end() ? meta.default_severity : severity->second,
                      std::move(rule)});
  }
}

std::vector<std::string> Linter::rule_ids() const {
  std::vector<std::string> ids;
  for (const ActiveRule& active : rules_)
    ids.emplace_back(active.id);
  return ids;
}

std::vector<Diagnostic> Linter::run_rules(const RuleContext& context) const {
  std::vector<Diagnostic> diagnostics = std::exchange(spare_diagnostics(), {});
  for (const ActiveRule& active : rules_) {
    CollectingSink sink(diagnostics, active.id, active.severity);
    try {
      active.rule->check(context, sink);
    } catch (const std::exception& e) {
      // A defect in one rule must not stop the run or lose the other findings.
      sink.report(Report{{0, 0},
                         fmt::format("internal error in {} on this file: {}", active.id, e.what()),
                         {},
                         {},
                         Severity::error});
    }
  }
  return diagnostics;
}

const Linter::ActiveRule* Linter::active(std::string_view id) const {
  const auto it = std::find_if(rules_.begin(), rules_.end(),
                               [&](const ActiveRule& rule) { return rule.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

bool Linter::runs_any(std::string_view selector) const {
  return std::any_of(rules_.begin(), rules_.end(),
                     [&](const ActiveRule& rule) { return selects(selector, rule.id); });
}

void Linter::apply_suppressions(const RuleContext& context, std::vector<Diagnostic>& diagnostics,
                                bool report_unused) const {
  std::vector<Suppressions::Problem> problems;
  Suppressions suppressions =
      Suppressions::read(context.source, context.document, known_, problems);
  if (const ActiveRule* invalid = active("suppression/invalid")) {
    for (Suppressions::Problem& problem : problems) {
      diagnostics.push_back(Diagnostic{
          invalid->id, invalid->severity, problem.span, std::move(problem.message), {}, {}});
    }
  }
  if (suppressions.empty()) return;
  const LineIndex& lines = context.source.lines();
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    return suppressions.suppresses(d.rule_id, lines.line_of(d.span.begin) + 1);
  });
  const ActiveRule* unused = report_unused ? active("suppression/unused") : nullptr;
  if (unused == nullptr) return;
  for (Suppressions::Problem& problem :
       suppressions.unused([&](std::string_view selector) { return runs_any(selector); })) {
    diagnostics.push_back(
        Diagnostic{unused->id, unused->severity, problem.span, std::move(problem.message), {}, {}});
  }
}

std::vector<Diagnostic> Linter::diagnose(const ParsedFile& file) const {
  const RuleContext context(file, today_);
  std::vector<Diagnostic> diagnostics = run_rules(context);
  // Without the run's facts the rules that compare files report nothing, so an unused comment
  // cannot be told here; the fixer needs only what it can fix.
  apply_suppressions(context, diagnostics, false);
  return diagnostics;
}

std::string Linter::fix(const std::string& path, std::string text) const {
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    FixOutcome outcome = apply_fixes(text, diagnose(parse(path, text)));
    if (outcome.applied == 0 || outcome.text == text) break;
    text = std::move(outcome.text);
  }
  return text;
}

RunFactsSet Linter::start_run() const {
  RunFactsSet run;
  for (const ActiveRule& active : rules_) {
    run.by_rule.push_back(active.rule->start_run());
    if (run.by_rule.back()) run.index.emplace_back(active.rule.get(), run.by_rule.back().get());
  }
  return run;
}

FileFactsSet Linter::gather(const ParsedFile& file, const RunFactsSet& run) const {
  FileFactsSet facts(run.by_rule.size());
  if (run.empty()) return facts;
  const RuleContext context(file, today_);
  for (std::size_t r = 0; r < run.by_rule.size(); ++r) {
    if (run.by_rule[r]) facts[r] = rules_[r].rule->gather(context);
  }
  return facts;
}

void RunFactsSet::add(const FileFactsSet& file) {
  for (std::size_t r = 0; r < by_rule.size() && r < file.size(); ++r) {
    if (by_rule[r] && file[r]) by_rule[r]->add(*file[r]);
  }
}

void RunFactsSet::settle() {
  for (const std::unique_ptr<RunFacts>& facts : by_rule) {
    if (facts) facts->settle();
  }
}

std::vector<Finding> Linter::check(const ParsedFile& file, const RunFactsSet* run) const {
  std::vector<Finding> findings;
  // One slice of them all, taken whole.
  check(
      file, run, [&](std::vector<Finding>& all) { findings = std::move(all); },
      std::numeric_limits<std::size_t>::max());
  return findings;
}

void Linter::check(const ParsedFile& file, const RunFactsSet* run, const FindingSlices& take,
                   std::size_t slice, FindingParts parts) const {
  const RuleContext context(file, today_, run != nullptr ? &run->index : nullptr, parts.fixes);
  const SourceFile& source = file.source();
  std::vector<Diagnostic> diagnostics = run_rules(context);
  apply_suppressions(context, diagnostics, true);
  // Resolved in output order (finding_less within one file), which is also offset order, so that
  // many findings on one long line count its columns once. A permutation is sorted, so that each
  // diagnostic is read in place and each finding made once, already in its place.
  std::vector<std::uint32_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), 0U);
  const auto key = [&](std::uint32_t i) {
    const Diagnostic& d = diagnostics[i];
    return std::tie(d.span.begin, d.span.end, d.rule_id, d.message);
  };
  natural_merge_sort(order, [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  FindingResolver resolver(source, file.document(), parts);
  FingerprintCounter fingerprints(parts.fingerprints ? order.size() : 0);
  std::vector<Finding> findings;
  findings.reserve(std::min(order.size(), slice));
  for (std::size_t at = 0; at < order.size();) {
    const std::size_t end = at + std::min(order.size() - at, slice);
    for (; at < end; ++at)
      findings.push_back(resolver.resolve(std::move(diagnostics[order[at]])));
    if (parts.fingerprints) fingerprints.assign(findings);
    take(findings);
    findings.clear();
  }
  keep_spare_diagnostics(std::move(diagnostics));
}

std::vector<Finding> Linter::lint(const ParsedFile& file) const {
  RunFactsSet run = start_run();
  run.add(gather(file, run));
  run.settle();
  return check(file, &run);
}

std::shared_ptr<const CompiledGlossary> default_glossary() {
  static const std::shared_ptr<const CompiledGlossary> glossary = [] {
    std::vector<GlossaryError> errors;
    Glossary parsed =
        Glossary::parse(default_glossary_text(), std::string(kDefaultGlossaryName), errors);
    // The built-in glossary is checked by the test suite; a broken one is a build defect.
    if (!errors.empty()) {
      throw std::logic_error(fmt::format("{}:{}:{}: {}", errors[0].mark.file, errors[0].mark.line,
                                         errors[0].mark.column, errors[0].message));
    }
    return std::make_shared<const CompiledGlossary>(std::move(parsed));
  }();
  return glossary;
}

namespace {

std::uint64_t FindingResolver::entry_hash(std::size_t offset) {
  const std::vector<Entry>& entries = document_.entries;
  const auto after =
      std::upper_bound(entries.begin(), entries.end(), offset,
                       [](std::size_t at, const Entry& e) { return at < e.extent.begin; });
  const auto index = static_cast<std::size_t>(after - entries.begin());  // the entry's, plus one
  if (index == entry_) return entry_hash_;
  std::string_view key;
  if (index > 0) {
    const Entry& entry = entries[index - 1];
    key = source_.slice(entry.english_title);
    if (entry.link) {
      const std::string_view url = source_.slice(entry.link->url);
      const std::size_t abs = url.find("arxiv.org/abs/");
      if (abs != std::string_view::npos) key = url.substr(abs + 14);
    }
  }
  entry_ = index;
  entry_hash_ = fnv1a(key);
  return entry_hash_;
}

Finding FindingResolver::resolve(Diagnostic&& diagnostic) {
  const LineIndex& lines = source_.lines();
  const auto location = [&](std::string_view path, Span span) {
    const Position start = lines.position(span.begin, cursor_);
    return Location{path, start, lines.position(span.end, start)};
  };
  Finding finding;
  finding.rule_id = diagnostic.rule_id;
  finding.severity = diagnostic.severity;
  finding.message = std::move(diagnostic.message);
  finding.location = location(source_.path(), diagnostic.span);
  cursor_ = finding.location.start;

  const Span line = lines.line_span(finding.location.start.line - 1);
  Span window = line;
  if (line.size() > kExcerptMax) {
    const std::string_view text = source_.text();
    const std::size_t at = diagnostic.span.begin;
    // boundary_before() steps back over continuation bytes as far as they go: in invalid UTF-8,
    // past the line's start (into the line before) or past the window's.
    window.begin = std::max(
        line.begin, utf8::boundary_before(
                        text, at > line.begin + kExcerptBefore ? at - kExcerptBefore : line.begin));
    const std::size_t limit = std::min(line.end, window.begin + kExcerptMax);
    window.end = utf8::boundary_before(text, limit);
    if (window.end <= window.begin) window.end = limit;  // stray continuation bytes, no character
  }
  const Span copied = line.size() <= kSharedLineMax ? line : window;
  if (!excerpt_ || copied != excerpt_span_) {
    excerpt_ = std::make_shared<const std::string>(source_.slice(copied));
    excerpt_span_ = copied;
    excerpt_plain_ = plain_text(source_, copied);
  }
  finding.excerpt_plain = excerpt_plain_;
  finding.excerpt_text = excerpt_;
  finding.excerpt = std::string_view(*excerpt_).substr(window.begin - copied.begin, window.size());
  finding.excerpt_start = window.begin;
  if (parts_.fingerprints) {
    const std::string_view flagged = source_.slice(diagnostic.span).substr(0, 256);
    finding.content_hash = fnv1a(flagged, entry_hash(diagnostic.span.begin) ^ flagged.size());
  }
  if (diagnostic.fix && parts_.fixes) {
    ResolvedFix fix{std::move(diagnostic.fix->description), {}};
    for (Edit& edit : diagnostic.fix->edits) {
      const Position start = lines.position(edit.span.begin, finding.location.start);
      fix.edits.push_back(
          {start, lines.position(edit.span.end, start), std::move(edit.replacement)});
    }
    finding.fix = std::move(fix);
  }
  for (RelatedSpan& related : diagnostic.related) {
    finding.related.push_back(
        {related.elsewhere ? std::move(*related.elsewhere) : location(source_.path(), related.span),
         std::move(related.message)});
  }
  return finding;
}

}  // namespace

}  // namespace bilint
