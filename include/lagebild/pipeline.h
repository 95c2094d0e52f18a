// The entry point: inputs in, Report out.
//
//   Analyze(inputs) = for each file (in parallel): read
//                     for each article (in parallel): normalize, identify language
//                     then, in input order: copies of one text (dedup) and
//                     stories (story clustering); per story: undated
//                     articles' dates from their peers, entities, claims,
//                     statements, timeline, summary
//
// Per-article work runs on `jobs` threads; the order of articles in the
// report is the order of the inputs (directories sorted), whatever `jobs`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"
#include "lagebild/status.h"

namespace lagebild {

struct Progress {
  const char* phase = "";  // "read" or "analyze"
  size_t done = 0;
  size_t total = 0;
};

struct AnalyzeOptions {
  unsigned jobs = 0;                      // worker threads; 0 = all cores
  std::string input_format = "auto";      // "auto", "text", "html" or "jsonl"
  size_t max_article_bytes = 16u << 20;   // raw bytes per article (file or JSON line)
  size_t max_html_depth = 256;            // HTML nesting kept when parsing
  // Called from the calling thread as work advances; may be empty.
  std::function<void(const Progress&)> progress;
};

// Reads and analyses every input ("-" is standard input; directories are
// read recursively). Inputs that cannot be read end up in Report::errors.
// Fails only for invalid options (a Status naming the option and value).
Result<Report> Analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& options);

// Articles from bytes an API client sent (one JSON object, a JSON array of
// them, or JSON Lines, with the fields of the jsonl format); what cannot be
// read goes to *errors, naming `source`.
std::vector<RawArticle> ReadJsonArticles(std::string_view bytes, const std::string& source,
                                         const AnalyzeOptions& options, std::vector<InputError>* errors);

// Analyses articles already read (what Analyze does after reading).
Report AnalyzeArticles(std::vector<RawArticle> raw, const AnalyzeOptions& options);

// The embedded store (docs/store.md): articles kept in a SQLite file,
// deduplicated and clustered into stories as they arrive.

struct IngestSummary {
  size_t read = 0;         // articles read from the inputs
  size_t added = 0;        // new articles stored
  size_t known = 0;        // stored before (or repeated in the inputs): nothing changed
  size_t copies = 0;       // added articles that are copies of an earlier one
  size_t new_stories = 0;  // stories started by added articles
  size_t stories_touched = 0;
  std::vector<InputError> errors;  // inputs that could not be read, or only in part
};

// Reads the inputs and adds every article not stored yet to the database
// at `db` (created when missing), in batches of `batch_articles`, each
// batch one transaction. Fails (a Status naming the file) when the
// database cannot be opened or written; batches committed before stay.
Result<IngestSummary> Ingest(const std::vector<std::string>& inputs, const std::string& db,
                             const AnalyzeOptions& options, size_t batch_articles = 1000);

// Where one article of an Ingester batch went.
struct IngestedArticle {
  int64_t article = 0;  // its stored id
  int64_t story = 0;    // its story now
  bool added = false;   // false: stored before (or earlier in the same batch)
  std::optional<int64_t> duplicate_of;
  // The article it is a new version of: one stored before under the same
  // address with another text (that one is left out of the lists now).
  std::optional<int64_t> previous;
};

// A store kept open for adding articles, its copy and story indexes loaded
// once (what `serve` keeps for articles posted to it; Ingest does the same
// for files). One writer: not for use from two threads at once.
class Ingester {
 public:
  // Opens (creating when missing) the database; `errors` gets stored
  // articles whose index data is damaged (they are not compared with).
  static Result<std::unique_ptr<Ingester>> Open(const std::string& db, const AnalyzeOptions& options,
                                                std::vector<InputError>* errors = nullptr);
  ~Ingester();
  // Adds the articles not stored yet in one transaction (all or none);
  // returns where each of `raw` went, in order. `summary` (may be null)
  // counts them.
  Result<std::vector<IngestedArticle>> Add(std::vector<RawArticle> raw, IngestSummary* summary);

