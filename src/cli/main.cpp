#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <malloc.h>
#include <map>
#include <mutex>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "engine/baseline.hpp"
#include "engine/changed_lines.hpp"
#include "engine/config.hpp"
#include "engine/glossary_loading.hpp"
#include "engine/inputs.hpp"
#include "engine/linter.hpp"
#include "engine/runner.hpp"
#include "fix/atomic_file.hpp"
#include "report/reporter.hpp"
#include "rules/catalog.hpp"
#include "rules/pattern_rule.hpp"
#include "rules/rule_docs.hpp"

namespace {

using namespace bilint;

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

// A buffer a file's report was rendered into (megabytes: 500 bytes a finding), handed back once
// written and given to a later file. On worker threads a buffer made for each file came from
// glibc's per-thread heaps, which give their memory back and fault it in again page by page: -j2
// on 10 MB took 4% longer, on 100 MB 7%. One buffer is kept, of at most kMaxKept bytes: each one
// kept idle is resident memory the run did not hold before (the peak of a 1 GB run, with up to
// four kept, passed its target), and a larger one comes from a SARIF log's first files, after
// which most findings are no longer rendered. One job works in the main heap, which keeps its top
// (M_TOP_PAD, below); there a kept buffer only added to the peak, so none is kept.
class SpareReportBuffer {
 public:
  explicit SpareReportBuffer(bool keep) : keep_(keep) {}
  std::string take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(spare_, {});
  }
  void give(std::string buffer) {
    if (!keep_ || buffer.capacity() > kMaxKept) return;
    buffer.clear();
    const std::lock_guard lock(mutex_);
    if (buffer.capacity() > spare_.capacity()) spare_ = std::move(buffer);
  }
  static constexpr std::size_t kMaxKept = std::size_t{16} << 20;

 private:
  bool keep_;
  std::mutex mutex_;
  std::string spare_;
};

struct CheckOptions {
  std::vector<std::string> paths;
  bool use_stdin = false;
  bool fix = false;
  bool diff = false;
  std::string stdin_filename = "<stdin>";
  std::string format = "gcc";
  std::string output;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> glossaries;
  bool online = false;
  std::string online_cache;
  std::string online_ttl;
  std::string online_timeout;
  std::string online_concurrency;
  std::vector<std::string> online_excludes;
  std::vector<std::string> rule_options;
  std::vector<std::string> pattern_files;
  std::string fail_level;  // empty: the configuration's, else warning
  std::string config;
  bool isolated = false;
  std::string baseline;
  std::string write_baseline;
  std::string diff_base;
  std::string column_unit = "codepoint";
  std::string color = "auto";
  unsigned jobs = 0;
};

bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

// $XDG_CACHE_HOME/bilint/links.tsv, or ~/.cache/bilint/links.tsv; empty when neither is known.
std::string default_link_cache() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = std::filesystem::path(home) / ".cache";
  } else {
    return {};
  }
  std::error_code ec;
  std::filesystem::create_directories(base / "bilint", ec);
  return (base / "bilint" / "links.tsv").string();
}

