#include "report/sarif_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <zlib.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"
#include "rules/catalog.hpp"

namespace bilint {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

// Where results point: relative to %SRCROOT% (the working directory) when they can.
class SarifUris {
 public:
  explicit SarifUris(const std::string& working_directory) {
    std::error_code ec;
    base_ = working_directory.empty() ? fs::current_path(ec) : fs::path(working_directory);
    base_ = fs::weakly_canonical(base_, ec);
  }

  // The file:// URI of %SRCROOT%, absolute and ending in '/'.
  [[nodiscard]] std::string root_uri() const {
    std::string path = base_.generic_string();
    if (!path.ends_with('/')) path += '/';
    return "file://" + percent_encode_path(path);
  }

  // A file's artifactLocation: relative to %SRCROOT% when the file is under it, else an absolute
  // file URI. Remembered per path: resolving one asks the file system, and a file has many results.
  struct Artifact {
    std::string uri;
    bool under_root = false;  // relative to %SRCROOT%
  };
  [[nodiscard]] Artifact artifact(std::string_view path) const {
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = known_.find(path); it != known_.end()) return it->second;
    }
    Artifact location = resolve(path);
    const std::lock_guard lock(mutex_);
    known_.emplace(path, location);
    return location;
  }

  static void write(JsonWriter& json, const Artifact& artifact) {
    json.begin_object();
    json.member("uri", artifact.uri);
    if (artifact.under_root) json.member("uriBaseId", "%SRCROOT%");
    json.end_object();
  }
  // The same as a document, for the log's frame (notifications), made from write() so that the
  // two cannot differ.
  static ordered_json to_json(const Artifact& artifact) {
    std::string text;
    JsonWriter json(text);
    write(json, artifact);
    return ordered_json::parse(text);
  }

 private:
  [[nodiscard]] Artifact resolve(std::string_view path) const {
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
    const fs::path relative = absolute.lexically_relative(base_);
    if (!relative.empty() && *relative.begin() != "..")
      return {percent_encode_path(relative.generic_string()), true};
    return {"file://" + percent_encode_path(absolute.generic_string()), false};
  }

  fs::path base_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Artifact, std::less<>> known_;
};

namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/bilint/bilint";
constexpr std::string_view kFingerprintKey = "bilint/v1";

// "entry/missing-link" -> "EntryMissingLink", the identifier-like name SARIF recommends.
std::string rule_name(std::string_view id) {
  std::string name;
  bool upper = true;
  for (const char c : id) {
    if (c == '/' || c == '-') {
      upper = true;
    } else {
      name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
      upper = false;
    }
  }
  return name;
}

// bilint's severities are named after the SARIF levels.
std::string_view level(Severity severity) {
  return to_string(severity);
}

void write_region(JsonWriter& json, const Position& start, const Position& end) {
  json.begin_object();
  json.member("startLine", start.line);
  json.member("startColumn", start.utf16_column);
  json.member("endLine", end.line);
  json.member("endColumn", end.utf16_column);
  json.end_object();
}

void write_physical(JsonWriter& json, const SarifUris::Artifact& artifact,
                    const Location& location) {
  json.begin_object();
  json.key("artifactLocation");
  SarifUris::write(json, artifact);
  json.key("region");
  write_region(json, location.start, location.end);
  json.end_object();
}

void write_text(JsonWriter& json, std::string_view name, std::string_view text) {
  json.key(name);
  json.begin_object();
  json.member("text", text);
  json.end_object();
}

ordered_json rule_descriptor(const RuleMetadata& rule) {
  const std::string help_uri =
      fmt::format("{}/blob/main/docs/rules/{}.md", kInformationUri, rule.id);
  const std::string markdown = fmt::format(
      "{}\n\n**Bad**\n\n```markdown\n{}```\n\n**Good**\n\n```markdown\n{}```\n\n"
      "[Documentation]({})",
      rule.description, rule.bad_example, rule.good_example, help_uri);
  ordered_json d;
  d["id"] = rule.id;
  d["name"] = rule_name(rule.id);
  d["shortDescription"] = {{"text", rule.summary}};
  d["fullDescription"] = {{"text", rule.description}};
  d["help"] = {{"text", rule.description}, {"markdown", markdown}};
  d["helpUri"] = help_uri;
  d["defaultConfiguration"] = {{"level", level(rule.default_severity)}};
  d["properties"] = {{"tags", {rule.id.substr(0, rule.id.find('/')), "bilint"}}};
  return d;
}

