#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace bilint {

// An arxiv.org URL taken apart: https://arxiv.org/abs/2408.15545v2 -> scheme "https", kind "abs",
// id "2408.15545", version "v2".
struct ArxivUrl {
  std::string_view scheme;
  std::string_view host;
  std::string_view kind;     // first path segment: abs, pdf, html, ...
  std::string_view id;       // without version and ".pdf"
  std::string_view version;  // "v2", or empty
};

// Splits a URL on arxiv.org (or www. and export. of it); nothing for other hosts.
std::optional<ArxivUrl> split_arxiv_url(std::string_view url);

// What is wrong with an arXiv identifier, or an empty string when nothing is: new-style ids are
// YYMM.NNNN (2007-2014) or YYMM.NNNNN (from 2015) with a month 01-12 and not after `today`;
// old-style ids are archive[.SUBJECT]/YYMMNNN (1991-2007).
std::string check_arxiv_id(std::string_view id, std::chrono::year_month today);

// The canonical abstract URL of an id: https://arxiv.org/abs/<id><version>.
std::string arxiv_abs_url(std::string_view id, std::string_view version);

}  // namespace bilint
