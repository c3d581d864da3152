#include "rules/pattern_rule.hpp"

#include <algorithm>
#include <functional>
#include <optional>

#include <boost/regex/icu.hpp>
#include <fmt/format.h>
#include <unicode/uniset.h>

#include "core/ascii.hpp"
#include "core/source.hpp"
#include "core/utf8.hpp"
#include "core/yaml.hpp"
#include "rules/prose.hpp"
#include "rules/required_literals.hpp"

namespace bilint {

namespace {

enum class Kind { existence, substitution, consistency };
enum class Scope { summary, chinese_title, english_title, entry };

// A compiled pattern.
struct Regex {
  boost::u32regex re;
  // The pattern begins with `^` and has no alternation, so a match begins only where a line
  // does: the search tries those places alone. Left to itself, Boost walks every character of the
  // text, through its UTF-8 iterator, looking for them.
  bool line_anchored = false;
};

struct PatternSpec {
  std::string id;
  Kind kind = Kind::existence;
  Scope scope = Scope::summary;
  Regex pattern;
  // What every match contains (see required_literals); text without one is not searched.
  std::vector<std::string> literals;
  std::string replacement;
  std::vector<Regex> alternatives;
  std::vector<std::vector<std::string>> alternative_literals;
  std::vector<std::string> alternative_texts;
  std::string message;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
};

std::string ranges_of(const icu::UnicodeSet& set) {
  std::string out;
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    const UChar32 start = set.getRangeStart(i);
    const UChar32 end = set.getRangeEnd(i);
    out += fmt::format("\\x{{{:X}}}", static_cast<std::uint32_t>(start));
    if (end != start) out += fmt::format("-\\x{{{:X}}}", static_cast<std::uint32_t>(end));
  }
  return out;
}

// The blocks of an entry a pattern looks in, in order.
template <typename Visit>
void for_each_scope_block(const Entry& entry, Scope scope, Visit visit) {
  if (scope == Scope::english_title || scope == Scope::entry) visit(entry.english_title);
  if ((scope == Scope::chinese_title || scope == Scope::entry) && entry.link)
    visit(entry.link->text);
  if (scope == Scope::summary || scope == Scope::entry) {
    for (const Span& paragraph : entry.summary)
      visit(paragraph);
  }
}

// The work Boost may spend on one search before it gives up (its "complexity exceeded" error), and
// the run goes on with a finding that names the pattern and the position.
constexpr auto kSearchFlags = boost::match_default;

class PatternRule final : public Rule {
 public:
  explicit PatternRule(std::shared_ptr<const PatternSpec> spec)
      : spec_(std::move(spec)),
        constant_message_(has_groups(spec_->message) ? std::optional<Message>()
                                                     : Message::interned(spec_->message)) {}

  void check(const RuleContext& context, DiagnosticSink& sink) const override {
    const std::string_view text = context.source.text();
    invalid_ = context.source.encoding().invalid_utf8;
    // Consistency is judged per file; the state is local, since worker threads share the rule.
    std::vector<std::pair<std::size_t, Span>> uses;  // (alternative, where)
    const bool consistency = spec_->kind == Kind::consistency;
    // Where the literals are, for the pattern or each alternative: runs without one are skipped.
    std::vector<LiteralOccurrences> literals;
    if (consistency) {
      for (const auto& alternative : spec_->alternative_literals)
        literals.emplace_back(text, alternative);
    } else {
      literals.emplace_back(text, spec_->literals);
    }
    // A consistency rule reports only where a file writes two alternatives or more: where the
    // literals of all but one are missing from the file, nothing can be reported, and its text is
    // not searched (pattern/percent-style: 197 million instructions on the 10 MB bench corpus,
    // which writes only the sign).
    const auto possible = std::count_if(literals.begin(), literals.end(),
                                        [](const LiteralOccurrences& l) { return !l.none(); });
    if (possible < (consistency ? 2 : 1)) return;
    for (const Entry& entry : context.document.entries) {
      // A run is searched only where a literal lies within it, so an entry without one is passed
      // over whole rather than block by block and run by run: most entries hold none
      // (pattern/version-space, pattern/error-placeholder).
      if (std::none_of(literals.begin(), literals.end(),
                       [&](const LiteralOccurrences& l) { return l.any_within(entry.extent); })) {
        continue;
      }
      for_each_scope_block(entry, spec_->scope, [&](Span block) {
        for_each_prose_run(context, block, [&](Span run) {
          if (consistency) {
            for (std::size_t a = 0; a < spec_->alternatives.size(); ++a) {
              if (!literals[a].any_within(run)) continue;
              search(context, run, spec_->alternatives[a], sink, [&](const auto& m, Span span) {
                (void)m;
                uses.emplace_back(a, span);
              });
            }
            return;
          }
          if (!literals.front().any_within(run)) return;
          search(context, run, spec_->pattern, sink, [&](const auto& m, Span span) {
            Report report{span, message(m), {}, {}, {}};
            if (spec_->kind == Kind::substitution) {
              const std::string replacement = expand(m, spec_->replacement);
              report.fix = Fix{fmt::format("write '{}'", replacement), {Edit{span, replacement}}};
            }
            sink.report(std::move(report));
          });
        });
      });
    }
    if (consistency) {
      report_consistency(
          uses, [&](Span s) { return context.source.slice(s); }, sink);
    }
  }

