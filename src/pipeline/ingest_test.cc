#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>

#include "lagebild/pipeline.h"
#include "tests/testing.h"

namespace lagebild {
namespace {

using lagebild::testing::SourceDir;
using lagebild::testing::TempDir;

// A stream long enough for stories to merge (news-stream-dev2, read one
// article at a time): the stored stories and memberships agree after it,
// and every story ListStories names has its articles.
TEST(IngestTest, MergedStoriesLeaveTheStoreConsistent) {
  const std::string stream =
      testing::SharedDir() + "/data/news-stream-dev2/articles.jsonl";
  if (!std::filesystem::exists(stream)) GTEST_SKIP() << stream << " not found";
  TempDir dir;
  const std::string db = dir.path() + "/news.db";
  AnalyzeOptions options;
  options.jobs = 1;
  auto summary = Ingest({stream}, db, options, /*batch_articles=*/1);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  const auto members = ListMembers(db);
  const auto stories = ListStories(db);
  ASSERT_TRUE(members.ok() && stories.ok());
  std::map<int64_t, int64_t> counted;
  for (const StoryMember& m : members.value()) ++counted[m.story];
  std::map<int64_t, int64_t> listed;
  for (const StoryInfo& s : stories.value()) listed[s.id] = s.articles;
  EXPECT_EQ(counted, listed);
  EXPECT_LT(stories.value().size(), summary.value().new_stories);  // some stories merged
}

TEST(IngestTest, TheExampleBecomesOneStoryAndASecondIngestChangesNothing) {
  TempDir dir;
  const std::string db = dir.path() + "/news.db";
  AnalyzeOptions options;
  options.jobs = 2;
  auto first = Ingest({SourceDir() + "/examples/nordhafen"}, db, options);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first.value().read, 6u);
  EXPECT_EQ(first.value().added, 6u);
  EXPECT_EQ(first.value().copies, 1u);  // the Deichpost copy of the Hafenblatt
  EXPECT_EQ(first.value().new_stories, 1u);
  auto second = Ingest({SourceDir() + "/examples/nordhafen"}, db, options, 2);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().added, 0u);
  EXPECT_EQ(second.value().known, 6u);
  const auto stories = ListStories(db);
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories.value().size(), 1u);
  EXPECT_EQ(stories.value()[0].articles, 6);
  EXPECT_EQ(stories.value()[0].first_day, "2025-03-14");

  // The stored story reports what a batch analysis of the same inputs does.
  auto stored = AnalyzeStory(db, 1, options);
  ASSERT_TRUE(stored.ok()) << stored.status().message();
  auto batch = Analyze({SourceDir() + "/examples/nordhafen"}, options);
  ASSERT_TRUE(batch.ok());
  const Report& a = stored.value();
  const Report& b = batch.value();
  ASSERT_EQ(a.articles.size(), b.articles.size());
  for (size_t i = 0; i < a.articles.size(); ++i) {
    EXPECT_EQ(a.articles[i].id, b.articles[i].id);
    EXPECT_EQ(a.articles[i].text, b.articles[i].text);
    EXPECT_EQ(a.articles[i].duplicate_of, b.articles[i].duplicate_of);
    EXPECT_EQ(a.articles[i].quantities.size(), b.articles[i].quantities.size());
  }
  ASSERT_EQ(a.stories.size(), 1u);
  EXPECT_EQ(a.stories[0].id, "s1");
  EXPECT_EQ(a.stories[0].claims.size(), b.stories[0].claims.size());
  EXPECT_EQ(a.stories[0].entities.size(), b.stories[0].entities.size());
  EXPECT_EQ(AnalyzeStory(db, 2, options).status().code(), Status::Code::kNotFound);
}

