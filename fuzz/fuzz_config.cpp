// Configuration YAML through the loader (and the rule options through each rule's configure):
// errors are fine, crashes and hangs are not. rules-files paths are read from the disk, so the
// fuzzer only ever names files that do not exist.
#include <cstdint>
#include <string>

#include "engine/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bilint;
  try {
    const Config config = parse_config(std::string_view(reinterpret_cast<const char*>(data), size),
                                       "/nonexistent/.bilint.yaml");
    (void)describe(config);
  } catch (const ConfigError&) {
  }
  return 0;
}
