#include "glossary/glossary.hpp"

#include <chrono>

#include <gtest/gtest.h>

#include "core/utf8.hpp"
#include "engine/glossary_loading.hpp"
#include "engine/linter.hpp"
#include "glossary/folding.hpp"
#include "glossary/matcher.hpp"
#include "glossary/word_index.hpp"
#include "random.hpp"
#include "rules/catalog.hpp"

namespace bilint {
namespace {

std::vector<std::string> errors_of(std::string_view yaml) {
  std::vector<GlossaryError> errors;
  Glossary::parse(yaml, "g.yaml", errors);
  std::vector<std::string> out;
  for (const GlossaryError& e : errors) {
    out.push_back(std::to_string(e.mark.line) + ":" + std::to_string(e.mark.column) + ": " +
                  e.message);
  }
  return out;
}

using Errors = std::vector<std::string>;

TEST(GlossaryLoading, ReportsEveryProblemWithItsPosition) {
  EXPECT_EQ(errors_of("terms:\n  - {source: a, preferred: 甲, prefered: 乙}\n"),
            Errors{"2:31: unknown key 'prefered' (did you mean 'preferred'?)"});
  EXPECT_EQ(errors_of("terms:\n  - {preferred: 甲}\n"), Errors{"2:5: missing 'source'"});
  EXPECT_EQ(errors_of("terms:\n  - {source: a, preferred: 甲}\n  - {source: A, preferred: 乙}\n"),
            Errors{"3:5: term 'A' is defined twice (first at line 2)"});
  EXPECT_EQ(errors_of("terms:\n  - {source: a, preferred: 大语言模型, variants: [语言模型]}\n"),
            Errors{"2:45: variant '语言模型' is part of the preferred '大语言模型', so every "
                   "correct use would match it"});
  EXPECT_EQ(errors_of("terms:\n  - {source: a, preferred: 甲}\n  - {source: b, preferred: 乙, "
                      "variants: [甲]}\n"),
            Errors{"3:5: variant '甲' of 'b' is the preferred rendering of 'a' (line 2)"});
  EXPECT_EQ(errors_of("terms:\n  - {source: a, preferred: ''}\n"),
            (Errors{"2:28: 'preferred' is empty",
                    "2:5: term 'a' needs exactly one of 'preferred', 'keep: true' or 'synonyms'"}));
  EXPECT_EQ(errors_of("terms:\n  - {source: a, preferred: 甲\n"),
            Errors{"3:1: did not find expected ',' or '}' while parsing a flow mapping"});
  EXPECT_EQ(errors_of("terms:\n  - {source: a, variants: 乙, keep: yes}\n"),
            (Errors{"2:27: 'variants' must be a list of strings, as [\"乙\"]",
                    "2:36: 'keep' must be true or false",
                    "2:5: term 'a' needs exactly one of 'preferred', 'keep: true' or 'synonyms'"}));
  EXPECT_EQ(errors_of("words: []\n"), (Errors{"1:1: unknown key 'words'",
                                              "1:1: missing 'terms' "
                                              "(a list of terms)"}));
}

TEST(GlossaryLoading, AnAliasBombIsRefusedAtTheAliasThatOverflows) {
  // "Billion laughs": each level names the previous one three times; *j expands to 9 * 3^9 nodes.
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" +
            static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  }
  yaml += "terms:\n  - {source: bomb, synonyms: *j}\n";
  EXPECT_EQ(errors_of(yaml),
            Errors{"9:16: the YAML expands to more than 100245 nodes (an alias bomb?); not read"});
}

TEST(GlossaryLoading, LaterGlossariesOverrideEarlierOnesPerTerm) {
  std::vector<GlossaryError> errors;
  Glossary base = Glossary::parse(
      "terms:\n  - {source: scaling law, preferred: 缩放定律, variants: [扩展定律]}\n"
      "  - {source: agent, preferred: 智能体}\n",
      "base.yaml", errors);
  base.merge(Glossary::parse("terms:\n  - {source: Scaling Law, preferred: 扩展定律, variants: "
                             "[缩放定律]}\n",
                             "team.yaml", errors),
             errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(base.terms().size(), 2U);
  EXPECT_EQ(base.terms()[0].preferred, "扩展定律");
  EXPECT_EQ(base.terms()[1].preferred, "智能体");
  // A third glossary overrides the override, and adds a term of its own.
  base.merge(Glossary::parse("terms:\n  - {source: SCALING LAW, preferred: 规模法则}\n"
                             "  - {source: tool, preferred: 工具}\n",
                             "third.yaml", errors),
             errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(base.terms().size(), 3U);
  EXPECT_EQ(base.terms()[0].preferred, "规模法则");
  EXPECT_EQ(base.terms()[2].preferred, "工具");
}

TEST(GlossaryLoading, EnglishSpellings) {
  Term term;
  term.source = "mixture of experts";
  term.forms = {"MoE layer"};
  EXPECT_EQ(term.english_spellings(),
            (std::vector<std::string>{"mixture of experts", "mixture of expertses",
                                      "mixture-of-experts", "mixture-of-expertses", "MoE layer"}));
  term.source = "large language model";
  term.forms = {};
  EXPECT_EQ(term.english_spellings(),
            (std::vector<std::string>{"large language model", "large language models",
                                      "large-language-model", "large-language-models"}));
}

TEST(DefaultGlossary, LoadsAndPassesItsSelfTests) {
  const auto glossary = default_glossary();
  EXPECT_GE(glossary->glossary().terms().size(), 200U);
  EXPECT_GE(glossary->glossary().tests().size(), 10U);
  EXPECT_EQ(run_glossary_tests(RuleCatalog::builtin(), glossary), std::vector<std::string>{});
}

TEST(DefaultGlossary, SelfTestFailuresAreReported) {
  const std::string path = ::testing::TempDir() + "/failing-glossary.yaml";
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(
      "terms:\n  - {source: agent, preferred: 智能体, variants: [代理]}\ntests:\n"
      "  - summary: 我们的代理很强。\n    expect: []\n",
      f);
  std::fclose(f);
  EXPECT_EQ(run_glossary_tests(RuleCatalog::builtin(), load_glossaries({path})),
            std::vector<std::string>{
                path + ":4:5: error: self-test expected [] but got [term/variant: 代理]"});
}

TEST(Matcher, LeftmostLongestWithCaseAndWordBounds) {
  Matcher m;
  const auto llm = m.add("LLM", {.ignore_ascii_case = false, .word_bounded = true});
  const auto llms = m.add("LLMs", {.ignore_ascii_case = false, .word_bounded = true});
  const auto lm = m.add("language model", {.ignore_ascii_case = true, .word_bounded = true});
  const auto big = m.add("大型语言模型", {});
  const auto small = m.add("语言模型", {});
  m.compile();
  const std::string text =
      "LLMs and LLM, llm, LongLLaVA, SciLitLLM, Language Models: 大型语言模型和语言模型";
  std::vector<Matcher::Match> out;
  m.find(text, {0, text.size()}, out);
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const auto& match : out)
    got.emplace_back(text.substr(match.span.begin, match.span.size()), match.pattern);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::uint32_t>>{
                     {"LLMs", llms}, {"LLM", llm}, {"大型语言模型", big}, {"语言模型", small}}));
  (void)lm;
}

