// libcurl opened when needed, and the URLs link/malformed answers without it.
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/arxiv.hpp"
#include "net/curl_library.hpp"
#include "net/plain_url.hpp"

namespace bilint {
namespace {

TEST(CurlLibrary, OneThatCannotBeLoadedIsNamedWithTheReason) {
  try {
    (void)load_curl_library("libcurl-absent.so.0");
    FAIL() << "loaded a library that does not exist";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("cannot load libcurl: libcurl-absent.so.0: ", 0), 0U) << message;
  }
}

// What libcurl's parser says of `url`: "" when it takes it with an http or https scheme and a host
// with a dot (what link/malformed accepts), else why not.
std::string curl_verdict(const std::string& url) {
  const CurlLibrary& curl = curl_library();
  const std::unique_ptr<CURLU, decltype(curl.url_cleanup)> handle(curl.url(), curl.url_cleanup);
  if (curl.url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
      CURLUE_OK) {
    return "rejected";
  }
  std::string parts[2];
  const CURLUPart which[2] = {CURLUPART_SCHEME, CURLUPART_HOST};
  for (int k = 0; k < 2; ++k) {
    char* part = nullptr;
    if (curl.url_get(handle.get(), which[k], &part, 0) != CURLUE_OK || part == nullptr)
      return "no part";
    parts[k] = part;
    curl.free(part);
  }
  if (parts[0] != "http" && parts[0] != "https") return "scheme " + parts[0];
  if (parts[1].find('.') == std::string::npos) return "host " + parts[1];
  return "";
}

// Every URL the shortcut takes, libcurl takes too: digest links, and each of them with every
// printable ASCII character put in turn into the host, the path, the query and the fragment, and
// with ports, users, addresses, case and percent-encodings that the shortcut leaves to libcurl.
TEST(PlainUrl, EveryUrlItTakesLibcurlTakes) {
  const std::vector<std::string> digest_links = {
      "https://arxiv.org/abs/2506.07140",
      "http://arxiv.org/pdf/2409.00001v2",
      "https://github.com/bilint/bilint#readme",
      "https://huggingface.co/papers?q=llm&sort=new",
      "https://example.com/a%20b/(c)/d;e=f,g*h+i!j$k'l@m:n~o_p.q-r?s=t/u?v#w/x?y",
      "https://sub-domain.example-1.org"};
  for (const std::string& url : digest_links) {
    EXPECT_TRUE(plainly_valid_url(url)) << url;
    EXPECT_EQ(curl_verdict(url), "") << url;
  }

  std::vector<std::string> urls = {
      "https://arxiv.org:443/abs/1", "https://user@arxiv.org/abs/1", "https://ARXIV.org/abs/1",
      "https://1.2.3.4/abs/1",       "https://arxiv.org./abs/1",     "https://arxiv..org/abs/1",
      "https://.arxiv.org/abs/1",    "https://arxiv/abs/1",          "https:///abs/1",
      "https://arxiv.org/a%",        "https://arxiv.org/a%4",        "https://arxiv.org/a%zz",
      "https://arxiv.org/a#b#c",     "HTTPS://arxiv.org/abs/1",      "ftp://arxiv.org/abs/1",
      "https://arxiv.123/abs/1",     "https://[::1]/abs/1",          "https:arxiv.org/abs/1"};
  const std::string base = "https://arxiv.org/abs/2506?x=1#y";
  // Into the host (8), the path (18), the query (27) and the fragment (30).
  for (const std::size_t at :
       std::initializer_list<std::size_t>{8, 12, 18, 22, 27, 30, base.size()}) {
    for (char c = 0x20; c < 0x7F; ++c)
      urls.push_back(base.substr(0, at) + c + base.substr(at));
  }
  int taken = 0;
  int left = 0;
  for (const std::string& url : urls) {
    if (!plainly_valid_url(url)) {
      ++left;
      continue;
    }
    ++taken;
    EXPECT_EQ(curl_verdict(url), "") << url;
  }
  // Both sides are exercised.
  EXPECT_GT(taken, 300);
  EXPECT_GT(left, 100);
}

// An arXiv link's parts: the id without its version, ".pdf", a trailing slash, a query or a
// fragment, whichever of the last two comes first.
TEST(ArxivUrl, SplitsTheIdFromWhatFollowsIt) {
  const auto id = [](std::string_view url) {
    const auto parts = split_arxiv_url(url);
    return parts ? std::string(parts->kind) + " " + std::string(parts->id) + " " +
                       std::string(parts->version)
                 : std::string("none");
  };
  EXPECT_EQ(id("https://arxiv.org/abs/2506.07140"), "abs 2506.07140 ");
  EXPECT_EQ(id("https://arxiv.org/abs/2506.07140v2"), "abs 2506.07140 v2");
  EXPECT_EQ(id("https://arxiv.org/pdf/2506.07140v3.pdf"), "pdf 2506.07140 v3");
  EXPECT_EQ(id("https://www.arxiv.org/abs/2506.07140/"), "abs 2506.07140 ");
  EXPECT_EQ(id("https://arxiv.org/abs/2506.07140?context=cs#top"), "abs 2506.07140 ");
  EXPECT_EQ(id("https://arxiv.org/abs/2506.07140v1#a?b"), "abs 2506.07140 v1");
  EXPECT_EQ(id("https://arxiv.org/abs/hep-th/9901001"), "abs hep-th/9901001 ");
  EXPECT_EQ(id("https://example.org/abs/2506.07140"), "none");
}

}  // namespace
}  // namespace bilint
