#include "core/function_ref.hpp"

#include <string>

#include <gtest/gtest.h>

namespace bilint {
namespace {

int apply(FunctionRef<int(int)> f, int x) {
  return f(x);
}

TEST(FunctionRef, CallsTheCallableItRefersToWithItsState) {
  std::string seen;
  int calls = 0;
  // Captures more than std::function keeps in place, and changes what it captured.
  const auto record = [&seen, &calls, suffix = std::string(40, '!')](int x) {
    seen += std::to_string(x);
    seen += suffix.front();
    return ++calls * x;
  };
  EXPECT_EQ(apply(record, 3), 3);
  EXPECT_EQ(apply(record, 5), 10);
  EXPECT_EQ(seen, "3!5!");

  // A copy refers to the same callable, not to the FunctionRef it was copied from: pointing that
  // one elsewhere afterwards does not change the copy.
  FunctionRef<int(int)> ref = record;
  const FunctionRef<int(int)> copy = ref;
  const auto negate = [](int x) { return -x; };
  ref = negate;
  EXPECT_EQ(apply(ref, 7), -7);
  EXPECT_EQ(apply(copy, 1), 3);
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace bilint
