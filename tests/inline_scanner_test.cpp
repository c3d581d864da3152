#include "parse/inline_scanner.hpp"

#include <filesystem>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "parse/digest_parser.hpp"

namespace bilint {
namespace {

namespace fs = std::filesystem;

// The nodes of `text` scanned as one block.
std::vector<InlineNode> scan(std::string_view text) {
  std::vector<InlineNode> nodes;
  scan_inlines(text, {0, text.size()}, nodes);
  return nodes;
}

std::vector<std::string> targets(std::string_view text) {
  const std::vector<InlineNode> nodes = scan(text);
  std::vector<std::string> out;
  for (const InlineNode& n : nodes) {
    if (n.kind != InlineKind::code_span && n.kind != InlineKind::html) {
      out.push_back(link_target(text, n));
    }
  }
  return out;
}

using Targets = std::vector<std::string>;

TEST(InlineScanner, BareUrlRunsToWhitespaceThroughChinese) {
  EXPECT_EQ(targets("代码已公开于 https://github.com/org/repo。后续"),
            Targets{"https://github.com/org/repo。后续"});
  EXPECT_EQ(targets("见“https://x.org/framework”。"), Targets{"https://x.org/framework”。"});
  EXPECT_EQ(targets("数据来源：https://huggingface.co/papers"),
            Targets{"https://huggingface.co/papers"});
}

TEST(InlineScanner, TrailingPunctuationAndParentheses) {
  EXPECT_EQ(targets("测试https://a.b/c?x=1."), Targets{"https://a.b/c?x=1"});
  EXPECT_EQ(targets("(https://p.com/a_(b))) end"), Targets{"https://p.com/a_(b)"});
  EXPECT_EQ(targets("\"https://a.com/q\""), Targets{"https://a.com/q"});
  EXPECT_EQ(targets("https://a.com/x&amp; y"), Targets{"https://a.com/x"});
  EXPECT_EQ(targets("https://a.com/<b>x"), Targets{"https://a.com/"});
  EXPECT_EQ(targets("https://a.com/x]"), Targets{"https://a.com/x]"});
}

TEST(InlineScanner, DomainRules) {
  EXPECT_EQ(targets("c https://a_b.c_d/x d"), Targets{});
  EXPECT_EQ(targets("https://x"), Targets{"https://x"});
  EXPECT_EQ(targets("https://-x.com"), Targets{});
  EXPECT_EQ(targets("xhttps://a.com"), Targets{});
  EXPECT_EQ(targets("HTTPS://A.COM/x ftp://a.com"), (Targets{"HTTPS://A.COM/x", "ftp://a.com"}));
  EXPECT_EQ(targets("a https://例子.中国/x b"), Targets{"https://例子.中国/x"});
}

TEST(InlineScanner, WwwAndEmail) {
  EXPECT_EQ(targets("访问 www.example.com/a。"), Targets{"http://www.example.com/a。"});
  EXPECT_EQ(targets("访问www.example.com"), Targets{});
  EXPECT_EQ(targets("k www.a_b.com www.ab"), Targets{"http://www.ab"});
  EXPECT_EQ(targets("联系 foo.bar@example.com。"), Targets{"mailto:foo.bar@example.com"});
  EXPECT_EQ(targets("x@y.com. 1@2.cn"), (Targets{"mailto:x@y.com", "mailto:1@2.cn"}));
}

TEST(InlineScanner, LinksCodeAndAngleAutolinks) {
  const std::string text =
      "[链接 https://a.com/b](https://c.com/d) 和 `https://code.com/x` 以及 "
      "<https://angle.com/x> ![图](img.png \"t\")";
  const std::vector<InlineNode> nodes = scan(text);
  ASSERT_EQ(nodes.size(), 4U);
  EXPECT_EQ(nodes[0].kind, InlineKind::link);
  EXPECT_EQ(text.substr(nodes[0].text.begin, nodes[0].text.size()), "链接 https://a.com/b");
  EXPECT_EQ(link_target(text, nodes[0]), "https://c.com/d");
  EXPECT_EQ(nodes[1].kind, InlineKind::code_span);
  EXPECT_EQ(nodes[2].kind, InlineKind::autolink);
  EXPECT_EQ(link_target(text, nodes[2]), "https://angle.com/x");
  EXPECT_EQ(nodes[3].kind, InlineKind::image);
  EXPECT_EQ(link_target(text, nodes[3]), "img.png");
  EXPECT_EQ(targets("[t https://b.com/y] x"), Targets{});
  EXPECT_EQ(targets("`unclosed https://a.com"), Targets{"https://a.com"});
}

// The scanner passes over text sixteen bytes at a time: whatever block a construct's first byte
// falls in, and whatever comes before it (ASCII or ideographs), it finds the same nodes.
TEST(InlineScanner, FindsTheSameNodesWhereverABlockBoundaryFalls) {
  const std::string body =
      "\\[不是链接] [链接](https://a.b/c) ![图](x.png) `代码` <https://d.e/f> <!-- 注 --> "
      "见 https://g.h/i。与 www.example.com 和 me@example.org";
  const std::vector<InlineNode> reference = scan(body);
  ASSERT_EQ(reference.size(), 8U);
  for (std::size_t pad = 0; pad < 40; ++pad) {
    for (const std::string_view filler : {"a", "中"}) {
      std::string prefix;
      for (std::size_t k = 0; k < pad; ++k)
        prefix += filler;
      const std::string text = prefix + " " + body;
      const std::vector<InlineNode> nodes = scan(text);
      ASSERT_EQ(nodes.size(), reference.size()) << pad << filler;
      const std::size_t shift = prefix.size() + 1;
      for (std::size_t n = 0; n < nodes.size(); ++n) {
        EXPECT_EQ(nodes[n].kind, reference[n].kind) << pad << filler << n;
        EXPECT_EQ(nodes[n].span.begin, reference[n].span.begin + shift) << pad << filler << n;
        EXPECT_EQ(nodes[n].span.end, reference[n].span.end + shift) << pad << filler << n;
      }
    }
  }
}

TEST(InlineScanner, Math) {
  const std::string text = "设 $x_1 = \\$5$ 且 `$a$` 与 $ 5 和 $$y$$";
  const std::vector<InlineNode> nodes = scan(text);
  std::vector<Span> math;
  scan_math(text, {0, text.size()}, nodes, math);
  ASSERT_EQ(math.size(), 2U);
  EXPECT_EQ(text.substr(math[0].begin, math[0].size()), "$x_1 = \\$5$");
  EXPECT_EQ(text.substr(math[1].begin, math[1].size()), "$$y$$");
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string html_unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::strlen(from), to);
    }
  }
  return s;
}