TEST(Matcher, FailureLinksFindOverlappingPrefixes) {
  Matcher m;
  const auto he = m.add("he", {});
  const auto she = m.add("she", {});
  const auto hers = m.add("hers", {});
  m.compile();
  std::vector<Matcher::Match> out;
  const std::string text = "ushers";
  m.find(text, {0, text.size()}, out);
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].pattern, she);  // leftmost wins over "he" and "hers"
  (void)he;
  (void)hers;
}

TEST(Matcher, WideNodesSharedSpellingsAndCharactersOutsideTheBmp) {
  // 500 patterns under one first character (a node searched among many children), three under
  // a character outside the Basic Multilingual Plane (no direct root entry), one pattern given
  // twice (both reported, in the order added), and prefixes that end where longer patterns go on.
  Matcher m;
  std::vector<std::string> wide;
  for (char32_t c = U'一'; c < U'一' + 500; ++c) {
    std::string s = "模";
    utf8::append(s, c);
    wide.push_back(s);
    m.add(s, {});
  }
  const auto emoji = m.add("🤖", {});
  const auto emoji_two = m.add("🤖模", {});
  const auto emoji_three = m.add("🤖模型", {});
  const auto twice_a = m.add("模型", {});
  const auto twice_b = m.add("模型", {});
  m.compile();
  const std::string text = wide[0] + wide[499] + "🤖模型🤖🤖模" + wide[250] + "模型x模";
  std::vector<Matcher::Match> out;
  m.find(text, {0, text.size()}, out);
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const auto& match : out)
    got.emplace_back(text.substr(match.span.begin, match.span.size()), match.pattern);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::uint32_t>>{{wide[0], 0},
                                                                     {wide[499], 499},
                                                                     {"🤖模型", emoji_three},
                                                                     {"🤖", emoji},
                                                                     {"🤖模", emoji_two},
                                                                     {wide[250], 250},
                                                                     {"模型", twice_a},
                                                                     {"模型", twice_b}}));
}

