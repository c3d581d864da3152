// The fixer on arbitrary text: valid UTF-8 stays valid, and a second fix pass changes nothing.
#include <cstdint>
#include <string>

#include "core/source.hpp"
#include "engine/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  static const Linter linter(RuleCatalog::builtin(), RuleSelection{}, default_glossary());
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const bool valid = SourceFile("in.md", bytes).encoding().invalid_utf8.empty();
  const std::string once = linter.fix("fuzz.md", bytes);
  if (valid && !SourceFile("out.md", once).encoding().invalid_utf8.empty()) __builtin_trap();
  if (linter.fix("fuzz.md", once) != once) __builtin_trap();
  return 0;
}
