// Arbitrary bytes through the parser, every rule and every output format: nothing may crash, hang
// or leak, and every finding must lie inside the input.
#include <cstdint>
#include <string>

#include "engine/linter.hpp"
#include "engine/runner.hpp"
#include "report/reporter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
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
    (void)make_reporter(format, options)->render_run(result);
  }
  return 0;
}
