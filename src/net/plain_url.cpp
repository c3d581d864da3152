#include "net/plain_url.hpp"

#include <utility>

#include "core/ascii.hpp"

namespace bilint {

bool plainly_valid_url(std::string_view url) {
  const std::size_t scheme = url.starts_with("https://") ? 8 : url.starts_with("http://") ? 7 : 0;
  if (scheme == 0 || url.size() > 2048) return false;
  std::size_t i = scheme;
  std::size_t label = i;  // where the host's current label begins
  bool dotted = false;
  for (; i < url.size() && url[i] != '/' && url[i] != '?' && url[i] != '#'; ++i) {
    const char c = url[i];
    if (c == '.') {
      if (i == label) return false;  // an empty label
      dotted = true;
      label = i + 1;
    } else if (!ascii::is_lower(c) && !ascii::is_digit(c) && c != '-') {
      return false;
    }
  }
  if (!dotted || i == label || !ascii::is_lower(url[label])) return false;
  constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/?#";
  bool fragment = false;
  for (; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '%') {
      if (i + 2 >= url.size() || !ascii::is_xdigit(url[i + 1]) || !ascii::is_xdigit(url[i + 2]))
        return false;
      i += 2;
    } else if (c == '#') {
      if (std::exchange(fragment, true)) return false;
    } else if (!ascii::is_alnum(c) && kAllowed.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace bilint
