#include "glossary/matcher.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <span>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "glossary/folding.hpp"

namespace bilint {

namespace {

using folding::fold;
using folding::is_word_byte;
using folding::mix;

bool is_word_code_point(char32_t cp) {
  return cp < 0x80 && is_word_byte(static_cast<unsigned char>(cp));
}
bool has_ascii_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), ascii::is_alpha);
}

// Stands for "no code point here" (past the end of the text, or the padding of a short pattern)
// in the filter's keys; no code point is this large.
constexpr char32_t kNone = 0x1FFFFF;

// The filter's keys: a trie pattern's (or the text's) first three code points, then those and the
// fourth; for English terms, the first three letters or digits of the first word.
std::uint64_t first_three_key(char32_t c0, char32_t c1, char32_t c2, bool word = false) {
  return mix((std::uint64_t{word} << 63) | (std::uint64_t{c0} << 42) | (std::uint64_t{c1} << 21) |
             c2);
}
std::uint64_t first_four_key(std::uint64_t first_three, char32_t c3) {
  return mix(first_three ^ ((std::uint64_t{c3} << 40) | c3));
}
std::uint64_t word_start_key(char32_t c0, char32_t c1, char32_t c2) {
  const char32_t d1 = is_word_code_point(c1) ? c1 : kNone;
  return first_three_key(c0, d1, d1 != kNone && is_word_code_point(c2) ? c2 : kNone, true);
}

}  // namespace

std::uint32_t Matcher::add(std::string_view pattern, Options options) {
  const auto index = static_cast<std::uint32_t>(pattern_bits_.size());
  const bool exact = !options.ignore_ascii_case && has_ascii_letter(pattern);
  std::uint32_t bits = options.word_bounded ? kWordBounded : 0;
  if (WordIndex::takes(pattern, options.word_bounded)) {
    words_.add(pattern, index, exact);
    bits |= kByWords;
  } else if (exact) {
    bits |= kExact;
    exact_.emplace(index, pattern);
  }
  pattern_bits_.push_back(bits);
  pattern_start_.push_back(static_cast<std::uint32_t>(code_points_.size()));
  for (std::size_t k = 0; k < pattern.size();) {
    const utf8::Decoded d = utf8::decode(pattern, k);
    k += d.length;
    code_points_.push_back(fold(d.code_point));
  }
  return index;
}

std::uint64_t Matcher::pair_slot(char32_t first, char32_t second) const {
  return mix((std::uint64_t{first} << 21) | second) & pair_mask_;
}

std::uint32_t Matcher::pair_child(std::uint32_t node, char32_t first, char32_t second) const {
  const std::uint64_t key = (std::uint64_t{first} << 21) | second;
  for (std::uint64_t i = pair_slot(first, second);; i = (i + 1) & pair_mask_) {
    const std::uint64_t slot = pairs_[i];
    if (slot >> kPairValueBits == key) {
      return nodes_[node].first_child +
             static_cast<std::uint32_t>(slot & ((1U << kPairValueBits) - 1));
    }
    if (slot == kNoPair) return 0;
  }
}

void Matcher::compile() {
  pattern_start_.push_back(static_cast<std::uint32_t>(code_points_.size()));
  build_filter();
  build_trie();
}

void Matcher::build_filter() {
  // A key per pattern in each, besides the word index's.
  starts_.reset(pattern_bits_.size(), kStartsMaxBytes);
  filter_.reset(pattern_bits_.size() + words_.key_count());
  for (std::uint32_t p = 0; p + 1 < pattern_start_.size(); ++p) {
    const std::uint32_t length = pattern_start_[p + 1] - pattern_start_[p];
    if (length == 0) continue;
    const char32_t* cp = code_points_.data() + pattern_start_[p];
    const char32_t c1 = length > 1 ? cp[1] : kNone;
    const char32_t c2 = length > 2 ? cp[2] : kNone;
    if ((pattern_bits_[p] & kByWords) != 0) {
      starts_.insert(word_start_key(cp[0], c1, c2));
      continue;
    }
    if (length <= 3) short_patterns_[length] = true;
    if (cp[0] < kBmp) first_code_points_[cp[0] / 64] |= std::uint64_t{1} << (cp[0] % 64);
    const std::uint64_t first_three = first_three_key(cp[0], c1, c2);
    starts_.insert(first_three);
    if (length >= 3) filter_.insert(first_four_key(first_three, length > 3 ? cp[3] : kNone));
  }
  words_.compile(filter_);
}

