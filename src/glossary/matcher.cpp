#include "glossary/matcher.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>

namespace bilint {

namespace {

unsigned char fold(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}
bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool has_ascii_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

}  // namespace

std::uint32_t Matcher::add(std::string_view pattern, Options options) {
  const auto index = static_cast<std::uint32_t>(patterns_.size());
  Pattern p;
  p.length = static_cast<std::uint32_t>(pattern.size());
  p.options = options;
  if (!options.ignore_ascii_case && has_ascii_letter(pattern)) p.exact = pattern;
  patterns_.push_back(std::move(p));
  if (pattern.empty()) return index;
  std::uint32_t state = 0;
  for (const char raw : pattern) {
    const unsigned char byte = fold(static_cast<unsigned char>(raw));
    auto& edges = build_edges_[state];
    auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                               [](const auto& e, unsigned char b) { return e.first < b; });
    if (it == edges.end() || it->first != byte) {
      const auto next = static_cast<std::uint32_t>(build_edges_.size());
      it = edges.insert(it, {byte, next});
      build_edges_.emplace_back();
      build_outputs_.emplace_back();
    }
    state = it->second;
  }
  build_outputs_[state].push_back(index);
  return index;
}

void Matcher::compile() {
  const std::size_t n = build_edges_.size();
  states_.assign(n, State{});
  edge_bytes_.clear();
  edge_targets_.clear();
  outputs_.clear();
  for (std::size_t s = 0; s < n; ++s) {
    State& state = states_[s];
    state.edges_begin = static_cast<std::uint32_t>(edge_bytes_.size());
    state.edges_count = static_cast<std::uint32_t>(build_edges_[s].size());
    for (const auto& [byte, target] : build_edges_[s]) {
      edge_bytes_.push_back(byte);
      edge_targets_.push_back(target);
    }
    state.outputs_begin = static_cast<std::uint32_t>(outputs_.size());
    state.outputs_count = static_cast<std::uint32_t>(build_outputs_[s].size());
    outputs_.insert(outputs_.end(), build_outputs_[s].begin(), build_outputs_[s].end());
  }
  root_.assign(256, 0);
  for (const auto& [byte, target] : build_edges_[0])
    root_[byte] = target;
  build_edges_ = {};
  build_outputs_ = {};

  // Breadth-first: a state's failure link is the longest proper suffix of its path in the trie.
  std::deque<std::uint32_t> queue;
  for (std::uint32_t e = 0; e < states_[0].edges_count; ++e) {
    const std::uint32_t target = edge_targets_[states_[0].edges_begin + e];
    states_[target].fail = 0;
    queue.push_back(target);
  }
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    for (std::uint32_t e = 0; e < states_[s].edges_count; ++e) {
      const unsigned char byte = edge_bytes_[states_[s].edges_begin + e];
      const std::uint32_t target = edge_targets_[states_[s].edges_begin + e];
      std::uint32_t f = states_[s].fail;
      while (f != 0 && child(f, byte) == 0)
        f = states_[f].fail;
      const std::uint32_t fallback = child(f, byte);
      states_[target].fail = fallback == target ? 0 : fallback;
      const State& via = states_[states_[target].fail];
      states_[target].next_output = via.outputs_count > 0 ? states_[target].fail : via.next_output;
      queue.push_back(target);
    }
  }
}

std::uint32_t Matcher::child(std::uint32_t state, unsigned char byte) const {
  if (state == 0) return root_[byte];
  const State& s = states_[state];
  const unsigned char* first = edge_bytes_.data() + s.edges_begin;
  const unsigned char* last = first + s.edges_count;
  // Edge lists are short except near the root; a linear scan beats binary search below ~8 entries.
  if (s.edges_count <= 8) {
    for (const unsigned char* p = first; p != last; ++p) {
      if (*p == byte) return edge_targets_[s.edges_begin + static_cast<std::uint32_t>(p - first)];
    }
    return 0;
  }
  const unsigned char* p = std::lower_bound(first, last, byte);
  if (p == last || *p != byte) return 0;
  return edge_targets_[s.edges_begin + static_cast<std::uint32_t>(p - first)];
}

bool Matcher::accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                     const Pattern& pattern) const {
  if (pattern.options.word_bounded) {
    if (begin > range.begin && is_word_byte(static_cast<unsigned char>(text[begin - 1])))
      return false;
    if (end < range.end && is_word_byte(static_cast<unsigned char>(text[end]))) return false;
  }
  if (!pattern.exact.empty() && text.compare(begin, end - begin, pattern.exact) != 0) return false;
  return true;
}

void Matcher::find(std::string_view text, Span range, std::vector<Match>& out) const {
  if (states_.empty()) return;
  std::vector<Match> candidates;
  std::uint32_t state = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = range.begin; i < range.end; ++i) {
    const unsigned char byte = fold(bytes[i]);
    std::uint32_t next = child(state, byte);
    while (next == 0 && state != 0) {
      state = states_[state].fail;
      next = child(state, byte);
    }
    state = next;
    if (state == 0) continue;
    for (std::uint32_t s = states_[state].outputs_count > 0 ? state : states_[state].next_output;
         s != 0; s = states_[s].next_output) {
      const State& hit = states_[s];
      for (std::uint32_t k = 0; k < hit.outputs_count; ++k) {
        const std::uint32_t p = outputs_[hit.outputs_begin + k];
        const Pattern& pattern = patterns_[p];
        const std::size_t begin = i + 1 - pattern.length;
        if (accept(text, range, begin, i + 1, pattern)) candidates.push_back({{begin, i + 1}, p});
      }
    }
  }
  // Leftmost-longest, non-overlapping: "大型语言模型" is one match, not also "语言模型" inside it.
  std::sort(candidates.begin(), candidates.end(), [](const Match& a, const Match& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.pattern < b.pattern;
  });
  // The same string may belong to several patterns (two terms rendered alike): all of them match.
  std::size_t covered = range.begin;
  Span last{SIZE_MAX, SIZE_MAX};
  for (const Match& m : candidates) {
    if (m.span == last) {
      out.push_back(m);
      continue;
    }
    if (m.span.begin < covered) continue;
    out.push_back(m);
    covered = m.span.end;
    last = m.span;
  }
}

}  // namespace bilint
