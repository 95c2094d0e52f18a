#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/testing.h"

namespace lagebild::store {
namespace {

using lagebild::testing::TempDir;

StoredArticle Row(int64_t id, int64_t story, uint64_t identity, const std::string& title) {
  StoredArticle a;
  a.id = id;
  a.story = story;
  a.identity = identity;
  a.source = "in/" + std::to_string(id) + ".txt";
  a.title = title;
  a.language = "de";
  a.published = "2024-05-12";
  a.first_day = a.last_day = 19855;
  RawArticle raw;
  raw.source = a.source;
  raw.body = "Text " + title;
  a.raw = EncodeRaw(raw);
  a.fingerprint = "fp";
  a.vectors = "v";
  return a;
}

TEST(StoreTest, CreatesTheSchemaAndKeepsWhatWasAppended) {
  TempDir dir;
  const std::string path = dir.path() + "/s.db";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ(store.value()->LastArticleId().value(), 0);
    StoredArticle copy = Row(2, 1, 22, "");
    copy.duplicate_of = 1;
    ASSERT_TRUE(store.value()->Append({Row(1, 1, 11, "Erster"), copy}, {{5, 2}, {7, 1}}, 2).ok());
    ASSERT_TRUE(store.value()->Append({Row(3, 2, 33, "Anderes")}, {{5, 1}}, 1).ok());
  }
  auto store = Store::Open(path);  // reopened: same schema, nothing lost
  ASSERT_TRUE(store.ok());
  Store& s = *store.value();
  EXPECT_EQ(s.LastArticleId().value(), 3);
  EXPECT_EQ(s.LastStoryId().value(), 2);
  EXPECT_EQ(s.Documents().value(), 3u);
  auto df = s.DocumentFrequencies().value();
  std::sort(df.begin(), df.end());
  ASSERT_EQ(df.size(), 2u);
  EXPECT_EQ(df[0], (std::pair<uint64_t, uint32_t>(5, 3)));
  EXPECT_EQ(s.Known({11, 99, 33}).value(), (std::vector<int64_t>{1, 0, 3}));
  const auto stories = s.Stories().value();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].title, "Erster");
  EXPECT_EQ(stories[0].articles, 2);
  EXPECT_EQ(stories[0].first_day, 19855);
  const auto members = s.StoryArticles(1).value();
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1].duplicate_of, std::optional<int64_t>(1));
  RawArticle raw;
  ASSERT_TRUE(DecodeRaw(members[0].raw, &raw));
  EXPECT_EQ(raw.body, "Text Erster");
  EXPECT_EQ(s.Recent(2).value().front().id, 2);
  EXPECT_EQ(s.StoryArticles(9).status().code(), Status::Code::kNotFound);
}

TEST(StoreTest, EventsAreKeptAndASchemaOneDatabaseMigratesWithStoriesAsEvents) {
  TempDir dir;
  const std::string path = dir.path() + "/s.db";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    StoredArticle a = Row(1, 1, 11, "Erster"), b = Row(2, 1, 22, "Zweiter");
    a.event = 1;
    b.event = 5;
    ASSERT_TRUE(store.value()->Append({a, b}, {}, 2).ok());
    EXPECT_EQ(store.value()->LastEventId().value(), 5);
    const auto rows = store.value()->Memberships().value();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].event, 5);
    EXPECT_EQ(store.value()->StoryArticles(1).value()[1].event, 5);
  }
  // The same database as schema 1 wrote it: no event column, no entities.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE article_search; DROP TABLE changes; DROP TABLE story_analyses; "
                         "DROP TABLE feeds; DROP TABLE feed_items; DROP TABLE article_flags; DROP INDEX articles_by_url; "
                         "ALTER TABLE articles DROP COLUMN previous; ALTER TABLE articles DROP COLUMN superseded; "
                         "DROP TABLE entity_stories; DROP TABLE entities; "
                         "ALTER TABLE articles DROP COLUMN event; PRAGMA user_version=1;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const auto rows = store.value()->Memberships().value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event, rows[0].story);  // migrated: the story is the event
  EXPECT_EQ(rows[1].event, rows[1].story);
  EXPECT_EQ(store.value()->LastEventId().value(), 1);
}

