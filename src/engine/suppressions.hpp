#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "parse/document.hpp"

namespace bilint {

// The `<!-- bilint-… -->` comments of one file and what each has suppressed so far.
//
//   <!-- bilint-disable [RULE…] -->            from this line until a matching bilint-enable
//   <!-- bilint-enable [RULE…] -->             ends it (without rules: ends every disable)
//   <!-- bilint-disable-line [RULE…] -->       this line
//   <!-- bilint-disable-next-line [RULE…] -->  the next line
//   <!-- bilint-disable-entry [RULE…] -->      the entry whose heading comes next
//
// RULE is a rule id or a family; none means every rule. Several are separated by spaces or commas.
class Suppressions {
 public:
  // A problem with a comment: an unknown directive or rule id, with its position.
  struct Problem {
    Span span;
    std::string message;
  };

  // Reads the comments outside code blocks; `known` lists every rule id and family.
  static Suppressions read(const SourceFile& source, const Document& document,
                           const std::vector<std::string>& known, std::vector<Problem>& problems);

  // Whether a finding of `rule_id` on `line` (1-based) is suppressed; if so the comment that
  // suppresses it counts as used.
  bool suppresses(std::string_view rule_id, std::size_t line);

  // The comments, or rule ids in them, that suppressed nothing, for the rules in `ran`.
  [[nodiscard]] std::vector<Problem> unused(const std::function<bool(std::string_view)>& ran) const;

  [[nodiscard]] bool empty() const { return directives_.empty(); }

 private:
  struct Target {
    std::string selector;  // rule id, family, or `all` (a comment naming no rule)
    bool used = false;
  };
  struct Directive {
    Span where;                  // the comment
    std::size_t first_line = 0;  // lines it covers, inclusive
    std::size_t last_line = 0;
    std::vector<Target> targets;
  };
  std::vector<Directive> directives_;
};

}  // namespace bilint
