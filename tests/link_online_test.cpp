// link/dead against a local HTTP server on 127.0.0.1: every outcome, retries, the cache, and that
// no request goes anywhere else.
#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "http_test_server.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::HttpTestServer;
using testing::kBilint;
using testing::TempDir;
using testing::write_file;

std::string digest(const HttpTestServer& server) {
  return "## Online\n[在线](" + server.url("/ok") + ")\n\n" +  //
         "见 [跳转](" + server.url("/moved") + ")、[缺失](" + server.url("/missing") +
         ")、[出错](" + server.url("/error") + ")、[繁忙](" + server.url("/busy") +
         ")、[不收 HEAD](" + server.url("/nohead") + ")、[无应答](" + server.url("/hang") +
         ")、[跳过](" + server.url("/skip-me") + ")。\n";
}

// A file by libcurl's soname under `dir`/lib that is no library: with LD_LIBRARY_PATH set to what
// this returns, a run that opens libcurl fails to.
std::string broken_libcurl(const fs::path& dir) {
  fs::create_directories(dir / "lib");
  write_file(dir / "lib" / BILINT_LIBCURL_SONAME, "not a library\n");
  return (dir / "lib").string();
}

// `environment`: NAME=VALUE assignments for bilint's environment.
CommandResult check_online(const fs::path& dir, const std::string& extra = "",
                           const std::string& environment = "") {
  // No proxy may take the requests elsewhere.
  return testing::run_command(
      "env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u ALL_PROXY " + environment +
          " '" + kBilint +
          "' check --select link/dead --online --online-cache cache.tsv --online-timeout 1 "
          "--online-exclude 'skip-me$' " +
          extra + " d.md",
      dir);
}

TEST(OnlineLinks, ReportsEveryOutcomeAndAsksOnlyLoopback) {
  HttpTestServer server;
  TempDir dir;
  write_file(dir / "d.md", digest(server));
  const CommandResult r = check_online(dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto has = [&](const std::string& text) { return r.out.find(text) != std::string::npos; };
  EXPECT_TRUE(has("error: dead link: HTTP 404 for " + server.url("/missing"))) << r.out;
  EXPECT_TRUE(has("error: dead link: HTTP 500 for " + server.url("/error"))) << r.out;
  EXPECT_TRUE(has("dead link: Timeout was reached for " + server.url("/hang"))) << r.out;
  const auto reported = [&](const std::string& path) {
    return has("for " + server.url(path) + " [link/dead]");
  };
  EXPECT_FALSE(reported("/ok")) << r.out;
  EXPECT_FALSE(reported("/moved")) << r.out;
  EXPECT_FALSE(reported("/busy")) << r.out;    // 429, then 200 after Retry-After
  EXPECT_FALSE(reported("/nohead")) << r.out;  // 405 to HEAD, 200 to GET
  EXPECT_FALSE(reported("/skip-me")) << r.out;
  EXPECT_TRUE(has("1 file checked: 3 errors")) << r.out;

  std::map<std::string, int> asked;
  for (const auto& request : server.requests()) {
    EXPECT_EQ(request.peer, "127.0.0.1");
    ++asked[request.method + " " + request.path];
  }
  EXPECT_EQ(asked["HEAD /busy"], 2);     // retried once, after Retry-After
  EXPECT_EQ(asked["HEAD /error"], 3);    // 5xx: two retries, then reported
  EXPECT_EQ(asked["GET /nohead"], 1);    // fallback to GET
  EXPECT_EQ(asked["HEAD /skip-me"], 0);  // excluded
  EXPECT_EQ(asked["HEAD /ok"], 2);       // the title link, and the target of /moved

  // The second run answers from the cache: no request at all.
  const std::size_t before = server.requests().size();
  const CommandResult again = check_online(dir.path());
  EXPECT_EQ(again.out, r.out);
  EXPECT_EQ(server.requests().size(), before);
  // Nor does it load libcurl: one that cannot be loaded changes nothing.
  const CommandResult without_libcurl =
      check_online(dir.path(), "", "LD_LIBRARY_PATH='" + broken_libcurl(dir.path()) + "'");
  EXPECT_EQ(without_libcurl.out, r.out);

  // With a time-to-live of 0 the cache is stale and everything is asked again.
  const CommandResult stale = check_online(dir.path(), "--online-ttl 0");
  EXPECT_GT(server.requests().size(), before);
  EXPECT_TRUE(stale.out.find("3 errors") != std::string::npos) << stale.out;
}

TEST(OnlineLinks, OffByDefault) {
  HttpTestServer server;
  TempDir dir;
  write_file(dir / "d.md", digest(server));
  const CommandResult r = testing::bilint("check --select link/dead d.md", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(server.requests().empty());
}

// libcurl is opened only when needed: one that cannot be loaded (here a file by its name that is
// no library, found first through LD_LIBRARY_PATH) is reported where it was needed, with dlerror's
// reason, and the run goes on with the other rules and files.
TEST(OnlineLinks, ALibcurlThatCannotBeLoadedIsReportedAndTheRunGoesOn) {
  TempDir dir;
  const std::string lib = broken_libcurl(dir.path());
  write_file(dir / "d.md",
             "## A\n[甲](https://arxiv.org/abs/2506.07140)\n\n见 [乙](http://127.0.0.1:9/x)。\n");
  write_file(dir / "e.md", "## B\n[丙](https://arxiv.org/abs/2506.07141)\n");
  const std::string command = "LD_LIBRARY_PATH='" + lib + "' '" + kBilint +
                              "' check --select link/dead,link/malformed --online d.md e.md";
  EXPECT_EQ(testing::run_command(command, dir.path()).exit_code, 1);
  // The findings without their source lines.
  const CommandResult r = testing::run_command(command + " | grep -v '^ '", dir.path());
  const std::string reason =
      "cannot load libcurl: " + lib + "/" + BILINT_LIBCURL_SONAME + ": file too short";
  EXPECT_EQ(r.out, "d.md:1:1: error: internal error in link/malformed on this file: " + reason +
                       " [link/malformed]\n"
                       "d.md:2:5: error: the links could not be checked: " +
                       reason +
                       " [link/dead]\n"
                       "e.md:2:5: error: the links could not be checked: " +
                       reason +
                       " [link/dead]\n"
                       "2 files checked: 3 errors\n");
}

TEST(OnlineLinks, BadOptionsAreUsageErrors) {
  TempDir dir;
  write_file(dir / "d.md", "## A\n");
  const CommandResult r = testing::run_command(
      "'" + kBilint + "' check --online --online-timeout soon d.md", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bilint: error: rule link/dead: option 'timeout' takes a whole number, not 'soon'\n");
}

}  // namespace
}  // namespace bilint
