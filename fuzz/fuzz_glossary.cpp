// Glossary YAML through the loader and the matcher: errors are fine, crashes and hangs are not.
#include <cstdint>
#include <string>

#include "glossary/compiled_glossary.hpp"
#include "glossary/glossary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  std::vector<GlossaryError> errors;
  Glossary glossary = Glossary::parse(std::string_view(reinterpret_cast<const char*>(data), size),
                                      "g.yaml", errors);
  const CompiledGlossary compiled(std::move(glossary));
  (void)compiled.node_count();
  return 0;
}
