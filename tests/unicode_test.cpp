// The fast paths of core/unicode must answer exactly what ICU answers, for every code point, and
// core/ascii what <cctype> answers in the "C" locale.
#include "core/unicode.hpp"

#include <bit>
#include <cctype>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "random.hpp"

namespace bilint {
namespace {

// Calls visit with every three bytes whose first is `first_lead` or above, until an assertion
// fails.
template <typename Visit>
void for_each_three_bytes(unsigned first_lead, Visit visit) {
  for (unsigned b0 = first_lead; b0 <= 0xFF; ++b0) {
    for (unsigned b1 = 0; b1 <= 0xFF; ++b1) {
      for (unsigned b2 = 0; b2 <= 0xFF; ++b2) {
        const char bytes[] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        visit(std::string_view(bytes, 3));
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }
}

// Scans pass over what common_three_byte_at accepts without decoding it: it must be a valid
// three-byte character by the full decoder, for every lead byte and pair of following bytes.
TEST(Utf8, CommonThreeByteCharactersAreValidAndDecodeAlike) {
  std::size_t accepted = 0;
  for_each_three_bytes(0xC0, [&](std::string_view text) {
    if (!utf8::common_three_byte_at(text, 0)) return;
    ++accepted;
    const utf8::Decoded slow = utf8::decode_slow(text, 0);
    const utf8::Decoded fast = utf8::decode(text, 0);
    ASSERT_TRUE(slow.valid && slow.length == 3) << ::testing::PrintToString(text);
    ASSERT_EQ(fast.code_point, slow.code_point);
    ASSERT_FALSE(utf8::common_three_byte_at(text.substr(0, 2), 0));
  });
  EXPECT_EQ(accepted, 14U * 64 * 64);  // U+1000..U+CFFF, U+E000..U+FFFF
}

// wide_ideograph_at and plain_run pass over U+4E00..U+9FFF without decoding them: exactly those
// code points, for every lead byte and pair of following bytes, alone or in a block of sixteen.
// has_control finds any one byte that ascii::is_control calls a control, wherever it lies in the
// blocks of sixteen or after them, and nothing in text without one (bytes from 0x80 up included).
TEST(Unicode, HasControlFindsEveryControlByteAnywhere) {
  const std::string plain = "模型A b~" + std::string("\x80\xff", 2) + "模型 0123456789abcdefghij";
  ASSERT_GT(plain.size(), 32U);
  EXPECT_FALSE(unicode::has_control(plain));
  EXPECT_FALSE(unicode::has_control(""));
  for (unsigned b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    if (!ascii::is_control(c)) continue;
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string text = plain;
      text[at] = c;
      ASSERT_TRUE(unicode::has_control(text)) << "byte " << b << " at " << at;
    }
  }
  EXPECT_EQ(ascii::is_control('\t'), true);
  EXPECT_EQ(ascii::is_control('\x7f'), true);
  EXPECT_EQ(ascii::is_control(' '), false);
  EXPECT_EQ(ascii::is_control('\x80'), false);
}

TEST(Unicode, WideIdeographsAreExactlyU4E00ToU9FFF) {
  std::size_t accepted = 0;
  for_each_three_bytes(0x80, [&](std::string_view text) {
    const utf8::Decoded d = utf8::decode(text, 0);
    const bool wide = d.valid && d.length == 3 && d.code_point >= 0x4E00 && d.code_point <= 0x9FFF;
    ASSERT_EQ(unicode::wide_ideograph_at(text, 0), wide) << ::testing::PrintToString(text);
    accepted += wide ? 1 : 0;
#if defined(__SSE2__)
    // Five of them and a printable byte make a block of sixteen, counted whole or not at all
    // (plain_run counts in bulk where the CPU has SSE2).
    const auto lead = static_cast<unsigned char>(text[0]);
    if (lead < 0xE0 || lead > 0xEF) return;
    std::string block = "a";
    for (int k = 0; k < 5; ++k)
      block += text;
    const unicode::PlainRun run = unicode::plain_run(block, 0, block.size());
    if (wide) {
      ASSERT_EQ(run.end, 16U);
      ASSERT_EQ(run.ascii, 1U);
      ASSERT_EQ(run.wide, 5U);
    } else {
      ASSERT_EQ(run.end, 1U) << ::testing::PrintToString(text);
    }
#endif
  });
  EXPECT_EQ(accepted, std::size_t{0xA000 - 0x4E00});
}

TEST(Utf8, BoundariesNeverSplitACharacter) {
  const std::string_view text = "a语b";  // 'a', three bytes of 语 (1..3), 'b' (4)
  EXPECT_EQ(utf8::boundary_before(text, 0), 0U);
  EXPECT_EQ(utf8::boundary_before(text, 1), 1U);
  EXPECT_EQ(utf8::boundary_before(text, 2), 1U);
  EXPECT_EQ(utf8::boundary_before(text, 3), 1U);
  EXPECT_EQ(utf8::boundary_before(text, 4), 4U);
  EXPECT_EQ(utf8::boundary_before(text, 5), 5U);  // the end stays
  EXPECT_EQ(utf8::boundary_after(text, 2), 4U);
  EXPECT_EQ(utf8::boundary_after(text, 3), 4U);
  EXPECT_EQ(utf8::boundary_after(text, 4), 4U);
  EXPECT_EQ(utf8::boundary_after(text, 5), 5U);
}

TEST(Unicode, IsHanIsIcusScriptPropertyForEveryCodePoint) {
  std::size_t han = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    UErrorCode status = U_ZERO_ERROR;
    const bool icu = uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN;
    ASSERT_EQ(unicode::is_han(cp), icu) << std::hex << static_cast<unsigned>(cp);
    han += icu ? 1 : 0;
  }
  EXPECT_GT(han, 90'000U);
}

// The inline ranges answer as ICU's properties do.
TEST(Unicode, DisplayWidthShortcutsAgreeWithIcuForEveryCodePoint) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    ASSERT_EQ(unicode::display_width(cp), unicode::display_width_slow(cp))
        << std::hex << static_cast<unsigned>(cp);
  }
}

TEST(Unicode, DisplayWidthFollowsEastAsianWidth) {
  EXPECT_EQ(unicode::display_width(U'a'), 1);
  EXPECT_EQ(unicode::display_width(U'中'), 2);
  EXPECT_EQ(unicode::display_width(U'，'), 2);
  EXPECT_EQ(unicode::display_width(U'　'), 2);
  EXPECT_EQ(unicode::display_width(0x200B), 0);
  EXPECT_EQ(unicode::display_width(0x0301), 0);
  EXPECT_EQ(unicode::display_width(0x302A), 0);  // an ideographic tone mark combines
  EXPECT_EQ(unicode::display_width(0x302E), 2);  // a Hangul tone mark is a spacing mark
  for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) {
    ASSERT_EQ(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH), U_EA_WIDE);
  }
  for (char32_t cp = 0xFF01; cp <= 0xFF60; ++cp) {
    ASSERT_EQ(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH),
              U_EA_FULLWIDTH);
  }
  for (char32_t cp = 0x3000; cp <= 0x303E; ++cp) {
    const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    ASSERT_TRUE(width == U_EA_WIDE || width == U_EA_FULLWIDTH) << std::hex << unsigned(cp);
  }
}

