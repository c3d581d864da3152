#include "core/yaml.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <yaml.h>

#include <fmt/format.h>

namespace bilint::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries_) {
    if (k.is_scalar() && k.scalar() == key) return &v;
  }
  return nullptr;
}

namespace {

Mark to_mark(const yaml_mark_t& mark) {
  return {mark.line + 1, mark.column + 1};
}

bool is_null_scalar(const yaml_event_t& event) {
  if (event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  const std::string_view text(reinterpret_cast<const char*>(event.data.scalar.value),
                              event.data.scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::size_t count_nodes(const Node& node) {
  std::size_t n = 1;
  for (const Node& item : node.items())
    n += count_nodes(item);
  for (const auto& [key, value] : node.entries())
    n += count_nodes(key) + count_nodes(value);
  return n;
}

}  // namespace

// A libyaml event that frees what it holds when it goes out of scope.
struct Event : yaml_event_t {
  Event() : yaml_event_t{} {}
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() { yaml_event_delete(this); }
};

// Turns libyaml's event stream into a tree; anchors are kept by name so that aliases can be copied.
class Builder {
 public:
  Builder(std::string_view text, std::size_t budget) : budget_(budget) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~Builder() { yaml_parser_delete(&parser_); }
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  std::optional<Node> build(Error& error) {
    Node root;
    bool have_document = false;
    for (;;) {
      Event event;
      if (!next(event, error)) return std::nullopt;
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          return root;
        case YAML_DOCUMENT_START_EVENT:
          if (have_document) {
            error = {to_mark(event.start_mark),
                     "a second YAML document ('---'); this file holds one"};
            return std::nullopt;
          }
          have_document = true;
          break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_NO_EVENT:
          break;
        default:
          if (!node(event, root, error)) return std::nullopt;
          break;
      }
    }
  }

 private:
  // The next event; false, with `error` set, on a syntax error.
  bool next(Event& event, Error& error) {
    if (yaml_parser_parse(&parser_, &event) != 0) return true;
    error = syntax_error();
    return false;
  }

  // Reads the node that starts with `event` (and, for collections, the events up to its end).
  bool node(const yaml_event_t& event, Node& out, Error& error) {
    out.mark_ = to_mark(event.start_mark);
    if (++nodes_ > budget_) return over_budget(event, error);
    const char* anchor = nullptr;
    switch (event.type) {
      case YAML_ALIAS_EVENT: {
        const auto it = anchors_.find(reinterpret_cast<const char*>(event.data.alias.anchor));
        if (it == anchors_.end()) {
          error = {out.mark_, fmt::format("alias '*{}' names no anchor",
                                          reinterpret_cast<const char*>(event.data.alias.anchor))};
          return false;
        }
        nodes_ += it->second.second - 1;
        if (nodes_ > budget_) return over_budget(event, error);
        out = it->second.first;
        out.mark_ = to_mark(event.start_mark);
        return true;
      }
      case YAML_SCALAR_EVENT:
        anchor = reinterpret_cast<const char*>(event.data.scalar.anchor);
        if (is_null_scalar(event)) {
          out.kind_ = Node::Kind::null;
        } else {
          out.kind_ = Node::Kind::scalar;
          out.scalar_.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                             event.data.scalar.length);
        }
        break;
      case YAML_SEQUENCE_START_EVENT:
        anchor = reinterpret_cast<const char*>(event.data.sequence_start.anchor);
        out.kind_ = Node::Kind::sequence;
        if (!children(out, error)) return false;
        break;
      case YAML_MAPPING_START_EVENT:
        anchor = reinterpret_cast<const char*>(event.data.mapping_start.anchor);
        out.kind_ = Node::Kind::map;
        if (!children(out, error)) return false;
        break;
      default:
        error = {out.mark_, "unexpected YAML event"};
        return false;
    }
    if (anchor != nullptr) anchors_[anchor] = {out, count_nodes(out)};
    return true;
  }

  bool children(Node& parent, Error& error) {
    const bool map = parent.kind_ == Node::Kind::map;
    // Most collections are small (a glossary term is a mapping of three or four keys): room for
    // that at once instead of growing one entry at a time.
    if (map) {
      parent.entries_.reserve(4);
    } else {
      parent.items_.reserve(2);
    }
    KeySet keys;
    Node key;
    bool have_key = false;
    for (;;) {
      Event event;
      if (!next(event, error)) return false;
      if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT) {
        return true;
      }
      Node child;
      if (!node(event, child, error)) return false;
      if (!map) {
        parent.items_.push_back(std::move(child));
      } else if (!have_key) {
        // YAML requires the keys of a mapping to differ; a repeated one would silently lose a
        // setting, so it is an error.
        if (const std::optional<std::size_t> first = keys.add(parent, child)) {
          error = {child.mark_,
                   fmt::format("duplicate key '{}' (first at line {})", child.scalar_, *first)};
          return false;
        }
        key = std::move(child);
        have_key = true;
      } else {
        parent.entries_.emplace_back(std::move(key), std::move(child));
        key = Node();
        have_key = false;
      }
    }
  }

  [[nodiscard]] Error syntax_error() const {
    Error error{to_mark(parser_.problem_mark),
                parser_.problem != nullptr ? parser_.problem : "YAML syntax error"};
    if (parser_.context != nullptr) error.message += fmt::format(" {}", parser_.context);
    return error;
  }

  // The scalar keys of one mapping being read: a scan while it is small (most are), a hash index
  // once it is not, so that a mapping of 100,000 keys is not quadratic.
  class KeySet {
   public:
    // The line of an earlier equal key of `map`, else nothing (and `key` is remembered).
    std::optional<std::size_t> add(const Node& map, const Node& key) {
      if (!key.is_scalar()) return std::nullopt;
      if (index_.empty() && map.entries_.size() < 16) {
        for (const auto& [k, v] : map.entries_) {
          if (k.is_scalar() && k.scalar_ == key.scalar_) return k.mark_.line;
        }
        return std::nullopt;
      }
      if (index_.empty()) {
        for (const auto& [k, v] : map.entries_) {
          if (k.is_scalar()) index_.emplace(k.scalar_, k.mark_.line);
        }
      }
      const auto [it, inserted] = index_.emplace(key.scalar_, key.mark_.line);
      if (inserted) return std::nullopt;
      return it->second;
    }

   private:
    std::unordered_map<std::string, std::size_t> index_;
  };

  bool over_budget(const yaml_event_t& event, Error& error) const {
    error = {
        to_mark(event.start_mark),
        fmt::format("the YAML expands to more than {} nodes (an alias bomb?); not read", budget_)};
    return false;
  }

  yaml_parser_t parser_{};
  std::size_t budget_;
  std::size_t nodes_ = 0;
  std::map<std::string, std::pair<Node, std::size_t>, std::less<>> anchors_;
};

std::optional<Node> parse(std::string_view text, Error& error, std::size_t node_budget) {
  Builder builder(text, node_budget == 0 ? default_node_budget(text.size()) : node_budget);
  return builder.build(error);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view key, const std::vector<std::string_view>& candidates) {
  std::size_t best = 3;
  std::string_view choice;
  for (const std::string_view candidate : candidates) {
    const std::size_t d = edit_distance(key, candidate);
    if (d < best) {
      best = d;
      choice = candidate;
    }
  }
  return choice.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", choice);
}

}  // namespace bilint::yaml
