// Glossary YAML through the loader and the matcher: errors are fine, crashes and hangs are not.
// The same bytes are then read as a digest and searched with the glossary they define, so that
// the matcher meets fuzzed patterns in text made of them.
#include <cstdint>
#include <string>

#include "core/source.hpp"
#include "glossary/compiled_glossary.hpp"
#include "glossary/glossary.hpp"
#include "parse/digest_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<GlossaryError> errors;
  Glossary glossary = Glossary::parse(text, "g.yaml", errors);
  const CompiledGlossary compiled(std::move(glossary));
  const SourceFile source("g.md", text);
  const Document document = parse_digest(source);
  for (const Entry& entry : document.entries)
    (void)compiled.find(document, entry);
  return 0;
}
