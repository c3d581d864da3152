#include "rules/required_literals.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace bilint {

namespace {

// More alternatives than this and a run of literals is ended instead of multiplied out (each
// alternative is one more pass over the text).
constexpr std::size_t kMaxAlternatives = 4;

using Strings = std::vector<std::string>;

std::size_t char_length(std::string_view p, std::size_t i) {
  const auto lead = static_cast<unsigned char>(p[i]);
  const std::size_t n = lead < 0x80    ? 1
                        : lead >= 0xF0 ? 4
                        : lead >= 0xE0 ? 3
                        : lead >= 0xC0 ? 2
                                       : 1;
  return std::min(n, p.size() - i);
}

// Runs of literals of a sequence (the pattern, or a group's body), each a set of alternatives one
// of which occurs in every match, as one piece. `head` is the run that begins the sequence (empty:
// it begins with something else), `current` the run still open at its end; while no cut has been
// seen the whole sequence is the one run `current`.
struct Runs {
  bool alternation = false;
  bool cut_seen = false;
  Strings head;
  std::vector<Strings> inner;
  Strings current;

  // What follows the open run directly, in every match.
  void extend(const Strings& next) {
    if (current.empty()) {
      current = next;
      return;
    }
    if (current.size() * next.size() > kMaxAlternatives) {
      cut();
      current = next;
      return;
    }
    Strings product;
    for (const std::string& a : current) {
      for (const std::string& b : next)
        product.push_back(a + b);
    }
    current = std::move(product);
  }

  // Something that is not a known literal: the open run ends.
  void cut() {
    if (!cut_seen) {
      head = std::move(current);
      cut_seen = true;
    } else if (!current.empty()) {
      inner.push_back(std::move(current));
    }
    current.clear();
  }

  // A group's body in place, matched once (`repeated`: at least once); the first time it follows
  // what precedes it and the last time it precedes what follows.
  void splice(Runs body, bool repeated) {
    if (!body.cut_seen) {
      if (!body.current.empty()) extend(body.current);
      if (repeated) cut();
      return;
    }
    if (body.head.empty()) {
      cut();
    } else {
      extend(body.head);
      cut();
    }
    for (Strings& run : body.inner)
      inner.push_back(std::move(run));
    current = std::move(body.current);
  }

  [[nodiscard]] std::vector<const Strings*> all() const {
    std::vector<const Strings*> runs;
    if (cut_seen && !head.empty()) runs.push_back(&head);
    for (const Strings& run : inner)
      runs.push_back(&run);
    if (!current.empty()) runs.push_back(&current);
    return runs;
  }
};

struct Atom {
  enum class Kind { literal, zero_width, other, group };
  Kind kind = Kind::other;
  Strings strings;
  std::unique_ptr<Runs> body;
};

struct Quantity {
  bool once = true;
  std::size_t min = 1;
};

class PatternReader {
 public:
  explicit PatternReader(std::string_view pattern) : p_(pattern) {}

  // False when the pattern uses something this reader does not know.
  bool read(Runs& runs) { return sequence(runs) && at_ == p_.size(); }

 private:
  bool sequence(Runs& runs) {
    while (at_ < p_.size() && p_[at_] != ')') {
      if (p_[at_] == '|') {
        runs.alternation = true;
        runs.cut();
        ++at_;
        continue;
      }
      Atom atom;
      Quantity quantity;
      if (!read_atom(atom) || !read_quantifier(quantity)) return false;
      apply(runs, std::move(atom), quantity);
    }
    return true;
  }

  static void apply(Runs& runs, Atom atom, Quantity quantity) {
    switch (atom.kind) {
      case Atom::Kind::zero_width:
        return;
      case Atom::Kind::other:
        runs.cut();
        return;
      case Atom::Kind::literal:
        if (quantity.min == 0) {
          runs.cut();
        } else {
          runs.extend(atom.strings);
          if (!quantity.once) runs.cut();
        }
        return;
      case Atom::Kind::group:
        if (quantity.min == 0 || atom.body->alternation)
          runs.cut();
        else
          runs.splice(std::move(*atom.body), !quantity.once);
        return;
    }
  }

  bool read_atom(Atom& atom) {
    const char c = p_[at_];
    switch (c) {
      case '(':
        return read_group(atom);
      case '[':
        return read_class(atom);
      case '\\':
        return read_escape(atom);
      case '.':
        atom.kind = Atom::Kind::other;
        ++at_;
        return true;
      case '^':
      case '$':
        atom.kind = Atom::Kind::zero_width;
        ++at_;
        return true;
      case '*':
      case '+':
      case '?':
      case '{':
        return false;
      default: {
        const std::size_t n = char_length(p_, at_);
        atom.kind = Atom::Kind::literal;
        atom.strings = {std::string(p_.substr(at_, n))};
        at_ += n;
        return true;
      }
    }
  }

