#include <gtest/gtest.h>

#include "read/read.h"

namespace lagebild::read {
namespace {

ReadOutput Read(const std::string& html, ReadOptions options = {}) {
  return ReadHtml(html, "p.html", options);
}

const char* kPage = R"(<!DOCTYPE html><html lang="de-AT"><head>
<meta charset="utf-8"><title>Titel | Seite</title>
<meta property="og:title" content="Der echte Titel">
<meta property="og:site_name" content="Beispielblatt">
<meta name="author" content="Eva Muster">
<meta property="article:published_time" content="2023-05-07T10:00:00+02:00">
<meta property="article:modified_time" content="2024-01-01T10:00:00+02:00">
<link rel="canonical" href="https://beispiel.example/a">
</head><body>
<nav><a href="/">Start</a></nav>
<article><h1>Der echte Titel</h1><p>Erster <b>Absatz</b> mit Text.</p>
<script>var x = "kein Text";</script>
<p>Zweiter Absatz.<br>Neue Zeile.</p><div hidden>versteckt</div></article>
<footer>Impressum</footer></body></html>)";

TEST(HtmlReaderTest, ReadsMetadata) {
  ReadOutput out = Read(kPage);
  ASSERT_EQ(out.articles.size(), 1u);
  const RawArticle& a = out.articles[0];
  EXPECT_EQ(*a.title, "Der echte Titel");
  EXPECT_EQ(a.title_basis, "metadata");
  EXPECT_EQ(a.outlet, "Beispielblatt");
  EXPECT_EQ(a.author, "Eva Muster");
  EXPECT_EQ(a.url, "https://beispiel.example/a");
  EXPECT_EQ(a.language_hint, "de-AT");
  // The published date, not the modified one.
  EXPECT_EQ(a.published_date.ToString(), "2023-05-07");
  EXPECT_EQ(a.format, "html");
}

TEST(HtmlReaderTest, BodyKeepsBlocksAndSkipsNonText) {
  ReadOutput out = Read(kPage);
  const std::string& body = out.articles[0].body;
  EXPECT_NE(body.find("Erster Absatz mit Text."), std::string::npos);
  EXPECT_NE(body.find("Zweiter Absatz.\nNeue Zeile."), std::string::npos);
  EXPECT_NE(body.find("\n\n"), std::string::npos);
  EXPECT_EQ(body.find("kein Text"), std::string::npos);
  EXPECT_EQ(body.find("versteckt"), std::string::npos);
  // Page furniture is still there: choosing the content is the clean stage's job.
  EXPECT_NE(body.find("Start"), std::string::npos);
}

TEST(HtmlReaderTest, HoverCardsBehindLinkedNamesAreNotText) {
  ReadOutput out = Read(
      "<html><body><p>Die Abgeordnete <a href='/p/a'>Anna Beispiel</a><span "
      "class='rollover-people-block'><a href='/x'>Anna Beispiel</a> <a href='/y'>Ganz andere "
      "Schlagzeile</a></span> sprach am Montag.</p><p>Ein <span class='ui-tooltip'>Hinweis"
      "</span>Satz.</p></body></html>");
  ASSERT_EQ(out.articles.size(), 1u);
  const std::string& body = out.articles[0].body;
  EXPECT_NE(body.find("Die Abgeordnete Anna Beispiel sprach am Montag."), std::string::npos) << body;
  EXPECT_EQ(body.find("Schlagzeile"), std::string::npos) << body;
  EXPECT_EQ(body.find("Hinweis"), std::string::npos) << body;
}

TEST(HtmlReaderTest, ScriptsStylesSvgAndCommentsNeverReachTheText) {
  ReadOutput out = Read(
      "<html><head><script type=\"application/ld+json\">{\"datePublished\":\"2021-12-24\"}"
      "</script><style>p{color:red}</style></head><body><!-- <p>Kommentar</p> -->"
      "<script>var s = \"</p><p>nein\";</script><svg><svg><text>Bild</text></svg></svg>"
      "<template><p>Vorlage</p></template><noscript><p>ohne JS</p></noscript>"
      "<p>Ja, der Text.</p><SCRIPT >x()</SCRIPT ><p>Zweiter.</p></body></html>");
  ASSERT_EQ(out.articles.size(), 1u);
  const std::string& body = out.articles[0].body;
  EXPECT_EQ(body, "Ja, der Text.\n\nZweiter.");
  EXPECT_EQ(out.articles[0].published_date.ToString(), "2021-12-24");  // JSON-LD kept
}

TEST(HtmlReaderTest, CharsetOnlyFromMetaTags) {
  // A script's charset attribute says nothing about the page.
  ReadOutput out = Read("<html><head><script src=\"a.js\" charset=\"utf-8\"></script>"
                        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\">"
                        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                        "</head><body><p>K\xF6ln</p></body></html>");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_NE(out.articles[0].body.find("Köln"), std::string::npos);
}

TEST(HtmlReaderTest, OutlineHasBlocksUnderTheirElements) {
  ReadOutput out = Read(R"(<html><body><div id="Main" class="Story-Body">
      <p>Ein <a href="/x">Link</a> im Absatz.</p>text direkt im div</div>
      <ul class="nav"><li><a href="/">Start</a></li></ul></body></html>)");
  ASSERT_EQ(out.articles.size(), 1u);
  const HtmlOutline& o = out.articles[0].html;
  ASSERT_EQ(o.blocks.size(), 3u);
  const HtmlBlock& para = o.blocks[0];
  EXPECT_EQ(para.text, "Ein Link im Absatz.");
  EXPECT_EQ(para.link_bytes, 4u);
  ASSERT_GE(para.node, 0);
  EXPECT_EQ(o.nodes[para.node].tag, "p");
  const HtmlNode& div = o.nodes[o.nodes[para.node].parent];
  EXPECT_EQ(div.tag, "div");
  EXPECT_EQ(div.cues, "main story-body");
  EXPECT_EQ(o.nodes[o.blocks[1].node].tag, "div");  // tail text belongs to the div
  EXPECT_EQ(o.blocks[2].link_bytes, 5u);
}

TEST(HtmlReaderTest, DateFromJsonLd) {
  ReadOutput out = Read(
      R"(<html><head><script type="application/ld+json">{"@context":"https://schema.org",
      "@graph":[{"@type":"NewsArticle","headline":"Schlagzeile","datePublished":"2021-12-24"}]}
      </script></head><body><p>Text.</p></body></html>)");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].published_date.ToString(), "2021-12-24");
  EXPECT_EQ(*out.articles[0].title, "Schlagzeile");
}