void Matcher::build_trie() {
  const std::vector<char32_t>& code_points = code_points_;
  const std::vector<std::uint32_t>& start = pattern_start_;

  // Breadth-first: node n stands for the patterns cursors[group.begin, group.end), which share
  // their first `depth` code points. Sorting them stably by the next code point gives the node's
  // outputs (in ascending pattern order) and its children, numbered in order: a radix sort of the
  // patterns that needs no lookups in the growing trie. Each cursor carries where its pattern
  // goes on, so that a level reads the code points it needs with one random access each.
  struct Cursor {
    std::uint32_t at;      // the next code point in code_points
    std::uint32_t end;     // one past the pattern's last
    std::uint32_t output;  // the pattern's index with its kWordBounded and kExact bits
  };
  struct Group {
    std::uint32_t begin;
    std::uint32_t end;
  };
  std::vector<Cursor> cursors;
  for (std::uint32_t p = 0; p + 1 < start.size(); ++p) {
    if (start[p + 1] > start[p] && (pattern_bits_[p] & kByWords) == 0) {
      cursors.push_back({start[p], start[p + 1], p | (pattern_bits_[p] & (kWordBounded | kExact))});
    }
  }
  std::vector<Group> groups{{0, static_cast<std::uint32_t>(cursors.size())}};
  nodes_.assign(1, Node{});
  skips_.assign(1, Skip{});
  std::uint32_t first_skipping = UINT32_MAX;  // the first node below the root's children
  outputs_begin_.clear();
  outputs_.clear();
  std::vector<std::uint64_t> keys;  // next code point + 1 (0: the pattern ends) : place in group
  std::vector<Cursor> sorted;
  for (std::uint32_t node = 0; node < groups.size(); ++node) {
    const Group group = groups[node];
    nodes_[node].first_child = static_cast<std::uint32_t>(groups.size());
    outputs_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
    const std::span<Cursor> members(cursors.data() + group.begin, group.end - group.begin);
    // Code points that every pattern below goes on with are the node's skip, compared with the
    // text in place rather than walked node by node, where each node would be a cache miss: a
    // term's tail once no other term shares it, the rest of a word that only goes on one way.
    // Not for the root's children, whose children the pair table finds directly.
    if (node >= first_skipping) {
      Skip& skip = skips_[node];
      skip.at = members[0].at;
      const auto goes_on_alike = [&](const Cursor& c) {
        return c.at < c.end && code_points[c.at] == code_points[members[0].at];
      };
      while (members[0].at < members[0].end &&
             std::all_of(members.begin() + 1, members.end(), goes_on_alike)) {
        for (Cursor& c : members)
          ++c.at;
        ++skip.length;
      }
      if (skip.length > 0) nodes_[node].label |= kSkip;
    }
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
        outputs_.push_back(members[i++].output);
        nodes_[node].label |= kEnds;
        continue;
      }
      std::uint32_t j = i;
      for (; j < keys.size() && keys[j] >> 32 == next; ++j)
        ++members[j].at;
      nodes_.push_back({static_cast<std::uint32_t>(next - 1) << kLabelShift, 0});
      skips_.push_back({});
      groups.push_back({group.begin + i, group.begin + j});
      i = j;
    }
    if (node == 0) first_skipping = static_cast<std::uint32_t>(groups.size());
  }
  nodes_.push_back({0, static_cast<std::uint32_t>(groups.size())});
  outputs_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));

  root_.assign(kBmp, 0);
  for (std::uint32_t c = nodes_[0].first_child; c < nodes_[1].first_child; ++c) {
    const char32_t cp = nodes_[c].label >> kLabelShift;
    if (cp < kBmp) root_[cp] = c;
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
          (std::uint64_t{nodes_[a].label >> kLabelShift} << 21) | (nodes_[b].label >> kLabelShift);
      std::uint64_t i = mix(key) & pair_mask_;
      while (pairs_[i] != kNoPair)
        i = (i + 1) & pair_mask_;
      pairs_[i] = (key << kPairValueBits) | (b - nodes_[a].first_child);
    }
  }
}

