#include <gtest/gtest.h>

#include "lagebild/pipeline.h"
#include "tests/testing.h"

namespace lagebild {
namespace {

using lagebild::testing::TempDir;

TEST(AnalyzeTest, BadInputsAreReportedAndGoodOnesStillProcessed) {
  TempDir dir;
  dir.Write("1_good.txt", " date 2022-01-13 Guter Titel\n\nDer Text ist\xC2\xA0hier und gut lesbar.");
  dir.Write("2_empty.txt", "");
  dir.Write("3_binary.txt", std::string("\x00\x01\x02\x03", 4));
  dir.Write("4_bad.jsonl", "{\"text\":\"Zweiter guter Artikel mit etwas Text.\"}\n{broken\n");
  dir.Write("5_nobody.html", "<html><head></head><body></body></html>");
  AnalyzeOptions options;
  options.jobs = 2;
  auto result = Analyze({dir.path(), dir.path() + "/missing.txt"}, options);
  ASSERT_TRUE(result.ok());
  const Report& r = result.value();
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "a1");
  EXPECT_EQ(*r.articles[0].title, "Guter Titel");
  EXPECT_EQ(r.articles[0].text, "Der Text ist hier und gut lesbar.");
  EXPECT_EQ(r.articles[0].language, "de");
  EXPECT_EQ(r.articles[0].published.value.ToString(), "2022-01-13");
  EXPECT_EQ(r.articles[0].published.basis, DateBasis::kMetadata);
  EXPECT_EQ(r.articles[1].id, "a2");
  EXPECT_EQ(r.articles[1].source, dir.path() + "/4_bad.jsonl:1");
  // missing.txt, empty, binary, the broken JSON line, the page without body.
  EXPECT_EQ(r.errors.size(), 5u);
  std::string all;
  for (const auto& e : r.errors) all += e.source + "|";
  for (const char* name : {"missing.txt", "2_empty.txt", "3_binary.txt", "4_bad.jsonl:2",
                           "5_nobody.html"}) {
    EXPECT_NE(all.find(name), std::string::npos) << name;
  }
}

TEST(AnalyzeTest, TheAddressDatesAnArticleAndOutranksAnUpdatedPageDate) {
  TempDir dir;
  dir.Write("a.jsonl",
            // no date but the address's
            "{\"url\": \"https://example.org/2017/05/07/wahl\", \"text\": \"Die Wahl ist entschieden.\"}\n"
            // a month in the text's header line, the day in the address
            "{\"url\": \"https://example.org/news/2017-05/08/wahl\", "
            "\"text\": \" date 2017-05 Die Wahl ist entschieden worden.\"}\n"
            // the header says a year later: the address's month stands
            "{\"url\": \"https://example.org/ausland/2017-05/reaktionen\", "
            "\"text\": \" date 2018-07 Reaktionen auf die Wahl.\"}\n"
            // a day within the address's month is kept
            "{\"url\": \"https://example.org/2017-05/reaktionen\", \"published\": \"2017-05-09\", "
            "\"text\": \"Weitere Reaktionen auf die Wahl.\"}\n");
  auto result = Analyze({dir.path()}, {});
  ASSERT_TRUE(result.ok());
  const Report& r = result.value();
  ASSERT_EQ(r.articles.size(), 4u);
  const char* expected[] = {"2017-05-07", "2017-05-08", "", "2017-05-09"};
  for (size_t i : {0, 1, 3}) {
    EXPECT_EQ(r.articles[i].published.value.ToString(), expected[i]) << i;
    EXPECT_EQ(r.articles[i].published.basis, DateBasis::kMetadata) << i;
  }
  // May 2017 (its day then from the story's other articles), not July 2018.
  EXPECT_EQ(r.articles[2].published.value.ToString().substr(0, 7), "2017-05");
  bool conflict = false;
  for (const auto& d : r.articles[2].diagnostics) conflict |= d.code == "date-conflict";
  EXPECT_TRUE(conflict);
  for (const auto& d : r.articles[1].diagnostics) EXPECT_NE(d.code, "date-conflict");
}

TEST(AnalyzeTest, OrderAndIdsDoNotDependOnJobs) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%02d.txt", i);
    dir.Write(name, "Titel " + std::to_string(i) + "\n\nText Nummer " + std::to_string(i) + ".");
  }
  AnalyzeOptions one;
  one.jobs = 1;
  AnalyzeOptions four;
  four.jobs = 4;
  auto a = Analyze({dir.path()}, one);
  auto b = Analyze({dir.path()}, four);
  ASSERT_EQ(a.value().articles.size(), 40u);
  for (size_t i = 0; i < 40; ++i) {
    EXPECT_EQ(a.value().articles[i].source, b.value().articles[i].source);
    EXPECT_EQ(a.value().articles[i].text, b.value().articles[i].text);
    EXPECT_EQ(*b.value().articles[i].title, "Titel " + std::to_string(i));
  }
}

TEST(AnalyzeTest, ProgressReachesTotal) {
  TempDir dir;
  dir.Write("a.txt", "A\nText.");
  dir.Write("b.txt", "B\nText.");
  size_t last_done = 0, last_total = 0;
  AnalyzeOptions options;
  options.progress = [&](const Progress& p) {
    if (std::string(p.phase) == "analyze") {
      last_done = p.done;
      last_total = p.total;
    }
  };
  ASSERT_TRUE(Analyze({dir.path()}, options).ok());
  EXPECT_EQ(last_done, 2u);
  EXPECT_EQ(last_total, 2u);
}

TEST(AnalyzeTest, InvalidOptionsAreAStatus) {
  AnalyzeOptions options;
  options.input_format = "pdf";
  auto r = Analyze({"x"}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("'pdf'"), std::string::npos);
}

}  // namespace
}  // namespace lagebild
