#include "core/line_index.hpp"

#include <tuple>

#include <gtest/gtest.h>

#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "random.hpp"

namespace bilint {
namespace {

TEST(LineIndex, CountsLinesForEveryTerminator) {
  const LineIndex lines("a\nb\r\nc\rd");
  ASSERT_EQ(lines.line_count(), 4U);
  EXPECT_EQ(lines.line_span(0), (Span{0, 1}));
  EXPECT_EQ(lines.line_span(1), (Span{2, 3}));
  EXPECT_EQ(lines.line_span(2), (Span{5, 6}));
  EXPECT_EQ(lines.line_span(3), (Span{7, 8}));
  EXPECT_EQ(lines.line_span_with_terminator(1), (Span{2, 5}));
  EXPECT_EQ(lines.line_of(4), 1U);
  EXPECT_EQ(lines.line_of(8), 3U);
}

TEST(LineIndex, ColumnsInEveryUnitForChinese) {
  // "ab大语言x": 大 starts at byte 2, x at byte 11.
  const std::string text = "ab大语言x";
  const LineIndex lines(text);
  const Position x = lines.position(11);
  EXPECT_EQ(x.line, 1U);
  EXPECT_EQ(x.byte_column, 12U);
  EXPECT_EQ(x.codepoint_column, 6U);
  EXPECT_EQ(x.utf16_column, 6U);
  EXPECT_EQ(x.display_column, 9U);
}

TEST(LineIndex, NonBmpCountsTwoUtf16UnitsAndTwoCells) {
  // U+1F600 (4 bytes, a surrogate pair, East Asian Wide), then 𠀀 U+20000 (CJK Extension B), then
  // z.
  const std::string text = "\U0001F600\U00020000z";
  const LineIndex lines(text);
  const Position z = lines.position(8);
  EXPECT_EQ(z.codepoint_column, 3U);
  EXPECT_EQ(z.utf16_column, 5U);
  EXPECT_EQ(z.byte_column, 9U);
  EXPECT_EQ(z.display_column, 5U);
}

TEST(LineIndex, TabsAdvanceDisplayToNextTabStop) {
  const LineIndex lines("a\tb\t\tc");
  EXPECT_EQ(lines.position(2).display_column, 9U);
  EXPECT_EQ(lines.position(2).codepoint_column, 3U);
  EXPECT_EQ(lines.position(5).display_column, 25U);
}

TEST(LineIndex, CrlfPositionsAreOnTheRightLine) {
  const LineIndex lines("一\r\n二x\r\n");
  const Position x = lines.position(8);
  EXPECT_EQ(x.line, 2U);
  EXPECT_EQ(x.codepoint_column, 2U);
  EXPECT_EQ(lines.position(3).line, 1U);  // the '\r' still ends line 1
  EXPECT_EQ(lines.position(3).codepoint_column, 2U);
}

TEST(LineIndex, CombiningMarkHasNoWidth) {
  const std::string text = "e\u0301x";  // e + COMBINING ACUTE ACCENT + x
  const LineIndex lines(text);
  EXPECT_EQ(lines.position(3).codepoint_column, 3U);
  EXPECT_EQ(lines.position(3).display_column, 2U);
}

TEST(LineIndex, OffsetPastEndIsClamped) {
  const LineIndex lines("ab\n");
  EXPECT_EQ(lines.position(99).line, 2U);
  EXPECT_EQ(lines.position(99).codepoint_column, 1U);
}

// A hint only saves work: from every earlier position as hint (same line, a later line one or many
// lines on, after a terminator of any kind, the empty last line), every offset resolves to what it
// resolves to without one. Offsets are character boundaries, as the spans of findings are.
TEST(LineIndex, HintedPositionIsThePosition) {
  std::string text = "ab\n\n\r\n中文\r\tx\n";
  for (int k = 0; k < 40; ++k)
    text += k % 3 == 0 ? "\n" : "line 行\r\n";
  text += "end\n";
  const LineIndex lines(text);
  const auto same = [](const Position& a, const Position& b) {
    return std::tie(a.offset, a.line, a.byte_column, a.codepoint_column, a.utf16_column,
                    a.display_column) == std::tie(b.offset, b.line, b.byte_column,
                                                  b.codepoint_column, b.utf16_column,
                                                  b.display_column);
  };
  const auto boundary = [&](std::size_t at) {
    return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
  };
  for (std::size_t from = 0; from <= text.size(); ++from) {
    const Position hint = lines.position(from);
    for (std::size_t to = 0; to <= text.size() + 1; ++to) {
      if (!boundary(from) || !boundary(to)) continue;
      ASSERT_TRUE(same(lines.position(to, hint), lines.position(to)))
          << "offset " << to << " from " << from;
    }
  }
}

// Columns are counted in bulk where a line is printable ASCII and ideographs U+5000..U+9FFF, and
// a character at a time elsewhere: on lines of every mix (the ideographs' neighbours E4 and EA,
// CJK punctuation, tabs, combining marks, characters past the BMP, invalid and truncated
// sequences, stray continuation bytes), every position is what decoding character by character
// from the line's start gives.
TEST(LineIndex, ColumnsAreWhatDecodingEachCharacterGives) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "~",
                                           "中",
                                           "模型",
                                           "\xE9\xBF\xBF",
                                           "\xE5\x80\x80",
                                           "\xE4\xB8\x80",
                                           "\xEA\xB0\x80",
                                           "，",
                                           "。",
                                           "\t",
                                           "e\u0301",
                                           "😀",
                                           "\xFF",
                                           "\xE5\x80",
                                           "\x80",
                                           "\xE9",
                                           "\r\n",
                                           "\n"};
  testing::Random random(5);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    // Mostly runs of ideographs and ASCII, longer than a block; now and then anything.
    for (std::size_t k = 0, count = random(80); k < count; ++k)
      text += pieces[random(3) == 0 ? random(pieces.size()) : random(8)];
    const LineIndex lines(text);
    Position expected;
    for (std::size_t at = 0;;) {
      const Position got = lines.position(at);
      ASSERT_EQ(std::tie(got.line, got.byte_column, got.codepoint_column, got.utf16_column,
                         got.display_column),
                std::tie(expected.line, expected.byte_column, expected.codepoint_column,
                         expected.utf16_column, expected.display_column))
          << "offset " << at << " of round " << round << ": " << ::testing::PrintToString(text);
      if (at >= text.size()) break;
      const utf8::Decoded d = utf8::decode(text, at);
      if (text[at] == '\n' ||
          (text[at] == '\r' && (at + 1 == text.size() || text[at + 1] != '\n'))) {
        expected = Position{};
        expected.line = got.line + 1;
      } else {  // any other character, the \r of \r\n included (the \n ends the line)
        expected.byte_column += d.length;
        expected.codepoint_column += 1;
        expected.utf16_column += d.code_point > 0xFFFF ? 2 : 1;
        expected.display_column +=
            d.code_point == U'\t' ? kTabStop - (expected.display_column - 1) % kTabStop
                                  : static_cast<std::size_t>(unicode::display_width(d.code_point));
      }
      at += d.length;
    }
  }
}

}  // namespace
}  // namespace bilint
