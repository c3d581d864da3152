#include "core/arxiv.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/ascii.hpp"

namespace bilint {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), ascii::is_digit);
}

int number(std::string_view s) {
  int n = 0;
  for (const char c : s)
    n = n * 10 + (c - '0');
  return n;
}

// The archives of old-style identifiers (before April 2007).
constexpr std::array<std::string_view, 38> kArchives = {
    "acc-phys", "adap-org", "alg-geom", "ao-sci",   "astro-ph", "atom-ph", "bayes-an", "chao-dyn",
    "chem-ph",  "cmp-lg",   "comp-gas", "cond-mat", "cs",       "dg-ga",   "funct-an", "gr-qc",
    "hep-ex",   "hep-lat",  "hep-ph",   "hep-th",   "math",     "math-ph", "mtrl-th",  "nlin",
    "nucl-ex",  "nucl-th",  "patt-sol", "physics",  "plasm-ph", "q-alg",   "q-bio",    "quant-ph",
    "solv-int", "supr-con", "eess",     "econ",     "q-fin",    "stat"};

}  // namespace

std::optional<ArxivUrl> split_arxiv_url(std::string_view url) {
  ArxivUrl out;
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  out.scheme = url.substr(0, colon);
  std::string_view rest = url.substr(colon + 3);
  const std::size_t slash = rest.find('/');
  out.host = rest.substr(0, slash);
  if (out.host != "arxiv.org" && out.host != "www.arxiv.org" && out.host != "export.arxiv.org") {
    return std::nullopt;
  }
  if (slash == std::string_view::npos) return out;
  rest = rest.substr(slash + 1);
  const std::size_t next = rest.find('/');
  out.kind = rest.substr(0, next);
  if (next == std::string_view::npos) return out;
  std::string_view id = rest.substr(next + 1);
  // Two memchr calls: find_first_of calls memchr over its set for every byte of the id.
  id = id.substr(0, std::min(id.find('?'), id.find('#')));
  if (id.ends_with(".pdf")) id.remove_suffix(4);
  if (id.ends_with('/')) id.remove_suffix(1);
  const std::size_t v = id.find_last_of('v');
  if (v != std::string_view::npos && v > 0 && all_digits(id.substr(v + 1)) &&
      ascii::is_digit(id[v - 1])) {
    out.version = id.substr(v);
    id = id.substr(0, v);
  }
  out.id = id;
  return out;
}

std::string check_arxiv_id(std::string_view id, std::chrono::year_month today) {
  if (id.empty()) return "the arXiv link has no identifier";
  const auto too_new = [&](int yy, int mm) {
    const std::chrono::year_month ym{std::chrono::year(2000 + yy),
                                     std::chrono::month(static_cast<unsigned>(mm))};
    return ym > today;
  };
  const std::size_t dot = id.find('.');
  const std::size_t slash = id.find('/');
  if (slash == std::string_view::npos) {
    const std::string_view yymm = id.substr(0, dot);
    const std::string_view serial = dot == std::string_view::npos ? "" : id.substr(dot + 1);
    if (yymm.size() != 4 || !all_digits(yymm) || !all_digits(serial)) {
      return fmt::format("'{}' is not an arXiv identifier (YYMM.NNNNN or archive/YYMMNNN)", id);
    }
    const int yy = number(yymm.substr(0, 2));
    const int mm = number(yymm.substr(2));
    if (mm < 1 || mm > 12) return fmt::format("'{}' has no month {:02}", id, mm);
    if (yy < 7 || (yy == 7 && mm < 4)) {
      return fmt::format("'{}' predates new-style identifiers (April 2007)", id);
    }
    const std::size_t digits = yy >= 15 ? 5 : 4;
    if (serial.size() != digits) {
      return fmt::format("'{}' needs a {}-digit number after the dot for 20{:02}", id, digits, yy);
    }
    if (too_new(yy, mm))
      return fmt::format("'{}' is dated after today (20{:02}-{:02})", id, yy, mm);
    return {};
  }
  // Old style: archive[.SUBJECT]/YYMMNNN.
  const std::string_view archive = id.substr(0, std::min(slash, id.find('.')));
  const std::string_view number_part = id.substr(slash + 1);
  if (std::find(kArchives.begin(), kArchives.end(), archive) == kArchives.end()) {
    return fmt::format("'{}' names no arXiv archive", archive);
  }
  if (number_part.size() != 7 || !all_digits(number_part)) {
    return fmt::format("'{}' is not an old-style arXiv identifier (archive/YYMMNNN)", id);
  }
  const int yy = number(number_part.substr(0, 2));
  const int mm = number(number_part.substr(2, 2));
  if (mm < 1 || mm > 12) return fmt::format("'{}' has no month {:02}", id, mm);
  const bool in_range = (yy >= 91) || (yy < 7) || (yy == 7 && mm <= 3);
  if (!in_range) return fmt::format("'{}' is outside the years of old-style identifiers", id);
  return {};
}

std::string arxiv_abs_url(std::string_view id, std::string_view version) {
  return fmt::format("https://arxiv.org/abs/{}{}", id, version);
}

}  // namespace bilint