std::string unescape_destination(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
    out += s[i];
  }
  return out;
}

// The scanner must find exactly the links cmark-gfm (the reference GFM renderer) makes, with the
// same targets, in every shared digest.
TEST(InlineScanner, AgreesWithCmarkGfmOnEverySharedDigest) {
  const fs::path shared = fs::path(BILINT_SOURCE_DIR) / ".." / "shared";
  std::vector<fs::path> files;
  const fs::path source_dir = BILINT_SOURCE_DIR;
  for (const fs::path& dir : {shared / "seeds", shared / "corpus" / "arxiv-cs-zh",
                              source_dir / "fixtures" / "samples", source_dir / "tests" / "data"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt" && entry.path().extension() != ".md") continue;
      files.push_back(entry.path());
    }
  }
  ASSERT_GE(files.size(), 17U);
  const std::regex href("<(?:a href|img src)=\"([^\"]*)\"");
  std::size_t compared = 0;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.string());
    const testing::CommandResult rendered =
        testing::run_command("cmark-gfm -e autolink '" + path.string() + "'", fs::current_path());
    ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
    std::vector<std::string> expected;
    for (std::sregex_iterator it(rendered.out.begin(), rendered.out.end(), href), end; it != end;
         ++it) {
      expected.push_back(percent_decode(html_unescape((*it)[1].str())));
    }
    const SourceFile source(path.string(), testing::slurp(path));
    const Document doc = parse_digest(source);
    std::vector<std::string> actual;
    for (const InlineNode& node : doc.inlines) {
      if (node.kind == InlineKind::code_span || node.kind == InlineKind::html) continue;
      std::string target = link_target(source.text(), node);
      if (node.kind == InlineKind::link || node.kind == InlineKind::image) {
        target = unescape_destination(target);
      }
      actual.push_back(percent_decode(target));
    }
    EXPECT_EQ(actual, expected);
    compared += expected.size();
  }
  EXPECT_GT(compared, 7000U);
}

}  // namespace
}  // namespace bilint

namespace bilint {
namespace {

// The fixes of link/autolink-overrun must make cmark-gfm link exactly the URLs meant: every
// fixtures/link/autolink-overrun/<case>.fixed is rendered and its link targets compared with
// <case>.targets.
TEST(AutolinkOverrunFix, CmarkGfmLinksTheIntendedTargets) {
  const fs::path folder = fs::path(BILINT_SOURCE_DIR) / "fixtures/link/autolink-overrun";
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".fixed") continue;
    SCOPED_TRACE(entry.path().string());
    fs::path targets_path = entry.path();
    targets_path.replace_extension(".targets");
    ASSERT_TRUE(fs::exists(targets_path));
    const testing::CommandResult rendered = testing::run_command(
        "cmark-gfm -e autolink '" + entry.path().string() + "'", fs::current_path());
    ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
    std::vector<std::string> actual;
    const std::regex href("<a href=\"([^\"]*)\"");
    for (std::sregex_iterator it(rendered.out.begin(), rendered.out.end(), href), end; it != end;
         ++it) {
      actual.push_back(percent_decode(html_unescape((*it)[1].str())));
    }
    std::vector<std::string> expected;
    std::istringstream lines(testing::slurp(targets_path));
    for (std::string line; std::getline(lines, line);)
      expected.push_back(line);
    EXPECT_EQ(actual, expected);
    ++checked;
  }
  EXPECT_GE(checked, 1U);
}

}  // namespace
}  // namespace bilint