 private:
  struct State;
  explicit Ingester(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

struct StoryInfo {
  int64_t id = 0;
  std::string title;
  int64_t articles = 0;
  std::string first_day, last_day;  // "2022-02-17", or "" when no member is dated
  int64_t last_article = 0;         // the id of its newest article
  // What its latest analysis (AnalyzeStory) found: the headline ("" before
  // the first), claims in conflict and updated, and whether the story has
  // not grown since.
  std::string headline;
  int64_t conflicts = 0, updates = 0;
  bool analysed = false;
};
Result<std::vector<StoryInfo>> ListStories(const std::string& db);

// Which story each stored article is in, in stream order (the current
// versions: an article replaced by a newer version is left out).
struct StoryMember {
  int64_t article = 0, story = 0;
  std::optional<int64_t> duplicate_of;
  std::string source;
  int64_t event = 0;  // its event in the story (an id across the store)
  std::string language;
  std::optional<int64_t> day;  // its own day (days since 1970-01-01), when dated to the day
  std::string url, outlet, title, published;  // published: "2022-01-13", "2022-01" or ""
  std::optional<int64_t> previous;  // the version it replaced
  // Its quality flags ("machine-translated", "spun", "state-affiliated",
  // "agency-copy", "truncated"), as the latest analysis of its story
  // found them (none before the first).
  std::vector<std::string> flags;
};
Result<std::vector<StoryMember>> ListMembers(const std::string& db);

// Articles whose title or text hold every word of `words` (store::Store::
// Search: words, never query syntax), best first, at most `limit`.
struct SearchResult {
  int64_t article = 0, story = 0;
  double rank = 0;  // lower is better
};
Result<std::vector<SearchResult>> SearchStore(const std::string& db, const std::vector<std::string>& words,
                                              size_t limit);

// The store's change log (one entry per story a committed batch created,
// changed or merged away), after entry `after`, oldest first.
struct StoreChange {
  int64_t id = 0, story = 0;
  std::string kind;  // "created", "changed", "merged", "analysed"
  int64_t articles = 0, into = 0;
};
Result<std::vector<StoreChange>> ListChanges(const std::string& db, int64_t after, size_t limit);
Result<int64_t> LastChange(const std::string& db);
// The store's newest change read on one connection kept open: cheap
// enough to ask on every request (LastChange opens the store each time).
// A failed read closes the connection; the next one opens it again. Not
// for two threads at once.
class ChangeProbe {
 public:
  explicit ChangeProbe(std::string db);
  ~ChangeProbe();
  Result<int64_t> Last();

 private:
  struct State;
  std::string db_;
  std::unique_ptr<State> state_;
};

// One stored article analysed alone (its own date, its own names): a
// report of that article (id "a<id>") in a story of it alone, which has
// the id of the article's stored story. NotFound for an unknown id.
Result<Report> AnalyzeStoredArticle(const std::string& db, int64_t article, const AnalyzeOptions& options);

// The report of one stored story: its articles (ids "a<stored id>") and
// the story (id "s<story id>"). NotFound for an unknown story. The
// entities the store recorded from stories analysed before link the
// story's names (a surname alone finds the person another story named in
// full), and the story's own entities are recorded in turn, with its
// headline and its counts of claims in conflict and updated (StoryInfo;
// a failure to record them is an entry of the report's errors, not a
// failure).
Result<Report> AnalyzeStory(const std::string& db, int64_t story, const AnalyzeOptions& options);

// The entities recorded in the store (see AnalyzeStory), most stories first.
struct EntityInfo {
  std::string key, type, name;
  std::vector<std::string> variants;
  int64_t stories = 0, mentions = 0;
};
Result<std::vector<EntityInfo>> ListEntities(const std::string& db);
// The stories an entity was recorded for, with its mentions in each, most
// mentions first; empty for an unknown key.
Result<std::vector<std::pair<int64_t, int64_t>>> EntityStories(const std::string& db, const std::string& key);

// Feeds the store follows (lagebild feeds; serve polls them).
struct FeedInfo {
  int64_t id = 0;
  std::string url, title;
  int64_t every_seconds = 600;
  int64_t next_poll = 0, last_poll = 0, last_success = 0;  // Unix seconds; 0: never
  int64_t failures = 0;  // polls failed since the last success
  std::string last_error;
  int64_t items = 0;  // items taken from it
};
// Adds a feed (an http or https URL; InvalidArgument otherwise), or sets
// the interval of one followed already; due at once.
Result<FeedInfo> AddFeed(const std::string& db, const std::string& url, int64_t every_seconds);
Status RemoveFeed(const std::string& db, const std::string& url);
Result<std::vector<FeedInfo>> ListFeeds(const std::string& db);

// One round of polling: every feed whose time has come (`now`, Unix
// seconds) is fetched (conditional GET with its ETag and Last-Modified);
// each item not taken before becomes an article: its page (fetched, read
// as HTML), or the feed's own text when the page cannot be had; the new
// articles go to `add` (the caller's one writer), then the poll is
// recorded (the items taken, the feed's health; a failure is counted and
// the next poll waits twice as long each time, up to a day). A feed that
// fails does not stop the others; `stop` is checked between feeds.
struct PollSummary {
  size_t feeds = 0, failed = 0, items = 0, added = 0;
};
using AddArticles = std::function<Result<std::vector<IngestedArticle>>(std::vector<RawArticle>)>;
Result<PollSummary> PollDueFeeds(const std::string& db, const AddArticles& add, int64_t now,
                                 const std::function<bool()>& stop);

// The library version, e.g. "0.1.0".
const char* Version();

}  // namespace lagebild
