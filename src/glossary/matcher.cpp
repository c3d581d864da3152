#include "glossary/matcher.hpp"

#include <algorithm>
#include <numeric>

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
  pending_.emplace_back(pattern);
  return index;
}

std::size_t Matcher::pair_hash(char32_t a, char32_t b) {
  return static_cast<std::size_t>(mix((std::uint64_t{a} << 21) | b) >> (64 - kPairBits));
}

void Matcher::compile() {
  // Build the trie with a temporary map, then lay it out in the lookup tables.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> edges;  // (node << 21 | cp, child)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;   // (node, pattern)
  std::vector<std::uint32_t> order(pending_.size());
  std::iota(order.begin(), order.end(), 0U);
  // Folded code point sequences, sorted, so that each pattern extends the previous one's path.
  std::vector<std::u32string> folded(pending_.size());
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const std::string& s = pending_[i];
    for (std::size_t k = 0; k < s.size();) {
      const utf8::Decoded d = utf8::decode(s, k);
      folded[i].push_back(fold(d.code_point));
      k += d.length;
    }
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return folded[a] != folded[b] ? folded[a] < folded[b] : a < b;
  });
  pair_filter_.assign((std::size_t{1} << kPairBits) / 64, 0);
  std::uint32_t nodes = 1;
  std::vector<std::uint32_t> path{0};
  const std::u32string* previous = nullptr;
  for (const std::uint32_t p : order) {
    const std::u32string& cps = folded[p];
    if (cps.empty()) continue;
    std::size_t common = 0;
    if (previous != nullptr) {
      const std::size_t limit = std::min(previous->size(), cps.size());
      while (common < limit && (*previous)[common] == cps[common])
        ++common;
    }
    path.resize(common + 1);
    for (std::size_t k = common; k < cps.size(); ++k) {
      edges.emplace_back((std::uint64_t{path.back()} << 21) | cps[k], nodes);
      path.push_back(nodes++);
    }
    ends.emplace_back(path.back(), p);
    if (cps.size() >= 2) {
      const std::size_t h = pair_hash(cps[0], cps[1]);
      pair_filter_[h / 64] |= std::uint64_t{1} << (h % 64);
    }
    previous = &cps;
  }
  pending_ = {};

  std::vector<std::uint8_t> terminal(nodes, 0);
  for (const auto& end : ends)
    terminal[end.first] = 1;
  const auto tagged = [&](std::uint32_t n) { return terminal[n] != 0 ? n | kTerminal : n; };
  root_.assign(kBmp, 0);
  std::size_t capacity = 16;
  while (capacity < edges.size() * 2)
    capacity *= 2;
  slots_.assign(capacity, Slot{});
  slot_mask_ = capacity - 1;
  for (const auto& [key, target] : edges) {
    const auto node = static_cast<std::uint32_t>(key >> 21);
    const auto cp = static_cast<char32_t>(key & 0x1FFFFF);
    if (node == 0 && cp < kBmp) {
      root_[cp] = tagged(target);
      continue;
    }
    std::uint64_t i = mix(key) & slot_mask_;
    while (slots_[i].key != kEmpty)
      i = (i + 1) & slot_mask_;
    slots_[i] = {key, tagged(target)};
  }

  std::sort(ends.begin(), ends.end());
  outputs_begin_.assign(nodes + 1, 0);
  for (const auto& [node, pattern] : ends)
    ++outputs_begin_[node + 1];
  std::partial_sum(outputs_begin_.begin(), outputs_begin_.end(), outputs_begin_.begin());
  outputs_.resize(ends.size());
  for (std::size_t k = 0; k < ends.size(); ++k)
    outputs_[k] = ends[k].second;
}

std::uint32_t Matcher::child(std::uint32_t node, char32_t cp) const {
  node &= ~kTerminal;
  if (node == 0 && cp < kBmp) return root_[cp];
  const std::uint64_t key = (std::uint64_t{node} << 21) | cp;
  for (std::uint64_t i = mix(key) & slot_mask_;; i = (i + 1) & slot_mask_) {
    if (slots_[i].key == key) return slots_[i].child;
    if (slots_[i].key == kEmpty) return 0;
  }
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
  if (outputs_begin_.empty()) return;
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
    bool second = true;
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
      if (second) {
        second = false;
        const std::size_t h = pair_hash(c0, c);
        if ((pair_filter_[h / 64] & (std::uint64_t{1} << (h % 64))) == 0) break;
      }
      node = child(node, c);
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
