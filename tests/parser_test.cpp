#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "parse/digest_parser.hpp"

namespace bilint {
namespace {

struct Parsed {
  SourceFile source;
  Document doc;
  explicit Parsed(std::string text) : source("t.md", std::move(text)), doc(parse_digest(source)) {}
  std::string_view str(Span span) const { return source.slice(span); }
};

TEST(DigestParser, ReferenceLayout) {
  const Parsed p(
      "## SciLitLLM: How to Adapt LLMs\n"
      "[SciLitLLM: 如何适应大语言模型](https://arxiv.org/abs/2408.15545)\n"
      "\n"
      "第一段。\n"
      "\n"
      "第二段，\n"
      "续行。\n");
  ASSERT_EQ(p.doc.entries.size(), 1U);
  const Entry& e = p.doc.entries[0];
  EXPECT_EQ(p.str(e.english_title), "SciLitLLM: How to Adapt LLMs");
  ASSERT_TRUE(e.link);
  EXPECT_TRUE(e.link->closed);
  EXPECT_EQ(p.str(e.link->text), "SciLitLLM: 如何适应大语言模型");
  EXPECT_EQ(p.str(e.link->url), "https://arxiv.org/abs/2408.15545");
  EXPECT_TRUE(e.link->trailing.empty());
  ASSERT_EQ(e.summary.size(), 2U);
  EXPECT_EQ(p.str(e.summary[0]), "第一段。");
  EXPECT_EQ(p.str(e.summary[1]), "第二段，\n续行。");
  EXPECT_TRUE(e.separated);
  EXPECT_EQ(e.heading_level, 2);
  EXPECT_TRUE(p.doc.preamble.empty());
  EXPECT_FALSE(p.doc.source_note);
}

TEST(DigestParser, NoBlankAfterLinkAndSeveralBlankLinesBetweenEntries) {
  const Parsed p(
      "## A\n[甲](https://arxiv.org/abs/1)\n摘要甲。\n\n\n\n## "
      "B\n[乙](https://arxiv.org/abs/2)\n\n摘要乙。");
  ASSERT_EQ(p.doc.entries.size(), 2U);
  EXPECT_EQ(p.str(p.doc.entries[0].summary.at(0)), "摘要甲。");
  EXPECT_EQ(p.str(p.doc.entries[1].summary.at(0)), "摘要乙。");
  EXPECT_TRUE(p.doc.entries[1].separated);
  EXPECT_EQ(p.doc.entries[0].extent.end, p.doc.entries[1].extent.begin);
}

TEST(DigestParser, IndentedSummaryStartsAfterTheIndentation) {
  const Parsed p("## A\n[甲](https://arxiv.org/abs/1)\n\n  缩进的摘要。\n");
  EXPECT_EQ(p.str(p.doc.entries.at(0).summary.at(0)), "缩进的摘要。");
}

TEST(DigestParser, HeadingWithoutBlankLineBefore) {
  const Parsed p("## A\n[甲](u)\n\n摘要。\n## B\n[乙](v)\n\n摘要。\n");
  ASSERT_EQ(p.doc.entries.size(), 2U);
  EXPECT_FALSE(p.doc.entries[1].separated);
  EXPECT_EQ(p.str(p.doc.entries[0].summary.at(0)), "摘要。");
}

TEST(DigestParser, ClosingSourceNoteBelongsToTheFile) {
  const Parsed p("## A\n[甲](u)\n\n摘要。\n\n数据来源：https://huggingface.co/papers\n");
  ASSERT_TRUE(p.doc.source_note);
  EXPECT_EQ(p.str(*p.doc.source_note), "数据来源：https://huggingface.co/papers");
  EXPECT_EQ(p.doc.entries.at(0).summary.size(), 1U);
}

TEST(DigestParser, SourceNoteMidSummaryIsSummaryText) {
  const Parsed p("## A\n[甲](u)\n\n数据来源于维基百科。\n\n第二段。\n");
  EXPECT_FALSE(p.doc.source_note);
  EXPECT_EQ(p.doc.entries.at(0).summary.size(), 2U);
}

TEST(DigestParser, PreambleAndWrongLevelEntry) {
  const Parsed p("# 每日论文\n\n导言。\n\n### A\n[甲](u)\n\n摘要。\n\n### 小节\n\n正文。\n");
  ASSERT_EQ(p.doc.entries.size(), 1U);
  EXPECT_EQ(p.doc.entries[0].heading_level, 3);
  EXPECT_EQ(p.str(p.doc.preamble), "# 每日论文\n\n导言。\n\n");
  EXPECT_EQ(p.doc.entries[0].summary.size(), 3U);  // the sub-heading without a link is summary
}

TEST(DigestParser, MissingLinkKeepsParagraphsAsSummary) {
  const Parsed p("## A\n\n摘要一。\n\n摘要二。\n");
  const Entry& e = p.doc.entries.at(0);
  EXPECT_FALSE(e.link);
  EXPECT_TRUE(e.stray.empty());
  EXPECT_EQ(e.summary.size(), 2U);
}

TEST(DigestParser, StrayLinesBeforeLink) {
  const Parsed p("## A\nnote\n\n[甲](u)\n摘要。\n");
  const Entry& e = p.doc.entries.at(0);
  ASSERT_TRUE(e.link);
  ASSERT_EQ(e.stray.size(), 1U);
  EXPECT_EQ(p.str(e.stray[0]), "note");
}

TEST(DigestParser, UnclosedAndNestedLinkLines) {
  const Parsed p(
      "## A\n[甲 [注] 乙](https://x.org/a_(b))尾\n\n摘要。\n\n## "
      "B\n[未闭合(https://x.org\n\n摘要。\n"
      "\n## C\n[标题] (https://x.org)\n");
  ASSERT_EQ(p.doc.entries.size(), 3U);
  const LinkLine& a = *p.doc.entries[0].link;
  EXPECT_TRUE(a.closed);
  EXPECT_EQ(p.str(a.text), "甲 [注] 乙");
  EXPECT_EQ(p.str(a.url), "https://x.org/a_(b)");
  EXPECT_EQ(p.str(a.trailing), "尾");
  EXPECT_FALSE(p.doc.entries[1].link->closed);
  EXPECT_FALSE(p.doc.entries[2].link->closed);
  EXPECT_EQ(p.str(p.doc.entries[2].link->text), "标题");
}

TEST(DigestParser, AngleBracketUrlAndClosingHashes) {
  const Parsed p("## Title ##\n[甲](<https://x.org/a b>)\n");
  EXPECT_EQ(p.str(p.doc.entries.at(0).english_title), "Title");
  EXPECT_EQ(p.str(p.doc.entries.at(0).link->url), "https://x.org/a b");
}

TEST(DigestParser, CrlfEntries) {
  const Parsed p("## A\r\n[甲](u)\r\n\r\n摘要。\r\n\r\n## B\r\n[乙](v)\r\n");
  ASSERT_EQ(p.doc.entries.size(), 2U);
  EXPECT_EQ(p.str(p.doc.entries[0].english_title), "A");
  EXPECT_EQ(p.str(p.doc.entries[0].summary.at(0)), "摘要。");
  EXPECT_TRUE(p.doc.entries[1].separated);
}

TEST(DigestParser, EmptyAndWhitespaceOnlyFiles) {
  EXPECT_TRUE(Parsed("").doc.entries.empty());
  EXPECT_TRUE(Parsed(" \n\t\n\n").doc.entries.empty());
  EXPECT_TRUE(Parsed("#notaheading\n").doc.entries.empty());
}

TEST(DigestParser, HashInsideFenceIsNotAHeading) {
  const Parsed p("## A\n[甲](u)\n\n```\n## not an entry\n```\n");
  EXPECT_EQ(p.doc.entries.size(), 1U);
}

}  // namespace
}  // namespace bilint

