#include <gtest/gtest.h>

#include <string>

#include "read/read.h"

namespace lagebild::read {
namespace {

constexpr const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Küstenfunk</title>
<item><title>Fähre auf Grund</title><link>https://kuestenfunk.example/1</link><guid>k-1</guid>
<pubDate>Fri, 14 Mar 2025 09:30:00 +0100</pubDate>
<description><![CDATA[<p>Die Fähre <b>Seeschwalbe</b> ist vor Nordhafen auf Grund gelaufen.</p>]]></description></item>
<item><title>Zweite Meldung</title><link>https://kuestenfunk.example/2</link>
<description>Nur Text.</description><content:encoded><![CDATA[<p>Der volle Text der zweiten Meldung.</p>]]></content:encoded></item>
</channel></rss>)";

TEST(FeedReaderTest, RssItemsBecomeArticlesFromTheirOwnText) {
  Result<Feed> feed = ParseFeed(kRss, "k.rss");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed.value().format, "rss");
  EXPECT_EQ(feed.value().title, "Küstenfunk");
  ASSERT_EQ(feed.value().items.size(), 2u);
  EXPECT_EQ(feed.value().items[0].id, "k-1");
  EXPECT_EQ(feed.value().items[1].id, "https://kuestenfunk.example/2");  // no guid: the link
  ReadOutput out = ReadFeed(kRss, "k.rss", ReadOptions{});
  ASSERT_EQ(out.articles.size(), 2u);
  const RawArticle& a = out.articles[0];
  EXPECT_EQ(*a.title, "Fähre auf Grund");
  EXPECT_EQ(a.url, "https://kuestenfunk.example/1");
  EXPECT_EQ(a.published_date.ToString(), "2025-03-14");
  EXPECT_NE(a.body.find("Die Fähre Seeschwalbe ist vor Nordhafen auf Grund gelaufen."), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("<b>"), std::string::npos);
  EXPECT_EQ(a.format, "feed");
  // content:encoded is the fuller text.
  EXPECT_NE(out.articles[1].body.find("Der volle Text"), std::string::npos);
}

TEST(FeedReaderTest, AtomAndJsonFeed) {
  const std::string atom = R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Eintrag</title><id>urn:x:1</id><link rel="self" href="https://a.example/self"/>
<link href="https://a.example/1"/><published>2025-03-15T08:00:00Z</published><summary>Kurz.</summary></entry></feed>)";
  ReadOutput a = ReadFeed(atom, "a.atom", ReadOptions{});
  ASSERT_EQ(a.articles.size(), 1u);
  EXPECT_EQ(a.articles[0].url, "https://a.example/1");
  EXPECT_EQ(a.articles[0].published_date.ToString(), "2025-03-15");
  const std::string json = R"({"version": "https://jsonfeed.org/version/1.1", "title": "J",
    "items": [{"id": "1", "url": "https://j.example/1", "title": "Eins", "content_text": "Text eins."}, 3]})";
  Result<Feed> j = ParseFeed(json, "j.json");
  ASSERT_TRUE(j.ok()) << j.status().message();
  EXPECT_EQ(j.value().format, "json");
  ASSERT_EQ(j.value().items.size(), 1u);
  EXPECT_EQ(j.value().items[0].text, "Text eins.");
}

TEST(FeedReaderTest, BrokenFeedsAreErrorsThatNameThem) {
  EXPECT_NE(ParseFeed("", "e.rss").status().message().find("e.rss: empty feed"), std::string::npos);
  const Status broken = ParseFeed("<rss><channel><item><title>x</item></rss>", "b.rss").status();
  EXPECT_NE(broken.message().find("b.rss: malformed feed XML"), std::string::npos) << broken.message();
  EXPECT_NE(broken.message().find("line 1"), std::string::npos);
  EXPECT_NE(ParseFeed("<html><body>no</body></html>", "h.rss").status().message().find("no RSS or Atom"),
            std::string::npos);
  EXPECT_FALSE(ParseFeed("{\"items\": []}", "x.json").ok());  // JSON, but no JSON Feed
  ReadOutput out = ReadFeed("<rss><channel><title>leer</title></channel></rss>", "n.rss", ReadOptions{});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].message, "feed without items");
}

TEST(FeedReaderTest, EntitiesAreNeitherFetchedNorMultiplied) {
  // An external entity (a file of this machine) is not read; an entity
  // bomb does not explode.
  const std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>T &x;</title><description>D</description></item></channel></rss>)";
  Result<Feed> f = ParseFeed(xxe, "xxe.rss");
  if (f.ok()) {
    for (const FeedItem& i : f.value().items) EXPECT_EQ(i.title.find("root:"), std::string::npos);
  }
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"lol\">";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int k = 0; k < 10; ++k) bomb += std::string("&") + char(c - 1) + ";";
    bomb += "\">";
  }
  bomb += "]><rss><channel><item><title>&j;</title></item></channel></rss>";
  Result<Feed> b = ParseFeed(bomb, "bomb.rss");
  if (b.ok()) {
    for (const FeedItem& i : b.value().items) EXPECT_LT(i.title.size(), 1u << 20);
  }
}

TEST(FeedReaderTest, TheDeclaredEncodingIsHonoured) {
  const std::string latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Stra\xDF"
                             "e</title><description>M\xFC"
                             "nchen</description></item></channel></rss>";
  ReadOutput out = ReadFeed(latin1, "l.rss", ReadOptions{});
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(*out.articles[0].title, "Straße");
  EXPECT_NE(out.articles[0].body.find("München"), std::string::npos);
}

TEST(FeedReaderTest, FeedsAreDetected) {
  EXPECT_EQ(DetectFormat("x.rss", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("x.atom", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("-", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), Format::kFeed);
  EXPECT_EQ(DetectFormat("feed", "{\"version\": \"https://jsonfeed.org/version/1.1\"}"), Format::kFeed);
  EXPECT_EQ(DetectFormat("-", "<?xml version=\"1.0\"?><html>"), Format::kHtml);
  EXPECT_TRUE(HasArticleExtension("news.rss"));
}

}  // namespace
}  // namespace lagebild::read
