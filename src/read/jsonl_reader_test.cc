#include <gtest/gtest.h>

#include "read/read.h"

namespace lagebild::read {
namespace {

ReadOutput Read(const std::string& bytes) { return ReadJsonl(bytes, "f.jsonl", ReadOptions{}); }

TEST(JsonlReaderTest, ReadsAllFields) {
  ReadOutput out = Read(
      R"({"url":"https://x.example/1","title":"T","text":"Body.","published":"2022-01-13","outlet":"X","language":"de"})"
      "\n");
  ASSERT_EQ(out.articles.size(), 1u);
  const RawArticle& a = out.articles[0];
  EXPECT_EQ(a.source, "https://x.example/1");
  EXPECT_EQ(a.url, "https://x.example/1");
  EXPECT_EQ(*a.title, "T");
  EXPECT_EQ(a.body, "Body.");
  EXPECT_EQ(a.published_date.ToString(), "2022-01-13");
  EXPECT_EQ(a.outlet, "X");
  EXPECT_EQ(a.language_hint, "de");
  EXPECT_EQ(a.format, "jsonl");
}

TEST(JsonlReaderTest, SourceIsPathAndLineWithoutUrl) {
  ReadOutput out = Read("\n{\"text\":\"a\"}\n");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].source, "f.jsonl:2");
}

TEST(JsonlReaderTest, MalformedLineIsAnErrorAndOthersAreRead) {
  ReadOutput out = Read("{\"text\":\"eins\"}\n{\"text\": broken\n[1,2]\n{\"title\":\"x\"}\n{\"text\":\"zwei\"}");
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[1].body, "zwei");
  ASSERT_EQ(out.errors.size(), 3u);
  EXPECT_EQ(out.errors[0].source, "f.jsonl:2");
  EXPECT_NE(out.errors[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(out.errors[1].source, "f.jsonl:3");
  EXPECT_NE(out.errors[1].message.find("not an object"), std::string::npos);
  EXPECT_EQ(out.errors[2].source, "f.jsonl:4");
  EXPECT_NE(out.errors[2].message.find("neither"), std::string::npos);
}

TEST(JsonDocumentTest, AnObjectOnManyLinesAnArrayAndJsonLinesAreRead) {
  const ReadOptions o;
  ReadOutput one = ReadJsonDocument("{\n  \"title\": \"T\",\n  \"text\": \"Eins.\"\n}\n", "posted", o);
  ASSERT_EQ(one.articles.size(), 1u);
  EXPECT_TRUE(one.errors.empty());
  EXPECT_EQ(one.articles[0].body, "Eins.");
  EXPECT_EQ(one.articles[0].source, "posted");
  ReadOutput many = ReadJsonDocument(R"([{"text":"a"}, 7, {"title":"no text"}, {"url":"https://x.example/b","text":"b"}])",
                                     "posted", o);
  ASSERT_EQ(many.articles.size(), 2u);
  EXPECT_EQ(many.articles[0].source, "posted:[0]");
  EXPECT_EQ(many.articles[1].source, "https://x.example/b");
  ASSERT_EQ(many.errors.size(), 2u);
  EXPECT_EQ(many.errors[0].source, "posted:[1]");
  EXPECT_NE(many.errors[0].message.find("not an object"), std::string::npos);
  EXPECT_EQ(many.errors[1].source, "posted:[2]");
  ReadOutput lines = ReadJsonDocument("{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "posted", o);
  EXPECT_EQ(lines.articles.size(), 2u);
  EXPECT_EQ(ReadJsonDocument("[{\"text\":\"a\"}", "posted", o).errors.at(0).message,
            "malformed JSON array; nothing read");
  EXPECT_EQ(ReadJsonDocument(" \n", "posted", o).errors.at(0).message, "empty input; skipped");
  EXPECT_EQ(ReadJsonDocument("[]", "posted", o).errors.at(0).message, "empty JSON array; nothing read");
  ReadOptions small;
  small.max_article_bytes = 20;
  ReadOutput big = ReadJsonDocument(R"([{"text":"a very long text indeed"}])", "posted", small);
  EXPECT_TRUE(big.articles.empty());
  EXPECT_NE(big.errors.at(0).message.find("over the limit"), std::string::npos);
}

TEST(JsonlReaderTest, HtmlRecordGoesThroughTheHtmlReader) {
  ReadOutput out = Read(
      R"({"html":"<html><head><title>Seite</title></head><body><p>Inhalt.</p></body></html>","outlet":"O"})");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(*out.articles[0].title, "Seite");
  EXPECT_NE(out.articles[0].body.find("Inhalt."), std::string::npos);
  EXPECT_EQ(out.articles[0].outlet, "O");
  EXPECT_EQ(out.articles[0].format, "jsonl");
}

TEST(JsonlReaderTest, NumericPublishedIsUnixSeconds) {
  ReadOutput out = Read(R"({"text":"a","published":1642032000})");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].published_date.ToString(), "2022-01-13");
}

TEST(JsonlReaderTest, Latin1LineIsDecodedAndReported) {
  ReadOutput out = Read("{\"text\":\"K\xF6ln\"}");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].body, "Köln");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message.find("invalid UTF-8"), std::string::npos);
}

TEST(JsonlReaderTest, ManyBadLinesAreCappedWithASummary) {
  std::string bytes;
  for (int i = 0; i < 100; ++i) bytes += "not json\n";
  ReadOutput out = Read(bytes);
  ASSERT_EQ(out.errors.size(), kMaxErrorsPerInput + 1);
  EXPECT_NE(out.errors.back().message.find("80 more"), std::string::npos);
}

TEST(JsonlReaderTest, DateHeaderInTextIsTheDate) {
  ReadOutput out = ReadJsonl(
      "{\"text\": \" date 2022-02 BERLIN (dpa) - Der Text beginnt hier.\\n\\nZweiter Absatz.\"}\n"
      "{\"text\": \" date 2022-02 Mit Datum im Feld.\", \"published\": \"2021-12-24\"}\n",
      "h.jsonl", ReadOptions{});
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[0].published_date.ToString(), "2022-02");
  EXPECT_EQ(out.articles[0].body, "BERLIN (dpa) - Der Text beginnt hier.\n\nZweiter Absatz.");
  // The record's own field wins; the header still leaves the text.
  EXPECT_EQ(out.articles[1].published_date.ToString(), "2021-12-24");
  EXPECT_EQ(out.articles[1].body, "Mit Datum im Feld.");
}

}  // namespace
}  // namespace lagebild::read