TEST(StoreTest, SearchFindsArticlesByTheirWordsAndTakesNoQuerySyntax) {
  TempDir dir;
  auto opened = Store::Open(dir.path() + "/q.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& s = *opened.value();
  StoredArticle quake = Row(1, 1, 11, "Erdbeben in der Türkei");
  quake.search_text = "Das Erdbebengebiet im Süden: Helfer suchen nach Überlebenden.";
  StoredArticle vote = Row(2, 2, 22, "Wahl in Berlin");
  vote.search_text = "Die Wiederholungswahl \"OR\" NEAR(x) findet im Februar statt.";
  ASSERT_TRUE(s.Append({quake, vote}, {}, 2).ok());
  const auto ids = [&](std::vector<std::string> words) {
    std::vector<int64_t> out;
    Result<std::vector<SearchHit>> hits = s.Search(words, 10);
    if (!hits.ok()) return std::vector<int64_t>{-1};
    for (const SearchHit& h : hits.value()) out.push_back(h.article);
    return out;
  };
  EXPECT_EQ(ids({"erdbeben"}), (std::vector<int64_t>{1}));     // title, and the start of a compound
  EXPECT_EQ(ids({"UBERLEBENDEN"}), (std::vector<int64_t>{1}));  // case and accents folded
  EXPECT_EQ(ids({"Helfer", "Februar"}), (std::vector<int64_t>{}));  // every word
  EXPECT_EQ(ids({"wahl"}), (std::vector<int64_t>{2}));
  // What would be FTS5 syntax is a word like any other.
  EXPECT_EQ(ids({"NEAR(x)"}), (std::vector<int64_t>{2}));
  EXPECT_EQ(ids({"\"OR\""}), (std::vector<int64_t>{2}));
  EXPECT_EQ(ids({"*"}), (std::vector<int64_t>{}));
  EXPECT_EQ(ids({"\xff\xfe"}), (std::vector<int64_t>{}));
  EXPECT_EQ(s.Search({"wahl"}, 10).value()[0].story, 2);
}

TEST(StoreTest, TheChangeLogSaysWhatEachBatchDidToEachStory) {
  TempDir dir;
  auto opened = Store::Open(dir.path() + "/c.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& s = *opened.value();
  ASSERT_TRUE(s.Append({Row(1, 1, 11, "A"), Row(2, 1, 22, "B")}, {}, 2).ok());
  ASSERT_TRUE(s.Append({Row(3, 2, 33, "C"), Row(4, 1, 44, "D")}, {}, 2, {{2, 1}}).ok());
  const auto log = s.Changes(0, 100).value();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].story, 1);
  EXPECT_EQ(log[0].kind, "created");
  EXPECT_EQ(log[0].articles, 2);
  EXPECT_EQ(log[1].kind, "created");  // story 2, new in the second batch
  EXPECT_EQ(log[1].story, 2);
  EXPECT_EQ(log[2].kind, "changed");
  EXPECT_EQ(log[2].story, 1);
  EXPECT_EQ(log[3].kind, "merged");
  EXPECT_EQ(log[3].story, 2);
  EXPECT_EQ(log[3].into, 1);
  EXPECT_EQ(s.Changes(log[1].id, 100).value().size(), 2u);
  EXPECT_EQ(s.Changes(log[1].id, 1).value().size(), 1u);
  EXPECT_EQ(s.LastChangeId().value(), log[3].id);
  const auto one = s.Article(3).value();
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->story, 1);  // moved by the merge
  EXPECT_FALSE(one->raw.empty());
  EXPECT_FALSE(s.Article(99).value().has_value());
}