  bool read_group(Atom& atom) {
    ++at_;  // '('
    bool lookaround = false;
    if (at_ < p_.size() && p_[at_] == '?') {
      const std::string_view rest = p_.substr(at_ + 1);
      if (rest.starts_with(':') || rest.starts_with('>')) {
        at_ += 2;
      } else if (rest.starts_with('=') || rest.starts_with('!')) {
        at_ += 2;
        lookaround = true;
      } else if (rest.starts_with("<=") || rest.starts_with("<!")) {
        at_ += 3;
        lookaround = true;
      } else if (rest.starts_with('<') || rest.starts_with("P<") || rest.starts_with('\'')) {
        const std::size_t close = p_.find(rest.starts_with('\'') ? '\'' : '>', at_ + 3);
        if (close == std::string_view::npos) return false;
        at_ = close + 1;
      } else {
        // Flags such as (?i), conditionals, recursion, branch reset; and comments, which a
        // quantifier after them sees through ("(a)(?#x)*" repeats the group).
        return false;
      }
    }
    auto body = std::make_unique<Runs>();
    if (!sequence(*body) || at_ >= p_.size()) return false;
    ++at_;  // ')'
    if (lookaround) {
      atom.kind = Atom::Kind::zero_width;
    } else {
      atom.kind = Atom::Kind::group;
      atom.body = std::move(body);
    }
    return true;
  }

  // A set such as [：:] is a literal with one alternative per member; a negated set, a range, an
  // escape or a class name inside makes it some other character.
  bool read_class(Atom& atom) {
    std::size_t i = at_ + 1;
    bool plain = true;
    if (i < p_.size() && p_[i] == '^') {
      plain = false;
      ++i;
    }
    Strings members;
    for (bool first = true; i < p_.size(); first = false) {
      const char c = p_[i];
      if (c == ']' && !first) {
        at_ = i + 1;
        atom.kind = plain && !members.empty() && members.size() <= kMaxAlternatives
                        ? Atom::Kind::literal
                        : Atom::Kind::other;
        atom.strings = std::move(members);
        return true;
      }
      if (c == '\\') {
        plain = false;
        i += 2;
      } else if (c == '[' && i + 1 < p_.size() &&
                 (p_[i + 1] == ':' || p_[i + 1] == '.' || p_[i + 1] == '=')) {
        const std::size_t end = p_.find(std::string{p_[i + 1], ']'}, i + 2);
        if (end == std::string_view::npos) return false;
        plain = false;
        i = end + 2;
      } else {
        if (c == '-' || c == '[') plain = false;
        const std::size_t n = char_length(p_, i);
        const std::string member(p_.substr(i, n));
        if (std::find(members.begin(), members.end(), member) == members.end())
          members.push_back(member);
        i += n;
      }
    }
    return false;  // never closed
  }

  bool read_escape(Atom& atom) {
    if (at_ + 1 >= p_.size()) return false;
    const char c = p_[at_ + 1];
    if (ascii::is_alnum(c)) {
      if (c == 'Q') return false;
      at_ += 2;
      // The escape's argument, whatever its form (\x41, \x{4E00}, \p{L}, \k<name>, \g{1}, \cA,
      // \012): taking too much only loses literals, taking too little would invent them.
      while (at_ < p_.size() && ascii::is_alnum(p_[at_]))
        ++at_;
      if (at_ < p_.size() && (p_[at_] == '{' || p_[at_] == '<' || p_[at_] == '\'')) {
        const char close = p_[at_] == '{' ? '}' : p_[at_] == '<' ? '>' : '\'';
        const std::size_t end = p_.find(close, at_ + 1);
        if (end == std::string_view::npos) return false;
        at_ = end + 1;
      }
      atom.kind = std::string_view("bBAzZG").find(c) != std::string_view::npos
                      ? Atom::Kind::zero_width
                      : Atom::Kind::other;
      return true;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      atom.kind = Atom::Kind::other;
      at_ += 1 + char_length(p_, at_ + 1);
      return true;
    }
    at_ += 2;
    // Boost reads \< \> as word boundaries and \` \' as the buffer's ends.
    if (c == '<' || c == '>' || c == '`' || c == '\'') {
      atom.kind = Atom::Kind::zero_width;
    } else {
      atom.kind = Atom::Kind::literal;
      atom.strings = {std::string(1, c)};
    }
    return true;
  }

