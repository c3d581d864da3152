// The fast paths of core/unicode must answer exactly what ICU answers, for every code point, and
// core/ascii what <cctype> answers in the "C" locale.
#include "core/unicode.hpp"

#include <cctype>

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace bilint {
namespace {

// Scans pass over what common_three_byte_at accepts without decoding it: it must be a valid
// three-byte character by the full decoder, for every lead byte and pair of following bytes.
TEST(Utf8, CommonThreeByteCharactersAreValidAndDecodeAlike) {
  std::size_t accepted = 0;
  for (unsigned b0 = 0xC0; b0 <= 0xFF; ++b0) {
    for (unsigned b1 = 0; b1 <= 0xFF; ++b1) {
      for (unsigned b2 = 0; b2 <= 0xFF; ++b2) {
        const char bytes[] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        const std::string_view text(bytes, 3);
        if (!utf8::common_three_byte_at(text, 0)) continue;
        ++accepted;
        const utf8::Decoded slow = utf8::decode_slow(text, 0);
        const utf8::Decoded fast = utf8::decode(text, 0);
        ASSERT_TRUE(slow.valid && slow.length == 3) << b0 << ' ' << b1 << ' ' << b2;
        ASSERT_EQ(fast.code_point, slow.code_point);
        ASSERT_FALSE(utf8::common_three_byte_at(text.substr(0, 2), 0));
      }
    }
  }
  EXPECT_EQ(accepted, 14U * 64 * 64);  // U+1000..U+CFFF, U+E000..U+FFFF
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
