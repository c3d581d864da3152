#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "rules/rule.hpp"

namespace bilint {

using RuleFactory = std::unique_ptr<Rule> (*)();

// Rule id -> factory, filled by static initialisers in the rule files before main runs.
class RuleRegistry {
 public:
  static bool add(std::string_view id, RuleFactory factory);
  static const std::map<std::string, RuleFactory, std::less<>>& factories();

 private:
  static std::map<std::string, RuleFactory, std::less<>>& mutable_factories();
};

}  // namespace bilint

#define BILINT_REGISTER_RULE(RuleClass)                                                   \
  namespace {                                                                             \
  [[maybe_unused]] const bool bilint_rule_registered = ::bilint::RuleRegistry::add(       \
      RuleClass::kId,                                                                     \
      []() -> std::unique_ptr<::bilint::Rule> { return std::make_unique<RuleClass>(); }); \
  }