TEST(HtmlReaderTest, PageWithoutBodyTextIsAnError) {
  for (const char* page : {"<html><head><title>Nur Kopf</title></head></html>",
                           "<html><body><script>x()</script></body></html>"}) {
    ReadOutput out = Read(page);
    EXPECT_TRUE(out.articles.empty());
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_EQ(out.errors[0].source, "p.html");
    EXPECT_NE(out.errors[0].message.find("without body text"), std::string::npos);
  }
}

TEST(HtmlReaderTest, DeclaredLatin1CharsetIsHonoured) {
  ReadOutput out = Read("<html><head><meta charset=\"iso-8859-1\"></head><body><p>K\xF6ln</p></body></html>");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_NE(out.articles[0].body.find("Köln"), std::string::npos);
}

TEST(HtmlReaderTest, DeepNestingIsFlattenedNotFatal) {
  std::string deep;
  for (int i = 0; i < 50000; ++i) deep += "<div>";
  deep += "<p>Tief unten.</p>";
  ReadOptions options;
  options.max_html_depth = 100;
  ReadOutput out = Read("<html><body>" + deep + "</body></html>", options);
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_NE(out.articles[0].body.find("Tief unten."), std::string::npos);
  bool noted = false;
  for (const auto& d : out.articles[0].diagnostics) noted |= d.code == "html-too-deep";
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace lagebild::read
