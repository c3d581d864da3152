#pragma once

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace bilint {

// A callable passed by reference, for a callback called only during the call it is passed to (what
// C++26 names std::function_ref). std::function copies a lambda that captures more than two
// pointers to the heap: the typography and pattern rules handed such lambdas to
// for_each_prose_run for every block of every entry, 19,000 allocations and frees a megabyte of
// digest. Written here as neither g++ 12 nor the project's dependencies have one (abseil's
// FunctionRef would add a library for these few lines).
template <typename Signature>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  // Implicit, as std::function's is: callers pass a lambda where a FunctionRef is taken. (Not for
  // a FunctionRef itself, which is copied.)
  template <typename F, typename = std::enable_if_t<
                            !std::is_same_v<std::remove_cvref_t<F>, FunctionRef> &&
                            std::is_invocable_r_v<R, std::remove_reference_t<F>&, Args...>>>
  FunctionRef(F&& callable) noexcept
      : callable_(const_cast<void*>(static_cast<const void*>(std::addressof(callable)))),
        call_([](void* target, Args... args) -> R {
          return std::invoke(*static_cast<std::remove_reference_t<F>*>(target),
                             std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const { return call_(callable_, std::forward<Args>(args)...); }

 private:
  void* callable_;
  R (*call_)(void*, Args...);
};

}  // namespace bilint