 private:
  template <typename Match>
  Message message(const Match& m) const {
    return constant_message_ ? *constant_message_ : Message(expand(m, spec_->message));
  }

  // Where the next group reference ($0..$9) of `format` begins, at or after `from`, or npos.
  static std::size_t next_group(std::string_view format, std::size_t from) {
    for (std::size_t at = format.find('$', from); at != std::string_view::npos;
         at = format.find('$', at + 1)) {
      if (at + 1 < format.size() && ascii::is_digit(format[at + 1])) return at;
    }
    return std::string_view::npos;
  }
  static bool has_groups(std::string_view format) {
    return next_group(format, 0) != std::string_view::npos;
  }

  // `format` with each $0..$9 replaced by what that group matched (nothing, where it did not).
  template <typename Match>
  static std::string expand(const Match& m, std::string_view format) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t at = next_group(format, 0); at != std::string_view::npos;
         at = next_group(format, copied)) {
      out.append(format.substr(copied, at - copied));
      const auto group = static_cast<int>(format[at + 1] - '0');
      if (static_cast<std::size_t>(group) < m.size() && m[group].matched)
        out.append(m[group].first, m[group].second);
      copied = at + 2;
    }
    out.append(format.substr(copied));
    return out;
  }

  // Whether a line separator, as Boost counts them, ends just before `at`: \n, \r, \f, and code
  // points whose low 16 bits are 0x85, 0x2028 or 0x2029 (whose UTF-8 ends in 0x85, 0xA8 or 0xA9).
  // Where `^` may match, for the search of anchored patterns and for where a run begins.
  static bool after_separator(std::string_view text, std::size_t at) {
    if (at == 0) return false;
    const auto byte = static_cast<unsigned char>(text[at - 1]);
    if (byte == '\n' || byte == '\r' || byte == '\f') return true;
    if (byte != 0x85 && byte != 0xA8 && byte != 0xA9) return false;
    if (at < text.size() && utf8::is_continuation(text[at])) return false;
    const char32_t cp = utf8::decode_before(text, at).code_point & 0xFFFF;
    return cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  // Just past the next line separator after `at` (before `to`), or `to`. Every separator begins
  // with a mark (a control character, or the lead byte of U+0085, U+2028, U+2029 or a code point
  // past the BMP), so only the marks are visited: asking after_separator() at every byte of a
  // summary paragraph (one line of hundreds of bytes) took 100 million instructions for
  // pattern/summary-opener on the 10 MB bench corpus, four times what the regex itself took.
  static std::size_t next_line_start(std::string_view text, const MarkIndex& marks, std::size_t at,
                                     std::size_t to) {
    static_assert(MarkIndex::marks('\n') && MarkIndex::marks('\r') && MarkIndex::marks('\f') &&
                  MarkIndex::marks(0xC2) && MarkIndex::marks(0xE2) && MarkIndex::marks(0xF0) &&
                  MarkIndex::marks(0xF4));
    for (std::size_t m = marks.next(at, to); m < to; m = marks.next(m + 1, to)) {
      const std::size_t end = m + utf8::decode(text, m).length;
      if (end <= to && after_separator(text, end)) return end;
    }
    return to;
  }

  // Whether only indentation stands between the start of its line and `at`.
  static bool begins_line(std::string_view text, std::size_t at) {
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))
      --at;
    return at == 0 || after_separator(text, at);
  }

  // Boost's UTF-8 iterators throw on invalid bytes, so a run is searched in the valid pieces
  // between them (format/invalid-utf8 reports the bytes).
  template <typename Visit>
  void search(const RuleContext& context, Span run, const Regex& re, DiagnosticSink& sink,
              Visit visit) const {
    std::size_t at = run.begin;
    for (const Span& bad : invalid_) {
      if (bad.end <= at || bad.begin >= run.end) continue;
      if (bad.begin > at) search_valid(context, {at, bad.begin}, re, sink, visit);
      at = bad.end;
    }
    if (at < run.end) search_valid(context, {at, run.end}, re, sink, visit);
  }

  // Boost bounds the work of one search (10^8 states on UTF-8 iterators), which a search of a long
  // paragraph with no match exceeds for any pattern. Long runs are therefore searched in windows:
  // a match must start in its window but may run on kWindowOverlap bytes past it, and look-behinds
  // see the text before the window (match_prev_avail). Only a match longer than the overlap that
  // starts near a window's end could be missed.
  static constexpr std::size_t kWindow = 1 << 20;
  static constexpr std::size_t kWindowOverlap = 1 << 16;

  template <typename Visit>
  void search_valid(const RuleContext& context, Span run, const Regex& re, DiagnosticSink& sink,
                    Visit visit) const {
    const std::string_view text = context.source.text();
    std::size_t next_start = run.begin;  // matches before this were reported by the last window
    // A run that resumes the prose after a code span, a link or invalid bytes does not begin a
    // line, and `^` must not match there.
    const auto first_flags =
        begins_line(text, run.begin) ? kSearchFlags : kSearchFlags | boost::match_not_bol;
    for (std::size_t start = run.begin; start < run.end;) {
      const std::size_t limit =
          start + kWindow >= run.end ? run.end : utf8::boundary_after(text, start + kWindow);
      const std::size_t end =
          limit == run.end ? run.end
                           : utf8::boundary_after(text, std::min(run.end, limit + kWindowOverlap));
      const auto flags = start > run.begin ? kSearchFlags | boost::match_prev_avail : first_flags;
      if (!search_window(context, {start, end}, limit, flags, re, sink, visit, next_start)) {
        return;
      }
      start = limit;
    }
  }

  template <typename Visit>
  bool search_window(const RuleContext& context, Span window, std::size_t limit,
                     boost::match_flag_type flags, const Regex& re, DiagnosticSink& sink,
                     Visit visit, std::size_t& next_start) const {
    const std::string_view text = context.source.text();
    const char* begin = text.data() + window.begin;
    const char* end = text.data() + window.end;
    try {
      if (re.line_anchored) {
        const MarkIndex& marks = context.marks();
        // What the iterator below finds for such a pattern: at each place where `^` may match,
        // the first non-empty match that begins there (Boost itself decides whether `^` holds,
        // seeing the text from the window's start).
        boost::match_results<const char*> m;
        for (std::size_t at = window.begin; at < limit;
             at = next_line_start(text, marks, at, limit)) {
          if (at < next_start) continue;
          if (!boost::u32regex_search(text.data() + at, end, m, re.re,
                                      flags | boost::match_continuous | boost::match_not_null,
                                      begin)) {
            continue;
          }
          const Span span{static_cast<std::size_t>(m[0].first - text.data()),
                          static_cast<std::size_t>(m[0].second - text.data())};
          visit(m, span);
          next_start = span.end;
        }
        return true;
      }
      boost::u32regex_iterator<const char*> it(begin, end, re.re, flags);
      for (; it != boost::u32regex_iterator<const char*>(); ++it) {
        const auto& m = *it;
        const Span span{static_cast<std::size_t>(m[0].first - text.data()),
                        static_cast<std::size_t>(m[0].second - text.data())};
        if (span.begin >= limit) break;
        if (span.empty() || span.begin < next_start) continue;
        visit(m, span);
        next_start = span.end;
      }
      return true;
    } catch (const std::out_of_range&) {
      // Not reached for valid UTF-8; never let one file stop the run.
      return true;
    } catch (const std::runtime_error&) {
      // Boost bounds the work of one search and throws when it is exceeded.
      sink.report(Report{window,
                         fmt::format("{} gave up on this text: matching took too many steps "
                                     "(catastrophic backtracking); simplify the pattern",
                                     spec_->id),
                         {},
                         {},
                         Severity::error});
      return false;
    }
  }

  void report_consistency(const std::vector<std::pair<std::size_t, Span>>& uses,
                          const std::function<std::string_view(Span)>& text_of,
                          DiagnosticSink& sink) const {
    std::vector<std::size_t> counts(spec_->alternatives.size(), 0);
    for (const auto& [a, span] : uses)
      ++counts[a];
    const auto used =
        std::count_if(counts.begin(), counts.end(), [](std::size_t c) { return c > 0; });
    if (used >= 2) {
      const std::size_t major =
          static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
      const auto example = std::find_if(uses.begin(), uses.end(),
                                        [&](const auto& use) { return use.first == major; });
      for (const auto& [a, span] : uses) {
        if (a == major) continue;
        sink.report(span, fmt::format("{} (this file writes '{}' and the like {} times)",
                                      spec_->message, text_of(example->second), counts[major]));
      }
    }
  }

  std::shared_ptr<const PatternSpec> spec_;
  // The message, where it names no group: the same for every match, so kept once for the process
  // rather than built for each (pattern/summary-opener's 8,800 findings on the bench corpus).
  std::optional<Message> constant_message_;
  // The invalid UTF-8 of the file being checked; one per thread, since worker threads share rules.
  static thread_local std::vector<Span> invalid_;
};