namespace bilint {
namespace {

// protected_in() searches one page of the file's protected spans: it finds what a scan of them all
// finds, for blocks on every page, across page boundaries, at a page's first byte and past the
// last span, in a file of many pages with code, URLs, links and math throughout.
TEST(DigestParser, ProtectedInFindsWhatAScanOfEverySpanFinds) {
  std::string text;
  for (int n = 0; n < 300; ++n) {
    text += "## Title " + std::to_string(n) +
            " with `code`\n[标题 $x$](https://arxiv.org/abs/2401." + std::to_string(10000 + n) +
            ")\n\n摘要 `a` 与 https://example.com/" + std::to_string(n) + " 以及 $y^" +
            std::to_string(n % 7) + "$ 和 [链接](https://e.org)。\n\n";
  }
  const Parsed p(text);
  const Document& doc = p.doc;
  ASSERT_GT(text.size() >> Document::kPageBits, 10U);
  ASSERT_GT(doc.protected_spans.size(), 1000U);
  const auto scan = [&](Span block) {
    std::vector<Span> out;
    for (const Span& s : doc.protected_spans)
      if (s.begin >= block.begin && s.begin < block.end) out.push_back(s);
    return out;
  };
  std::vector<Span> blocks;
  for (const Entry& e : doc.entries) {
    blocks.push_back(e.english_title);
    if (e.link) blocks.push_back(e.link->text);
    blocks.insert(blocks.end(), e.summary.begin(), e.summary.end());
    blocks.push_back(e.extent);
  }
  for (std::size_t at = 0; at <= text.size(); at += 997)
    blocks.push_back({at, std::min(text.size(), at + 3000)});
  for (std::size_t page = 0; page <= (text.size() >> Document::kPageBits) + 1; ++page) {
    const std::size_t at = page << Document::kPageBits;
    blocks.push_back({at, at + 1});
    if (at > 0) blocks.push_back({at - 1, at + 1});
  }
  blocks.push_back({0, text.size()});
  for (const Span& block : blocks) {
    const std::span<const Span> found = doc.protected_in(block);
    EXPECT_EQ(std::vector<Span>(found.begin(), found.end()), scan(block))
        << block.begin << ".." << block.end;
  }
}

// Every real digest in ../shared parses into one entry per "## " line, each with a closed link line
// to an arXiv abstract, and no stray text.
TEST(DigestParser, SharedDigestsParseCompletely) {
  namespace fs = std::filesystem;
  const fs::path shared = fs::path(BILINT_SOURCE_DIR) / ".." / "shared";
  ASSERT_TRUE(fs::exists(shared / "seeds"))
      << "the shared digests are expected beside the repository";
  std::vector<fs::path> files;
  for (const auto& dir : {shared / "seeds", shared / "corpus" / "arxiv-cs-zh"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      const auto ext = entry.path().extension();
      if (ext == ".md" || ext == ".txt") files.push_back(entry.path());
    }
  }
  ASSERT_GE(files.size(), 17U);
  std::size_t total = 0;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.string());
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::size_t headings = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      headings += line.starts_with("## ") ? 1 : 0;
    const SourceFile source(path.string(), std::move(text));
    const Document doc = parse_digest(source);
    EXPECT_EQ(doc.entries.size(), headings);
    for (const Entry& e : doc.entries) {
      ASSERT_TRUE(e.link) << source.slice(e.heading);
      EXPECT_TRUE(e.link->closed);
      EXPECT_TRUE(source.slice(e.link->url).starts_with("https://arxiv.org/abs/"));
      EXPECT_TRUE(e.stray.empty());
      EXPECT_FALSE(e.english_title.empty());
    }
    total += doc.entries.size();
  }
  EXPECT_EQ(total, 7002U + 69U);
}

}  // namespace
}  // namespace bilint