void write_stdout(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

RuleCatalog with_pattern_files(const RuleCatalog& base, const std::vector<std::string>& files);

// A configuration file, its problems usage errors (exit 2).
Config load_config_file(const std::string& path) {
  try {
    return load_config(path);
  } catch (const ConfigError& e) {
    throw UsageError(e.what());
  }
}

// The configuration that applies to a file: --config, or the nearest .bilint.yaml, or the defaults.
class ConfigResolver {
 public:
  explicit ConfigResolver(const CheckOptions& options) : options_(options) {
    if (!options.config.empty())
      explicit_ = std::make_shared<Config>(load_config_file(options.config));
  }
  std::shared_ptr<const Config> for_file(const std::string& path) {
    if (explicit_) return explicit_;
    const std::string found = options_.isolated ? std::string() : find_config(path);
    auto& slot = loaded_[found];
    if (!slot) slot = std::make_shared<Config>(found.empty() ? Config{} : load_config_file(found));
    return slot;
  }

 private:
  const CheckOptions& options_;
  std::shared_ptr<Config> explicit_;
  std::map<std::string, std::shared_ptr<Config>> loaded_;
};

// The linter for the files under one configuration: its rules, levels and options, then the
// command line's on top.
Linter make_linter(const Config& config, const RuleCatalog& catalog, const CheckOptions& options) {
  std::map<std::string, RuleOptions, std::less<>> rule_options;
  std::map<std::string, Severity, std::less<>> severities;
  RuleSelection selection{options.select, options.ignore};
  for (const RuleMetadata& rule : catalog.rules()) {
    const std::optional<Config::Effective> setting = config.effective(rule);
    if (!setting) {
      // Off in the configuration; naming it in --select turns it back on.
      if (std::find(options.select.begin(), options.select.end(), rule.id) == options.select.end())
        selection.ignore.push_back(rule.id);
      continue;
    }
    severities[rule.id] = setting->severity;
    if (!setting->options.empty()) rule_options[rule.id] = setting->options;
  }
  for (const std::string& option : options.rule_options) {
    const std::size_t colon = option.find(':');
    const std::size_t equals = option.find('=', colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos || equals == std::string::npos || colon == 0 ||
        equals == colon + 1) {
      throw UsageError(fmt::format("--option takes RULE:NAME=VALUE, not '{}'", option));
    }
    rule_options[option.substr(0, colon)][option.substr(colon + 1, equals - colon - 1)] =
        option.substr(equals + 1);
  }
  if (options.online) {
    RuleOptions& dead = rule_options["link/dead"];
    dead["online"] = "true";
    dead["cache"] = options.online_cache.empty() ? default_link_cache() : options.online_cache;
    if (!options.online_ttl.empty()) dead["cache-ttl"] = options.online_ttl;
    if (!options.online_timeout.empty()) dead["timeout"] = options.online_timeout;
    if (!options.online_concurrency.empty()) dead["concurrency"] = options.online_concurrency;
    std::string excludes;
    for (const std::string& pattern : options.online_excludes)
      excludes += pattern + "\n";
    if (!excludes.empty()) dead["exclude"] = excludes;
  }
  std::shared_ptr<const CompiledGlossary> glossary;
  if (!options.glossaries.empty()) {
    glossary = load_glossaries(options.glossaries);
  } else if (config.glossaries) {
    glossary = load_glossaries(*config.glossaries);
  } else {
    glossary = default_glossary();
  }
  return Linter(catalog, selection, glossary, rule_options, severities);
}

int run_check(const CheckOptions& options, const std::string& command_line) {
  std::vector<InputError> errors;
  std::vector<Input> inputs;
  if (options.use_stdin) {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    inputs.push_back({options.stdin_filename, std::move(text)});
  } else {
    inputs = collect_inputs(options.paths.empty() ? std::vector<std::string>{"."} : options.paths,
                            errors);
  }

  // Files under the same configuration are linted together (one set of run facts per
  // configuration).
  ConfigResolver resolver(options);
  std::vector<std::pair<std::shared_ptr<const Config>, std::vector<Input>>> groups;
  for (Input& input : inputs) {
    const std::shared_ptr<const Config> config = resolver.for_file(
        input.text ? (options.stdin_filename == "<stdin>" ? std::string(".") : input.path)
                   : input.path);
    if (!input.text &&
        (config->excludes(input.path) || (input.walked && !config->includes(input.path))))
      continue;
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& g) { return g.first == config; });
    if (group == groups.end()) group = groups.insert(groups.end(), {config, {}});
    group->second.push_back(std::move(input));
  }
  if (groups.empty()) groups.emplace_back(resolver.for_file("."), std::vector<Input>{});

  // Findings the baseline accepts, or on lines the change does not touch, are not reported (nor
  // counted for the exit code); a baseline being written records them all.
  const bool filtering = options.write_baseline.empty();
  std::optional<Baseline> baseline;
  if (filtering && !options.baseline.empty()) baseline = Baseline::load(options.baseline);
  std::optional<ChangedLines> changed;
  if (filtering && !options.diff_base.empty()) changed = ChangedLines::since(options.diff_base);
  const auto dropped = [&](const Finding& f) {
    return (baseline && baseline->contains(f)) || (changed && !changed->touches(f));
  };

  const RunMode mode = options.diff ? RunMode::diff : options.fix ? RunMode::fix : RunMode::check;
  RuleCatalog report_catalog = with_pattern_files(RuleCatalog::builtin(), options.pattern_files);
  std::vector<std::unique_ptr<Linter>> linters;
  std::vector<LintGroup> lint_groups;
  std::vector<Severity> fail_levels;  // per group: its configuration's, or the command line's
  for (auto& [config, group_inputs] : groups) {
    const RuleCatalog catalog = with_pattern_files(config->catalog, options.pattern_files);
    linters.push_back(std::make_unique<Linter>(make_linter(*config, catalog, options)));
    lint_groups.push_back({linters.back().get(), std::move(group_inputs)});
    fail_levels.push_back(options.fail_level.empty()
                              ? config->fail_level.value_or(Severity::warning)
                              : *parse_severity(options.fail_level));
    for (const RuleMetadata& rule : catalog.rules()) {
      if (report_catalog.find(rule.id) == nullptr) report_catalog = report_catalog.with(rule);
    }
  }

  static const std::map<std::string, ColumnUnit> kUnits = {{"codepoint", ColumnUnit::codepoint},
                                                           {"utf16", ColumnUnit::utf16},
                                                           {"byte", ColumnUnit::byte},
                                                           {"display", ColumnUnit::display}};
  ReportOptions report;
  report.column_unit = kUnits.at(options.column_unit);
  report.color = options.output.empty() && use_color(options.color);
  report.catalog = &report_catalog;
  report.command_line = command_line;

  // The report goes out file after file as the run goes, never whole in memory.
  std::optional<AtomicFileWriter> output_file;
  ReportSink sink;
  if (!options.output.empty() && mode != RunMode::diff && options.write_baseline.empty()) {
    output_file.emplace(options.output);
    sink = [&output_file](std::string_view piece) { output_file->write(piece); };
  } else {
    // A larger buffer than stdio's default keeps writing to one system call per 64 KiB (unless
    // standard output is a terminal, which stays line-buffered).
    if (::isatty(STDOUT_FILENO) == 0) std::setvbuf(stdout, nullptr, _IOFBF, std::size_t{1} << 16);
    sink = [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); };
  }
  const std::unique_ptr<Reporter> reporter = make_reporter(options.format, report);
  FindingParts parts = reporter->parts();
  // A baseline knows findings by their fingerprints.
  if (!options.baseline.empty() || !options.write_baseline.empty()) parts.fingerprints = true;
  std::vector<Finding> recorded;  // --write-baseline
  bool failed = false;
  // One job checks the files on this thread, in glibc's main heap, which with the trim threshold
  // set in main() gives its top back after nearly every file and faults the same pages in again for
  // the next: 8% of a -j1 run on 10 MB. 16 MiB kept spare there costs 4 MB of peak. The mmap
  // threshold set in main() mapped each file's report (megabytes) afresh and faulted it in page by
  // page, a third of the page faults of the spacing and punctuation rules alone. One thread's
  // blocks come and go in turn, so blocks of up to 8 MiB (a 1 MB digest's report takes 5) stay in
  // its heap; larger ones, of files of 10 MB and more, are still mapped and given back when freed
  // (a threshold of 32 MiB kept more of them and raised the peak of one 10 MB file by a twentieth).
  // Peaks on 100 MB and 1 GB of 1 MB files unchanged. The worker threads' heaps are left as they
  // are: there the pad would take 64 MiB, and the peak of a 1 GB run would pass its target (65 MB).
  const bool one_job = threads_for(lint_groups, options.jobs) == 1;
  if (one_job) {
    mallopt(M_TOP_PAD, 16 << 20);
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
  }
  SpareReportBuffer report_buffer(!one_job);
  RunStats stats = run(
      lint_groups, options.jobs, mode,
      [&](std::size_t group, std::vector<Finding>& findings, FileOutput& output) {
        if (!filtering) {
          std::move(findings.begin(), findings.end(), std::back_inserter(output.findings));
          return;
        }
        if (baseline || changed) std::erase_if(findings, dropped);
        output.failed =
            output.failed || std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
              return f.severity >= fail_levels[group];
            });
        if (output.text.empty()) output.text = report_buffer.take();
        reporter->render(findings, output.text);
      },
      [&](FileOutput& output) {
        if (!filtering) {
          std::move(output.findings.begin(), output.findings.end(), std::back_inserter(recorded));
          return;
        }
        failed = failed || output.failed;
        reporter->add(output.text, sink);
        report_buffer.give(std::move(output.text));
      },
      kKeptRunBytes, parts);

  if (!options.write_baseline.empty()) {
    const std::string text = Baseline::render(options.write_baseline, recorded);
    if (const std::string error = write_file_atomically(options.write_baseline, text);
        !error.empty()) {
      throw UsageError(fmt::format("{}: {}", options.write_baseline, error));
    }
    std::fputs(fmt::format("bilint: wrote {} finding{} to {}\n", recorded.size(),
                           recorded.size() == 1 ? "" : "s", options.write_baseline)
                   .c_str(),
               stderr);
    return kExitClean;
  }

  errors.insert(errors.end(), stats.errors.begin(), stats.errors.end());
  std::sort(errors.begin(), errors.end(),
            [](const InputError& a, const InputError& b) { return a.path < b.path; });
  stats.errors = errors;
  for (const InputError& error : errors) {
    std::fputs(fmt::format("bilint: error: {}: {}\n", error.path, error.message).c_str(), stderr);
  }
  if (mode == RunMode::diff) {
    write_stdout(stats.diff);
    if (!errors.empty()) return kExitUsage;
    return stats.diff.empty() ? kExitClean : kExitFindings;
  }
  reporter->finish(stats, sink);
  if (output_file) {
    if (const std::string error = output_file->commit(); !error.empty()) {
      throw UsageError(fmt::format("{}: {}", options.output, error));
    }
  } else {
    std::fflush(stdout);
  }
  if (!errors.empty()) return kExitUsage;
  return failed ? kExitFindings : kExitClean;
}