thread_local std::vector<Span> PatternRule::invalid_;

}  // namespace

// Boost 1.74 reads past the end of a pattern that leaves a set or a group open: "[a-z" (found by
// fuzz_pattern_rule under ASan) and "\d+(?2" (found by fuzz_required_literals); the inputs are kept
// in fuzz/corpus/. Follows Boost's syntax: a ']' first in a set is a literal, [:class:], [.coll.]
// and [=equiv=] nest in a set, a backslash escapes, \Q...\E quotes.
std::string_view unclosed_construct(std::string_view p) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') {
        const std::size_t end = p.find("\\E", i + 2);
        if (end == std::string_view::npos) break;
        i = end + 1;
      } else {
        ++i;
      }
      continue;
    }
    if (p[i] == '(') ++depth;
    if (p[i] == ')' && depth > 0) --depth;
    if (p[i] != '[') continue;
    std::size_t j = i + 1;
    if (j < p.size() && p[j] == '^') ++j;
    if (j < p.size() && p[j] == ']') ++j;
    bool closed = false;
    while (j < p.size() && !closed) {
      if (p[j] == '\\') {
        j += 2;
      } else if (p[j] == '[' && j + 1 < p.size() &&
                 (p[j + 1] == ':' || p[j + 1] == '.' || p[j + 1] == '=')) {
        const std::size_t end = p.find(std::string{p[j + 1], ']'}, j + 2);
        if (end == std::string_view::npos) return "a '[' set is never closed";
        j = end + 2;
      } else if (p[j] == ']') {
        closed = true;
      } else {
        ++j;
      }
    }
    if (!closed) return "a '[' set is never closed";
    i = j;
  }
  return depth > 0 ? "a '(' group is never closed" : "";
}