std::uint32_t Matcher::child_from(std::uint32_t node, char32_t cp) const {
  const std::uint32_t begin = nodes_[node].first_child;
  std::uint32_t count = nodes_[node + 1].first_child - begin;
  if (count == 0) return 0;
  // A binary search without branches on the comparisons (they are unpredictable).
  const Node* base = nodes_.data() + begin;
  while (count > 1) {
    const std::uint32_t half = count / 2;
    base = (base[half].label >> kLabelShift) <= cp ? base + half : base;
    count -= half;
  }
  if (base->label >> kLabelShift != cp) return 0;
  return static_cast<std::uint32_t>(base - nodes_.data());
}

std::size_t Matcher::skip_end(std::string_view scope, std::size_t q, std::uint32_t node) const {
  const Skip skip = skips_[node];
  const char32_t* const end = code_points_.data() + skip.at + skip.length;
  for (const char32_t* tail = code_points_.data() + skip.at; tail < end; ++tail) {
    if (q >= scope.size()) return 0;
    const utf8::Decoded d = utf8::decode(scope, q);
    if (fold(d.code_point) != *tail) return 0;
    q += d.length;
  }
  return q;
}

bool Matcher::accept(std::string_view text, Span range, std::size_t begin, std::size_t end,
                     std::uint32_t output) const {
  if ((output & kWordBounded) != 0) {
    if (begin > range.begin && is_word_byte(static_cast<unsigned char>(text[begin - 1]))) {
      return false;
    }
    if (end < range.end && is_word_byte(static_cast<unsigned char>(text[end]))) return false;
  }
  return (output & kExact) == 0 ||
         folding::same_exact_spelling(text.substr(begin), exact_.at(output & kPatternMask));
}

