#include "glossary/word_index.hpp"

#include <algorithm>
#include <bit>

#include "glossary/folding.hpp"

namespace bilint {

namespace {

using folding::ByteHash;
using folding::kBytes;
using folding::kWordByte;

// The filter's key for "a pattern ends here" (the plain key says "a pattern goes on at least this
// far").
std::uint64_t ends_here(std::uint64_t key) {
  return BloomFilter::beside(key, folding::mix(key + 0x9e3779b97f4a7c15ULL));
}

}  // namespace

bool WordIndex::takes(std::string_view pattern, bool word_bounded) {
  return word_bounded && !pattern.empty() &&
         folding::is_word_byte(static_cast<unsigned char>(pattern.front())) &&
         folding::is_word_byte(static_cast<unsigned char>(pattern.back()));
}

void WordIndex::add(std::string_view pattern, std::uint32_t output, bool exact) {
  ByteHash hash;
  std::size_t gap = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::uint16_t byte = kBytes[static_cast<unsigned char>(pattern[i])];
    hash.add(byte);
    gap = (byte & kWordByte) != 0 ? 0 : gap + 1;
    widest_gap_ = std::max(widest_gap_, gap);
    const bool word_ends = (byte & kWordByte) != 0 &&
                           (i + 1 == pattern.size() ||
                            (kBytes[static_cast<unsigned char>(pattern[i + 1])] & kWordByte) == 0);
    if (word_ends) prefix_keys_.push_back(hash.key());
  }
  spellings_.push_back({hash.key(), output, static_cast<std::uint32_t>(bytes_.size()),
                        static_cast<std::uint32_t>(pattern.size()), exact});
  bytes_ += pattern;
  longest_ = std::max(longest_, pattern.size());
  key_count_ = prefix_keys_.size() + spellings_.size();
}

void WordIndex::compile(BloomFilter& filter) {
  for (const std::uint64_t key : prefix_keys_)
    filter.insert(key);
  prefix_keys_ = {};
  table_.assign(std::bit_ceil(2 * spellings_.size() + 2), Spelling{});
  const std::size_t mask = table_.size() - 1;
  for (const Spelling& spelling : spellings_) {
    filter.insert(ends_here(spelling.key));
    std::size_t slot = spelling.key & mask;
    while (table_[slot].length != 0)
      slot = (slot + 1) & mask;
    table_[slot] = spelling;
  }
  spellings_ = {};
}

bool WordIndex::spelled_alike(std::string_view text, const Spelling& s) const {
  if (text.size() != s.length) return false;
  const std::string_view pattern(bytes_.data() + s.at, s.length);
  if (s.exact) return folding::same_exact_spelling(text, pattern);
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (kBytes[static_cast<unsigned char>(text[k])] !=
        kBytes[static_cast<unsigned char>(pattern[k])]) {
      return false;
    }
  }
  return true;
}

std::size_t WordIndex::longest(std::string_view text, std::size_t at, std::size_t end,
                               const BloomFilter& filter,
                               std::vector<std::uint32_t>& outputs) const {
  if (table_.empty()) return 0;
  end = std::min(end, at + longest_);
  ByteHash hash;
  std::size_t best = 0;
  std::size_t i = at;
  while (i < end) {
    for (; i < end && (kBytes[static_cast<unsigned char>(text[i])] & kWordByte) != 0; ++i)
      hash.add(kBytes[static_cast<unsigned char>(text[i])]);
    // A word that runs on past `end` cannot end a pattern.
    if (i == end && i < text.size() &&
        (kBytes[static_cast<unsigned char>(text[i])] & kWordByte) != 0) {
      break;
    }
    const std::uint64_t key = hash.key();
    if (!filter.may_contain(key)) break;
    if (filter.may_contain(ends_here(key))) {
      const std::size_t mask = table_.size() - 1;
      bool longer = true;
      for (std::size_t slot = key & mask; table_[slot].length != 0; slot = (slot + 1) & mask) {
        const Spelling& spelling = table_[slot];
        if (spelling.key != key || !spelled_alike(text.substr(at, i - at), spelling)) continue;
        if (longer) outputs.clear();
        longer = false;
        outputs.push_back(spelling.output);
        best = i;
      }
    }
    // Past the widest gap between two words of any pattern (mostly one space), no pattern goes
    // on: an English word in a Chinese summary is followed by Chinese text, which was otherwise
    // hashed byte by byte up to `end` (at 100,000 terms, 57 instructions a walk).
    const std::size_t gap_end = std::min(end, i + widest_gap_ + 1);
    for (; i < gap_end && (kBytes[static_cast<unsigned char>(text[i])] & kWordByte) == 0; ++i)
      hash.add(kBytes[static_cast<unsigned char>(text[i])]);
    if (i == gap_end && i < end) break;
  }
  return best;
}

}  // namespace bilint