std::string expand_unicode_properties(std::string_view pattern) {
  std::string out;
  int bracket_depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[i + 1];
      if ((next == 'p' || next == 'P') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        const std::size_t close = pattern.find('}', i + 3);
        if (close == std::string_view::npos) throw std::invalid_argument("unclosed \\p{");
        const std::string name(pattern.substr(i + 3, close - i - 3));
        UErrorCode status = U_ZERO_ERROR;
        const std::string set_pattern = "[\\p{" + name + "}]";
        icu::UnicodeSet set(icu::UnicodeString::fromUTF8(set_pattern), status);
        if (U_FAILURE(status))
          throw std::invalid_argument("unknown Unicode property '" + name + "'");
        const bool negated = next == 'P';
        if (bracket_depth > 0) {
          if (negated) set.complement();
          out += ranges_of(set);
        } else {
          out += negated ? "[^" : "[";
          out += ranges_of(set);
          out += "]";
        }
        i = close;
        continue;
      }
      out += c;
      out += next;
      ++i;
      continue;
    }
    if (c == '[') ++bracket_depth;
    if (c == ']' && bracket_depth > 0) --bracket_depth;
    out += c;
  }
  return out;
}

std::optional<RuleMetadata> parse_pattern_rule(std::string_view text_yaml,
                                               std::vector<PatternFileProblem>& problems) {
  const auto problem = [&](const yaml::Node& node, std::string message) {
    problems.push_back({node.mark().line, node.mark().column, std::move(message)});
  };
  yaml::Error syntax;
  const std::optional<yaml::Node> parsed = yaml::parse(text_yaml, syntax);
  if (!parsed) {
    problems.push_back({syntax.mark.line, syntax.mark.column, syntax.message});
    return std::nullopt;
  }
  const yaml::Node& root = *parsed;
  if (!root.is_map()) {
    problems.push_back({1, 1, "a pattern rule is a mapping"});
    return std::nullopt;
  }
  // The node of a key for messages, or the whole rule when the key is missing.
  const auto at = [&](const char* key) -> const yaml::Node& {
    const yaml::Node* node = root.find(key);
    return node != nullptr ? *node : root;
  };
  static const std::vector<std::string_view> kKeys = {
      "id",      "summary",     "description",  "severity", "kind",    "scope",
      "pattern", "replacement", "alternatives", "message",  "examples"};
  const std::size_t before = problems.size();
  for (const auto& [key, value] : root.entries()) {
    if (std::find(kKeys.begin(), kKeys.end(), key.scalar()) == kKeys.end()) {
      problem(key, fmt::format("unknown key '{}'{}", key.scalar(),
                               yaml::did_you_mean(key.scalar(), kKeys)));
    }
  }
  const auto text = [&](const char* key, bool required) -> std::string {
    const yaml::Node* node = root.find(key);
    if (node == nullptr || !node->is_scalar() || node->scalar().empty()) {
      if (required) problem(at(key), fmt::format("missing or empty '{}'", key));
      return {};
    }
    return node->scalar();
  };
  auto spec = std::make_shared<PatternSpec>();
  RuleMetadata meta;
  meta.id = spec->id = text("id", true);
  if (!meta.id.empty() && !meta.id.starts_with("pattern/"))
    problem(at("id"), "a pattern rule's id starts with 'pattern/'");
  meta.summary = text("summary", true);
  meta.description = text("description", false);
  if (meta.description.empty()) meta.description = meta.summary;
  spec->message = text("message", true);
  const std::string severity = text("severity", false);
  if (!severity.empty()) {
    if (auto level = parse_severity(severity))
      meta.default_severity = *level;
    else
      problem(at("severity"), fmt::format("unknown severity '{}'", severity));
  }
  const std::string kind = text("kind", true);
  if (kind == "existence")
    spec->kind = Kind::existence;
  else if (kind == "substitution")
    spec->kind = Kind::substitution;
  else if (kind == "consistency")
    spec->kind = Kind::consistency;
  else if (!kind.empty())
    problem(at("kind"),
            fmt::format("kind '{}' is not existence, substitution or consistency", kind));
  const std::string scope = text("scope", false);
  if (scope.empty() || scope == "summary")
    spec->scope = Scope::summary;
  else if (scope == "chinese-title")
    spec->scope = Scope::chinese_title;
  else if (scope == "english-title")
    spec->scope = Scope::english_title;
  else if (scope == "entry")
    spec->scope = Scope::entry;
  else
    problem(at("scope"),
            fmt::format("scope '{}' is not summary, chinese-title, english-title or entry", scope));

  const auto compile = [&](const yaml::Node& node, const std::string& source, Regex& out,
                           std::vector<std::string>& literals) {
    try {
      const std::string expanded = expand_unicode_properties(source);
      if (const std::string_view open = unclosed_construct(expanded); !open.empty())
        throw std::invalid_argument(std::string(open));
      out.re = boost::make_u32regex(expanded);
      out.line_anchored = expanded.starts_with('^') && expanded.find('|') == std::string::npos;
      literals = required_literals(expanded);
      return true;
    } catch (const std::exception& e) {
      problem(node, fmt::format("the pattern '{}' does not compile: {}", source, e.what()));
      return false;
    }
  };
  if (spec->kind == Kind::consistency) {
    const yaml::Node& alternatives = at("alternatives");
    if (!alternatives.is_sequence() || alternatives.items().size() < 2) {
      problem(alternatives, "a consistency rule needs 'alternatives' (two or more patterns)");
    } else {
      for (const yaml::Node& a : alternatives.items()) {
        Regex re;
        std::vector<std::string> literals;
        if (!a.is_scalar()) {
          problem(a, "an alternative is a pattern (a string)");
        } else if (compile(a, a.scalar(), re, literals)) {
          spec->alternatives.push_back(re);
          spec->alternative_literals.push_back(std::move(literals));
          spec->alternative_texts.push_back(a.scalar());
        }
      }
    }
  } else {
    const std::string pattern = text("pattern", true);
    if (!pattern.empty()) compile(at("pattern"), pattern, spec->pattern, spec->literals);
    if (spec->kind == Kind::substitution) {
      const yaml::Node* replacement = root.find("replacement");
      if (replacement == nullptr || replacement->is_map() || replacement->is_sequence())
        problem(root, "a substitution rule needs 'replacement'");
      else
        spec->replacement = replacement->scalar();
    }
  }
  meta.fixable = spec->kind == Kind::substitution;
  if (const yaml::Node* examples = root.find("examples")) {
    const auto read = [&](const char* key, std::vector<std::string>& out) {
      const yaml::Node* list = examples->find(key);
      if (list == nullptr) return;
      for (const yaml::Node& e : list->items()) {
        if (e.is_scalar())
          out.push_back(e.scalar());
        else
          problem(e, fmt::format("an example under '{}' is a string", key));
      }
    };
    read("match", spec->match_examples);
    read("no-match", spec->no_match_examples);
  }
  if (spec->match_examples.empty() || spec->no_match_examples.empty()) {
    problem(root,
            "a pattern rule needs examples: at least one under 'match' and one under 'no-match'");
  } else {
    meta.bad_example = spec->match_examples.front() + "\n";
    meta.good_example = spec->no_match_examples.front() + "\n";
  }
  if (problems.size() != before) return std::nullopt;
  meta.make = [spec]() -> std::unique_ptr<Rule> { return std::make_unique<PatternRule>(spec); };
  meta.examples_match = spec->match_examples;
  meta.examples_no_match = spec->no_match_examples;
  meta.pattern_scope = scope.empty() ? "summary" : scope;
  return meta;
}

