#include "core/finding.hpp"

#include <tuple>

namespace bilint {

bool finding_less(const Finding& a, const Finding& b) {
  const auto key = [](const Finding& f) {
    return std::tie(f.location.path, f.location.start.line, f.location.start.offset,
                    f.location.end.offset, f.rule_id, f.message);
  };
  return key(a) < key(b);
}

}  // namespace bilint
