#include "core/source.hpp"

#include <algorithm>
#include <cstring>

#include "core/byte_blocks.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"

namespace bilint {

namespace {

#if defined(__SSE2__)
// How many of the 16 bytes at `data` hold nothing the scan records: ASCII from 0x0E up and
// well-formed characters of the common three-byte leads (utf8::common_three_byte_at), up to a
// character boundary. A digest is mostly such bytes; a block is judged in about twenty
// instructions, where a character at a time took ten a byte (a tenth of the parse).
unsigned plain_prefix(const char* data) {
  using namespace byte_blocks;
  const __m128i b = load(data);
  const unsigned lead = mask(in_range(b, 0xE1 - 0x100, 0xEF - 0x100)) &
                        ~mask(_mm_cmpeq_epi8(b, _mm_set1_epi8(static_cast<char>(0xED))));
  const unsigned ascii = mask(_mm_cmpgt_epi8(b, _mm_set1_epi8(0x0D)));  // 0x0E..0x7F
  return whole_characters(ascii, lead, mask(continuations(b)));
}
#endif

// Finds line starts, NUL bytes, CR endings and invalid UTF-8 in one pass. Stretches that hold no
// byte of interest are skipped a block at a time: sixteen bytes of ASCII and common three-byte
// characters with SSE2, else eight bytes of ASCII.
void scan(std::string_view text, std::vector<std::size_t>& starts, EncodingFacts& facts) {
  starts.push_back(0);
  const std::size_t n = text.size();
  const char* data = text.data();
  std::size_t i = 0;
  if (n >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) facts.has_bom = true;
  while (i < n) {
#if defined(__SSE2__)
    if (i + 16 <= n) {
      if (const unsigned plain = plain_prefix(data + i); plain > 0) {
        i += plain;
        continue;
      }
    }
#else
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      // A byte is "plain" when it is ASCII and above 0x0D; the check below is conservative (it may
      // send a plain word to the slow path, never the reverse).
      constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
      const std::uint64_t below_0e = (word - kOnes * 0x0E) & ~word & kHigh;
      if (((word & kHigh) | below_0e) == 0) {
        i += 8;
        continue;
      }
    }
#endif
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte < 0x80) {
      if (byte == '\n') {
        starts.push_back(i + 1);
      } else if (byte == '\r') {
        if (i + 1 < n && data[i + 1] == '\n') {
          if (facts.crlf_count++ == 0) facts.first_crlf = i;
          ++i;
        } else if (facts.lone_cr_count++ == 0) {
          facts.first_lone_cr = i;
        }
        starts.push_back(i + 1);
      } else if (byte == 0) {
        facts.nul_bytes.push_back(i);
      }
      ++i;
      continue;
    }
    if (utf8::common_three_byte_at(text, i)) {
      i += 3;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    if (!d.valid) {
      if (!facts.invalid_utf8.empty() && facts.invalid_utf8.back().end == i) {
        facts.invalid_utf8.back().end = i + d.length;
      } else {
        facts.invalid_utf8.push_back({i, i + d.length});
      }
    }
    i += d.length;
  }
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(intern_path(path)), bytes_(std::move(bytes)) {
  std::vector<std::size_t> starts;
  scan(bytes_, starts, encoding_);
  lines_ = LineIndex(bytes_, std::move(starts));
}

bool looks_binary(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, 8192);
  if (sample.empty()) return false;
  std::size_t suspicious = 0;
  for (std::size_t i = 0; i < sample.size();) {
    const auto byte = static_cast<unsigned char>(sample[i]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' &&
          byte != '\v' && byte != 0x1B) {
        ++suspicious;
      }
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(sample, i);
    // A sequence cut off by the end of the sample is not evidence of anything.
    if (!d.valid && i + d.length < sample.size()) suspicious += d.length;
    i += d.length;
  }
  return suspicious * 10 > sample.size();
}

}  // namespace bilint
