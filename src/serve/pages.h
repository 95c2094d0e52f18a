// The app's own pages (internal to src/serve): the story list with its
// search and filters, outlets, entities, and the frame (navigation, the
// shared style) around them and around the report's story and article
// pages. Every value from the store goes through report::AppendHtmlEscaped.
// Pages are complete without scripts; one inline script (LiveScript, named
// by its SHA-256 in the pages' CSP) only adds live updates (server-sent
// events: the page's main part is fetched anew) and the keys j, k and /.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lagebild/pipeline.h"
#include "serve/view.h"

namespace lagebild::serve {

// The pages' policy: their inline style, the one inline script (by
// hash), connections and forms to the app only.
const std::string& PageCsp();
// The same for a page's <meta> (which cannot say frame-ancestors; the
// header does).
const std::string& PageMetaCsp();
// The app's CSS beyond the report pages' stylesheet.
extern const char* const kAppStyle;

// What a list calls a story: the headline of its latest analysis, else
// its first article's title.
const std::string& StoryTitle(const StoryInfo& s);

// The navigation bar: Stories, Outlets, Entities, and the search box
// holding `q`.
std::string Nav(const std::string& q);

// A whole page: the head, the navigation, `main` (trusted markup).
// `live`: the page follows the server's events ("" for none, "all", or a
// story id such as "s3").
std::string Frame(const std::string& title, const std::string& main, const std::string& q = "",
                  const std::string& live = "");

// The story list: the filter form, the stories of `page` (1-based, `per_page`
// each) with their sparklines and facts, links to the pages before and after.
// `conflicts`: stories whose latest analysis has conflicting claims.
std::string StoryList(const View& view, const std::vector<Listed>& listed, const Filter& filter, int64_t page,
                      int64_t per_page);

std::string OutletList(const View& view);
std::string OutletPage(const View& view, const OutletRow& outlet);

// The feeds and their health: last success, failures, last error.
std::string FeedList(const std::vector<FeedInfo>& feeds);
// Unix seconds as "2025-03-14T09:30:00Z".
std::string IsoTime(int64_t t);

std::string EntityList(const std::vector<EntityInfo>& entities);
std::string EntityPage(const View& view, const EntityInfo& entity,
                       const std::vector<std::pair<int64_t, int64_t>>& stories);

// What an article page says above the article: its story, what it copies,
// what copies it (links).
std::string ArticleContext(const View& view, const StoryMember& article);

// The inline script, as <script>…</script>.
const std::string& LiveScriptTag();

}  // namespace lagebild::serve
