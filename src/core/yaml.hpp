#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bilint::yaml {

// Where a node starts: 1-based line and column, the column counted in code points (libyaml counts
// characters, which is what bilint reports everywhere).
struct Mark {
  std::size_t line = 0;
  std::size_t column = 0;
};

// A parsed YAML value. Only what bilint's files need: scalars (untyped text; `true`, `10` stay
// text), sequences and mappings, each with the position it was written at.
//
// Built on libyaml rather than yaml-cpp: yaml-cpp's scanner alone takes 1.0 s on a 9 MB,
// 100,000-term glossary where libyaml takes 0.15 s (2-core Xeon, bench/make_glossary.cpp), and
// yaml-cpp's node API expands aliases silently, so an alias bomb cannot be bounded; here every node
// an alias expands to is counted against a budget.
class Node {
 public:
  enum class Kind { null, scalar, sequence, map };

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_null() const { return kind_ == Kind::null; }
  [[nodiscard]] bool is_scalar() const { return kind_ == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const { return kind_ == Kind::sequence; }
  [[nodiscard]] bool is_map() const { return kind_ == Kind::map; }
  [[nodiscard]] const std::string& scalar() const { return scalar_; }
  [[nodiscard]] Mark mark() const { return mark_; }

  // A sequence's items.
  [[nodiscard]] const std::vector<Node>& items() const { return items_; }
  // A mapping's keys and values, in the order written.
  [[nodiscard]] const std::vector<std::pair<Node, Node>>& entries() const { return entries_; }
  // A mapping's value for a scalar key, or null when there is none (or this is no mapping).
  [[nodiscard]] const Node* find(std::string_view key) const;

 private:
  friend class Builder;
  Kind kind_ = Kind::null;
  std::string scalar_;
  Mark mark_;
  std::vector<Node> items_;
  std::vector<std::pair<Node, Node>> entries_;
};

struct Error {
  Mark mark;
  std::string message;
};

// The default node budget: generous for any real file (a node takes at least a byte or two to
// write), tiny next to what a "billion laughs" document expands to.
constexpr std::size_t default_node_budget(std::size_t text_size) {
  return 100'000 + text_size;
}

// Parses the first document of `text` (an empty text is a null node). A syntax error, a document
// expanding to more nodes than `node_budget` (0: default_node_budget), an undefined alias or a
// second document gives nothing and sets `error`.
std::optional<Node> parse(std::string_view text, Error& error, std::size_t node_budget = 0);

// Levenshtein distance between two ASCII keys, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);
// " (did you mean 'x'?)" for the closest candidate within two edits, else "".
std::string did_you_mean(std::string_view key, const std::vector<std::string_view>& candidates);

}  // namespace bilint::yaml
