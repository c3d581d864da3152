#include "fix/fixer.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace bilint {

FixOutcome apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  std::vector<const Diagnostic*> fixable;
  for (const Diagnostic& d : diagnostics) {
    if (d.fix && !d.fix->edits.empty()) fixable.push_back(&d);
  }
  const auto first_edit = [](const Diagnostic* d) {
    return std::min_element(
               d->fix->edits.begin(), d->fix->edits.end(),
               [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; })
        ->span;
  };
  std::sort(fixable.begin(), fixable.end(), [&](const Diagnostic* a, const Diagnostic* b) {
    const Span sa = first_edit(a);
    const Span sb = first_edit(b);
    return std::tie(sa.begin, sa.end, a->rule_id, a->fix->description) <
           std::tie(sb.begin, sb.end, b->rule_id, b->fix->description);
  });

  FixOutcome outcome;
  std::vector<Edit> taken;
  const auto overlaps = [&](const Edit& e) {
    return std::any_of(taken.begin(), taken.end(), [&](const Edit& t) {
      // Two insertions at one point, or an edit touching a replaced range, conflict.
      if (e.span.begin == t.span.begin) return true;
      return e.span.begin < t.span.end && t.span.begin < e.span.end;
    });
  };
  for (const Diagnostic* d : fixable) {
    if (std::any_of(d->fix->edits.begin(), d->fix->edits.end(), overlaps)) {
      ++outcome.skipped;
      continue;
    }
    taken.insert(taken.end(), d->fix->edits.begin(), d->fix->edits.end());
    ++outcome.applied;
  }
  std::sort(taken.begin(), taken.end(),
            [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  std::size_t at = 0;
  for (const Edit& edit : taken) {
    outcome.text.append(text.substr(at, edit.span.begin - at));
    outcome.text.append(edit.replacement);
    at = edit.span.end;
  }
  outcome.text.append(text.substr(at));
  return outcome;
}

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Myers' O(ND) difference algorithm over lines: the edit script as a list of (kind, line) where
// kind is ' ', '-' or '+'.
std::vector<std::pair<char, std::string_view>> diff_lines(const std::vector<std::string_view>& a,
                                                          const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = n + m;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max + 2), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  const auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& {
    return v[static_cast<std::size_t>(k + max + 1)];
  };
  for (std::ptrdiff_t d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  std::vector<std::pair<char, std::string_view>> script;
  std::ptrdiff_t x = n;
  std::ptrdiff_t y = m;
  for (auto d = static_cast<std::ptrdiff_t>(trace.size()) - 1; d >= 0; --d) {
    v = trace[static_cast<std::size_t>(d)];
    const std::ptrdiff_t k = x - y;
    const std::ptrdiff_t prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const std::ptrdiff_t prev_x = at(prev_k);
    const std::ptrdiff_t prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      script.emplace_back(' ', a[static_cast<std::size_t>(--x)]);
      --y;
    }
    if (d > 0) {
      if (x == prev_x) {
        script.emplace_back('+', b[static_cast<std::size_t>(--y)]);
      } else {
        script.emplace_back('-', a[static_cast<std::size_t>(--x)]);
      }
    }
  }
  std::reverse(script.begin(), script.end());
  return script;
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const auto script = diff_lines(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t i = 0;
  while (i < script.size()) {
    if (script[i].first == ' ') {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines after the last change that
    // is no more than 2 * kContext unchanged lines away.
    std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    std::size_t unchanged = 0;
    for (std::size_t j = i; j < script.size(); ++j) {
      if (script[j].first == ' ') {
        if (++unchanged > 2 * kContext) break;
      } else {
        unchanged = 0;
        end = j;
      }
    }
    end = std::min(script.size(), end + 1 + kContext);
    std::size_t old_line = 1;
    std::size_t new_line = 1;
    for (std::size_t j = 0; j < start; ++j) {
      if (script[j].first != '+') ++old_line;
      if (script[j].first != '-') ++new_line;
    }
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    std::string body;
    for (std::size_t j = start; j < end; ++j) {
      if (script[j].first != '+') ++old_count;
      if (script[j].first != '-') ++new_count;
      body += script[j].first;
      body.append(script[j].second);
      if (!script[j].second.ends_with('\n')) body += "\n\\ No newline at end of file\n";
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_count == 0 ? old_line - 1 : old_line, old_count,
                       new_count == 0 ? new_line - 1 : new_line, new_count);
    out += body;
    i = end;
  }
  return out;
}

}  // namespace bilint
