#include "core/unicode.hpp"

#include <array>
#include <bitset>
#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace bilint::unicode {

int display_width_slow(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) return 0;
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR:
      return 0;
    default:
      break;
  }
  switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
    case U_EA_WIDE:
    case U_EA_FULLWIDTH:
      return 2;
    default:
      return 1;
  }
}

bool is_han(char32_t cp) {
  if (cp < 0x2E80) return false;
  // CJK Unified Ideographs and Extension A, fully assigned and all Han since Unicode 14: most of a
  // digest's text, answered without ICU's script lookup (10% of a run's time before).
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return true;
  // Chinese punctuation, which the typography rules ask about beside every mark: the full-width
  // forms (，：；！？（）) hold no Han, and of the CJK symbols and punctuation (。、「」) only the
  // iteration and number marks 々 〇 〡-〩 〸-〻 are Han.
  if (cp >= 0xFF00 && cp <= 0xFFEF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) {
    constexpr std::uint64_t kHanSymbols = (std::uint64_t{1} << 0x05) | (std::uint64_t{1} << 0x07) |
                                          (std::uint64_t{0x1FF} << 0x21) |
                                          (std::uint64_t{0xF} << 0x38);
    return (kHanSymbols >> (cp - 0x3000) & 1) != 0;
  }
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

namespace {

// ICU's isInert for the blocks a digest's marks come from (ASCII, general punctuation, CJK
// punctuation, full-width forms), asked once per process: a mark then costs a table lookup rather
// than a call into ICU (0.6% of a run with every rule on the bench corpus).
class InertMarks {
 public:
  explicit InertMarks(const icu::Normalizer2& nfc) {
    for (const Block& block : kBlocks) {
      for (char32_t cp = block.begin; cp < block.end; ++cp)
        inert_[slot(cp)] = nfc.isInert(static_cast<UChar32>(cp)) != 0;
    }
  }
  // 1 or 0 where the code point is in the table, -1 where ICU must be asked.
  [[nodiscard]] int operator()(char32_t cp) const {
    const std::size_t at = slot(cp);
    return at == kSize ? -1 : static_cast<int>(inert_[at]);
  }

 private:
  struct Block {
    char32_t begin;
    char32_t end;
  };
  static constexpr std::array<Block, 4> kBlocks = {
      {{0x0000, 0x0080}, {0x2000, 0x2070}, {0x3000, 0x3040}, {0xFF00, 0xFF60}}};
  static constexpr std::size_t kSize = 0x80 + 0x70 + 0x40 + 0x60;
  // The code point's place in the table, or kSize.
  static std::size_t slot(char32_t cp) {
    std::size_t offset = 0;
    for (const Block& block : kBlocks) {
      if (cp >= block.begin && cp < block.end) return offset + (cp - block.begin);
      offset += block.end - block.begin;
    }
    return kSize;
  }
  std::bitset<kSize> inert_;
};

}  // namespace

bool certainly_nfc(std::string_view text, Span span, const MarkIndex& marks) {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  if (nfc == nullptr) return false;
  static const InertMarks inert_marks(*nfc);
  const std::string_view scope = text.substr(0, span.end);
  for (std::size_t at = marks.next(span.begin, span.end); at < span.end;
       at = marks.next(at + 1, span.end)) {
    const utf8::Decoded d = utf8::decode(scope, at);
    if (!d.valid) return false;
    const int known = inert_marks(d.code_point);
    if (known == 0 || (known < 0 && !nfc->isInert(static_cast<UChar32>(d.code_point)))) {
      return false;
    }
  }
  return true;
}

}  // namespace bilint::unicode