TEST(StoreTest, AnAddressStoredAgainWithAnotherTextIsANewVersion) {
  TempDir dir;
  auto opened = Store::Open(dir.path() + "/v.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& s = *opened.value();
  StoredArticle first = Row(1, 1, 11, "Erste Fassung");
  first.url = "https://x.example/a";
  StoredArticle other = Row(2, 1, 22, "Anderes");
  other.url = "https://x.example/b";
  ASSERT_TRUE(s.Append({first, other}, {}, 2).ok());
  StoredArticle second = Row(3, 2, 33, "Zweite Fassung");
  second.url = "https://x.example/a";
  StoredArticle none = Row(4, 2, 44, "Ohne Adresse");  // no address: never a version
  std::vector<int64_t> previous;
  ASSERT_TRUE(s.Append({second, none}, {}, 2, {}, &previous).ok());
  EXPECT_EQ(previous, (std::vector<int64_t>{1, 0}));
  const auto members = s.Memberships().value();
  ASSERT_EQ(members.size(), 3u);  // the first version is left out
  EXPECT_EQ(members[0].id, 2);
  EXPECT_EQ(members[1].id, 3);
  EXPECT_EQ(members[1].previous, 1);
  const auto stories = s.Stories().value();
  EXPECT_EQ(stories[0].articles, 1);  // story 1 lost its superseded article
  EXPECT_EQ(stories[1].articles, 2);
  EXPECT_EQ(s.StoryArticles(1).value().size(), 1u);
  EXPECT_TRUE(s.Search({"erste"}, 10).value().empty());
  EXPECT_EQ(s.Search({"zweite"}, 10).value().size(), 1u);
  EXPECT_EQ(s.Article(3).value()->previous, 1);
}

TEST(StoreTest, AVersion3DatabaseGetsItsArticlesIndexedForSearch) {
  TempDir dir;
  const std::string path = dir.path() + "/v3.db";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->Append({Row(1, 1, 11, "Hochwasser"), Row(2, 2, 22, "Dürre")}, {}, 2).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE article_search; DROP TABLE changes; DROP TABLE story_analyses; "
                         "DROP TABLE feeds; DROP TABLE feed_items; DROP TABLE article_flags; DROP INDEX articles_by_url; "
                         "ALTER TABLE articles DROP COLUMN previous; ALTER TABLE articles DROP COLUMN superseded; "
                         "PRAGMA user_version=3;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  // Indexed from the stored article: its title and its text as read.
  const auto hits = store.value()->Search({"hochwasser"}, 10).value();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].article, 1);
  EXPECT_EQ(store.value()->Search({"text", "durre"}, 10).value().size(), 1u);
  EXPECT_EQ(store.value()->Changes(0, 10).value().size(), 0u);
}

StoredEntity Entity(const std::string& key, const std::string& name,
                    std::vector<std::string> variants, int64_t mentions) {
  StoredEntity e;
  e.key = key;
  e.type = key.substr(0, 3);
  e.name = name;
  e.variants = std::move(variants);
  e.mentions = mentions;
  return e;
}

TEST(StoreTest, EntitiesOfAnalysedStoriesAreRecordedByKeyAndMoveWithMerges) {
  testing::TempDir dir;
  auto opened = Store::Open(dir.path() + "/e.db");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& s = *opened.value();
  ASSERT_TRUE(s.Append({Row(1, 1, 11, "Eins"), Row(2, 2, 22, "Zwei")}, {}, 2).ok());
  ASSERT_TRUE(s.RecordEntities(1, {Entity("PER vladimir putin", "Wladimir Putin",
                                          {"Wladimir Putin", "Putin"}, 3),
                                   Entity("LOC kiev", "Kiew", {"Kiew"}, 1)})
                  .ok());
  ASSERT_TRUE(s.RecordEntities(2, {Entity("PER vladimir putin", "Putin",
                                          {"Vladimir Putin", "Putin", "Putin\nx"}, 2)})
                  .ok());
  auto all = s.Entities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 2u);
  const StoredEntity& putin = all.value()[0];  // most stories first
  EXPECT_EQ(putin.key, "PER vladimir putin");
  EXPECT_EQ(putin.stories, 2);
  EXPECT_EQ(putin.mentions, 5);
  EXPECT_EQ(putin.name, "Wladimir Putin");  // the name of most words stays
  EXPECT_EQ(putin.variants,
            (std::vector<std::string>{"Wladimir Putin", "Putin", "Vladimir Putin", "Putin x"}));
  // A story analysed again replaces what was recorded for it.
  ASSERT_TRUE(s.RecordEntities(1, {Entity("LOC kiev", "Kiew", {"Kyiv"}, 4)}).ok());
  all = s.Entities();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all.value()[0].stories, 1);
  EXPECT_EQ(all.value()[0].mentions, all.value()[0].key == "LOC kiev" ? 4 : 2);
  // Story 2 merged into 1: its entities go along; Putin is still known.
  ASSERT_TRUE(s.Append({Row(3, 1, 33, "Drei")}, {}, 1, {{2, 1}}).ok());
  all = s.Entities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 2u);
  for (const StoredEntity& e : all.value()) EXPECT_EQ(e.stories, 1) << e.key;
}

