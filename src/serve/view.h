// The store as the app's lists see it (internal to src/serve).
// In:    a database path.
// Out:   View: every story with what its row in a list shows (sources,
//        languages, outlets, articles per day), every article's facts,
//        and the outlets; rebuilt only when the store's change log has
//        moved (one cheap query per request otherwise), shared by the
//        requests that read it.
//        Filter: which stories a list shows (search words, language,
//        outlet, days), parsed from a request's query with an error that
//        names the bad parameter.
// Cost:  a rebuild reads every article's row once (no texts); memory is a
//        few hundred bytes per article.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "lagebild/pipeline.h"

namespace lagebild::serve {

struct StoryRow {
  StoryInfo info;
  int64_t sources = 0;  // independent: a copy counts with its original
  int64_t copies = 0;
  std::vector<std::string> languages;  // most articles first
  std::set<std::string> outlets;
  std::set<std::string> flags;  // of its articles, and "copy" when it holds one
  std::map<int64_t, int> per_day;  // articles dated to the day, by day
};

struct OutletRow {
  std::string name;
  int64_t articles = 0, copies = 0;         // copies: its articles that copy another
  std::set<int64_t> stories;
  std::map<std::string, int64_t> copies_from;  // outlet of the original → its articles copying it
};

struct View {
  int64_t change = 0;  // the change log entry the view was built at
  std::vector<StoryRow> stories;  // by id
  std::unordered_map<int64_t, size_t> story_at;
  std::vector<StoryMember> articles;  // by id
  std::unordered_map<int64_t, size_t> article_at;
  std::map<std::string, OutletRow> outlets;
  std::set<std::string> languages;
  std::set<std::string> flags;  // every flag of an article of the store
  int64_t newest_day = 0;  // the newest day of a dated article
  bool any_day = false;

  const StoryRow* Story(int64_t id) const;
  const StoryMember* Article(int64_t id) const;
};

class Views {
 public:
  explicit Views(std::string db) : db_(db), probe_(std::move(db)) {}
  // The view at the store's newest change (rebuilt when it moved; while
  // one request rebuilds it, the others get the view before).
  Result<std::shared_ptr<const View>> Current();

 private:
  std::string db_;
  std::mutex probe_mu_;
  ChangeProbe probe_;  // the store's newest change, on a connection kept open
  std::mutex mu_;
  std::shared_ptr<const View> view_;
  bool rebuilding_ = false;  // a thread builds the next view; the others keep this one
};

// What a list of stories is narrowed to.
struct Filter {
  std::string q;                 // search words, as typed
  std::vector<std::string> words;
  std::string language, outlet;  // exact; empty: any
  std::string from, to;          // "YYYY-MM-DD"; empty: open
  std::string flag;              // a story with an article of this flag ("copy": a copy)
  bool any() const {
    return !words.empty() || !language.empty() || !outlet.empty() || !from.empty() || !to.empty() || !flag.empty();
  }
};

// The filter of a query (q, lang, outlet, from, to, flag), or the name of the
// bad parameter and why.
struct FilterError {
  std::string parameter, message;
};
std::optional<FilterError> ParseFilter(const std::multimap<std::string, std::string>& params, Filter* out);

// The stories of the view that pass the filter: with search words, those
// with a matching article, best match first (and, per story, its matching
// articles, best first); else in the view's order.
struct Listed {
  const StoryRow* story = nullptr;
  std::vector<int64_t> hits;  // matching articles
};
Result<std::vector<Listed>> SelectStories(const std::string& db, const View& view, const Filter& filter);

// The query string of a filter ("q=...&lang=de"), percent-encoded, without
// '?'; `extra` appended ("page=2").
std::string FilterQuery(const Filter& filter, const std::string& extra = "");

}  // namespace lagebild::serve
