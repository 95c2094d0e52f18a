#include "store/store.h"

#include <algorithm>

#include <sqlite3.h>

#include "util/binary.h"
#include "util/utf8.h"

namespace lagebild::store {
namespace {

constexpr uint32_t kRawVersion = 1;

// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), int(s.size()), SQLITE_TRANSIENT);
  }
  void BindBlob(int i, std::string_view s) {
    sqlite3_bind_blob(stmt_, i, s.data(), int(s.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) {
    const void* p = sqlite3_column_blob(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), size_t(n));
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

// Version 1: articles, stories, document frequencies.
const char* const kSchemaV1 = R"sql(
CREATE TABLE stories(
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL,
  articles      INTEGER NOT NULL,
  first_day     INTEGER,
  last_day      INTEGER,
  last_article  INTEGER NOT NULL
);
CREATE TABLE articles(
  id            INTEGER PRIMARY KEY,
  identity      INTEGER NOT NULL UNIQUE,
  source        TEXT    NOT NULL,
  url           TEXT    NOT NULL,
  outlet        TEXT    NOT NULL,
  title         TEXT    NOT NULL,
  language      TEXT    NOT NULL,
  published     TEXT    NOT NULL,
  first_day     INTEGER,
  last_day      INTEGER,
  story         INTEGER NOT NULL REFERENCES stories(id),
  duplicate_of  INTEGER REFERENCES articles(id),
  raw           BLOB    NOT NULL,
  fingerprint   BLOB    NOT NULL,
  vectors       BLOB    NOT NULL
);
CREATE INDEX articles_by_story ON articles(story, id);
CREATE TABLE document_frequencies(
  term          INTEGER PRIMARY KEY,
  documents     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE counters(
  name          TEXT PRIMARY KEY,
  value         INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters(name, value) VALUES('documents', 0);
)sql";

// Version 2: the event of each article inside its story (NULL for the
// articles of version 1: their story is their event).
const char* const kSchemaV2 = R"sql(
ALTER TABLE articles ADD COLUMN event INTEGER;
)sql";

// Version 3: the entities recorded by the analyses of stories, and which
// stories named them how often.
const char* const kSchemaV3 = R"sql(
CREATE TABLE entities(
  key           TEXT PRIMARY KEY,
  type          TEXT NOT NULL,
  name          TEXT NOT NULL,
  variants      TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE entity_stories(
  story         INTEGER NOT NULL,
  key           TEXT    NOT NULL,
  mentions      INTEGER NOT NULL,
  PRIMARY KEY(story, key)
) WITHOUT ROWID;
CREATE INDEX entity_stories_key ON entity_stories(key);
)sql";

// Version 4: the full-text index of the articles' titles and clean texts
// (contentless: the texts stay in `raw`; rowid = article id; letters
// folded by case and accents), the change log of the batches, what the
// latest analysis of each story found (its headline, its claims in
// conflict or updated) with the size it had then, and the feeds followed
// with their health and the items taken from them; an article stored
// again under its address with another text is a new version of it
// (`previous`), the old one `superseded`.
const char* const kSchemaV4 = R"sql(
CREATE VIRTUAL TABLE article_search USING fts5(title, text, content='',
  tokenize='unicode61 remove_diacritics 2');
CREATE TABLE changes(
  id            INTEGER PRIMARY KEY,
  story         INTEGER NOT NULL,
  kind          TEXT    NOT NULL,
  articles      INTEGER NOT NULL,
  into_story    INTEGER
);
ALTER TABLE articles ADD COLUMN previous INTEGER;
ALTER TABLE articles ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_by_url ON articles(url);
CREATE TABLE feeds(
  id            INTEGER PRIMARY KEY,
  url           TEXT    NOT NULL UNIQUE,
  every_seconds INTEGER NOT NULL,
  title         TEXT    NOT NULL DEFAULT '',
  etag          TEXT    NOT NULL DEFAULT '',
  last_modified TEXT    NOT NULL DEFAULT '',
  next_poll     INTEGER NOT NULL DEFAULT 0,
  last_poll     INTEGER NOT NULL DEFAULT 0,
  last_success  INTEGER NOT NULL DEFAULT 0,
  failures      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT    NOT NULL DEFAULT '',
  items         INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE feed_items(
  feed          INTEGER NOT NULL,
  item          TEXT    NOT NULL,
  article       INTEGER NOT NULL,
  digest        TEXT    NOT NULL,
  PRIMARY KEY(feed, item)
) WITHOUT ROWID;
CREATE TABLE article_flags(
  article       INTEGER NOT NULL,
  flag          TEXT    NOT NULL,
  PRIMARY KEY(article, flag)
) WITHOUT ROWID;
CREATE TABLE story_analyses(
  story         INTEGER PRIMARY KEY,
  articles      INTEGER NOT NULL,
  last_article  INTEGER NOT NULL,
  title         TEXT    NOT NULL,
  conflicts     INTEGER NOT NULL,
  updates       INTEGER NOT NULL
);
)sql";

// Migrations: kMigrations[v] takes a database from version v to v + 1.
const char* const kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

}  // namespace

std::string EncodeRaw(const RawArticle& raw) {
  util::ByteWriter w;
  w.U32(kRawVersion);
  w.Str(raw.source);
  w.Str(raw.format);
  w.U32(raw.title ? 1 : 0);
  w.Str(raw.title.value_or(""));
  w.Str(raw.published);
  w.Str(raw.url);
  w.Str(raw.outlet);
  w.Str(raw.author);
  w.Str(raw.language_hint);
  w.Str(raw.encoding);
  w.U32(uint32_t(raw.published_date.year));
  w.U32(uint32_t(raw.published_date.month));
  w.U32(uint32_t(raw.published_date.day));
  w.Str(raw.body);
  w.U32(raw.truncated ? 1 : 0);
  w.Str(raw.title_basis);
  w.U32(uint32_t(raw.removed.size()));
  for (const Removed& r : raw.removed) {
    w.Str(r.text);
    w.Str(r.reason);
  }
  w.U32(uint32_t(raw.diagnostics.size()));
  for (const Diagnostic& d : raw.diagnostics) {
    w.Str(d.stage);
    w.Str(d.code);
    w.Str(d.message);
  }
  return w.Take();
}

bool DecodeRaw(std::string_view bytes, RawArticle* raw) {
  util::ByteReader r(bytes);
  if (r.U32() != kRawVersion) return false;
  RawArticle out;
  out.source = r.Str();
  out.format = r.Str();
  const uint32_t has_title = r.U32();
  std::string title = r.Str();
  if (has_title > 1 || (has_title == 0 && !title.empty())) return false;
  if (has_title == 1) out.title = std::move(title);
  out.published = r.Str();
  out.url = r.Str();
  out.outlet = r.Str();
  out.author = r.Str();
  out.language_hint = r.Str();
  out.encoding = r.Str();
  out.published_date.year = int(r.U32());
  out.published_date.month = int(r.U32());
  out.published_date.day = int(r.U32());
  out.body = r.Str();
  const uint32_t truncated = r.U32();
  if (truncated > 1) return false;
  out.truncated = truncated == 1;
  out.title_basis = r.Str();
  out.removed.resize(r.Count(8));
  for (Removed& x : out.removed) {
    x.text = r.Str();
    x.reason = r.Str();
  }
  out.diagnostics.resize(r.Count(12));
  for (Diagnostic& d : out.diagnostics) {
    d.stage = r.Str();
    d.code = r.Str();
    d.message = r.Str();
  }
  if (!r.done()) return false;
  // The stages take text as valid UTF-8 (readers guarantee it); a record
  // that is not, was not written by EncodeRaw.
  for (const std::string* s : {&out.source, &out.format, &out.published, &out.url, &out.outlet,
                               &out.author, &out.language_hint, &out.encoding, &out.body,
                               &out.title_basis}) {
    if (!util::IsValidUtf8(*s)) return false;
  }
  if (out.title && !util::IsValidUtf8(*out.title)) return false;
  for (const Removed& x : out.removed) {
    if (!util::IsValidUtf8(x.text) || !util::IsValidUtf8(x.reason)) return false;
  }
  for (const Diagnostic& d : out.diagnostics) {
    if (!util::IsValidUtf8(d.stage) || !util::IsValidUtf8(d.code) || !util::IsValidUtf8(d.message)) {
      return false;
    }
  }
  *raw = std::move(out);
  return true;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open database '" + path + "': " +
                          (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return IoError(std::move(message));
  }
  std::unique_ptr<Store> store(new Store(db, path));
  sqlite3_busy_timeout(db, 10000);
  // journal_mode answers with a row; a file that is not a database fails here.
  LAGEBILD_RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL"));
  // A page cache of 64 MiB keeps the indexes that every batch touches
  // (identities, document frequencies) in memory as the file grows.
  LAGEBILD_RETURN_IF_ERROR(
      store->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536"));
  LAGEBILD_RETURN_IF_ERROR(store->Migrate());
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Error(const std::string& what) const {
  return IoError("database '" + path_ + "': " + what + ": " + sqlite3_errmsg(db_));
}

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = "database '" + path_ + "': " + (err ? err : "error");
    sqlite3_free(err);
    return IoError(std::move(message));
  }
  return Status::Ok();
}

Status Store::Migrate() {
  // A database at this version needs nothing, and no write lock: a reader
  // opening it never waits for a writer.
  {
    Statement peek(db_, "PRAGMA user_version");
    if (peek.ok() && peek.Step() == SQLITE_ROW && peek.Int(0) == kSchemaVersion) return Status::Ok();
  }
  LAGEBILD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Statement get(db_, "PRAGMA user_version");
  if (!get.ok() || get.Step() != SQLITE_ROW) {
    Exec("ROLLBACK");
    return Error("cannot read the schema version");
  }
  const int64_t version = get.Int(0);
  if (version > kSchemaVersion) {
    Exec("ROLLBACK");
    return DataError("database '" + path_ + "' has schema version " + std::to_string(version) +
                     ", newer than this lagebild knows (" + std::to_string(kSchemaVersion) +
                     "); it is left unchanged");
  }
  if (version == 0) {
    // A version-0 file must be empty: lagebild never writes one with tables.
    Statement tables(db_, "SELECT count(*) FROM sqlite_master");
    if (!tables.ok() || tables.Step() != SQLITE_ROW || tables.Int(0) != 0) {
      Exec("ROLLBACK");
      return DataError("'" + path_ + "' is a database that lagebild did not create; it is left unchanged");
    }
  }
  for (int64_t v = version; v < kSchemaVersion; ++v) {
    Status s = Exec(kMigrations[v]);
    // Version 4's index is filled from the articles stored before.
    if (s.ok() && v == 3) s = IndexStoredArticles();
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
  }
  const std::string set = "PRAGMA user_version=" + std::to_string(kSchemaVersion);
  Status s = Exec(set.c_str());
  if (!s.ok()) {
    Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

// The articles stored before version 4 had no clean text kept: their
// index holds the title and the text as read (main content selected).
Status Store::IndexStoredArticles() {
  Statement q(db_, "SELECT id, title, raw FROM articles ORDER BY id");
  Statement put(db_, "INSERT INTO article_search(rowid, title, text) VALUES(?1, ?2, ?3)");
  if (!q.ok() || !put.ok()) return Error("cannot index the stored articles");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    RawArticle raw;
    put.Bind(1, q.Int(0));
    put.Bind(2, q.Text(1));
    put.Bind(3, DecodeRaw(q.Text(2), &raw) ? std::string_view(raw.body) : std::string_view());
    if (put.Step() != SQLITE_DONE) return Error("cannot index article " + std::to_string(q.Int(0)));
    put.Reset();
  }
  if (rc != SQLITE_DONE) return Error("cannot index the stored articles");
  return Status::Ok();
}

Result<std::vector<int64_t>> Store::Known(const std::vector<uint64_t>& identities) {
  Statement q(db_, "SELECT id FROM articles WHERE identity = ?");
  if (!q.ok()) return Error("cannot look up articles");
  std::vector<int64_t> out;
  out.reserve(identities.size());
  for (uint64_t id : identities) {
    q.Bind(1, int64_t(id));
    const int rc = q.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("cannot look up articles");
    out.push_back(rc == SQLITE_ROW ? q.Int(0) : 0);
    q.Reset();
  }
  return out;
}

namespace {
Result<int64_t> One(sqlite3* db, const char* sql, const std::string& path) {
  Statement q(db, sql);
  if (!q.ok() || q.Step() != SQLITE_ROW) {
    return IoError("database '" + path + "': " + sqlite3_errmsg(db));
  }
  return q.Int(0);
}
}  // namespace

Result<int64_t> Store::LastArticleId() { return One(db_, "SELECT coalesce(max(id), 0) FROM articles", path_); }
Result<int64_t> Store::LastStoryId() { return One(db_, "SELECT coalesce(max(id), 0) FROM stories", path_); }

Result<int64_t> Store::LastEventId() {
  return One(db_, "SELECT coalesce(max(coalesce(event, story)), 0) FROM articles", path_);
}

Result<uint64_t> Store::Documents() {
  Result<int64_t> n = One(db_, "SELECT value FROM counters WHERE name = 'documents'", path_);
  if (!n.ok()) return n.status();
  return uint64_t(n.value());
}

Result<std::vector<std::pair<uint64_t, uint32_t>>> Store::DocumentFrequencies() {
  Statement q(db_, "SELECT term, documents FROM document_frequencies");
  if (!q.ok()) return Error("cannot read document frequencies");
  std::vector<std::pair<uint64_t, uint32_t>> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.emplace_back(uint64_t(q.Int(0)), uint32_t(q.Int(1)));
  if (rc != SQLITE_DONE) return Error("cannot read document frequencies");
  return out;
}

namespace {
constexpr const char* kArticleColumns =
    "id, identity, source, url, outlet, title, language, published, first_day, last_day, story, "
    "duplicate_of, fingerprint, vectors, coalesce(event, story), previous";

StoredArticle ReadArticle(Statement& q) {
  StoredArticle a;
  a.id = q.Int(0);
  a.identity = uint64_t(q.Int(1));
  a.source = q.Text(2);
  a.url = q.Text(3);
  a.outlet = q.Text(4);
  a.title = q.Text(5);
  a.language = q.Text(6);
  a.published = q.Text(7);
  if (!q.IsNull(8)) {
    a.first_day = q.Int(8);
    a.last_day = q.Int(9);
  }
  a.story = q.Int(10);
  if (!q.IsNull(11)) a.duplicate_of = q.Int(11);
  a.fingerprint = q.Text(12);
  a.vectors = q.Text(13);
  a.event = q.Int(14);
  if (!q.IsNull(15)) a.previous = q.Int(15);
  return a;
}
}  // namespace

Result<std::vector<StoredArticle>> Store::Recent(size_t n) {
  const std::string sql = std::string("SELECT ") + kArticleColumns +
                          " FROM articles WHERE id > (SELECT coalesce(max(id), 0) FROM articles) - ?"
                          " ORDER BY id";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return Error("cannot read recent articles");
  q.Bind(1, int64_t(n));
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadArticle(q));
  if (rc != SQLITE_DONE) return Error("cannot read recent articles");
  return out;
}

Status Store::Append(const std::vector<StoredArticle>& articles,
                     const std::vector<std::pair<uint64_t, uint32_t>>& df_increments,
                     uint64_t documents_increment,
                     const std::vector<std::pair<int64_t, int64_t>>& merges,
                     std::vector<int64_t>* previous) {
  if (previous != nullptr) previous->assign(articles.size(), 0);
  LAGEBILD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](const std::string& what) {
    Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  Statement story(db_,
                  "INSERT INTO stories(id, title, articles, first_day, last_day, last_article) "
                  "VALUES(?1, ?2, 1, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET "
                  "articles = articles + 1, last_article = excluded.last_article, "
                  "title = CASE WHEN title = '' THEN excluded.title ELSE title END, "
                  "first_day = CASE WHEN first_day IS NULL OR excluded.first_day < first_day "
                  "THEN coalesce(excluded.first_day, first_day) ELSE first_day END, "
                  "last_day = CASE WHEN last_day IS NULL OR excluded.last_day > last_day "
                  "THEN coalesce(excluded.last_day, last_day) ELSE last_day END");
  Statement article(db_,
                    "INSERT INTO articles(id, identity, source, url, outlet, title, language, "
                    "published, first_day, last_day, story, duplicate_of, raw, fingerprint, vectors, "
                    "event, previous) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                    "?16, ?17)");
  Statement df(db_,
               "INSERT INTO document_frequencies(term, documents) VALUES(?1, ?2) "
               "ON CONFLICT(term) DO UPDATE SET documents = documents + excluded.documents");
  Statement docs(db_, "UPDATE counters SET value = value + ?1 WHERE name = 'documents'");
  Statement text(db_, "INSERT INTO article_search(rowid, title, text) VALUES(?1, ?2, ?3)");
  Statement change(db_, "INSERT INTO changes(story, kind, articles, into_story) VALUES(?1, ?2, ?3, ?4)");
  // An address stored before with another text: the new article is its
  // next version, the old one is superseded (its story counts one less).
  Statement version_of(db_,
                       "SELECT id, story FROM articles WHERE url = ?1 AND superseded = 0 ORDER BY id DESC LIMIT 1");
  Statement supersede(db_, "UPDATE articles SET superseded = 1 WHERE id = ?1");
  Statement shrink(db_, "UPDATE stories SET articles = articles - 1 WHERE id = ?1");
  if (!story.ok() || !article.ok() || !df.ok() || !docs.ok() || !text.ok() || !change.ok() || !version_of.ok() ||
      !supersede.ok() || !shrink.ok()) {
    return fail("cannot prepare writes");
  }
  // The change log: per story of the batch, in order of its first article.
  Result<int64_t> last_story = One(db_, "SELECT coalesce(max(id), 0) FROM stories", path_);
  if (!last_story.ok()) return fail("cannot read stories");
  std::vector<std::pair<int64_t, int64_t>> per_story;  // (story, articles)
  for (const StoredArticle& a : articles) {
    auto it = std::find_if(per_story.begin(), per_story.end(), [&](const auto& p) { return p.first == a.story; });
    if (it == per_story.end()) {
      per_story.emplace_back(a.story, 1);
    } else {
      ++it->second;
    }
  }
  for (size_t k = 0; k < articles.size(); ++k) {
    const StoredArticle& a = articles[k];
    const bool dated = a.last_day >= a.first_day;
    std::optional<int64_t> earlier;
    if (!a.url.empty()) {
      version_of.Bind(1, a.url);
      const int rc = version_of.Step();
      if (rc == SQLITE_ROW) {
        earlier = version_of.Int(0);
        const int64_t earlier_story = version_of.Int(1);
        version_of.Reset();
        supersede.Bind(1, *earlier);
        shrink.Bind(1, earlier_story);
        if (supersede.Step() != SQLITE_DONE || shrink.Step() != SQLITE_DONE) {
          return fail("cannot supersede article " + std::to_string(*earlier));
        }
        supersede.Reset();
        shrink.Reset();
        if (previous != nullptr) (*previous)[k] = *earlier;
      } else if (rc != SQLITE_DONE) {
        return fail("cannot look up articles");
      } else {
        version_of.Reset();
      }
    }
    story.Bind(1, a.story);
    story.Bind(2, a.title);
    if (dated) {
      story.Bind(3, a.first_day);
      story.Bind(4, a.last_day);
    } else {
      story.BindNull(3);
      story.BindNull(4);
    }
    story.Bind(5, a.id);
    if (story.Step() != SQLITE_DONE) return fail("cannot write story " + std::to_string(a.story));
    story.Reset();
    article.Bind(1, a.id);
    article.Bind(2, int64_t(a.identity));
    article.Bind(3, a.source);
    article.Bind(4, a.url);
    article.Bind(5, a.outlet);
    article.Bind(6, a.title);
    article.Bind(7, a.language);
    article.Bind(8, a.published);
    if (dated) {
      article.Bind(9, a.first_day);
      article.Bind(10, a.last_day);
    } else {
      article.BindNull(9);
      article.BindNull(10);
    }
    article.Bind(11, a.story);
    if (a.duplicate_of) {
      article.Bind(12, *a.duplicate_of);
    } else {
      article.BindNull(12);
    }
    article.BindBlob(13, a.raw);
    article.BindBlob(14, a.fingerprint);
    article.BindBlob(15, a.vectors);
    article.Bind(16, a.event);
    if (earlier) {
      article.Bind(17, *earlier);
    } else {
      article.BindNull(17);
    }
    if (article.Step() != SQLITE_DONE) {
      return fail("cannot write article " + std::to_string(a.id) + " ('" + a.source +
                  "'; is another ingest writing to this database? one at a time)");
    }
    article.Reset();
    text.Bind(1, a.id);
    text.Bind(2, a.title);
    text.Bind(3, a.search_text);
    if (text.Step() != SQLITE_DONE) return fail("cannot index article " + std::to_string(a.id));
    text.Reset();
  }
  for (const auto& [id, n] : per_story) {
    change.Bind(1, id);
    change.Bind(2, id > last_story.value() ? "created" : "changed");
    change.Bind(3, n);
    change.BindNull(4);
    if (change.Step() != SQLITE_DONE) return fail("cannot log the batch");
    change.Reset();
  }
  for (const auto& [term, n] : df_increments) {
    df.Bind(1, int64_t(term));
    df.Bind(2, int64_t(n));
    if (df.Step() != SQLITE_DONE) return fail("cannot write document frequencies");
    df.Reset();
  }
  docs.Bind(1, int64_t(documents_increment));
  if (docs.Step() != SQLITE_DONE) return fail("cannot write document count");
  if (!merges.empty()) {
    Statement grow(db_,
                   "UPDATE stories SET "
                   "articles = articles + (SELECT articles FROM stories WHERE id = ?1), "
                   "first_day = CASE WHEN first_day IS NULL THEN "
                   "(SELECT first_day FROM stories WHERE id = ?1) ELSE min(first_day, "
                   "coalesce((SELECT first_day FROM stories WHERE id = ?1), first_day)) END, "
                   "last_day = CASE WHEN last_day IS NULL THEN "
                   "(SELECT last_day FROM stories WHERE id = ?1) ELSE max(last_day, "
                   "coalesce((SELECT last_day FROM stories WHERE id = ?1), last_day)) END, "
                   "last_article = max(last_article, "
                   "(SELECT last_article FROM stories WHERE id = ?1)) "
                   "WHERE id = ?2 AND EXISTS (SELECT 1 FROM stories WHERE id = ?1)");
    Statement move(db_, "UPDATE articles SET story = ?2 WHERE story = ?1");
    Statement drop(db_, "DELETE FROM stories WHERE id = ?1");
    // Recorded entities go along; one the story had already keeps the
    // larger count until the story is analysed again.
    Statement keep(db_,
                   "INSERT INTO entity_stories(story, key, mentions) "
                   "SELECT ?2, key, mentions FROM entity_stories WHERE story = ?1 "
                   "ON CONFLICT(story, key) DO UPDATE SET mentions = max(mentions, excluded.mentions)");
    Statement forget(db_, "DELETE FROM entity_stories WHERE story = ?1");
    Statement unanalysed(db_, "DELETE FROM story_analyses WHERE story = ?1");
    if (!grow.ok() || !move.ok() || !drop.ok() || !keep.ok() || !forget.ok() || !unanalysed.ok()) {
      return fail("cannot prepare story merges");
    }
    for (const auto& [from, into] : merges) {
      for (Statement* q : {&grow, &move, &drop, &keep, &forget, &unanalysed}) {
        q->Bind(1, from);
        if (q != &drop && q != &forget && q != &unanalysed) q->Bind(2, into);
        if (q->Step() != SQLITE_DONE) {
          return fail("cannot merge story " + std::to_string(from) + " into " + std::to_string(into));
        }
        q->Reset();
      }
      change.Bind(1, from);
      change.Bind(2, "merged");
      change.Bind(3, 0);
      change.Bind(4, into);
      if (change.Step() != SQLITE_DONE) return fail("cannot log the batch");
      change.Reset();
    }
  }
  const Status s = Exec("COMMIT");
  if (!s.ok()) Exec("ROLLBACK");
  return s;
}

namespace {
std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    const size_t end = std::min(s.find('\n', start), s.size());
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

Status Store::RecordEntities(int64_t story, const std::vector<StoredEntity>& entities) {
  LAGEBILD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](const std::string& what) {
    const Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  Statement clear(db_, "DELETE FROM entity_stories WHERE story = ?1");
  Statement get(db_, "SELECT variants, name FROM entities WHERE key = ?1");
  Statement put(db_,
                "INSERT INTO entities(key, type, name, variants) VALUES(?1, ?2, ?3, ?4) "
                "ON CONFLICT(key) DO UPDATE SET type = excluded.type, name = excluded.name, "
                "variants = excluded.variants");
  Statement link(db_,
                 "INSERT INTO entity_stories(story, key, mentions) VALUES(?1, ?2, ?3) "
                 "ON CONFLICT(story, key) DO UPDATE SET mentions = mentions + excluded.mentions");
  if (!clear.ok() || !get.ok() || !put.ok() || !link.ok()) return fail("cannot prepare entities");
  clear.Bind(1, story);
  if (clear.Step() != SQLITE_DONE) return fail("cannot clear the entities of story " + std::to_string(story));
  for (const StoredEntity& e : entities) {
    if (e.key.empty()) continue;
    get.Bind(1, e.key);
    const int rc = get.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail("cannot read entity '" + e.key + "'");
    std::vector<std::string> variants = rc == SQLITE_ROW ? Lines(get.Text(0)) : std::vector<std::string>();
    // The name keeps its most words: "Dupper" of one story does not
    // replace "Jürgen Dupper" of another.
    std::string name = e.name;
    if (rc == SQLITE_ROW) {
      const std::string before = get.Text(1);
      if (std::count(before.begin(), before.end(), ' ') > std::count(name.begin(), name.end(), ' ')) {
        name = before;
      }
    }
    get.Reset();
    for (const std::string& v : e.variants) {
      // One spelling per line: a line break inside a name is a space.
      std::string one = v;
      std::replace(one.begin(), one.end(), '\n', ' ');
      if (!one.empty() && std::find(variants.begin(), variants.end(), one) == variants.end()) {
        variants.push_back(std::move(one));
      }
    }
    std::string joined;
    for (const std::string& v : variants) joined += v + "\n";
    put.Bind(1, e.key);
    put.Bind(2, e.type);
    put.Bind(3, name);
    put.Bind(4, joined);
    if (put.Step() != SQLITE_DONE) return fail("cannot write entity '" + e.key + "'");
    put.Reset();
    link.Bind(1, story);
    link.Bind(2, e.key);
    link.Bind(3, e.mentions);
    if (link.Step() != SQLITE_DONE) return fail("cannot write entity '" + e.key + "'");
    link.Reset();
  }
  const Status s = Exec("COMMIT");
  if (!s.ok()) Exec("ROLLBACK");
  return s;
}

Result<std::vector<StoredEntity>> Store::Entities() {
  Statement q(db_,
              "SELECT e.key, e.type, e.name, e.variants, count(s.story), coalesce(sum(s.mentions), 0) "
              "FROM entities e LEFT JOIN entity_stories s ON s.key = e.key "
              "GROUP BY e.key ORDER BY count(s.story) DESC, e.key");
  if (!q.ok()) return Error("cannot read entities");
  std::vector<StoredEntity> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    StoredEntity e;
    e.key = q.Text(0);
    e.type = q.Text(1);
    e.name = q.Text(2);
    e.variants = Lines(q.Text(3));
    e.stories = q.Int(4);
    e.mentions = q.Int(5);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return Error("cannot read entities");
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> Store::EntityStories(const std::string& key) {
  Statement q(db_, "SELECT story, mentions FROM entity_stories WHERE key = ?1 ORDER BY mentions DESC, story");
  if (!q.ok()) return Error("cannot read entities");
  q.Bind(1, key);
  std::vector<std::pair<int64_t, int64_t>> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.emplace_back(q.Int(0), q.Int(1));
  if (rc != SQLITE_DONE) return Error("cannot read entities");
  return out;
}

Status Store::RecordAnalysis(const StoredAnalysis& a) {
  LAGEBILD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Statement q(db_,
              "INSERT INTO story_analyses(story, articles, last_article, title, conflicts, updates) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(story) DO UPDATE SET articles = excluded.articles, "
              "last_article = excluded.last_article, title = excluded.title, conflicts = excluded.conflicts, "
              "updates = excluded.updates");
  // The change log says so: a reader's view of the story list is stale.
  Statement log(db_, "INSERT INTO changes(story, kind, articles, into_story) VALUES(?1, 'analysed', 0, NULL)");
  Statement unflag(db_, "DELETE FROM article_flags WHERE article = ?1");
  Statement flag(db_, "INSERT OR IGNORE INTO article_flags(article, flag) VALUES(?1, ?2)");
  if (!q.ok() || !log.ok() || !unflag.ok() || !flag.ok()) {
    const Status s = Error("cannot record the analysis of story " + std::to_string(a.story));
    Exec("ROLLBACK");
    return s;
  }
  q.Bind(1, a.story);
  q.Bind(2, a.articles);
  q.Bind(3, a.last_article);
  q.Bind(4, a.title);
  q.Bind(5, a.conflicts);
  q.Bind(6, a.updates);
  log.Bind(1, a.story);
  if (q.Step() != SQLITE_DONE || log.Step() != SQLITE_DONE) {
    const Status s = Error("cannot record the analysis of story " + std::to_string(a.story));
    Exec("ROLLBACK");
    return s;
  }
  for (const auto& [article, flags] : a.flags) {
    unflag.Bind(1, article);
    bool ok = unflag.Step() == SQLITE_DONE;
    unflag.Reset();
    for (const std::string& f : flags) {
      flag.Bind(1, article);
      flag.Bind(2, f);
      ok = ok && flag.Step() == SQLITE_DONE;
      flag.Reset();
    }
    if (!ok) {
      const Status s = Error("cannot record the flags of article " + std::to_string(article));
      Exec("ROLLBACK");
      return s;
    }
  }
  const Status s = Exec("COMMIT");
  if (!s.ok()) Exec("ROLLBACK");
  return s;
}

Result<std::vector<StoredStory>> Store::Stories() {
  Statement q(db_,
              "SELECT s.id, s.title, s.articles, s.first_day, s.last_day, s.last_article, a.articles, "
              "a.last_article, a.title, a.conflicts, a.updates FROM stories s "
              "LEFT JOIN story_analyses a ON a.story = s.id ORDER BY s.id");
  if (!q.ok()) return Error("cannot read stories");
  std::vector<StoredStory> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    StoredStory s;
    s.id = q.Int(0);
    s.title = q.Text(1);
    s.articles = q.Int(2);
    if (!q.IsNull(3) && !q.IsNull(4)) {
      s.first_day = q.Int(3);
      s.last_day = q.Int(4);
    }
    s.last_article = q.Int(5);
    if (!q.IsNull(6)) {
      s.analysis = StoredAnalysis{s.id, q.Int(6), q.Int(7), q.Text(8), q.Int(9), q.Int(10), {}};
    }
    out.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return Error("cannot read stories");
  return out;
}

Result<std::vector<StoredArticle>> Store::Memberships() {
  Statement q(db_,
              "SELECT id, source, story, duplicate_of, coalesce(event, story), language, first_day, "
              "last_day, url, outlet, title, published, previous, "
              "(SELECT group_concat(flag, char(10)) FROM article_flags f WHERE f.article = articles.id) "
              "FROM articles WHERE superseded = 0 ORDER BY id");
  if (!q.ok()) return Error("cannot read articles");
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    StoredArticle a;
    a.id = q.Int(0);
    a.source = q.Text(1);
    a.story = q.Int(2);
    if (!q.IsNull(3)) a.duplicate_of = q.Int(3);
    a.event = q.Int(4);
    a.language = q.Text(5);
    if (!q.IsNull(6) && !q.IsNull(7)) {
      a.first_day = q.Int(6);
      a.last_day = q.Int(7);
    }
    a.url = q.Text(8);
    a.outlet = q.Text(9);
    a.title = q.Text(10);
    a.published = q.Text(11);
    if (!q.IsNull(12)) a.previous = q.Int(12);
    a.flags = Lines(q.Text(13));
    out.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE) return Error("cannot read articles");
  return out;
}

Result<std::vector<StoredArticle>> Store::StoryArticles(int64_t story) {
  const std::string sql =
      std::string("SELECT ") + kArticleColumns + ", raw FROM articles WHERE story = ? AND superseded = 0 ORDER BY id";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return Error("cannot read articles");
  q.Bind(1, story);
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    out.push_back(ReadArticle(q));
    out.back().raw = q.Text(16);
  }
  if (rc != SQLITE_DONE) return Error("cannot read articles");
  if (out.empty()) return NotFound("database '" + path_ + "' has no story " + std::to_string(story));
  return out;
}

Result<std::optional<StoredArticle>> Store::Article(int64_t id) {
  const std::string sql = std::string("SELECT ") + kArticleColumns + ", raw FROM articles WHERE id = ?";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return Error("cannot read articles");
  q.Bind(1, id);
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
  if (rc != SQLITE_ROW) return Error("cannot read article " + std::to_string(id));
  StoredArticle a = ReadArticle(q);
  a.raw = q.Text(16);
  return std::optional<StoredArticle>(std::move(a));
}

Result<std::vector<SearchHit>> Store::Search(const std::vector<std::string>& words, size_t limit) {
  // Each word as an FTS5 string (quotes doubled), so nothing the reader
  // types is query syntax; the words are ANDed.
  std::string match;
  size_t used = 0;
  for (const std::string& w : words) {
    if (w.empty() || !util::IsValidUtf8(w)) continue;
    if (used++ == 16) break;
    if (!match.empty()) match += ' ';
    match += '"';
    for (char c : w) {
      if (c == '"') match += '"';
      match += c;
    }
    match += '"';
    if (util::CountCodePoints(w) >= 4) match += '*';
  }
  std::vector<SearchHit> out;
  if (match.empty() || limit == 0) return out;
  Statement q(db_,
              "SELECT s.rowid, a.story, s.rank FROM article_search s JOIN articles a ON a.id = s.rowid "
              "WHERE article_search MATCH ?1 AND a.superseded = 0 ORDER BY s.rank LIMIT ?2");
  if (!q.ok()) return Error("cannot search");
  q.Bind(1, match);
  q.Bind(2, int64_t(std::min<size_t>(limit, 1u << 20)));
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    out.push_back({q.Int(0), q.Int(1), sqlite3_column_double(q.get(), 2)});
  }
  if (rc != SQLITE_DONE) return Error("cannot search");
  return out;
}

Result<std::vector<Change>> Store::Changes(int64_t after, size_t limit) {
  Statement q(db_,
              "SELECT id, story, kind, articles, coalesce(into_story, 0) FROM changes WHERE id > ?1 "
              "ORDER BY id LIMIT ?2");
  if (!q.ok()) return Error("cannot read the change log");
  q.Bind(1, after);
  q.Bind(2, int64_t(std::min<size_t>(limit, 1u << 20)));
  std::vector<Change> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    out.push_back({q.Int(0), q.Int(1), q.Text(2), q.Int(3), q.Int(4)});
  }
  if (rc != SQLITE_DONE) return Error("cannot read the change log");
  return out;
}

