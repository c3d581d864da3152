#include "glossary/matcher.hpp"

#include <algorithm>
#include <bit>
#include <span>

#include "core/utf8.hpp"

namespace bilint {

namespace {

char32_t fold(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
  if (cp == '-') return ' ';
  return cp;
}
bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool has_ascii_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

std::uint32_t Matcher::add(std::string_view pattern, Options options) {
  const auto index = static_cast<std::uint32_t>(patterns_.size());
  Pattern p;
  p.length = static_cast<std::uint32_t>(pattern.size());
  p.options = options;
  if (!options.ignore_ascii_case && has_ascii_letter(pattern)) p.exact = pattern;
  if (!options.word_bounded && !pattern.empty() &&
      is_word_byte(static_cast<unsigned char>(pattern[0]))) {
    word_inner_starts_ = true;
  }
  patterns_.push_back(std::move(p));
  pending_start_.push_back(static_cast<std::uint32_t>(pending_.size()));
  for (std::size_t k = 0; k < pattern.size();) {
    const utf8::Decoded d = utf8::decode(pattern, k);
    k += d.length;
    pending_.push_back(fold(d.code_point));
  }
  return index;
}

std::uint32_t Matcher::pair_child(std::uint32_t node, char32_t first, char32_t second) const {
  const std::uint64_t key = (std::uint64_t{first} << 21) | second;
  for (std::uint64_t i = mix(key) & pair_mask_;; i = (i + 1) & pair_mask_) {
    const std::uint64_t slot = pairs_[i];
    if (slot >> kPairValueBits == key) {
      const auto value = static_cast<std::uint32_t>(slot & ((1U << kPairValueBits) - 1));
      return (nodes_[node & ~kTerminal].first_child + (value >> 1)) | (value << 31);
    }
    if (slot == kNoPair) return 0;
  }
}

void Matcher::compile() {
  const std::vector<char32_t> code_points = std::move(pending_);
  std::vector<std::uint32_t> start = std::move(pending_start_);
  start.push_back(static_cast<std::uint32_t>(code_points.size()));
  pending_ = {};
  pending_start_ = {};

  // Breadth-first: node n stands for the patterns cursors[group.begin, group.end), which share
  // their first `depth` code points. Sorting them stably by the next code point gives the node's
  // outputs (in ascending pattern order) and its children, numbered in order: a radix sort of the
  // patterns that needs no lookups in the growing trie. Each cursor carries where its pattern
  // goes on, so that a level reads the code points it needs with one random access each.
  struct Cursor {
    std::uint32_t at;   // the next code point in code_points
    std::uint32_t end;  // one past the pattern's last
    std::uint32_t pattern;
  };
  struct Group {
    std::uint32_t begin;
    std::uint32_t end;
  };
  std::vector<Cursor> cursors;
  for (std::uint32_t p = 0; p + 1 < start.size(); ++p) {
    if (start[p + 1] > start[p]) cursors.push_back({start[p], start[p + 1], p});
  }
  std::vector<Group> groups{{0, static_cast<std::uint32_t>(cursors.size())}};
  nodes_.assign(1, Node{});
  outputs_begin_.clear();
  outputs_.clear();
  std::vector<std::uint64_t> keys;  // next code point + 1 (0: the pattern ends) : place in group
  std::vector<Cursor> sorted;
  for (std::uint32_t node = 0; node < groups.size(); ++node) {
    const Group group = groups[node];
    nodes_[node].first_child = static_cast<std::uint32_t>(groups.size());
    outputs_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
    const std::span<Cursor> members(cursors.data() + group.begin, group.end - group.begin);
    keys.clear();
    for (std::uint32_t k = 0; k < members.size(); ++k) {
      // The groups of one level follow one another through `cursors`, and every cursor of the
      // level has moved on already: what comes next is known, across group boundaries.
      constexpr std::uint32_t kAhead = 16;
      if (group.begin + k + kAhead < cursors.size()) {
        __builtin_prefetch(&code_points[cursors[group.begin + k + kAhead].at]);
      }
      const Cursor& c = members[k];
      const std::uint64_t next = c.at < c.end ? std::uint64_t{code_points[c.at]} + 1 : 0;
      keys.push_back((next << 32) | k);
    }
    if (keys.size() > 1) {
      std::sort(keys.begin(), keys.end());
      sorted.clear();
      for (const std::uint64_t key : keys)
        sorted.push_back(members[static_cast<std::uint32_t>(key)]);
      std::copy(sorted.begin(), sorted.end(), members.begin());
    }
    for (std::uint32_t i = 0; i < keys.size();) {
      const std::uint64_t next = keys[i] >> 32;
      if (next == 0) {
        outputs_.push_back(members[i++].pattern);
        nodes_[node].label |= 1;
        continue;
      }
      std::uint32_t j = i;
      for (; j < keys.size() && keys[j] >> 32 == next; ++j)
        ++members[j].at;
      nodes_.push_back({static_cast<std::uint32_t>(next - 1) << 1, 0});
      groups.push_back({group.begin + i, group.begin + j});
      i = j;
    }
  }
  nodes_.push_back({0, static_cast<std::uint32_t>(groups.size())});
  outputs_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));

