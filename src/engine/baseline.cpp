#include "engine/baseline.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/inputs.hpp"
#include "engine/linter.hpp"

namespace bilint {

namespace {

namespace fs = std::filesystem;

std::string directory_of(const std::string& file) {
  return fs::path(resolved_path(file)).parent_path().string();
}

std::string relative(const std::string& directory, std::string_view path) {
  return fs::path(resolved_path(std::string(path))).lexically_relative(directory).generic_string();
}

}  // namespace

Baseline Baseline::load(const std::string& path) {
  std::string error;
  const std::optional<std::string> text = read_file(path, error);
  if (!text) throw UsageError(fmt::format("{}: cannot read the baseline: {}", path, error));
  Baseline baseline;
  baseline.directory_ = directory_of(path);
  try {
    const nlohmann::json json = nlohmann::json::parse(*text);
    if (json.at("version").get<int>() != 1) {
      throw UsageError(fmt::format("{}: unsupported baseline version", path));
    }
    for (const nlohmann::json& f : json.at("findings")) {
      baseline.known_.emplace(f.at("path").get<std::string>(), f.at("rule").get<std::string>(),
                              f.at("fingerprint").get<std::string>());
    }
  } catch (const nlohmann::json::exception& e) {
    // nlohmann's parse errors carry the byte offset ("at line 3, column 7").
    throw UsageError(fmt::format("{}: not a bilint baseline: {}", path, e.what()));
  }
  return baseline;
}

std::string Baseline::render(const std::string& path, const std::vector<Finding>& findings) {
  const std::string directory = directory_of(path);
  nlohmann::json list = nlohmann::json::array();
  for (const Finding& f : findings) {
    // The message and line are for the reader of a diff of the baseline; matching ignores them.
    list.push_back({{"path", relative(directory, f.location.path)},
                    {"rule", std::string(f.rule_id)},
                    {"fingerprint", fingerprint_text(f.fingerprint)},
                    {"line", f.location.start.line},
                    {"message", f.message}});
  }
  const nlohmann::json json = {{"version", 1}, {"tool", "bilint"}, {"findings", list}};
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool Baseline::contains(const Finding& finding) const {
  return known_.contains({relative(directory_, finding.location.path), std::string(finding.rule_id),
                          fingerprint_text(finding.fingerprint)});
}

}  // namespace bilint