// The built-in catalogue plus the team's pattern rule files; any problem is a usage error.
RuleCatalog with_pattern_files(const RuleCatalog& base, const std::vector<std::string>& files) {
  if (files.empty()) return base;
  std::vector<std::pair<std::string, std::string>> texts;
  for (const std::string& file : files) {
    std::string error;
    std::optional<std::string> text = read_file(file, error);
    if (!text) throw UsageError(fmt::format("{}: {}", file, error));
    texts.emplace_back(file, std::move(*text));
  }
  RuleCatalog catalog = base.with_pattern_rules(texts);
  if (catalog.problems().size() != base.problems().size()) {
    std::string message;
    for (std::size_t i = base.problems().size(); i < catalog.problems().size(); ++i) {
      if (!message.empty()) message += "\nbilint: error: ";
      message += catalog.problems()[i];
    }
    throw UsageError(message);
  }
  return catalog;
}

int run_config(const std::string& path, const std::string& config_file) {
  const std::string found = config_file.empty() ? find_config(path) : config_file;
  write_stdout(describe(found.empty() ? Config{} : load_config_file(found)));
  return kExitClean;
}

int run_init(bool force) {
  const std::string path = kConfigName;
  if (!force && std::filesystem::exists(path)) {
    throw UsageError(fmt::format("{} exists already; --force replaces it", path));
  }
  if (const std::string error = write_file_atomically(path, std::string(starter_config()));
      !error.empty()) {
    throw UsageError(fmt::format("{}: {}", path, error));
  }
  write_stdout(
      fmt::format("wrote {}; see what applies to a file with 'bilint config PATH'\n", path));
  return kExitClean;
}