Result<int64_t> Store::LastChangeId() { return One(db_, "SELECT coalesce(max(id), 0) FROM changes", path_); }

namespace {
constexpr const char* kFeedColumns =
    "id, url, every_seconds, title, etag, last_modified, next_poll, last_poll, last_success, failures, "
    "last_error, items";
StoredFeed ReadFeedRow(Statement& q) {
  return {q.Int(0), q.Text(1), q.Int(2), q.Text(3), q.Text(4), q.Text(5), q.Int(6),
          q.Int(7), q.Int(8), q.Int(9), q.Text(10), q.Int(11)};
}
}  // namespace

Result<StoredFeed> Store::AddFeed(const std::string& url, int64_t every_seconds) {
  Statement put(db_,
                "INSERT INTO feeds(url, every_seconds) VALUES(?1, ?2) "
                "ON CONFLICT(url) DO UPDATE SET every_seconds = excluded.every_seconds");
  if (!put.ok()) return Error("cannot add feed");
  put.Bind(1, url);
  put.Bind(2, every_seconds);
  if (put.Step() != SQLITE_DONE) return Error("cannot add feed '" + url + "'");
  Result<std::vector<StoredFeed>> all = Feeds();
  if (!all.ok()) return all.status();
  for (StoredFeed& f : all.value()) {
    if (f.url == url) return std::move(f);
  }
  return Error("cannot read back feed '" + url + "'");
}

