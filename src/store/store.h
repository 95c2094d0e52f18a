// Stage: store (the embedded SQLite database)
// In:    articles as ingest prepared them (the article as read, its copy
//        and story assignment, and the blobs dedup and stories keep),
//        document-frequency deltas, in batches.
// Out:   Store::Append writes one batch in one transaction: all of it or
//        none of it. Readers give back the stories, the articles of one
//        story, the recent articles (to reload the dedup and story
//        indexes) and the document frequencies.
// How:   one SQLite file. Schema versioned with PRAGMA user_version and
//        migrated on open inside a transaction (a database from a newer
//        lagebild is refused, never changed). WAL journal, synchronous =
//        FULL: a committed batch survives a killed process or a power
//        cut; an interrupted one leaves no trace. An article is known by
//        its identity (a hash of URL, title and text): appending it again
//        changes nothing. The entities of analysed stories are recorded
//        by key (RecordEntities), so that one person keeps one key across
//        stories and runs. Every batch indexes its articles' text
//        (FTS5) and logs what it did to each story (the change log, read
//        by `serve` for live updates). The file format is in docs/store.md.
// Fails: a path that cannot be opened or is not a lagebild database, a
//        schema newer than this build, a full disk: a Status naming the
//        file. Damaged blobs are reported by the stages that decode them.
// Cost:  Append: a few row writes per article plus one per new term of
//        the batch; Recent: one indexed range scan.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/status.h"

struct sqlite3;

namespace lagebild::store {

inline constexpr int kSchemaVersion = 4;

// One stored article. `id` is its stream number + 1, in the order of
// ingest; `story` a story id and `event` the id of its event in the story
// (ids shared by no two events of any story); all assigned by the caller
// (ingest). Rows written before events existed (schema 1) read as event
// = story.
struct StoredArticle {
  int64_t id = 0;
  uint64_t identity = 0;
  std::string source, url, outlet, title, language, published;  // published: "2022-01-13" | "2022-01" | ""
  int64_t story = 0;
  int64_t event = 0;
  std::optional<int64_t> duplicate_of;
  std::string raw;          // the article as read (EncodeRaw)
  std::string fingerprint;  // dedup's blob
  std::string vectors;      // stories' blob
  int64_t first_day = 0, last_day = -1;  // the article's own days (none when last < first)
  // The version it replaced (reading only): an article stored before
  // under the same address with another text.
  std::optional<int64_t> previous;
  // Its quality flags as the latest analysis of its story recorded them
  // (Memberships only).
  std::vector<std::string> flags;
  // What the full-text index holds of it (writing only): its clean text
  // (without the title, which is indexed apart).
  std::string search_text;
};

// What the latest analysis of a story found, and the story's size then
// (a story that has grown since is due for another).
struct StoredAnalysis {
  int64_t story = 0;
  int64_t articles = 0, last_article = 0;
  std::string title;  // the story's headline
  int64_t conflicts = 0, updates = 0;  // claims conflicting, updated
  // Writing: the quality flags of its articles ("machine-translated",
  // "spun", ...), by article id; they replace the ones recorded before.
  std::vector<std::pair<int64_t, std::vector<std::string>>> flags;
};

struct StoredStory {
  int64_t id = 0;
  std::string title;  // its first article's
  int64_t articles = 0;
  int64_t first_day = 0, last_day = -1;  // days of its dated members (none when last < first)
  int64_t last_article = 0;
  std::optional<StoredAnalysis> analysis;  // none before its first analysis
};

// One person, place or organisation of the store, by the key that names
// it across stories (StoryEntity::key), as the analyses of its stories
// recorded it.
struct StoredEntity {
  std::string key;                    // "PER vladimir putin"
  std::string type, name;             // as the latest analysis named it
  std::vector<std::string> variants;  // every spelling recorded, first seen first
  int64_t stories = 0;                // stories it was recorded for (reading only)
  int64_t mentions = 0;               // its mentions in them (writing: in this story)
};

// One article that a search found: best first by rank (FTS5 bm25, lower
// is better).
struct SearchHit {
  int64_t article = 0, story = 0;
  double rank = 0;
};

// One entry of the change log: what a committed batch did to a story.
// kind "created" (the story is new), "changed" (articles joined it),
// "merged" (it went into `into`) or "analysed" (RecordAnalysis: its
// headline and claim counts are new). Ids grow with every entry.
struct Change {
  int64_t id = 0, story = 0;
  std::string kind;
  int64_t articles = 0;  // articles the batch added to it
  int64_t into = 0;      // merged: the story it went into
};

// A feed the store follows, and how its polls went (times: Unix seconds).
struct StoredFeed {
  int64_t id = 0;
  std::string url;
  int64_t every_seconds = 600;
  std::string title;               // as the feed names itself
  std::string etag, last_modified;  // of its last answer
  int64_t next_poll = 0, last_poll = 0, last_success = 0;
  int64_t failures = 0;  // polls failed since the last success
  std::string last_error;
  int64_t items = 0;  // items taken from it
};

// An item taken from a feed: its id, its article, and a digest of what
// the feed said of it (a changed digest: the item was updated).
struct TakenItem {
  std::string item;
  int64_t article = 0;
  std::string digest;
};

// A RawArticle (after the HTML reader's main-content selection) as bytes,
// and back (false for damaged bytes).
std::string EncodeRaw(const RawArticle& raw);
bool DecodeRaw(std::string_view bytes, RawArticle* raw);

class Store {
 public:
  // Opens (creating when missing) and migrates the database at `path`.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }

  // For each of `identities`, the id of the article stored with it, or 0.
  Result<std::vector<int64_t>> Known(const std::vector<uint64_t>& identities);
  // The highest article and story ids (0 when empty), and the number of
  // articles counted in the document frequencies.
  Result<int64_t> LastArticleId();
  Result<int64_t> LastStoryId();
  Result<int64_t> LastEventId();
  Result<uint64_t> Documents();
  Result<std::vector<std::pair<uint64_t, uint32_t>>> DocumentFrequencies();

  // The last `n` articles by id, oldest first, without `raw`.
  Result<std::vector<StoredArticle>> Recent(size_t n);

  // One transaction: the articles (ids above LastArticleId), their stories
  // (created or updated), document-frequency increments, and then, in
  // order, the story merges (from, into): every article of `from` moves to
  // `into`, whose counts and days grow, and `from` is deleted. An article
  // whose address a stored article has (with another text: another
  // identity) is that one's next version: the old one is superseded (left
  // out of stories, members and search; its story counts one less), and
  // `previous`, when given, gets its id (0 for the others).
  Status Append(const std::vector<StoredArticle>& articles,
                const std::vector<std::pair<uint64_t, uint32_t>>& df_increments,
                uint64_t documents_increment,
                const std::vector<std::pair<int64_t, int64_t>>& merges = {},
                std::vector<int64_t>* previous = nullptr);

  Result<std::vector<StoredStory>> Stories();
  // Every article's id, source, story, event, duplicate_of, language,
  // days, url, outlet, title and published (no blobs), by id.
  Result<std::vector<StoredArticle>> Memberships();
  // The story's articles by id, with `raw`; NotFound when there is no such story.
  Result<std::vector<StoredArticle>> StoryArticles(int64_t story);

  // One article with `raw`, or nothing when there is none of that id.
  Result<std::optional<StoredArticle>> Article(int64_t id);
  // The articles whose title or text hold every one of `words` (a word of
  // four letters or more also as the start of a longer one: "Erdbeben"
  // finds "Erdbebengebiet"), letters folded as SQLite's unicode61 does
  // (case and accents), best first, at most `limit`. Words are taken as
  // words, never as query syntax; at most 16 are used.
  Result<std::vector<SearchHit>> Search(const std::vector<std::string>& words, size_t limit);
  // The change log after entry `after`, oldest first, at most `limit`.
  Result<std::vector<Change>> Changes(int64_t after, size_t limit);
  Result<int64_t> LastChangeId();

  // One transaction: the entities of one analysed story replace those
  // recorded for it before; an entity keeps its key, gains the spellings
  // it was not recorded with, and keeps the name of most words it was
  // recorded with ("Jürgen Dupper", not "Dupper"). (A story merged into another
  // takes its recorded entities along: Append.)
  Status RecordEntities(int64_t story, const std::vector<StoredEntity>& entities);
  // Every recorded entity with its count of stories and mentions, most
  // stories first.
  Result<std::vector<StoredEntity>> Entities();
  // Feeds: added (or its interval changed), removed (with its items;
  // NotFound when not followed), all of them, a poll's outcome recorded
  // with the items it took in one transaction, and the items taken from a
  // feed.
  Result<StoredFeed> AddFeed(const std::string& url, int64_t every_seconds);
  Status RemoveFeed(const std::string& url);
  Result<std::vector<StoredFeed>> Feeds();
  Status RecordPoll(const StoredFeed& feed, const std::vector<TakenItem>& items);
  Result<std::vector<TakenItem>> FeedItems(int64_t feed);

  // The analysis of one story, replacing the one before (a story merged
  // away loses its record: Append), and an "analysed" entry of the change
  // log, in one transaction.
  Status RecordAnalysis(const StoredAnalysis& analysis);
  // (story, mentions) of one entity, most mentions first.
  Result<std::vector<std::pair<int64_t, int64_t>>> EntityStories(const std::string& key);

 private:
  Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql);
  Status Migrate();
  Status IndexStoredArticles();
  Status Error(const std::string& what) const;

  sqlite3* db_;
  std::string path_;
};

}  // namespace lagebild::store