// One result, as the object SARIF's schema gives its members in. `artifact` is the finding's file.
void write_result(JsonWriter& json, const Finding& f, std::size_t rule_index,
                  const SarifUris::Artifact& artifact, const SarifUris& uris) {
  json.begin_object();
  json.member("ruleId", f.rule_id);
  json.member("ruleIndex", rule_index);
  json.member("level", level(f.severity));
  write_text(json, "message", f.message);
  json.key("locations");
  json.begin_array();
  json.begin_object();
  json.key("physicalLocation");
  write_physical(json, artifact, f.location);
  json.end_object();
  json.end_array();
  if (!f.related.empty()) {
    json.key("relatedLocations");
    json.begin_array();
    for (std::size_t i = 0; i < f.related.size(); ++i) {
      const RelatedLocation& related = f.related[i];
      json.begin_object();
      json.member("id", i + 1);
      json.key("physicalLocation");
      write_physical(json,
                     related.location.path == f.location.path
                         ? artifact
                         : uris.artifact(related.location.path),
                     related.location);
      write_text(json, "message", related.message);
      json.end_object();
    }
    json.end_array();
  }
  if (f.fix) {
    json.key("fixes");
    json.begin_array();
    json.begin_object();
    write_text(json, "description", f.fix->description);
    json.key("artifactChanges");
    json.begin_array();
    json.begin_object();
    json.key("artifactLocation");
    SarifUris::write(json, artifact);
    json.key("replacements");
    json.begin_array();
    for (const ResolvedEdit& edit : f.fix->edits) {
      json.begin_object();
      json.key("deletedRegion");
      write_region(json, edit.start, edit.end);
      write_text(json, "insertedContent", edit.replacement);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    json.end_array();
    json.end_object();
    json.end_array();
  }
  json.key("partialFingerprints");
  json.begin_object();
  json.member(kFingerprintKey, fingerprint_text(f.fingerprint));
  json.end_object();
  json.end_object();
}

std::string dump(const ordered_json& log) {
  return log.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string percent_encode_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

namespace {

// The gzip-compressed size of a text given a piece at a time (zlib, default level, with the gzip
// wrapper an uploaded .sarif.gz has), as GitHub measures uploads: a log is measured without being
// put together in one string, which would be a second copy of every result kept.
class GzippedSize {
 public:
  GzippedSize()
      : ok_(deflateInit2(&stream_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                         Z_DEFAULT_STRATEGY) == Z_OK) {}
  ~GzippedSize() {
    if (ok_) deflateEnd(&stream_);
  }
  GzippedSize(const GzippedSize&) = delete;
  GzippedSize& operator=(const GzippedSize&) = delete;

  void add(std::string_view piece) {
    raw_ += piece.size();
    if (ok_) deflate_all(piece, Z_NO_FLUSH);
  }
  // The size, after the last piece (the raw size where zlib could not start).
  std::size_t finish() {
    if (!ok_) return raw_;
    deflate_all({}, Z_FINISH);
    return compressed_;
  }

 private:
  void deflate_all(std::string_view piece, int flush) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    stream_.avail_in = static_cast<uInt>(piece.size());
    int status = Z_OK;
    do {
      stream_.next_out = buffer_.data();
      stream_.avail_out = static_cast<uInt>(buffer_.size());
      status = deflate(&stream_, flush);
      compressed_ += buffer_.size() - stream_.avail_out;
    } while (flush == Z_FINISH ? status == Z_OK : stream_.avail_out == 0);
  }

  z_stream stream_{};
  bool ok_;
  std::array<unsigned char, 1 << 15> buffer_{};
  std::size_t raw_ = 0;
  std::size_t compressed_ = 0;
};

// The `limit` most severe of `results` (output order among equals), in output order.
template <typename Result>
std::vector<std::size_t> most_severe(const std::vector<Result>& results, std::size_t limit) {
  std::vector<std::size_t> kept(results.size());
  for (std::size_t i = 0; i < kept.size(); ++i)
    kept[i] = i;
  std::stable_sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
    return results[a].severity > results[b].severity;
  });
  kept.resize(std::min(limit, kept.size()));
  std::sort(kept.begin(), kept.end());
  return kept;
}

// Where a result's text stands in the log: inside runs[0].results, four levels deep.
constexpr std::size_t kResultDepth = 4;
constexpr std::string_view kResultIndent = "        ";

}  // namespace

SarifWriter::SarifWriter(ReportOptions options)
    : options_(std::move(options)),
      uris_(std::make_unique<const SarifUris>(options_.working_directory)) {
  if (options_.catalog != nullptr) {
    for (const RuleMetadata& rule : options_.catalog->rules())
      rule_index_.emplace(rule.id, rule_index_.size());
  }
}

SarifWriter::~SarifWriter() = default;

// A result is its severity's digit and its text, indented as in the log, or the digit alone for a
// finding the log will not hold; results end with '\0', which JSON text never holds.
void SarifWriter::render(const std::vector<Finding>& findings, std::string& out) const {
  const int dropped_up_to = dropped_up_to_.load(std::memory_order_relaxed);
  const auto rendered = std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return static_cast<int>(f.severity) > dropped_up_to;
  });
  // About 1,300 bytes a result; reserved, so the text of a file with many findings is not copied
  // (and its pages touched again) as it grows.
  out.reserve(out.size() + static_cast<std::size_t>(rendered) * 1536 + 2 * findings.size());
  const std::string_view* path = nullptr;  // whose artifact location `artifact` is
  SarifUris::Artifact artifact;
  for (const Finding& f : findings) {
    out += static_cast<char>('0' + static_cast<int>(f.severity));
    if (static_cast<int>(f.severity) <= dropped_up_to) {
      out += '\0';
      continue;
    }
    if (path == nullptr || *path != f.location.path) {
      path = &f.location.path;
      artifact = uris_->artifact(*path);
    }
    const auto it = rule_index_.find(f.rule_id);
    out += kResultIndent;
    JsonWriter json(out, kResultDepth);
    write_result(json, f, it == rule_index_.end() ? 0 : it->second, artifact, *uris_);
    out += '\0';
  }
}

