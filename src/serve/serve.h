// Stage: serve (the local web app over a store)
// In:    a lagebild database (SQLite, as `ingest` writes it), a host and a
//        port (0: a free one).
// Out:   HTTP on that address until SIGINT or SIGTERM (docs/cli.md, "serve"):
//          pages  /  /stories/{id}  /articles/{id}  /outlets[/{name}]
//                 /entities[/{key}]  (HTML, complete without scripts)
//          API    /health, /api/v1/{stories[/{id}[/articles|/claims]],
//                 articles/{id}, search, outlets, entities[/{key}],
//                 openapi.json}  (JSON, lists also CSV), POST
//                 /api/v1/articles, /api/v1/events (server-sent events)
//        A malformed request: a 4xx with {"error": {"code", "message"}}.
// How:   cpp-httplib (Debian libcpp-httplib-dev: one header, a thread pool,
//        no other dependency). Lists come from a view of the store rebuilt
//        when its change log moves (view.h); pages from pages.h and the
//        report's renderer; posted articles go through one Ingester under
//        one lock (the one writer; readers have their own connections,
//        SQLite WAL); a background thread analyses the stories that grew
//        (headlines, conflicts, entities). Reads answer an ETag.
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
