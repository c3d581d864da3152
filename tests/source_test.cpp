#include "core/source.hpp"

#include <gtest/gtest.h>

#include "core/mark_index.hpp"
#include "core/utf8.hpp"
#include "random.hpp"

namespace bilint {
namespace {

TEST(Utf8, DecodesAndRejectsPerMaximalSubpart) {
  EXPECT_EQ(utf8::decode("大", 0).code_point, U'大');
  EXPECT_EQ(utf8::decode("大", 0).length, 3);
  const std::string overlong = "\xC0\xAF";
  EXPECT_FALSE(utf8::decode(overlong, 0).valid);
  EXPECT_EQ(utf8::decode(overlong, 0).length, 1);
  const std::string truncated = "\xE5\xA4";
  EXPECT_FALSE(utf8::decode(truncated, 0).valid);
  EXPECT_EQ(utf8::decode(truncated, 0).length, 2);
  const std::string surrogate = "\xED\xA0\x80";
  EXPECT_EQ(utf8::decode(surrogate, 0).length, 1);
  EXPECT_EQ(utf8::decode_before("a大", 4).code_point, U'大');
}

TEST(SourceFile, EncodingFacts) {
  const SourceFile s("x.md", std::string("\xEF\xBB\xBF"
                                         "a\r\nb\rc\0d\xFF\xFE"
                                         "e\n",
                                         15));
  const EncodingFacts& f = s.encoding();
  EXPECT_TRUE(f.has_bom);
  EXPECT_EQ(f.crlf_count, 1U);
  EXPECT_EQ(f.first_crlf, 4U);
  EXPECT_EQ(f.lone_cr_count, 1U);
  EXPECT_EQ(f.first_lone_cr, 7U);
  ASSERT_EQ(f.nul_bytes.size(), 1U);
  EXPECT_EQ(f.nul_bytes[0], 9U);
  ASSERT_EQ(f.invalid_utf8.size(), 1U);
  EXPECT_EQ(f.invalid_utf8[0], (Span{11, 13}));
  EXPECT_EQ(s.lines().line_count(), 4U);
}

TEST(SourceFile, LineStartsMatchTheReferenceIndexOnLongText) {
  std::string text;
  for (int i = 0; i < 1000; ++i)
    text += (i % 3 == 0) ? "plain ascii line of text\n" : "中文行\r\n";
  const SourceFile s("x.md", text);
  const LineIndex reference(text);
  ASSERT_EQ(s.lines().line_count(), reference.line_count());
  for (std::size_t n = 0; n < reference.line_count(); ++n) {
    EXPECT_EQ(s.lines().line_span(n), reference.line_span(n));
  }
}

// The scan passes over plain stretches a block at a time and decodes the rest: on texts of every
// mix (ASCII, common and other three-byte characters, two- and four-byte ones, surrogates and
// overlongs, truncated sequences, stray continuation bytes, NUL, every line ending), its line
// starts, NUL bytes and invalid UTF-8 are what decoding every character from the start finds.
TEST(SourceFile, ScanFindsWhatDecodingEveryCharacterFinds) {
  const std::vector<std::string> pieces = {"a",
                                           "~",
                                           " ",
                                           "中文",
                                           "，",
                                           "\xEF\xBF\xBF",
                                           "\xE1\x80\x80",
                                           "é",
                                           "😀",
                                           "\xED\xA0\x80",
                                           "\xE0\x80\x80",
                                           "\xE0\xA0\x80",
                                           "\xE5\x80",
                                           "\xE5",
                                           "\x80",
                                           "\xBF",
                                           "\xFF",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "\t",
                                           std::string(1, '\0')};
  testing::Random random(3);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    // Mostly what a digest is made of, in stretches longer than a block; now and then anything.
    for (std::size_t k = 0, count = random(60); k < count; ++k)
      text += pieces[random(3) == 0 ? random(pieces.size()) : random(5)];
    std::vector<std::size_t> starts{0};
    std::vector<std::size_t> nul_bytes;
    std::vector<Span> invalid;
    for (std::size_t i = 0; i < text.size();) {
      const utf8::Decoded d = utf8::decode(text, i);
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
        starts.push_back(i + 1);
      }
      if (text[i] == '\0') nul_bytes.push_back(i);
      if (!d.valid) {
        if (!invalid.empty() && invalid.back().end == i) {
          invalid.back().end = i + d.length;
        } else {
          invalid.push_back({i, i + d.length});
        }
      }
      i += d.length;
    }
    const SourceFile source("x.md", text);
    ASSERT_EQ(source.lines().line_count(), starts.size()) << ::testing::PrintToString(text);
    for (std::size_t n = 0; n < starts.size(); ++n)
      ASSERT_EQ(source.lines().line_span_with_terminator(n).begin, starts[n]);
    ASSERT_EQ(source.encoding().nul_bytes, nul_bytes) << ::testing::PrintToString(text);
    ASSERT_EQ(source.encoding().invalid_utf8, invalid) << ::testing::PrintToString(text);
  }
}