std::vector<std::pair<std::string, std::uint32_t>> matches(const Matcher& m,
                                                           const std::string& text) {
  std::vector<Matcher::Match> out;
  m.find(text, {0, text.size()}, out);
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const auto& match : out)
    got.emplace_back(text.substr(match.span.begin, match.span.size()), match.pattern);
  return got;
}

TEST(Matcher, EnglishTermsWordByWordAndSpelledAlikeRenderings) {
  // Word-bounded terms that begin and end with a letter or digit are found a word at a time (the
  // word index); "C++" ends with '+', so it is in the trie with the Chinese renderings, and so is
  // "Transformer" as a rendering (not word-bounded, case kept), spelled like an English spelling.
  Matcher m;
  const Matcher::Options english{.ignore_ascii_case = true, .word_bounded = true};
  const auto model = m.add("large language model", english);
  const auto models = m.add("large language models", english);
  const auto language = m.add("language", english);
  const auto gpt4 = m.add("GPT-4", english);
  const auto cpp = m.add("C++", english);
  const auto kept = m.add("Transformer", {});
  const auto spelling = m.add("transformer", english);
  const auto abbreviation = m.add("LM", {.ignore_ascii_case = false, .word_bounded = true});
  m.compile();
  using Got = std::vector<std::pair<std::string, std::uint32_t>>;
  EXPECT_EQ(matches(m, "Large Language Models and large-language model, a language-model"),
            (Got{{"Large Language Models", models},
                 {"large-language model", model},
                 {"language", language}}));
  // "C++11" goes on with a digit; "Transformers" holds the rendering (matched anywhere), not the
  // word; lower-case "transformer" is only the English spelling.
  EXPECT_EQ(matches(m, "GPT 4, GPT-4o, C++ code, C++11, Transformers, transformer, Transformer."),
            (Got{{"GPT 4", gpt4},
                 {"C++", cpp},
                 {"Transformer", kept},
                 {"transformer", spelling},
                 {"Transformer", kept},
                 {"Transformer", spelling}}));
  EXPECT_EQ(matches(m, "LM, lm, LMs, a LM"), (Got{{"LM", abbreviation}, {"LM", abbreviation}}));
  // The longest term would end inside "modeling": the walk stops there, and the next word start
  // finds the shorter term.
  EXPECT_EQ(matches(m, "large language modeling"), (Got{{"language", language}}));
  // A range that ends inside a word: the word is not whole there.
  std::vector<Matcher::Match> out;
  const std::string text = "language model";
  m.find(text, {0, 5}, out);
  EXPECT_TRUE(out.empty());
}

TEST(Matcher, SkipsCompareWhatNoOtherTermSharesInPlace) {
  Matcher m;
  const auto short_one = m.add("abcd", {});
  const auto long_one = m.add("abcdefgh", {});
  const auto other = m.add("abcdxyz", {});
  const auto chinese = m.add("大语言模型评测基准", {});
  const auto chinese_prefix = m.add("大语言模型", {});
  m.compile();
  using Got = std::vector<std::pair<std::string, std::uint32_t>>;
  EXPECT_EQ(
      matches(m, "abcdefgX abcdefgh abcdxyz abcX abcdxy"),
      (Got{{"abcd", short_one}, {"abcdefgh", long_one}, {"abcdxyz", other}, {"abcd", short_one}}));
  EXPECT_EQ(matches(m, "大语言模型评测基础，大语言模型评测基准。"),
            (Got{{"大语言模型", chinese_prefix}, {"大语言模型评测基准", chinese}}));
}