TEST(IngestTest, ArticlesArrivingLaterJoinTheirStoryOrStartANewOne) {
  TempDir dir;
  const std::string db = dir.path() + "/news.db";
  const std::string flood =
      " date 2024-05-12 Hochwasser in Passau\n\nDie Donau hat in Passau einen Pegel von 11,2 "
      "Metern erreicht. 2.300 Bewohner der Altstadt mussten ihre Häuser verlassen, "
      "Oberbürgermeister Jürgen Dupper rief den Katastrophenfall aus.";
  const std::string flood2 =
      " date 2024-05-12 Passau kämpft gegen die Flut\n\nNach dem Rekordpegel der Donau von 11,2 "
      "Metern bleiben 2.300 Menschen in Passau evakuiert. Dupper sprach von der schlimmsten Flut "
      "seit Jahren, der Katastrophenfall gilt weiter.";
  const std::string vote =
      " date 2024-05-12 Neuer Oberbürgermeister in Görlitz\n\nOctavian Ursu hat die Stichwahl in "
      "Görlitz mit 55,2 Prozent gewonnen. Die Wahlbeteiligung lag bei 58 Prozent.";
  AnalyzeOptions options;
  ASSERT_TRUE(Ingest({dir.Write("in/1.txt", flood)}, db, options).ok());
  auto later = Ingest({dir.Write("in/2.txt", vote), dir.Write("in/3.txt", flood2)}, db, options);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later.value().added, 2u);
  EXPECT_EQ(later.value().new_stories, 1u);  // the vote; the second flood report joins story 1
  const auto stories = ListStories(db).value();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].articles, 2);
  EXPECT_EQ(stories[0].title, "Hochwasser in Passau");
  EXPECT_EQ(stories[1].articles, 1);
}

TEST(IngestTest, DamagedIndexDataInTheDatabaseIsNamedAndIngestGoesOn) {
  TempDir dir;
  const std::string db = dir.path() + "/news.db";
  ASSERT_TRUE(Ingest({SourceDir() + "/examples/nordhafen"}, db, AnalyzeOptions{}).ok());
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle,
                         "UPDATE articles SET vectors = x'0102', fingerprint = x'ff' WHERE id = 3;"
                         "UPDATE articles SET story = 99 WHERE id = 4;"
                         "DELETE FROM articles WHERE id = 5;"
                         "UPDATE articles SET raw = x'01000000ffffff7f' WHERE id = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  const std::string later = dir.Write(
      "later.txt", " date 2025-03-15 Fähre wieder frei\n\nDie Fähre \"Seeschwalbe\" ist wieder "
                   "frei, teilte die Wasserschutzpolizei in Nordhafen mit.");
  auto r = Ingest({later}, db, AnalyzeOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().added, 1u);
  ASSERT_EQ(r.value().errors.size(), 2u);  // articles 3 and 4, each named
  EXPECT_NE(r.value().errors[0].message.find("article 3"), std::string::npos);
  EXPECT_NE(r.value().errors[1].message.find("article 4"), std::string::npos);
  const auto members = ListMembers(db);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members.value().back().article, 7);
  // The story's report leaves the damaged article out and says so.
  auto story = AnalyzeStory(db, 1, AnalyzeOptions{});
  ASSERT_TRUE(story.ok());
  ASSERT_EQ(story.value().errors.size(), 1u);
  EXPECT_NE(story.value().errors[0].message.find("article 2"), std::string::npos);
  for (const Article& a : story.value().articles) EXPECT_NE(a.id, "a2");
  EXPECT_FALSE(story.value().articles.empty());
}

TEST(IngestTest, BadInputsAreNamedAndTheOthersStored) {
  TempDir dir;
  const std::string db = dir.path() + "/news.db";
  dir.Write("in/1.txt", " date 2024-05-12 Titel\n\nEin guter Artikel mit genug Text zum Lesen.");
  dir.Write("in/2.txt", "");
  dir.Write("in/3.jsonl", "{broken\n");
  auto r = Ingest({dir.path() + "/in", dir.path() + "/missing.txt"}, db, AnalyzeOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().added, 1u);
  EXPECT_EQ(r.value().errors.size(), 3u);
  // A database that cannot be opened is an error naming it.
  auto bad = Ingest({dir.path() + "/in"}, dir.path() + "/no/such/dir/x.db", AnalyzeOptions{});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("x.db"), std::string::npos);
}

