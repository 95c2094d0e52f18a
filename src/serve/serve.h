// Stage: serve (the local web app over a store)
// In:    a lagebild database (SQLite, as `ingest` writes it), a host and a
//        port (0: a free one).
// Out:   HTTP on that address until SIGINT or SIGTERM:
//          GET /                      the story list (HTML): growing stories
//                                     first (articles of the store's last
//                                     three days), a sparkline of the last 14
//          GET /stories/{id}          the story page (HTML, the report's page)
//          GET /health                {"status": "ok", "stories": N}
//          GET /api/v1/stories        {"items": [...], "next": cursor | null}
//                                     (?limit=1..500, default 50; ?cursor=),
//                                     in the stored order (stable pages)
//          GET /api/v1/stories/{id}   the story's report (JSON, lagebild.report/1)
//        Anything else, or a malformed request: a 4xx with
//        {"error": {"code", "message"}}.
// How:   cpp-httplib (Debian libcpp-httplib-dev: one header, a thread pool,
//        no other dependency); each request opens the database itself (SQLite
//        WAL: readers never block the writer). A story page is analysed from
//        the stored articles on request (pipeline AnalyzeStory), so it shows
//        the newest analysis. Pages carry the page's CSP; every response
//        `X-Content-Type-Options: nosniff`.
// Fails: a database that cannot be opened, an address that cannot be
//        bound: a Status naming them, before anything is served.
#pragma once

#include <functional>
#include <string>

#include "lagebild/status.h"

namespace lagebild::serve {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  unsigned jobs = 1;  // threads of a story's analysis
};

// Serves until SIGINT or SIGTERM; `ready` is called with the base URL
// ("http://127.0.0.1:8080/") once the port is bound.
Status Serve(const ServeOptions& options, const std::function<void(const std::string& url)>& ready);

}  // namespace lagebild::serve