int run_rules_check(const std::vector<std::string>& files) {
  // On their own, so that the built-in pattern files can be checked too.
  const RuleCatalog catalog = with_pattern_files(RuleCatalog(), files);
  std::size_t failed = 0;
  std::size_t checked = 0;
  for (const RuleMetadata& rule : catalog.rules()) {
    ++checked;
    for (const std::string& failure : run_pattern_examples(rule)) {
      std::fputs(fmt::format("bilint: error: {}\n", failure).c_str(), stderr);
      ++failed;
    }
  }
  write_stdout(fmt::format("{} pattern rule{} checked, {} failing example{}\n", checked,
                           checked == 1 ? "" : "s", failed, failed == 1 ? "" : "s"));
  return failed == 0 ? kExitClean : kExitFindings;
}

int run_glossary_check(const std::vector<std::string>& files) {
  int status = kExitClean;
  for (const std::string& file : files) {
    const auto glossary = load_glossaries({file});
    const auto failures = run_glossary_tests(RuleCatalog::builtin(), glossary);
    for (const std::string& failure : failures)
      std::fputs((failure + "\n").c_str(), stderr);
    write_stdout(fmt::format("{}: {} terms, {} self-tests, {} failed\n", file,
                             glossary->glossary().terms().size(),
                             glossary->glossary().tests().size(), failures.size()));
    if (!failures.empty()) status = kExitFindings;
  }
  return status;
}

