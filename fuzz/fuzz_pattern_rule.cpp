// Pattern rule YAML through the loader, and a loaded rule's examples through the rule.
#include <cstdint>
#include <string>

#include "rules/pattern_rule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  std::vector<PatternFileProblem> problems;
  const auto rule =
      parse_pattern_rule(std::string_view(reinterpret_cast<const char*>(data), size), problems);
  if (rule) (void)run_pattern_examples(*rule);
  return 0;
}