// The key of the story entity with this variant, or "".
std::string KeyOf(const Report& r, const std::string& variant) {
  for (const StoryEntity& e : r.stories.at(0).entities) {
    for (const std::string& v : e.variants) {
      if (v == variant) return e.key;
    }
  }
  return "";
}

TEST(IngestTest, APersonNamedInFullInOneStoryKeepsItsKeyWhereAnotherNamesTheSurnameAlone) {
  // Two stories of our own: a flood whose mayor is named in full, and a
  // budget debate that names him by surname only.
  TempDir dir;
  const std::string flood = dir.Write(
      "flood.jsonl",
      R"({"url": "https://a.example/1", "title": "Hochwasser in Passau", "published": "2024-06-02", "text": "Die Donau hat in Passau einen Pegel von 11,2 Metern erreicht. Oberbürgermeister Jürgen Dupper rief den Katastrophenfall aus. Die Altstadt wurde überflutet, 2.300 Bewohner mussten ihre Häuser verlassen."})"
      "\n"
      R"({"url": "https://b.example/2", "title": "Passau unter Wasser", "published": "2024-06-02", "text": "In Passau steht die Altstadt unter Wasser, die Donau erreichte 11,2 Meter. Oberbürgermeister Jürgen Dupper sprach von einer Katastrophe. 2.300 Menschen verließen ihre Häuser."})"
      "\n");
  const std::string budget = dir.Write(
      "budget.jsonl",
      R"({"url": "https://c.example/3", "title": "Stadtrat streitet über Schulden", "published": "2024-11-20", "text": "Der Stadtrat hat am Dienstag über den Haushalt für 2025 gestritten. Die Schulden der Stadt steigen auf 180 Millionen Euro, sagte Dupper in der Sitzung. Die Opposition forderte Kürzungen bei den Bauprojekten."})"
      "\n"
      R"({"url": "https://d.example/4", "title": "Haushalt beschlossen", "published": "2024-11-21", "text": "Nach langem Streit hat der Stadtrat den Haushalt für 2025 beschlossen. Die Schulden steigen auf 180 Millionen Euro. Dupper verteidigte die Bauprojekte gegen die Kritik der Opposition."})"
      "\n");
  AnalyzeOptions options;
  options.jobs = 1;
  const auto ids = [&](const std::string& db) {
    const auto stories = ListStories(db);
    EXPECT_TRUE(stories.ok());
    std::vector<int64_t> out;
    for (const StoryInfo& s : stories.value()) out.push_back(s.id);
    return out;
  };
  // The budget story alone: "Dupper" has no first name to go by.
  const std::string alone = dir.path() + "/alone.db";
  ASSERT_TRUE(Ingest({budget}, alone, options).ok());
  ASSERT_EQ(ids(alone).size(), 1u);
  auto lone = AnalyzeStory(alone, ids(alone)[0], options);
  ASSERT_TRUE(lone.ok()) << lone.status().message();
  const std::string lone_key = KeyOf(lone.value(), "Dupper");
  ASSERT_FALSE(lone_key.empty());
  // Both, in two ingest runs; the flood analysed first: the store records
  // its people, and the budget story's "Dupper" is the mayor.
  const std::string db = dir.path() + "/news.db";
  ASSERT_TRUE(Ingest({flood}, db, options).ok());
  ASSERT_TRUE(Ingest({budget}, db, options).ok());
  ASSERT_EQ(ids(db).size(), 2u);
  auto first = AnalyzeStory(db, ids(db)[0], options);
  ASSERT_TRUE(first.ok());
  const std::string mayor = KeyOf(first.value(), "Jürgen Dupper");
  ASSERT_FALSE(mayor.empty());
  EXPECT_NE(mayor, lone_key);
  auto second = AnalyzeStory(db, ids(db)[1], options);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(KeyOf(second.value(), "Dupper"), mayor);
  EXPECT_TRUE(second.value().errors.empty());
  // Analysing again changes nothing.
  auto again = AnalyzeStory(db, ids(db)[1], options);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(KeyOf(again.value(), "Dupper"), mayor);
}

}  // namespace
}  // namespace lagebild