// Whatever the words' lengths (across 8 and 16 bytes, where a hash taking eight bytes at a step
// would turn), their case, the separators between them (in the text, also wider than any in a
// pattern, where a walk stops) and where the range ends, the word index finds what comparing
// every pattern at every word start finds.
TEST(WordIndex, FindsWhatComparingEveryPatternFinds) {
  testing::Random next(7);
  const std::vector<std::string> words = {"a",
                                          "LM",
                                          "GPT",
                                          "4",
                                          "x1",
                                          "model",
                                          "Models",
                                          "abcdefg",
                                          "abcdefgh",
                                          "abcdefghi",
                                          "language",
                                          "transformers",
                                          "representation",
                                          "abcdefghijklmnop",
                                          "abcdefghijklmnopq",
                                          "internationalization"};
  const std::vector<std::string> separators = {" ", "-",   "  ",  ", ",   "的",
                                               "—", " & ", "-\n", "的的", " & -"};
  const std::vector<std::string> pattern_separators = {" ", "-", " & "};
  const auto mangle = [&](std::string word) {
    for (char& c : word)
      if (next(4) == 0)
        c = static_cast<char>(ascii::is_lower(c) ? c - 32 : ascii::is_upper(c) ? c + 32 : c);
    return word;
  };

  struct Pattern {
    std::string text;
    bool exact;
  };
  std::vector<Pattern> patterns;
  WordIndex index;
  for (std::uint32_t k = 0; k < 300; ++k) {
    std::string p = words[next(words.size())];
    for (std::size_t n = next(3); n > 0; --n)
      p += pattern_separators[next(pattern_separators.size())] + words[next(words.size())];
    patterns.push_back({k % 7 == 0 ? p : mangle(p), k % 5 == 0});
    index.add(patterns.back().text, k, patterns.back().exact);
  }
  BloomFilter filter;
  filter.reset(index.key_count());
  index.compile(filter);

  std::string text;
  for (int n = 0; n < 4000; ++n) {
    text += mangle(words[next(words.size())]);
    if (next(8) == 0) text += next(2) == 0 ? "s" : "9";
    text += separators[next(separators.size())];
  }
  const auto folded_equal = [](std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return folding::kBytes[static_cast<unsigned char>(x)] ==
             folding::kBytes[static_cast<unsigned char>(y)];
    });
  };

  std::vector<std::uint32_t> got;
  int matched = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (!folding::is_word_byte(byte) ||
        (at > 0 && folding::is_word_byte(static_cast<unsigned char>(text[at - 1])))) {
      continue;
    }
    // The whole text, or a range that ends a few bytes on (inside a word or not).
    const std::size_t end = next(3) == 0 ? std::min(text.size(), at + next(40)) : text.size();
    const std::string_view scope = std::string_view(text).substr(0, end);
    std::size_t best = 0;
    std::vector<std::uint32_t> expected;
    for (std::uint32_t k = 0; k < patterns.size(); ++k) {
      const std::string& p = patterns[k].text;
      if (at + p.size() > end) continue;
      const std::string_view candidate = scope.substr(at, p.size());
      if (!(patterns[k].exact ? folding::same_exact_spelling(candidate, p)
                              : folded_equal(candidate, p))) {
        continue;
      }
      if (at + p.size() < end &&
          folding::is_word_byte(static_cast<unsigned char>(text[at + p.size()]))) {
        continue;
      }
      if (p.size() > best) expected.clear();
      if (p.size() >= best) {
        best = p.size();
        expected.push_back(k);
      }
    }
    got.clear();
    const std::size_t found = index.longest(scope, at, end, filter, got);
    ASSERT_EQ(found, best == 0 ? 0 : at + best) << "at " << at << ": " << text.substr(at, 40);
    if (best > 0) {
      EXPECT_EQ(got, expected) << "at " << at;
      ++matched;
    }
  }
  EXPECT_GT(matched, 500);  // the text meets the patterns often enough to test them
}

