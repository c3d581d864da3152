// Arbitrary bytes through the parser, every rule and every output format: nothing may crash, hang
// or leak, every finding must lie inside the input, and the JSON and SARIF reports (whose findings
// are written by JsonWriter) must be the very bytes nlohmann writes for the document they parse to.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/linter.hpp"
#include "engine/runner.hpp"
#include "report/reporter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  using nlohmann::ordered_json;
  static const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  RunResult result = run(linter, {Input{"fuzz.md", bytes}}, 1);
  for (const Finding& f : result.findings) {
    if (f.location.end.offset > size || f.location.start.offset > f.location.end.offset)
      __builtin_trap();
  }
  ReportOptions options;
  options.catalog = &RuleCatalog::builtin();
  for (const char* format : {"gcc", "json", "sarif", "github"}) {
    const std::string report = make_reporter(format, options)->render_run(result);
    if (std::string_view(format) != "json" && std::string_view(format) != "sarif") continue;
    // Throws, and so stops the fuzzer, on text that is not JSON.
    const ordered_json parsed = ordered_json::parse(report);
    if (parsed.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n" != report)
      __builtin_trap();
  }
  return 0;
}
