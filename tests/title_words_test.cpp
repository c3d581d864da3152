#include "rules/title_words.hpp"

#include <string>

#include <gtest/gtest.h>

namespace bilint {
namespace {

TEST(TitleWords, MayHoldNameIsFalseOnlyWhereNoPartLooksLikeAName) {
  EXPECT_FALSE(may_hold_name("Learning"));
  EXPECT_FALSE(may_hold_name("for"));
  EXPECT_FALSE(may_hold_name("Real-time"));
  EXPECT_TRUE(may_hold_name("Real-Time"));  // not a name, but its second part begins with a capital
  EXPECT_TRUE(may_hold_name("GPT-4"));
  EXPECT_TRUE(may_hold_name("xGen"));
  EXPECT_TRUE(may_hold_name("3D"));
  // Every word of up to six characters over letters of both cases, a digit and the joiners of
  // title words: where a substring of it looks like a name, it may hold one.
  const std::string alphabet = "aAB1-'.";
  std::string word;
  std::size_t words = 0;
  const auto visit = [&](const auto& self, std::size_t length) -> void {
    if (!word.empty()) {
      ++words;
      bool some_part = false;
      for (std::size_t begin = 0; begin < word.size() && !some_part; ++begin) {
        for (std::size_t end = begin + 1; end <= word.size() && !some_part; ++end)
          some_part = looks_like_name(std::string_view(word).substr(begin, end - begin));
      }
      if (some_part) {
        ASSERT_TRUE(may_hold_name(word)) << word;
      }
    }
    if (length == 0) return;
    for (const char c : alphabet) {
      word.push_back(c);
      self(self, length - 1);
      word.pop_back();
    }
  };
  visit(visit, 6);
  EXPECT_EQ(words, 137'256U);  // 7 + 7^2 + ... + 7^6
}

}  // namespace
}  // namespace bilint