std::vector<std::string> run_pattern_examples(const RuleMetadata& rule) {
  std::vector<std::string> failures;
  const auto findings_for = [&](const std::string& example) {
    std::string english = "Example";
    std::string chinese = "示例";
    std::string summary = "示例。";
    if (rule.pattern_scope == "english-title")
      english = example;
    else if (rule.pattern_scope == "chinese-title")
      chinese = example;
    else
      summary = example;
    static const auto empty = std::make_shared<const CompiledGlossary>(Glossary{});
    const ParsedFile file("example.md",
                          fmt::format("## {}\n[{}](https://arxiv.org/abs/2401.00001)\n\n{}\n",
                                      english, chinese, summary),
                          *empty);
    const RuleContext context(
        file, std::chrono::year_month{std::chrono::year(2026), std::chrono::month(1)});
    class Counter final : public DiagnosticSink {
     public:
      void report(Report) override { ++count; }
      int count = 0;
    } counter;
    rule.make()->check(context, counter);
    return counter.count;
  };
  for (const std::string& e : rule.examples_match) {
    if (findings_for(e) == 0)
      failures.push_back(fmt::format("{}: example should match but does not: {}", rule.id, e));
  }
  for (const std::string& e : rule.examples_no_match) {
    if (findings_for(e) != 0)
      failures.push_back(fmt::format("{}: example should not match but does: {}", rule.id, e));
  }
  return failures;
}

}  // namespace bilint