// The rules' ASCII classes are <cctype>'s in the "C" locale, which bilint never changes.
// certainly_nfc reads only marks: every byte that begins no mark must begin a character that is
// NFC_QC=Yes with combining class 0 (ASCII letters, digits and space; U+4000..U+9FFF after lead
// bytes E4..E9), for every such code point.
TEST(Unicode, WhatBeginsNoMarkIsAnNfcStarter) {
  const auto starter = [](char32_t cp) {
    return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(static_cast<UChar32>(cp)) == 0;
  };
  for (unsigned b = 0; b < 0x80; ++b) {
    if (!MarkIndex::marks(static_cast<unsigned char>(b))) {
      EXPECT_TRUE(starter(b)) << b;
    }
  }
  for (unsigned b = 0x80; b < 0x100; ++b) {
    const bool lead = !utf8::is_continuation(static_cast<char>(b));
    EXPECT_EQ(MarkIndex::marks(static_cast<unsigned char>(b)), lead && (b < 0xE4 || b > 0xE9)) << b;
  }
  for (char32_t cp = 0x4000; cp <= 0x9FFF; ++cp)
    ASSERT_TRUE(starter(cp)) << static_cast<std::uint32_t>(cp);
}

// Where certainly_nfc says a line is NFC, ICU says so too, on lines of ASCII, ideographs, CJK
// punctuation, precomposed and combining accents, Hangul syllables and jamo, compatibility
// ideographs and invalid bytes; and it says so of most digest-like lines.
TEST(Unicode, CertainlyNfcOnlyWhereIcuAgrees) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "7",
                                           " ",
                                           ",",
                                           "\t",
                                           "模型",
                                           "中",
                                           "，",
                                           "。",
                                           "（",
                                           "）",
                                           "“",
                                           "e\u0301",
                                           "\u00E9",
                                           "\u0301",
                                           "\u0334\u0300",
                                           "\u1100\u1161",
                                           "\uAC00",
                                           "\uF900",
                                           "\u4DC0",
                                           "\xFF",
                                           "\xE4",
                                           "\xCC"};
  testing::Random random(99);
  int certain = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    // Mostly digest text (the first ten pieces); an unusual piece in some lines.
    bool digest_like = true;
    for (std::size_t k = 0, count = 1 + random(12); k < count; ++k) {
      const std::size_t piece = random(4) == 0 ? random(pieces.size()) : random(10);
      digest_like = digest_like && piece < 10;
      line += pieces[piece];
    }
    const MarkIndex marks(line);
    status = U_ZERO_ERROR;
    const bool icu_says = nfc->isNormalizedUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())), status);
    const bool certain_here = unicode::certainly_nfc(line, {0, line.size()}, marks);
    if (certain_here) {
      ++certain;
      ASSERT_TRUE(icu_says) << line;
    }
    // Digest text is decided without ICU.
    if (digest_like) {
      EXPECT_TRUE(certain_here) << line;
    }
  }
  EXPECT_GT(certain, 5000);
}

