#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "rules/prose.hpp"
#include "rules/registry.hpp"
#include "rules/title_words.hpp"

namespace bilint {

namespace {

struct Number {
  double value;
  Span span;
};

double english_scale(std::string_view word) {
  const std::string lower = ascii::to_lower(word);
  if (lower == "thousand") return 1e3;
  if (lower == "million" || lower == "millions") return 1e6;
  if (lower == "billion" || lower == "billions") return 1e9;
  if (lower == "trillion") return 1e12;
  return 1;
}

// Standalone numbers of an English title: 1000, 1,000, 2.5, 10M, 40B, 7K, 50%, "2 Million". Numbers
// inside names (Qwen2.5, GPT-4, v2, BLIP-3, 3D) belong to fidelity/name-dropped.
std::vector<Number> english_numbers(std::string_view text, Span title) {
  std::vector<Number> out;
  // Every number begins with a digit, and most titles have none (nine in ten on the bench corpus):
  // they are not split into words at all.
  const std::string_view title_text = text.substr(title.begin, title.size());
  if (std::none_of(title_text.begin(), title_text.end(), ascii::is_digit)) return out;
  const auto words = title_words(text, title);
  for (std::size_t k = 0; k < words.size(); ++k) {
    std::string_view w = words[k].text;
    std::string digits;
    std::size_t i = 0;
    while (i < w.size() && (ascii::is_digit(w[i]) || w[i] == ',' || w[i] == '.')) {
      if (w[i] != ',') digits += w[i];
      ++i;
    }
    if (digits.empty() || !ascii::is_digit(digits[0])) continue;
    const std::string_view suffix = w.substr(i);
    double scale = 1;
    if (suffix == "K" || suffix == "k") {
      scale = 1e3;
    } else if (suffix == "M") {
      scale = 1e6;
    } else if (suffix == "B") {
      scale = 1e9;
    } else if (suffix == "T") {
      scale = 1e12;
    } else if (!suffix.empty() && suffix != "%") {
      continue;  // 3D, 4o, 1st: part of a name or an ordinal
    }
    // A hyphen or letters glued before the digits make it part of a name (GPT-4, v2).
    const std::size_t at = words[k].span.begin;
    if (at > title.begin && (ascii::is_alpha(text[at - 1]) || text[at - 1] == '-')) continue;
    if (k + 1 < words.size() && scale == 1) scale = english_scale(words[k + 1].text);
    const double value = std::stod(digits) * scale;
    // 1 and 2 are mostly articles in translation ("一个", "两种"), not figures worth comparing.
    if (value == 1 || value == 2) continue;
    out.push_back({value, words[k].span});
  }
  return out;
}

int chinese_digit(char32_t cp) {
  constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  if (cp == U'两') return 2;
  const auto at = kDigits.find(cp);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

double chinese_unit(char32_t cp) {
  switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1e3;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

// Numbers of a Chinese title: Arabic numbers with an optional Chinese multiplier (1000 万, 400 亿,
// 2.5), and Chinese numerals (千万, 三十, 十亿).
std::vector<double> chinese_numbers(std::string_view text) {
  std::vector<double> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.code_point < 0x80 && ascii::is_digit(static_cast<char>(d.code_point))) {
      // A number glued to Latin letters is part of a name, like in the English title.
      if (i > 0 && (ascii::is_alpha(text[i - 1]) || text[i - 1] == '-')) {
        while (i < text.size() && (ascii::is_alnum(text[i]) || text[i] == '.'))
          ++i;
        continue;
      }
      std::string digits;
      while (i < text.size() && (ascii::is_digit(text[i]) || text[i] == '.' || text[i] == ',')) {
        if (text[i] != ',') digits += text[i];
        ++i;
      }
      double value = std::stod(digits);
      if (i < text.size() && (text[i] == 'K' || text[i] == 'M' || text[i] == 'B')) {
        value *= text[i] == 'K' ? 1e3 : text[i] == 'M' ? 1e6 : 1e9;
        ++i;
      }
      std::size_t j = i;
      while (j < text.size() && text[j] == ' ')
        ++j;
      double multiplier = 1;
      for (;;) {
        if (j >= text.size()) break;
        const utf8::Decoded u = utf8::decode(text, j);
        const double unit = chinese_unit(u.code_point);
        if (unit == 0) break;
        multiplier *= unit;
        j += u.length;
      }
      if (multiplier > 1) i = j;
      out.push_back(value * multiplier);
      continue;
    }
    if (chinese_digit(d.code_point) >= 0 || chinese_unit(d.code_point) > 0) {
      // Chinese numerals: a digit before a unit multiplies it; units multiply a running section.
      double total = 0;
      double section = 0;
      double digit = -1;
      bool any = false;
      while (i < text.size()) {
        const utf8::Decoded u = utf8::decode(text, i);
        const int dg = chinese_digit(u.code_point);
        const double unit = chinese_unit(u.code_point);
        if (dg >= 0) {
          digit = dg;
        } else if (unit >= 1e4) {
          section += digit >= 0 ? digit : (section == 0 ? 1 : 0);
          total += (section == 0 ? 1 : section) * unit;
          if (total == 0) total = unit;
          section = 0;
          digit = -1;
        } else if (unit > 0) {
          section += (digit >= 0 ? digit : 1) * unit;
          digit = -1;
        } else {
          break;
        }
        any = true;
        i += u.length;
      }
      if (digit >= 0) section += digit;
      // A lone 一 or 两 is an article ("一个", "两种") more often than a number worth comparing.
      if (any && total + section > 2) out.push_back(total + section);
      continue;
    }
    i += d.length;
  }
  return out;
}

bool close(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

}  // namespace

// A number of the English title that the Chinese title does not state, compared by value: 10M =
// 千万 = 1000 万, 2 Million = 200 万, 1000 Images = 千张图像, 40B = 400 亿, 50% = 50%. Numbers
// inside names and versions (Qwen2.5, v2, GPT-4) are names, fidelity/name-dropped's.
class NumberMismatchRule final : public EntryRule {
 public:
  static constexpr std::string_view kId = "fidelity/number-mismatch";
  void check_entry(const RuleContext& context, const Entry& entry,
                   DiagnosticSink& sink) const override {
    if (!entry.link || entry.link->text.empty()) return;
    const std::vector<Number> english = english_numbers(context.source.text(), entry.english_title);
    if (english.empty()) return;
    const std::vector<double> chinese = chinese_numbers(context.source.slice(entry.link->text));
    for (const Number& n : english) {
      const bool found =
          std::any_of(chinese.begin(), chinese.end(), [&](double c) { return close(c, n.value); });
      if (found) continue;
      sink.report(
          Report{entry.link->text,
                 fmt::format("the number '{}' of the English title is not in the Chinese title",
                             context.source.slice(n.span)),
                 {},
                 {RelatedSpan{n.span, "the number in the English title", {}}},
                 {}});
    }
  }
};

}  // namespace bilint

BILINT_REGISTER_RULE(bilint::NumberMismatchRule)
