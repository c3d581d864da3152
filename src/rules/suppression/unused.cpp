#include "rules/registry.hpp"

namespace bilint {

// Suppression comments are read by the engine, which alone sees every rule's findings (see
// src/engine/suppressions.hpp). This class checks nothing itself; registering it gives the engine's
// reports a rule id with metadata, documentation, selection and a configurable level like every
// other rule.
class UnusedSuppressionRule final : public Rule {
 public:
  static constexpr std::string_view kId = "suppression/unused";
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::UnusedSuppressionRule)