void SarifWriter::add(std::string_view rendered, const ReportSink& /*sink*/) {
  for (std::size_t at = 0; at < rendered.size();) {
    const std::size_t end = rendered.find('\0', at);
    const auto severity = static_cast<Severity>(rendered[at] - '0');
    ++seen_;
    // Left out by render(): a finding of a severity dropped already when it was rendered.
    if (end > at + 1) {
      kept_.push_back({severity, std::string(rendered.substr(at + 1, end - at - 1))});
      ++kept_by_severity_[static_cast<std::size_t>(severity)];
    }
    at = end + 1;
  }
  if (kept_.size() > 2 * kMaxResults) {
    std::vector<Result> pruned;
    pruned.reserve(kMaxResults);
    kept_by_severity_ = {};
    for (const std::size_t i : most_severe(kept_, kMaxResults)) {
      ++kept_by_severity_[static_cast<std::size_t>(kept_[i].severity)];
      pruned.push_back(std::move(kept_[i]));
    }
    kept_ = std::move(pruned);
  }
  std::size_t at_least = 0;  // kept results of this severity or a higher one
  for (int severity = static_cast<int>(Severity::error); severity >= 0; --severity) {
    at_least += kept_by_severity_[static_cast<std::size_t>(severity)];
    if (at_least >= kMaxResults) {
      dropped_up_to_.store(severity, std::memory_order_relaxed);
      break;
    }
  }
}

void SarifWriter::finish(const RunStats& stats, const ReportSink& sink) {
  const SarifUris& uris = *uris_;
  ordered_json rules = ordered_json::array();
  if (options_.catalog != nullptr) {
    for (const RuleMetadata& rule : options_.catalog->rules())
      rules.push_back(rule_descriptor(rule));
  }

  ordered_json notifications = ordered_json::array();
  for (const InputError& error : stats.errors) {
    notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", fmt::format("{}: {}", error.path, error.message)}}},
         {"locations",
          ordered_json::array(
              {{{"physicalLocation",
                 {{"artifactLocation", SarifUris::to_json(uris.artifact(error.path))}}}}})}});
  }

  ordered_json log;
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  ordered_json run;
  run["tool"]["driver"] = {{"name", "bilint"},
                           {"version", BILINT_VERSION},
                           {"semanticVersion", BILINT_VERSION},
                           {"informationUri", kInformationUri},
                           {"rules", std::move(rules)}};
  ordered_json invocation;
  invocation["executionSuccessful"] = stats.errors.empty();
  if (!options_.command_line.empty()) invocation["commandLine"] = options_.command_line;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  run["invocations"] = ordered_json::array({std::move(invocation)});
  run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", uris.root_uri()}}}};
  run["automationDetails"] = {{"id", "bilint/"}};
  run["columnKind"] = "utf16CodeUnits";
  // The results' texts are rendered already; the log around them has a placeholder in their place.
  run["results"] = "\x01results\x01";
  log["runs"] = ordered_json::array({std::move(run)});
  const std::string frame = dump(log);
  const std::string_view placeholder = "\"\\u0001results\\u0001\"";
  const std::size_t hole = frame.find(placeholder);

  // The log, a piece at a time, with the `chosen` results: most severe first when something must
  // be left out; output order otherwise.
  const auto write_log = [&](const std::vector<std::size_t>& chosen, const auto& write) {
    write(std::string_view(frame).substr(0, hole));
    if (chosen.empty()) {
      write("[]");
    } else {
      write("[\n");
      for (std::size_t n = 0; n < chosen.size(); ++n) {
        if (n > 0) write(",\n");
        write(kept_[chosen[n]].text);
      }
      write("\n      ]");
    }
    write(std::string_view(frame).substr(hole + placeholder.size()));
  };
  std::size_t limit = std::min(kept_.size(), kMaxResults);
  std::vector<std::size_t> chosen;
  for (;;) {
    chosen = most_severe(kept_, limit);
    GzippedSize gzipped;
    write_log(chosen, [&](std::string_view piece) { gzipped.add(piece); });
    if (limit == 0 || gzipped.finish() <= kMaxGzippedBytes) break;
    limit = limit * 9 / 10;
  }
  if (limit < seen_) {
    std::fputs(fmt::format("bilint: warning: the SARIF log keeps the {} most severe of {} findings "
                           "(GitHub accepts at most {} results and {} bytes gzipped per run)\n",
                           limit, seen_, kMaxResults, kMaxGzippedBytes)
                   .c_str(),
               stderr);
  }
  write_log(chosen, sink);
}

}  // namespace bilint