Status Store::RemoveFeed(const std::string& url) {
  Statement items(db_, "DELETE FROM feed_items WHERE feed = (SELECT id FROM feeds WHERE url = ?1)");
  Statement feed(db_, "DELETE FROM feeds WHERE url = ?1");
  if (!items.ok() || !feed.ok()) return Error("cannot remove feed");
  items.Bind(1, url);
  feed.Bind(1, url);
  if (items.Step() != SQLITE_DONE || feed.Step() != SQLITE_DONE) return Error("cannot remove feed '" + url + "'");
  if (sqlite3_changes(db_) == 0) return NotFound("database '" + path_ + "' follows no feed '" + url + "'");
  return Status::Ok();
}

Result<std::vector<StoredFeed>> Store::Feeds() {
  const std::string sql = std::string("SELECT ") + kFeedColumns + " FROM feeds ORDER BY id";
  Statement q(db_, sql.c_str());
  if (!q.ok()) return Error("cannot read feeds");
  std::vector<StoredFeed> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadFeedRow(q));
  if (rc != SQLITE_DONE) return Error("cannot read feeds");
  return out;
}

Status Store::RecordPoll(const StoredFeed& f, const std::vector<TakenItem>& items) {
  LAGEBILD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Statement upd(db_,
                "UPDATE feeds SET title = ?2, etag = ?3, last_modified = ?4, next_poll = ?5, last_poll = ?6, "
                "last_success = ?7, failures = ?8, last_error = ?9, items = items + ?10 WHERE id = ?1");
  Statement seen(db_, "INSERT OR REPLACE INTO feed_items(feed, item, article, digest) VALUES(?1, ?2, ?3, ?4)");
  const auto fail = [&](const std::string& what) {
    const Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  if (!upd.ok() || !seen.ok()) return fail("cannot record the poll of feed " + f.url);
  upd.Bind(1, f.id);
  upd.Bind(2, f.title);
  upd.Bind(3, f.etag);
  upd.Bind(4, f.last_modified);
  upd.Bind(5, f.next_poll);
  upd.Bind(6, f.last_poll);
  upd.Bind(7, f.last_success);
  upd.Bind(8, f.failures);
  upd.Bind(9, f.last_error);
  upd.Bind(10, int64_t(items.size()));
  if (upd.Step() != SQLITE_DONE) return fail("cannot record the poll of feed " + f.url);
  for (const TakenItem& t : items) {
    seen.Bind(1, f.id);
    seen.Bind(2, t.item);
    seen.Bind(3, t.article);
    seen.Bind(4, t.digest);
    if (seen.Step() != SQLITE_DONE) return fail("cannot record the items of feed " + f.url);
    seen.Reset();
  }
  const Status s = Exec("COMMIT");
  if (!s.ok()) Exec("ROLLBACK");
  return s;
}

Result<std::vector<TakenItem>> Store::FeedItems(int64_t feed) {
  Statement q(db_, "SELECT item, article, digest FROM feed_items WHERE feed = ?1");
  if (!q.ok()) return Error("cannot read feed items");
  q.Bind(1, feed);
  std::vector<TakenItem> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back({q.Text(0), q.Int(1), q.Text(2)});
  if (rc != SQLITE_DONE) return Error("cannot read feed items");
  return out;
}

}  // namespace lagebild::store