TEST(LooksBinary, TextWithAStrayNulIsText) {
  EXPECT_FALSE(looks_binary(std::string("## 标题\n摘要\0。\n", 21)));
  EXPECT_FALSE(looks_binary(""));
  EXPECT_TRUE(looks_binary(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20)));
}

// Every byte value, at every place of a 64-byte word, is marked as MarkIndex::marks says (the
// index is built sixteen bytes at a time where the CPU allows).
TEST(MarkIndex, MarksEveryByteValueAsMarksSays) {
  std::string text;
  for (std::size_t i = 0; i < 256 * 64 + 50; ++i)
    text += static_cast<char>((i + i / 256) % 256);
  const MarkIndex marks(text);
  std::size_t at = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !MarkIndex::marks(static_cast<unsigned char>(text[i]))) continue;
    ASSERT_EQ(marks.next(at, text.size()), i) << "searching from byte " << at;
    at = i + 1;
  }
}

// MarkIndex::next against a byte-by-byte search, on texts of every length across the 64-byte
// words, made of ASCII, Han, CJK punctuation, controls, continuation bytes and invalid bytes.
TEST(MarkIndex, NextAgreesWithSearchingByteByByte) {
  const std::vector<std::string> pieces = {"a",        " ",    "7",    ",",    "(",  "\t",
                                           "\n",       "中",   "模型", "，",   "。", "“",
                                           "\xC2\xA0", "\x80", "\xFF", "\xE4", "Z"};
  testing::Random random(12345);
  for (std::size_t length = 0; length < 300; ++length) {
    std::string text;
    while (text.size() < length)
      text += pieces[random(pieces.size())];
    const MarkIndex marks(text);
    for (std::size_t from = 0; from <= text.size(); ++from) {
      for (const std::size_t to : {from, from + 1, text.size() / 2, text.size()}) {
        if (to < from || to > text.size()) continue;
        std::size_t expected = from;
        while (expected < to && !MarkIndex::marks(static_cast<unsigned char>(text[expected])))
          ++expected;
        ASSERT_EQ(marks.next(from, to), expected) << length << ' ' << from << ' ' << to;
      }
    }
  }
  EXPECT_FALSE(MarkIndex::marks('a'));
  EXPECT_FALSE(MarkIndex::marks(' '));
  EXPECT_FALSE(MarkIndex::marks(0xE6));  // 模
  EXPECT_FALSE(MarkIndex::marks(0x80));  // a continuation byte
  EXPECT_TRUE(MarkIndex::marks(','));
  EXPECT_TRUE(MarkIndex::marks('\t'));
  EXPECT_TRUE(MarkIndex::marks(0xEF));  // ，
  EXPECT_TRUE(MarkIndex::marks(0xE3));  // 。
}

}  // namespace
}  // namespace bilint
