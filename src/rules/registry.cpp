#include "rules/registry.hpp"

#include <cstdio>
#include <cstdlib>

namespace bilint {

std::map<std::string, RuleFactory, std::less<>>& RuleRegistry::mutable_factories() {
  // A function-local static, so that registration from other translation units' initialisers is
  // safe whatever order they run in.
  static std::map<std::string, RuleFactory, std::less<>> factories;
  return factories;
}

bool RuleRegistry::add(std::string_view id, RuleFactory factory) {
  if (!mutable_factories().emplace(std::string(id), factory).second) {
    // Two classes claiming one id is a programming error that no test could miss; fail loudly.
    std::fprintf(stderr, "bilint: rule id registered twice: %.*s\n", static_cast<int>(id.size()),
                 id.data());
    std::abort();
  }
  return true;
}

const std::map<std::string, RuleFactory, std::less<>>& RuleRegistry::factories() {
  return mutable_factories();
}

}  // namespace bilint