void Matcher::find(std::string_view text, Span range, std::vector<Match>& out) const {
  if (nodes_.empty()) return;
  const std::string_view scope = text.substr(0, range.end);
  struct Read {
    char32_t code_point;  // folded; kNone past the end
    std::size_t length;
  };
  const auto read = [&](std::size_t at) -> Read {
    if (at >= range.end) return {kNone, 0};
    const auto lead = static_cast<unsigned char>(scope[at]);
    if (lead < 0x80) return {fold(lead), 1};
    const utf8::Decoded d = utf8::decode(scope, at);
    return {fold(d.code_point), d.length};
  };
  // Where a pattern may start is decided for a batch of positions ahead of walking from them, so
  // that the first probe of each walk is already on its way from memory; a walk that starts
  // inside the previous match is dropped.
  struct Candidate {
    std::size_t at;
    char32_t first;
    char32_t second;
    bool in_trie;
    bool by_words;
  };
  constexpr std::size_t kBatch = 16;
  std::array<Candidate, kBatch> batch;
  std::size_t waiting = 0;
  std::size_t free_from = range.begin;
  thread_local std::vector<std::uint32_t> word_outputs;
  const auto walk_batch = [&] {
    // The probes have arrived meanwhile: start fetching the nodes they lead to.
    for (std::size_t k = 0; k < waiting; ++k) {
      const char32_t c0 = batch[k].first;
      const std::uint32_t first = batch[k].in_trie && c0 < kBmp ? root_[c0] : 0;
      if (first == 0 || batch[k].second == kNone) continue;
      const std::uint32_t second = pair_child(first, c0, batch[k].second);
      __builtin_prefetch(&nodes_[second]);
      __builtin_prefetch(&outputs_begin_[second]);
    }
    for (std::size_t k = 0; k < waiting; ++k) {
      const Candidate& c = batch[k];
      if (c.at < free_from) continue;
      const Walk trie = c.in_trie ? walk(text, range, c.at, c.first) : Walk{};
      const std::size_t by_words =
          c.by_words ? words_.longest(scope, c.at, range.end, filter_, word_outputs) : 0;
      const std::size_t end = std::max(trie.end, by_words);
      if (end == 0) continue;
      const std::size_t first = out.size();
      if (trie.end == end) {
        for (std::uint32_t o = outputs_begin_[trie.node]; o < outputs_begin_[trie.node + 1]; ++o) {
          if (accept(text, range, c.at, end, outputs_[o])) {
            out.push_back({{c.at, end}, outputs_[o] & kPatternMask});
          }
        }
      }
      if (by_words == end) {
        for (const std::uint32_t pattern : word_outputs)
          out.push_back({{c.at, end}, pattern});
      }
      // Spelled alike in both (a rendering kept in English and an English spelling).
      if (trie.end == end && by_words == end) {
        std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                  [](const Match& a, const Match& b) { return a.pattern < b.pattern; });
      }
      free_from = end;
    }
    waiting = 0;
  };
  // The three code points at p, read once each as the window slides; a fourth is read where the
  // first three begin some pattern.
  std::size_t p = range.begin;
  Read w0 = read(p);
  Read w1 = read(p + w0.length);
  Read w2 = read(p + w0.length + w1.length);
  while (p < range.end) {
    bool in_trie = false;
    if (may_begin_trie_pattern(w0.code_point)) {
      const std::uint64_t first_three =
          first_three_key(w0.code_point, w1.code_point, w2.code_point);
      if (starts_.may_contain(first_three)) {
        const char32_t c3 = read(p + w0.length + w1.length + w2.length).code_point;
        in_trie = filter_.may_contain(first_four_key(first_three, c3)) ||
                  (short_patterns_[3] && filter_.may_contain(first_four_key(first_three, kNone)));
      }
      in_trie =
          in_trie ||
          (short_patterns_[2] &&
           starts_.may_contain(first_three_key(w0.code_point, w1.code_point, kNone))) ||
          (short_patterns_[1] && starts_.may_contain(first_three_key(w0.code_point, kNone, kNone)));
    }
    // English terms start only where a word does.
    const bool by_words =
        is_word_code_point(w0.code_point) &&
        (p == range.begin || !is_word_byte(static_cast<unsigned char>(scope[p - 1]))) &&
        starts_.may_contain(word_start_key(w0.code_point, w1.code_point, w2.code_point));
    if (in_trie || by_words) {
      if (in_trie) __builtin_prefetch(&pairs_[pair_slot(w0.code_point, w1.code_point)]);
      batch[waiting++] = {p, w0.code_point, w1.code_point, in_trie, by_words};
      if (waiting == kBatch) walk_batch();
    }
    p += w0.length;
    w0 = w1;
    w1 = w2;
    w2 = read(p + w0.length + w1.length);
  }
  walk_batch();
}

Matcher::Walk Matcher::walk(std::string_view text, Span range, std::size_t p, char32_t c0) const {
  const std::string_view scope = text.substr(0, range.end);
  std::uint32_t node = c0 < kBmp ? root_[c0] : child_from(0, c0);
  if (node == 0) return {};
  std::size_t q = p + utf8::decode(scope, p).length;
  Walk best;
  for (std::uint32_t depth = 1;; ++depth) {
    const std::uint32_t label = nodes_[node].label;
    if ((label & kSkip) != 0) {
      q = skip_end(scope, q, node);
      if (q == 0) break;
    }
    if ((label & kEnds) != 0 && accepts_any(text, range, p, q, node)) best = {q, node};
    if (q >= range.end) break;
    const utf8::Decoded next = utf8::decode(scope, q);
    const char32_t c = fold(next.code_point);
    node = depth == 1 ? pair_child(node, c0, c) : child_from(node, c);
    if (node == 0) break;
    q += next.length;
  }
  return best;
}

bool Matcher::accepts_any(std::string_view text, Span range, std::size_t begin, std::size_t end,
                          std::uint32_t node) const {
  for (std::uint32_t k = outputs_begin_[node]; k < outputs_begin_[node + 1]; ++k) {
    if (accept(text, range, begin, end, outputs_[k])) return true;
  }
  return false;
}

}  // namespace bilint