int run_rules(const std::string& docs_directory) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  if (!docs_directory.empty()) {
    for (const auto& [relative, text] : rule_doc_pages(catalog)) {
      const std::filesystem::path path = std::filesystem::path(docs_directory) / relative;
      std::filesystem::create_directories(path.parent_path());
      if (const std::string error = write_file_atomically(path.string(), text); !error.empty()) {
        throw UsageError(fmt::format("{}: {}", path.string(), error));
      }
    }
    return kExitClean;
  }
  std::size_t width = 0;
  for (const RuleMetadata& rule : catalog.rules())
    width = std::max(width, rule.id.size());
  std::string out =
      fmt::format("{:<{}}  {:<8}  {:<7}  {}\n", "RULE", width, "SEVERITY", "FIXABLE", "SUMMARY");
  for (const RuleMetadata& rule : catalog.rules()) {
    out += fmt::format("{:<{}}  {:<8}  {:<7}  {}\n", rule.id, width,
                       to_string(rule.default_severity), rule.fixable ? "yes" : "no", rule.summary);
  }
  write_stdout(out);
  for (const std::string& problem : catalog.problems()) {
    std::fputs(fmt::format("bilint: error: rule catalogue: {}\n", problem).c_str(), stderr);
  }
  return catalog.problems().empty() ? kExitClean : kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file size limit (ulimit -f), a write fails with EFBIG, which --fix reports and survives,
  // instead of the signal killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  // A file's text, findings and report are blocks of megabytes, made and freed in turn on several
  // threads. glibc raises its mmap threshold to the size of each such block freed, and from then on
  // keeps them in the threads' heaps, where they fragment: a run's peak grew with its length (1 GB
  // -j2: 92 MB, 65 MB with 10 MB). A fixed threshold keeps them mapped and returned, and a lower
  // trim threshold gives back what the heaps free at their top.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
  CLI::App app{"bilint: a translation-consistency linter for bilingual English/Chinese digests",
               "bilint"};
  app.set_version_flag("--version", std::string("bilint ") + BILINT_VERSION);
  app.require_subcommand(1);

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Lint digest files and directories");
  check_cmd->add_option("paths", check.paths,
                        "Files or directories (directories: *.md, recursively)");
  check_cmd->add_flag("--stdin", check.use_stdin, "Read one digest from standard input");
  check_cmd
      ->add_option("--rules", check.pattern_files,
                   "A pattern rule YAML file (repeatable); its rules run with the built-in ones")
      ->allow_extra_args(false);
  check_cmd
      ->add_option("--option", check.rule_options,
                   "A rule option, RULE:NAME=VALUE (repeatable), e.g. "
                   "format/cjk-spacing:policy=consistent")
      ->allow_extra_args(false);
  check_cmd->add_flag("--online", check.online,
                      "Check that link targets answer (link/dead); off by default");
  check_cmd->add_option("--online-cache", check.online_cache,
                        "Cache file for --online answers (default: ~/.cache/bilint/links.tsv)");
  check_cmd->add_option("--online-ttl", check.online_ttl,
                        "Seconds a cached answer is trusted (default: 86400)");
  check_cmd->add_option("--online-timeout", check.online_timeout,
                        "Seconds a request may take (default: 15)");
  check_cmd->add_option("--online-concurrency", check.online_concurrency,
                        "Requests in flight at once (default: 16; 2 per host)");
  check_cmd
      ->add_option("--online-exclude", check.online_excludes,
                   "Regular expression for URLs --online leaves alone (repeatable)")
      ->allow_extra_args(false);
  check_cmd->add_flag(
      "--fix", check.fix,
      "Apply every available fix and rewrite changed files (atomically), then report "
      "what remains");
  check_cmd->add_flag("--diff", check.diff,
                      "Print a unified diff of what --fix would change; write nothing (exit 1 when "
                      "there is a change)");
  check_cmd->add_option("-o,--output", check.output,
                        "Write the report to this file (atomically) instead of standard output");
  check_cmd
      ->add_option("--stdin-filename", check.stdin_filename, "Name to report standard input under")
      ->capture_default_str();
  check_cmd->add_option("--format", check.format, "Output format")
      ->check(CLI::IsMember({"gcc", "json", "sarif", "github"}))
      ->capture_default_str();
  check_cmd
      ->add_option("--select", check.select,
                   "Run only these rules or families (comma-separated or repeated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_option("--ignore", check.ignore, "Do not run these rules or families")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd
      ->add_option("--glossary", check.glossaries,
                   "Glossary YAML file; repeat for several, later ones override earlier ones per "
                   "term (default: the built-in AI/ML glossary)")
      ->allow_extra_args(false);
  check_cmd
      ->add_option("--fail-level", check.fail_level,
                   "Exit 1 when a finding has at least this severity (default: the "
                   "configuration's, else warning)")
      ->check(CLI::IsMember({"note", "warning", "error"}));
  check_cmd->add_option("--config", check.config,
                        "Use this configuration file for every file (default: the nearest "
                        ".bilint.yaml above each file, up to the repository root)");
  check_cmd->add_flag("--isolated", check.isolated, "Ignore every .bilint.yaml");
  check_cmd->add_option("--baseline", check.baseline,
                        "Report only findings not recorded in this baseline file");
  check_cmd->add_option("--write-baseline", check.write_baseline,
                        "Record every finding in this baseline file (atomically) and exit 0");
  check_cmd->add_option("--diff-base", check.diff_base,
                        "Report only findings on lines changed since this git revision (files git "
                        "does not track count as changed)");
  check_cmd->add_option("--column-unit", check.column_unit, "How columns are counted")
      ->check(CLI::IsMember({"codepoint", "utf16", "byte", "display"}))
      ->capture_default_str();
  check_cmd->add_option("--color", check.color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check_cmd->add_option("-j,--jobs", check.jobs, "Files checked in parallel (0: one per core)")
      ->capture_default_str();

  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rule catalogue");
  std::string docs_directory;
  rules_cmd->add_option("--docs", docs_directory,
                        "Write the rule documentation pages (Markdown) into this directory");
  std::vector<std::string> rules_check_files;
  CLI::App* rules_check_cmd =
      rules_cmd->add_subcommand("check", "Validate pattern rule files and run their examples");
  rules_check_cmd->add_option("files", rules_check_files, "Pattern rule YAML files")->required();

  CLI::App* config_cmd =
      app.add_subcommand("config", "Print the configuration that applies to a file or directory");
  std::string config_path = ".";
  std::string config_file;
  config_cmd->add_option("path", config_path, "File or directory")->capture_default_str();
  config_cmd->add_option("--config", config_file, "This configuration file instead of the nearest");

  CLI::App* init_cmd =
      app.add_subcommand("init", "Write a commented starting .bilint.yaml in this directory");
  bool init_force = false;
  init_cmd->add_flag("--force", init_force, "Replace an existing .bilint.yaml");

  CLI::App* glossary_cmd = app.add_subcommand("glossary", "Work with glossaries");
  glossary_cmd->require_subcommand(1);
  std::vector<std::string> glossary_files;
  CLI::App* glossary_check_cmd =
      glossary_cmd->add_subcommand("check", "Validate glossaries and run their self-tests");
  glossary_check_cmd->add_option("files", glossary_files, "Glossary YAML files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  try {
    if (*check_cmd) {
      if (check.use_stdin && !check.paths.empty()) {
        throw UsageError("--stdin takes no paths");
      }
      if (check.fix && check.diff) throw UsageError("--fix and --diff exclude each other");
      if (check.isolated && !check.config.empty())
        throw UsageError("--isolated and --config exclude each other");
      if (!check.baseline.empty() && !check.write_baseline.empty())
        throw UsageError("--baseline and --write-baseline exclude each other");
      std::string command_line;
      for (int i = 0; i < argc; ++i) {
        if (i > 0) command_line += ' ';
        const std::string_view arg = argv[i];
        const bool quote = arg.empty() || arg.find_first_of(" \t\"'\\$") != std::string_view::npos;
        command_line += quote ? fmt::format("'{}'", arg) : std::string(arg);
      }
      return run_check(check, command_line);
    }
    if (*config_cmd) return run_config(config_path, config_file);
    if (*init_cmd) return run_init(init_force);
    if (*rules_check_cmd) return run_rules_check(rules_check_files);
    if (*rules_cmd) return run_rules(docs_directory);
    if (*glossary_check_cmd) return run_glossary_check(glossary_files);
  } catch (const UsageError& e) {
    // One "bilint: error:" per problem, so that each line reads like a compiler's.
    std::string message = e.what();
    for (std::size_t at = message.find('\n'); at != std::string::npos;
         at = message.find('\n', at + 1)) {
      if (message.compare(at + 1, 15, "bilint: error: ") != 0)
        message.insert(at + 1, "bilint: error: ");
    }
    std::fputs(fmt::format("bilint: error: {}\n", message).c_str(), stderr);
    return kExitUsage;
  }
  return kExitUsage;
}