  bool read_quantifier(Quantity& quantity) {
    if (at_ >= p_.size()) return true;
    const char c = p_[at_];
    if (c == '*' || c == '?') {
      quantity = {false, 0};
      ++at_;
    } else if (c == '+') {
      quantity = {false, 1};
      ++at_;
    } else if (c == '{') {
      const std::size_t close = p_.find('}', at_);
      if (close == std::string_view::npos) return false;
      const std::string_view inside = p_.substr(at_ + 1, close - at_ - 1);
      const std::size_t comma = inside.find(',');
      const std::string_view low = inside.substr(0, comma);
      if (low.empty() || low.size() > 6 ||
          !std::all_of(low.begin(), low.end(), [](char d) { return d >= '0' && d <= '9'; }))
        return false;
      quantity.min = std::stoul(std::string(low));
      quantity.once = quantity.min == 1 && (comma == std::string_view::npos || inside == "1,1");
      at_ = close + 1;
    } else {
      return true;
    }
    if (at_ < p_.size() && (p_[at_] == '?' || p_[at_] == '+')) ++at_;  // lazy, possessive
    // A second quantifier ("a**") is an error Boost reports; nothing is claimed for it.
    return at_ >= p_.size() || std::string_view("*+?{").find(p_[at_]) == std::string_view::npos;
  }

  std::string_view p_;
  std::size_t at_ = 0;
};

// How common a byte is in digests, coarsely (bytes of the shared corpus: each lead byte of the
// common ideographs 3 to 7%, a space 1.8%, lowercase letters and continuation bytes up to 2%, other
// ASCII well under 1%).
int commonness(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b >= 0xE4 && b <= 0xE9) return 3;
  if (b == ' ') return 2;
  if ((b >= 'a' && b <= 'z') || (b >= 0x80 && b <= 0xBF)) return 1;
  return 0;
}

}  // namespace

std::vector<std::string> required_literals(std::string_view pattern) {
  Runs runs;
  if (!PatternReader(pattern).read(runs) || runs.alternation) return {};
  // The run whose shortest alternative is longest skips the most text; fewer alternatives break a
  // tie.
  const Strings* best = nullptr;
  const auto shortest = [](const Strings& run) {
    std::size_t n = run.front().size();
    for (const std::string& s : run)
      n = std::min(n, s.size());
    return n;
  };
  for (const Strings* run : runs.all()) {
    if (best == nullptr || shortest(*run) > shortest(*best) ||
        (shortest(*run) == shortest(*best) && run->size() < best->size()))
      best = run;
  }
  return best == nullptr ? Strings{} : *best;
}

LiteralOccurrences::LiteralOccurrences(std::string_view text,
                                       const std::vector<std::string>& literals)
    : unconditional_(literals.empty()) {
  for (const std::string& literal : literals) {
    if (literal.empty()) {
      unconditional_ = true;
      continue;
    }
    // memchr for the literal's least common byte (the last of equals), then a comparison: several
    // times faster than glibc's memmem on these short needles, whose hashing costs a few
    // instructions a byte.
    std::size_t key = literal.size() - 1;
    for (std::size_t k = key; k-- > 0;) {
      if (commonness(literal[k]) < commonness(literal[key])) key = k;
    }
    for (std::size_t i = key; i < text.size();) {
      const void* hit = std::memchr(text.data() + i, literal[key], text.size() - i);
      if (hit == nullptr) break;
      const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
      const std::size_t begin = at - key;
      if (begin + literal.size() <= text.size() &&
          std::memcmp(text.data() + begin, literal.data(), literal.size()) == 0) {
        found_.push_back({begin, begin + literal.size()});
      }
      i = at + 1;
    }
  }
  if (literals.size() > 1) {
    std::sort(found_.begin(), found_.end(), [](const Span& a, const Span& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
  }
}

bool LiteralOccurrences::any_within(Span stretch) const {
  if (unconditional_) return true;
  auto it = std::lower_bound(found_.begin(), found_.end(), stretch.begin,
                             [](const Span& s, std::size_t at) { return s.begin < at; });
  for (; it != found_.end() && it->begin < stretch.end; ++it) {
    if (it->end <= stretch.end) return true;
  }
  return false;
}

bool contains_any(std::string_view text, const std::vector<std::string>& literals) {
  if (literals.empty()) return true;
  return std::any_of(literals.begin(), literals.end(), [&](const std::string& literal) {
    return ::memmem(text.data(), text.size(), literal.data(), literal.size()) != nullptr;
  });
}

}  // namespace bilint
