#include "core/natural_merge_sort.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "random.hpp"

namespace bilint {
namespace {

// Items ordered by their key alone, so that equal keys show whether the sort kept their order.
using Item = std::pair<int, int>;  // key, position in the input
bool key_less(const Item& a, const Item& b) {
  return a.first < b.first;
}

std::vector<Item> stable_sorted(std::vector<Item> items) {
  std::stable_sort(items.begin(), items.end(), key_less);
  return items;
}

TEST(NaturalMergeSort, SortsAsStableSortDoesWhateverTheRuns) {
  testing::Random random(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<Item> items;
    // Runs of rising keys (as a rule's diagnostics come), of random keys, of equal keys.
    const std::size_t runs = random(12);
    for (std::size_t r = 0; r < runs; ++r) {
      const std::size_t length = random(round < 1000 ? 8 : 200);
      int key = static_cast<int>(random(50));
      const std::size_t shape = random(3);
      for (std::size_t k = 0; k < length; ++k) {
        if (shape == 0) key += static_cast<int>(random(3));
        if (shape == 1) key = static_cast<int>(random(50));
        items.emplace_back(key, static_cast<int>(items.size()));
      }
    }
    const std::vector<Item> expected = stable_sorted(items);
    natural_merge_sort(items, key_less);
    ASSERT_EQ(items, expected) << "round " << round;
  }
}

TEST(NaturalMergeSort, EdgeCases) {
  std::vector<Item> none;
  natural_merge_sort(none, key_less);
  EXPECT_TRUE(none.empty());
  std::vector<Item> one{{5, 0}};
  natural_merge_sort(one, key_less);
  EXPECT_EQ(one, (std::vector<Item>{{5, 0}}));
  std::vector<Item> falling{{3, 0}, {2, 1}, {2, 2}, {1, 3}, {0, 4}};
  natural_merge_sort(falling, key_less);
  EXPECT_EQ(falling, (std::vector<Item>{{0, 4}, {1, 3}, {2, 1}, {2, 2}, {3, 0}}));
  std::vector<Item> three_runs{{1, 0}, {4, 1}, {0, 2}, {4, 3}, {2, 4}, {4, 5}};
  natural_merge_sort(three_runs, key_less);
  EXPECT_EQ(three_runs, (std::vector<Item>{{0, 2}, {1, 0}, {2, 4}, {4, 1}, {4, 3}, {4, 5}}));
}

}  // namespace
}  // namespace bilint