TEST(StoreTest, MergedStoriesMoveTheirArticlesAndCounts) {
  TempDir dir;
  auto store = Store::Open(dir.path() + "/s.db");
  ASSERT_TRUE(store.ok());
  Store& s = *store.value();
  StoredArticle a = Row(1, 1, 11, "Eins"), b = Row(2, 2, 22, "Zwei");
  b.first_day = b.last_day = 19850;
  ASSERT_TRUE(s.Append({a, b}, {}, 2).ok());
  // A third article of story 1 arrives, and story 2 joins story 1.
  ASSERT_TRUE(s.Append({Row(3, 1, 33, "Drei")}, {}, 1, {{2, 1}}).ok());
  const auto rows = s.Memberships().value();
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& r : rows) EXPECT_EQ(r.story, 1) << r.id;
  const auto stories = s.Stories().value();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].articles, 3);
  EXPECT_EQ(stories[0].first_day, 19850);
  EXPECT_EQ(stories[0].last_day, 19855);
  EXPECT_EQ(stories[0].last_article, 3);
  EXPECT_EQ(s.StoryArticles(2).status().code(), Status::Code::kNotFound);
}

TEST(StoreTest, AFailedBatchLeavesNoTrace) {
  TempDir dir;
  auto store = Store::Open(dir.path() + "/s.db");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->Append({Row(1, 1, 11, "A")}, {{5, 1}}, 1).ok());
  // The second row repeats an identity: the whole batch is refused.
  const Status s = store.value()->Append({Row(2, 1, 22, "B"), Row(3, 1, 11, "C")}, {{5, 2}}, 2);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("s.db"), std::string::npos);
  EXPECT_EQ(store.value()->LastArticleId().value(), 1);
  EXPECT_EQ(store.value()->Documents().value(), 1u);
  EXPECT_EQ(store.value()->Stories().value()[0].articles, 1);
}

TEST(StoreTest, RefusesANewerSchemaAndForeignDatabasesAndLeavesThemAlone) {
  TempDir dir;
  const std::string newer = dir.path() + "/newer.db";
  ASSERT_TRUE(Store::Open(newer).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto opened = Store::Open(newer);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("schema version 99"), std::string::npos);

  const std::string foreign = dir.path() + "/foreign.db";
  ASSERT_EQ(sqlite3_open(foreign.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  opened = Store::Open(foreign);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("did not create"), std::string::npos);

  const std::string text = dir.Write("text.db", "not a database at all, just words\n");
  EXPECT_FALSE(Store::Open(text).ok());
  EXPECT_EQ(lagebild::testing::ReadAll(text), "not a database at all, just words\n");
  EXPECT_FALSE(Store::Open(dir.path() + "/no/such/dir/x.db").ok());
}

TEST(StoreTest, RawArticlesRoundTripAndDamagedBytesAreRefused) {
  RawArticle raw;
  raw.source = "a.html";
  raw.format = "html";
  raw.title = "Titel";
  raw.published_date = {2022, 1, 13};
  raw.body = "Absatz eins.\n\nAbsatz zwei.";
  raw.truncated = true;
  raw.removed.push_back({"Weiterlesen", "read-more"});
  raw.diagnostics.push_back({"read", "truncated", "cut"});
  const std::string bytes = EncodeRaw(raw);
  RawArticle back;
  ASSERT_TRUE(DecodeRaw(bytes, &back));
  EXPECT_EQ(back.title, raw.title);
  EXPECT_EQ(back.body, raw.body);
  EXPECT_EQ(back.published_date.day, 13);
  EXPECT_TRUE(back.truncated);
  ASSERT_EQ(back.removed.size(), 1u);
  EXPECT_EQ(back.removed[0].reason, "read-more");
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(DecodeRaw(bytes.substr(0, cut), &back)) << cut;
  }
  std::string huge = bytes;
  huge[6] = '\xFF';  // the source's length far beyond the bytes
  huge[7] = '\x7F';
  EXPECT_FALSE(DecodeRaw(huge, &back));
  RawArticle bad = raw;
  bad.body = "kaputt \xFF";  // not UTF-8: never written by a reader, refused when read back
  EXPECT_FALSE(DecodeRaw(EncodeRaw(bad), &back));
}

}  // namespace
}  // namespace lagebild::store