// Whatever the patterns (Chinese, English a word at a time, Latin inside Chinese, case kept or
// folded, word-bounded or not, characters outside the BMP), the text (invalid bytes included) and
// the range, the matcher finds what trying every pattern at every character finds: at each
// position the longest that matches, every pattern spelled so, then on past it.
TEST(Matcher, FindsWhatTryingEveryPatternAtEveryCharacterFinds) {
  testing::Random next(11);
  const std::vector<std::string> pieces = {
      "大",  "语", "言", "模型", "的", "学习", "🤖", "LLM", "llm", "Model", "model",
      "GPT", "4",  "x",  "a",    "-",  " ",    "，",   "C++", "s",   "Ab",    "aB"};
  const auto piece = [&] { return pieces[next(pieces.size())]; };

  struct Pattern {
    std::string text;
    Matcher::Options options;
  };
  std::vector<Pattern> patterns;
  Matcher matcher;
  for (std::uint32_t k = 0; k < 400; ++k) {
    std::string p = piece();
    for (std::size_t n = next(4); n > 0; --n)
      p += piece();
    const Matcher::Options options{.ignore_ascii_case = next(3) != 0, .word_bounded = next(2) == 0};
    patterns.push_back({p, options});
    EXPECT_EQ(matcher.add(p, options), k);
  }
  matcher.compile();

  std::string text;
  for (int n = 0; n < 20000; ++n)
    text += next(200) == 0 ? std::string("\xFF") : piece();

  // Folding changes only ASCII bytes, so code points compare folded as their bytes do.
  const auto folded_equal = [](std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return folding::kBytes[static_cast<unsigned char>(x)] ==
             folding::kBytes[static_cast<unsigned char>(y)];
    });
  };
  const auto word_byte_at = [&](std::size_t i) {
    return folding::is_word_byte(static_cast<unsigned char>(text[i]));
  };
  // Whether pattern k matches text[at, at + its length) within [begin, end).
  const auto matches_at = [&](const Pattern& p, std::size_t at, std::size_t begin,
                              std::size_t end) {
    if (p.text.empty() || at + p.text.size() > end) return false;
    const std::string_view candidate = std::string_view(text).substr(at, p.text.size());
    if (!folded_equal(candidate, p.text)) return false;
    const bool exact =
        !p.options.ignore_ascii_case && std::any_of(p.text.begin(), p.text.end(), ascii::is_alpha);
    if (exact && !folding::same_exact_spelling(candidate, p.text)) return false;
    if (p.options.word_bounded) {
      if (at > begin && word_byte_at(at - 1)) return false;
      if (at + p.text.size() < end && word_byte_at(at + p.text.size())) return false;
    }
    return true;
  };

  int matched = 0;
  for (int round = 0; round < 40; ++round) {
    // The whole text, or a range that begins and ends on characters, inside words or not.
    std::size_t begin = 0;
    std::size_t end = text.size();
    if (round > 0) {
      begin = utf8::boundary_after(text, next(text.size()));
      end = utf8::boundary_after(text, std::min(text.size(), begin + next(4000)));
    }
    std::vector<std::pair<std::size_t, std::uint32_t>> expected;
    for (std::size_t at = begin; at < end;) {
      std::size_t best = 0;
      std::vector<std::uint32_t> longest;
      for (std::uint32_t k = 0; k < patterns.size(); ++k) {
        if (!matches_at(patterns[k], at, begin, end)) continue;
        if (patterns[k].text.size() > best) longest.clear();
        if (patterns[k].text.size() >= best) {
          best = patterns[k].text.size();
          longest.push_back(k);
        }
      }
      for (const std::uint32_t k : longest)
        expected.emplace_back(at, k);
      at += best > 0 ? best : utf8::decode(std::string_view(text).substr(0, end), at).length;
    }
    std::vector<Matcher::Match> out;
    matcher.find(text, {begin, end}, out);
    std::vector<std::pair<std::size_t, std::uint32_t>> got;
    for (const Matcher::Match& m : out) {
      got.emplace_back(m.span.begin, m.pattern);
      EXPECT_EQ(m.span.size(), patterns[m.pattern].text.size());
    }
    ASSERT_EQ(got, expected) << "range " << begin << ".." << end;
    matched += static_cast<int>(got.size());
  }
  EXPECT_GT(matched, 5000);  // the text meets the patterns often enough to test them
}

// Inserts `held` pseudo-random keys, expects the filter to hold each, and returns how many of
// `absent` other keys it says yes to.
int false_yeses(BloomFilter& filter, int held, int absent) {
  testing::Random random(1);
  std::vector<std::uint64_t> keys;
  for (int i = 0; i < held; ++i) {
    keys.push_back(random.next());
    filter.insert(keys.back());
  }
  for (const std::uint64_t k : keys)
    EXPECT_TRUE(filter.may_contain(k));
  int yes = 0;
  for (int i = 0; i < absent; ++i)
    yes += filter.may_contain(random.next()) ? 1 : 0;
  return yes;
}

TEST(BloomFilter, NeverSaysNoToAKeyItHolds) {
  BloomFilter filter;
  filter.reset(1000);
  EXPECT_LT(false_yeses(filter, 1000, 100000), 1000);  // 32 bits a key: about 0.1%, far under 1%
}

// A cap that is no power of two is rounded down to one: the word a key goes to is chosen by the
// hash's top bits, and a filter of 37,500 words (300,000 bytes) used to put every key in 4 of them.
TEST(BloomFilter, CappedAtAnySizeHoldsItsKeysAndStillSaysNo) {
  BloomFilter filter;
  filter.reset(100000, 300000);                          // 400 KB uncapped; 256 KiB capped
  EXPECT_LT(false_yeses(filter, 100000, 100000), 2000);  // 21 bits a key: under 1%
}

}  // namespace
}  // namespace bilint