  root_.assign(kBmp, 0);
  for (std::uint32_t c = nodes_[0].first_child; c < nodes_[1].first_child; ++c) {
    const char32_t cp = nodes_[c].label >> 1;
    if (cp < kBmp) root_[cp] = c | nodes_[c].label << 31;
  }
  // Every walk that gets past the first character takes its second step here: one probe into a
  // table at most half full, instead of a search through the hundreds of children a common first
  // character has in a large glossary.
  std::size_t second_level = 0;
  for (std::uint32_t c = nodes_[0].first_child; c < nodes_[1].first_child; ++c)
    second_level += nodes_[c + 1].first_child - nodes_[c].first_child;
  pairs_.assign(std::bit_ceil(2 * second_level + 2), kNoPair);
  pair_mask_ = pairs_.size() - 1;
  for (std::uint32_t a = nodes_[0].first_child; a < nodes_[1].first_child; ++a) {
    for (std::uint32_t b = nodes_[a].first_child; b < nodes_[a + 1].first_child; ++b) {
      const std::uint64_t key =
          (std::uint64_t{nodes_[a].label >> 1} << 21) | (nodes_[b].label >> 1);
      std::uint64_t i = mix(key) & pair_mask_;
      while (pairs_[i] != kNoPair)
        i = (i + 1) & pair_mask_;
      // A node has at most 0x110000 children, so the offset fits in 21 bits.
      const std::uint64_t offset = b - nodes_[a].first_child;
      pairs_[i] = (key << kPairValueBits) | offset << 1 | (nodes_[b].label & 1);
    }
  }
}

std::uint32_t Matcher::child(std::uint32_t node, char32_t cp) const {
  if (node == 0 && cp < kBmp) return root_[cp];
  return child_from(node, cp);
}

std::uint32_t Matcher::child_from(std::uint32_t node, char32_t cp) const {
  node &= ~kTerminal;
  const std::uint32_t begin = nodes_[node].first_child;
  std::uint32_t count = nodes_[node + 1].first_child - begin;
  if (count == 0) return 0;
  // A binary search without branches on the comparisons (they are unpredictable).
  const Node* base = nodes_.data() + begin;
  while (count > 1) {
    const std::uint32_t half = count / 2;
    base = (base[half].label >> 1) <= cp ? base + half : base;
    count -= half;
  }
  if (base->label >> 1 != cp) return 0;
  return static_cast<std::uint32_t>(base - nodes_.data()) | base->label << 31;
}

bool Matcher::accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                     const Pattern& pattern) const {
  if (pattern.options.word_bounded) {
    if (begin > range.begin && is_word_byte(static_cast<unsigned char>(text[begin - 1]))) {
      return false;
    }
    if (end < range.end && is_word_byte(static_cast<unsigned char>(text[end]))) return false;
  }
  if (!pattern.exact.empty()) {
    // Case matters; '-' and ' ' still count as the same.
    for (std::size_t k = 0; k < pattern.exact.size(); ++k) {
      const char a = text[begin + k];
      const char b = pattern.exact[k];
      if (a != b && !((a == '-' || a == ' ') && (b == '-' || b == ' '))) return false;
    }
  }
  return true;
}

void Matcher::find(std::string_view text, Span range, std::vector<Match>& out) const {
  if (nodes_.empty()) return;
  const std::string_view scope = text.substr(0, range.end);
  std::size_t p = range.begin;
  while (p < range.end) {
    const auto lead = static_cast<unsigned char>(scope[p]);
    if (!word_inner_starts_ && p > range.begin && is_word_byte(lead) &&
        is_word_byte(static_cast<unsigned char>(scope[p - 1]))) {
      ++p;
      continue;
    }
    const utf8::Decoded first = lead < 0x80 ? utf8::Decoded{lead, 1, true} : utf8::decode(scope, p);
    const char32_t c0 = fold(first.code_point);
    std::uint32_t node = child(0, c0);
    if (node == 0) {
      p += first.length;
      continue;
    }
    std::size_t q = p + first.length;
    std::size_t best_end = 0;
    std::uint32_t best_node = 0;
    bool second = true;  // the next step is the second character
    for (;;) {
      if ((node & kTerminal) != 0) {
        const std::uint32_t id = node & ~kTerminal;
        for (std::uint32_t k = outputs_begin_[id]; k < outputs_begin_[id + 1]; ++k) {
          if (accept(text, range, p, q, patterns_[outputs_[k]])) {
            best_end = q;
            best_node = id;
            break;
          }
        }
      }
      if (q >= range.end) break;
      const utf8::Decoded next = utf8::decode(scope, q);
      const char32_t c = fold(next.code_point);
      node = second ? pair_child(node, c0, c) : child_from(node, c);
      second = false;
      if (node == 0) break;
      q += next.length;
    }
    if (best_end == 0) {
      p += first.length;
      continue;
    }
    for (std::uint32_t k = outputs_begin_[best_node]; k < outputs_begin_[best_node + 1]; ++k) {
      if (accept(text, range, p, best_end, patterns_[outputs_[k]])) {
        out.push_back({{p, best_end}, outputs_[k]});
      }
    }
    p = best_end;
  }
}

}  // namespace bilint
