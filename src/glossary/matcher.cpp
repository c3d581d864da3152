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
  // Patterns are inserted one by one, straight into the lookup tables; sorting them first (to share
  // prefixes by position) took 0.5 s for the 600,000 spellings of a 100,000-term glossary.
  root_.assign(kBmp, 0);
  slots_.assign(1024, Slot{});
  slot_mask_ = slots_.size() - 1;
  pair_filter_.assign((std::size_t{1} << kPairBits) / 64, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // (node, pattern)
  std::vector<std::uint8_t> terminal{0};
  std::size_t used = 0;
  for (std::uint32_t p = 0; p < pending_.size(); ++p) {
    const std::string& s = pending_[p];
    if (s.empty()) continue;
    std::uint32_t node = 0;
    char32_t first = 0;
    for (std::size_t k = 0, depth = 0; k < s.size(); ++depth) {
      const utf8::Decoded d = utf8::decode(s, k);
      k += d.length;
      const char32_t cp = fold(d.code_point);
      if (depth == 0) first = cp;
      if (depth == 1) {
        const std::size_t h = pair_hash(first, cp);
        pair_filter_[h / 64] |= std::uint64_t{1} << (h % 64);
      }
      std::uint32_t next = child(node, cp);
      if (next == 0) {
        next = static_cast<std::uint32_t>(terminal.size());
        terminal.push_back(0);
        if (node == 0 && cp < kBmp) {
          root_[cp] = next;
        } else {
          if (2 * (used + 1) > slots_.size()) grow();
          insert((std::uint64_t{node} << 21) | cp, next);
          ++used;
        }
      }
      node = next;
    }
    terminal[node] = 1;
    ends.emplace_back(node, p);
  }
  pending_ = {};

  // Tag every edge into a node where a pattern ends, so that a walk reads the outputs table only
  // where there is something to read.
  for (std::uint32_t& target : root_) {
    if (terminal[target] != 0) target |= kTerminal;
  }
  for (Slot& slot : slots_) {
    if (slot.key != kEmpty && terminal[slot.child] != 0) slot.child |= kTerminal;
  }
  std::sort(ends.begin(), ends.end());
  outputs_begin_.assign(terminal.size() + 1, 0);
  for (const auto& [node, pattern] : ends)
    ++outputs_begin_[node + 1];
  std::partial_sum(outputs_begin_.begin(), outputs_begin_.end(), outputs_begin_.begin());
  outputs_.resize(ends.size());
  for (std::size_t k = 0; k < ends.size(); ++k)
    outputs_[k] = ends[k].second;
}

void Matcher::insert(std::uint64_t key, std::uint32_t child) {
  std::uint64_t i = mix(key) & slot_mask_;
  while (slots_[i].key != kEmpty)
    i = (i + 1) & slot_mask_;
  slots_[i] = {key, child};
}

void Matcher::grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{});
  old.swap(slots_);
  slot_mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.key != kEmpty) insert(slot.key, slot.child);
  }
}

std::uint32_t Matcher::child(std::uint32_t node, char32_t cp) const {
  node &= ~kTerminal;
  if (slots_.empty()) return 0;
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