// A line of one character is certainly NFC exactly where the character begins no mark or ICU calls
// it inert, for every code point of the BMP: the table of inert marks certainly_nfc keeps agrees
// with ICU (U+2000 and U+2001 decompose, U+302A..U+302F are combining marks).
TEST(Unicode, CertainlyNfcOfOneCharacterIsIcusInertness) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::size_t inert = 0;
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string line;
    utf8::append(line, cp);
    const MarkIndex marks(line);
    const bool expected = !MarkIndex::marks(static_cast<unsigned char>(line[0])) ||
                          nfc->isInert(static_cast<UChar32>(cp)) != 0;
    ASSERT_EQ(unicode::certainly_nfc(line, {0, line.size()}, marks), expected)
        << std::hex << static_cast<std::uint32_t>(cp);
    inert += expected ? 1 : 0;
  }
  EXPECT_GT(inert, 50'000U);
}

// ideographs_end, sixteen bytes at a time, stops where asking wide_ideograph_at of each character
// stops: at whatever is not an ideograph of U+4E00..U+9FFF (U+4000..U+4DFF, U+A000, an
// ideograph cut short, a stray continuation byte) and at the limit, from every character boundary.
TEST(Unicode, IdeographsEndWhereTheFirstOtherCharacterBegins) {
  const std::vector<std::string> pieces = {
      "中", "模型",         "\xE9\xBF\xBF", "\xE4\xB8\x80", "\xE5\x80\x80", "a",
      "，", "\xE4\xB7\xBF", "\xEA\x80\x80", "\xE5\x80",     "\x80",         "😀"};
  testing::Random random(23);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    // Mostly long runs of ideographs, now and then anything.
    for (std::size_t k = 0, count = random(60); k < count; ++k)
      text += pieces[random(4) == 0 ? random(pieces.size()) : random(5)];
    for (std::size_t at = 0; at < text.size(); at += utf8::decode(text, at).length) {
      for (const std::size_t to : {text.size(), at + random(text.size() - at + 1)}) {
        std::size_t expected = at;
        while (expected + 3 <= to && unicode::wide_ideograph_at(text, expected))
          expected += 3;
        ASSERT_EQ(unicode::ideographs_end(text, at, to), expected)
            << "from " << at << " to " << to << " of " << ::testing::PrintToString(text);
      }
    }
  }
}

TEST(ByteBlocks, Count16IsPopcountForEveryMask) {
  for (unsigned bits = 0; bits <= 0xFFFF; ++bits)
    ASSERT_EQ(byte_blocks::count16(bits), static_cast<unsigned>(std::popcount(bits))) << bits;
}

TEST(Ascii, AgreesWithCctypeInTheCLocaleForEveryByte) {
  for (int b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    EXPECT_EQ(ascii::is_digit(c), std::isdigit(b) != 0) << b;
    EXPECT_EQ(ascii::is_upper(c), std::isupper(b) != 0) << b;
    EXPECT_EQ(ascii::is_lower(c), std::islower(b) != 0) << b;
    EXPECT_EQ(ascii::is_alpha(c), std::isalpha(b) != 0) << b;
    EXPECT_EQ(ascii::is_alnum(c), std::isalnum(b) != 0) << b;
    EXPECT_EQ(ascii::to_lower(c), static_cast<char>(std::tolower(b))) << b;
  }
  EXPECT_EQ(ascii::to_lower("ArUco-LLMs 中文"), "aruco-llms 中文");
}

}  // namespace
}  // namespace bilint
