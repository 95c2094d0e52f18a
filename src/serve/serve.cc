// Serve (serve.h): the routes of the local web app over a store.
#include "serve/serve.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "lagebild/pipeline.h"
#include "report/report_writer.h"
#include "serve/answer.h"
#include "serve/api.h"
#include "serve/openapi.h"
#include "serve/pages.h"
#include "serve/view.h"
#include "util/calendar.h"
#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::serve {
namespace {

using httplib::Request;
using httplib::Response;

std::string ErrorJson(std::string_view code, std::string_view message) {
  std::string out = "{\"error\": {\"code\": ";
  report::AppendJsonString(out, code);
  out += ", \"message\": ";
  report::AppendJsonString(out, message);
  out += "}}\n";
  return out;
}

void SendError(Response& res, int status, std::string_view code, std::string_view message) {
  res.status = status;
  res.set_content(ErrorJson(code, message), "application/json");
}

// "s12" / "a12" or "12" -> 12; nothing else.
std::optional<int64_t> IdNumber(std::string_view s, char prefix) {
  if (!s.empty() && s[0] == prefix) s.remove_prefix(1);
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n > 0 ? std::optional<int64_t>(n) : std::nullopt;
}

// A whole number of the query in [lo, hi], the default when absent;
// nothing when malformed.
std::optional<int64_t> QueryNumber(const Request& req, const char* key, int64_t fallback, int64_t lo, int64_t hi) {
  if (!req.has_param(key)) return fallback;
  const std::string v = req.get_param_value(key);
  if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int64_t n = std::stoll(v);
  if (n < lo || n > hi) return std::nullopt;
  return n;
}

// The story id of a route's first segment, or a 400 naming it.
std::optional<int64_t> StoryId(const Request& req, Response& res) {
  const std::optional<int64_t> id = IdNumber(req.matches[1].str(), 's');
  if (!id) SendError(res, 400, "bad_story_id", "a story id is s<number>, not '" + req.matches[1].str() + "'");
  return id;
}

// ?format=json (the default) or csv; nothing for anything else.
std::optional<bool> WantsCsv(const Request& req) {
  if (!req.has_param("format")) return false;
  const std::string f = req.get_param_value("format");
  if (f == "json") return false;
  if (f == "csv") return true;
  return std::nullopt;
}

void SendTable(Response& res, const Table& table, bool csv, const std::string& filename,
               const std::string& next = "") {
  if (csv) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"");
    res.set_content(TableCsv(table), "text/csv; charset=utf-8");
  } else {
    res.set_content(TableJson(table, next), "application/json");
  }
}

void SendPage(Response& res, const std::string& html) {
  res.set_header("Content-Security-Policy", PageCsp());
  res.set_content(html, "text/html; charset=utf-8");
}

Cell Days(const std::string& first, const std::string& last) {
  if (first.empty()) return Cell::Null();
  std::string json = "{\"first\": ";
  report::AppendJsonString(json, first);
  json += ", \"last\": ";
  report::AppendJsonString(json, last);
  json += "}";
  return Cell::Json(json, first == last ? first : first + "/" + last);
}

Cell Strings(const std::vector<std::string>& v) {
  std::string csv;
  for (const std::string& s : v) csv += (csv.empty() ? "" : " ") + s;
  return Cell::Json(JsonStrings(v), csv);
}

Table ArticleTable(const std::vector<const StoryMember*>& articles) {
  Table t{{"id", "story", "event", "url", "outlet", "title", "language", "published", "duplicate_of", "flags"}, {}};
  for (const StoryMember* m : articles) {
    t.rows.push_back({Cell::Str("a" + std::to_string(m->article)), Cell::Str("s" + std::to_string(m->story)),
                      Cell::Num(m->event), Cell::Str(m->url), Cell::Str(m->outlet), Cell::Str(m->title),
                      Cell::Str(m->language), m->published.empty() ? Cell::Null() : Cell::Str(m->published),
                      m->duplicate_of ? Cell::Str("a" + std::to_string(*m->duplicate_of)) : Cell::Null(),
                      Strings(m->flags)});
  }
  return t;
}

// What serve keeps between requests.
struct App {
  std::string db;
  AnalyzeOptions analyze;
  Views views;
  // The one writer: articles posted are added under this lock.
  std::mutex writer_mu;
  std::unique_ptr<Ingester> ingester;
  // The latest analysis of each story, by the story's size and newest
  // article (a story that gained articles is analysed again).
  struct Analysed {
    int64_t articles = 0, last_article = 0;
    std::shared_ptr<const Report> report;
    std::shared_ptr<const Answer> page;  // its page, written once
    uint64_t used = 0;                   // when it was last asked for (cache_tick)
  };
  std::mutex cache_mu;
  std::condition_variable cache_cv;
  std::map<int64_t, Analysed> cache;  // the least recently asked for leaves first
  uint64_t cache_tick = 0;
  std::set<int64_t> analysing;  // stories being analysed now
  // Answers that depend on the lists' view and the request target alone.
  std::mutex answers_mu;
  int64_t answers_change = -1;  // the view they were made from
  std::unordered_map<std::string, std::shared_ptr<const Answer>> answers;  // by target
  size_t answers_bytes = 0;
  std::atomic<bool> stopping{false};
  std::atomic<int> streams{0};
  std::mutex stop_mu;
  std::condition_variable stop_cv;

  explicit App(std::string path) : db(path), views(std::move(path)) {}
};

constexpr size_t kCachedStories = 64;
constexpr int kMaxStreams = 32;
constexpr size_t kMaxBody = 16u << 20;
constexpr size_t kAnswerBytes = 64u << 20;  // the answers kept, in all

// The story page of a report, written once per report and kept with it.
std::shared_ptr<const Answer> StoryPage(const Report& report, int64_t id) {
  report::HtmlOptions html;
  html.csp = PageMetaCsp();
  html.header_html = "<div data-live=\"s" + std::to_string(id) + "\" hidden></div>" + LiveScriptTag() + Nav("");
  html.article_href = "/articles/";
  html.entity_href = "/entities/";
  html.style = kAppStyle;
  html.max_articles = 200;
  return MakeAnswer(report::WriteHtml(report, html), "text/html; charset=utf-8", PageCsp(), "",
                    /*compress=*/true);
}

// The story's report: cached while the story is as it was analysed.
// The story's report: the cached one while the story is as it was
// analysed. A request takes a cached report of a story that has grown
// since (`stale_ok`: the analyst brings it up to date); one analysis of a
// story runs at a time, the others wait for it.
std::shared_ptr<const Report> StoryReport(App& app, const View& view, int64_t id, Response& res,
                                          bool stale_ok = true) {
  const StoryRow* row = view.Story(id);
  if (row == nullptr) {
    SendError(res, 404, "not_found", "there is no story s" + std::to_string(id));
    return nullptr;
  }
  {
    std::unique_lock<std::mutex> lock(app.cache_mu);
    for (;;) {
      const auto it = app.cache.find(id);
      if (it != app.cache.end() && ((it->second.articles == row->info.articles &&
                                     it->second.last_article == row->info.last_article) ||
                                    stale_ok)) {
        it->second.used = ++app.cache_tick;
        return it->second.report;
      }
      if (!app.analysing.count(id)) break;
      app.cache_cv.wait(lock);
    }
    app.analysing.insert(id);
  }
  Result<Report> r = AnalyzeStory(app.db, id, app.analyze);
  std::shared_ptr<const Report> report;
  std::shared_ptr<const Answer> page;
  // Its page is written here, once, before anyone can ask for it.
  if (r.ok()) {
    report = std::make_shared<const Report>(std::move(r.value()));
    page = StoryPage(*report, id);
  }
  {
    std::lock_guard<std::mutex> lock(app.cache_mu);
    app.analysing.erase(id);
    if (report) {
      if (app.cache.size() >= kCachedStories && !app.cache.count(id)) {
        auto oldest = app.cache.begin();
        for (auto it = app.cache.begin(); it != app.cache.end(); ++it) {
          if (it->second.used < oldest->second.used) oldest = it;
        }
        app.cache.erase(oldest);
      }
      // A request's analysis counts as a use; the analyst's (stale_ok
      // false) keeps the story's place, so its catching up on many stories
      // does not push out those that readers have open.
      const auto kept = app.cache.find(id);
      const uint64_t used = stale_ok ? ++app.cache_tick : kept != app.cache.end() ? kept->second.used : 0;
      app.cache[id] = {row->info.articles, row->info.last_article, report, page, used};
    }
  }
  app.cache_cv.notify_all();
  if (!r.ok()) {
    const bool missing = r.status().code() == Status::Code::kNotFound;
    SendError(res, missing ? 404 : 503, missing ? "not_found" : "unavailable", r.status().message());
  }
  return report;
}

std::shared_ptr<const View> CurrentView(App& app, Response& res) {
  Result<std::shared_ptr<const View>> view = app.views.Current();
  if (!view.ok()) {
    SendError(res, 503, "unavailable", view.status().message());
    return nullptr;
  }
  return view.value();
}

// A route whose answer depends on the lists' view and the request target
// (path and query) alone: its answers are kept until the view moves on,
// so that a list asked for again is sent, not made again. Errors are not
// kept; neither is an answer larger than a sixteenth of what is kept.
using ViewHandler = std::function<void(const Request&, Response&, const View&)>;
httplib::Server::Handler ViewAnswer(App& app, ViewHandler handler) {
  return [&app, handler = std::move(handler)](const Request& req, Response& res) {
    const auto view = CurrentView(app, res);
    if (!view) return;
    std::shared_ptr<const Answer> kept;
    {
      std::lock_guard<std::mutex> lock(app.answers_mu);
      if (app.answers_change == view->change) {
        const auto it = app.answers.find(req.target);
        if (it != app.answers.end()) kept = it->second;
      }
    }
    if (kept == nullptr) {
      handler(req, res, *view);
      if ((res.status != -1 && res.status != 200) || res.body.empty() || res.body.size() > kAnswerBytes / 16) return;
      const std::shared_ptr<const Answer> made = TakeAnswer(res, /*compress=*/true);
      SendAnswer(req, res, made);
      std::lock_guard<std::mutex> lock(app.answers_mu);
      if (view->change > app.answers_change) {
        app.answers.clear();
        app.answers_bytes = 0;
        app.answers_change = view->change;
      }
      if (view->change == app.answers_change && app.answers_bytes + made->body.size() + made->gzip.size() <= kAnswerBytes &&
          app.answers.emplace(req.target, made).second) {
        app.answers_bytes += made->body.size() + made->gzip.size();
      }
      return;
    }
    SendAnswer(req, res, kept);
  };
}

// The filter of the request, or a 400 naming the parameter.
std::optional<Filter> RequestFilter(const Request& req, Response& res) {
  Filter f;
  if (std::optional<FilterError> e = ParseFilter(req.params, &f)) {
    SendError(res, 400, "bad_" + e->parameter, e->message);
    return std::nullopt;
  }
  return f;
}

// Background work yields the CPU to requests.
void Background() { setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 10); }

// The one writer: articles (posted or polled) added under one lock by an
// Ingester kept open.
Result<std::vector<IngestedArticle>> AddArticles(App& app, std::vector<RawArticle> raw) {
  std::lock_guard<std::mutex> lock(app.writer_mu);
  if (app.ingester == nullptr) {
    Result<std::unique_ptr<Ingester>> opened = Ingester::Open(app.db, app.analyze);
    if (!opened.ok()) return opened.status();
    app.ingester = std::move(opened.value());
  }
  IngestSummary summary;
  Result<std::vector<IngestedArticle>> added = app.ingester->Add(std::move(raw), &summary);
  // A failed batch leaves the store as it was; the indexes are loaded
  // again for the next one.
  if (!added.ok()) app.ingester.reset();
  // The lists' next view is built here, by the writer, not by the next
  // request that reads them.
  if (added.ok()) (void)app.views.Current();
  return added;
}

// The poller: every feed whose time has come, each second.
void Poller(App& app) {
  Background();
  while (!app.stopping) {
    const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    Result<PollSummary> polled = PollDueFeeds(
        app.db, [&app](std::vector<RawArticle> raw) { return AddArticles(app, std::move(raw)); }, now,
        [&app] { return app.stopping.load(); });
    if (!polled.ok()) std::fprintf(stderr, "lagebild serve: feeds: %s\n", polled.status().message().c_str());
    std::unique_lock<std::mutex> lock(app.stop_mu);
    app.stop_cv.wait_for(lock, std::chrono::seconds(1), [&] { return app.stopping.load(); });
  }
}

// The analyst: stories that grew since their latest analysis (or never
// had one) are analysed again, newest first, one at a time, so that the
// list shows their headlines and conflicts and the entities across the
// store are recorded. A story whose latest analysis took five seconds or
// more waits ten times as long before it is analysed again, so that a
// large story that grows with every feed batch takes at most a tenth of
// a core; requests meanwhile get its latest analysis. Runs until the
// server stops.
void Analyst(App& app) {
  Background();
  using Clock = std::chrono::steady_clock;
  constexpr int kRestFactor = 10;
  constexpr auto kRestFrom = std::chrono::seconds(5);  // quicker analyses need no rest
  std::map<int64_t, Clock::time_point> rest_until;  // story → not before
  while (!app.stopping) {
    bool worked = false;
    if (Result<std::shared_ptr<const View>> view = app.views.Current(); view.ok()) {
      const Clock::time_point now = Clock::now();
      const StoryRow* due = nullptr;
      for (const StoryRow& s : view.value()->stories) {
        if (s.info.analysed || (due != nullptr && s.info.last_article <= due->info.last_article)) continue;
        const auto rest = rest_until.find(s.info.id);
        if (rest != rest_until.end() && now < rest->second) continue;
        due = &s;
      }
      if (due != nullptr) {
        const int64_t id = due->info.id;
        Response ignored;
        worked = StoryReport(app, *view.value(), id, ignored, /*stale_ok=*/false) != nullptr;
        const Clock::time_point done = Clock::now();
        if (done - now >= kRestFrom) rest_until[id] = done + kRestFactor * (done - now);
        // Its record moved the change log: the next view, built here.
        if (worked) (void)app.views.Current();
      }
      // Rests that are over are forgotten.
      for (auto it = rest_until.begin(); it != rest_until.end();) {
        it = it->second <= now ? rest_until.erase(it) : std::next(it);
      }
    }
    std::unique_lock<std::mutex> lock(app.stop_mu);
    app.stop_cv.wait_for(lock, std::chrono::milliseconds(worked ? 10 : 1000), [&] { return app.stopping.load(); });
  }
}

void Routes(httplib::Server& server, App& app) {
  // Every answer of a read that a handler leaves as a body goes out as an
  // Answer: an ETag (a client that has it gets 304 without the body), and
  // gzip for a client that takes it. The library's own compression is so
  // never used: it would compress each answer again, with brotli at its
  // slowest setting (a second for a large story page).
  const auto get = [&server](const std::string& pattern, httplib::Server::Handler handler) {
    server.Get(pattern, [handler = std::move(handler)](const Request& req, Response& res) {
      handler(req, res);
      if ((res.status == -1 || res.status == 200) && !res.body.empty()) {
        SendAnswer(req, res, TakeAnswer(res, AcceptsGzip(req.get_header_value("Accept-Encoding"))));
      }
    });
  };
  get("/health", [&app](const Request&, Response& res) {
    const auto view = CurrentView(app, res);
    if (!view) return;
    res.set_content("{\"status\": \"ok\", \"stories\": " + std::to_string(view->stories.size()) +
                        ", \"articles\": " + std::to_string(view->articles.size()) + "}\n",
                    "application/json");
  });

  // Pages.
  get("/", ViewAnswer(app, [&app](const Request& req, Response& res, const View& view_) {
    const View* view = &view_;
    const std::optional<Filter> filter = RequestFilter(req, res);
    if (!filter) return;
    const std::optional<int64_t> page = QueryNumber(req, "page", 1, 1, 1000000);
    if (!page) return SendError(res, 400, "bad_page", "page is a whole number from 1");
    Result<std::vector<Listed>> listed = SelectStories(app.db, *view, *filter);
    if (!listed.ok()) return SendError(res, 503, "unavailable", listed.status().message());
    SendPage(res, Frame(filter->q.empty() ? "Lagebild: stories" : "Lagebild: " + filter->q,
                        StoryList(*view, listed.value(), *filter, *page, 50), filter->q, "all"));
  }));
  get(R"(/stories/([^/]+))", [&app](const Request& req, Response& res) {
    const std::optional<int64_t> id = StoryId(req, res);
    if (!id) return;
    const auto view = CurrentView(app, res);
    if (!view) return;
    const auto report = StoryReport(app, *view, *id, res);
    if (!report) return;
    std::shared_ptr<const Answer> page;
    {
      std::lock_guard<std::mutex> lock(app.cache_mu);
      const auto it = app.cache.find(*id);
      if (it != app.cache.end() && it->second.report == report) page = it->second.page;
    }
    // A report that left the cache meanwhile: its page written for this request.
    if (page == nullptr) page = StoryPage(*report, *id);
    SendAnswer(req, res, page);
  });
  get(R"(/articles/([^/]+))", [&app](const Request& req, Response& res) {
    const std::optional<int64_t> id = IdNumber(req.matches[1].str(), 'a');
    if (!id) {
      return SendError(res, 400, "bad_article_id", "an article id is a<number>, not '" + req.matches[1].str() + "'");
    }
    const auto view = CurrentView(app, res);
    if (!view) return;
    const StoryMember* m = view->Article(*id);
    if (m == nullptr) return SendError(res, 404, "not_found", "there is no article a" + std::to_string(*id));
    Result<Report> r = AnalyzeStoredArticle(app.db, *id, app.analyze);
    if (!r.ok()) return SendError(res, 503, "unavailable", r.status().message());
    report::HtmlOptions html;
    html.csp = PageMetaCsp();
    html.header_html = LiveScriptTag() + Nav("") + ArticleContext(*view, *m);
    html.entity_href = "/entities/";
    html.style = kAppStyle;
    SendPage(res, report::WriteArticleHtml(r.value(), "a" + std::to_string(*id), html));
  });
  get("/outlets", ViewAnswer(app, [](const Request&, Response& res, const View& view) {
    SendPage(res, Frame("Lagebild: outlets", OutletList(view)));
  }));
  get(R"(/outlets/([^/]+))", ViewAnswer(app, [](const Request& req, Response& res, const View& view) {
    // The router hands the segment over decoded.
    const auto it = view.outlets.find(req.matches[1].str());
    if (it == view.outlets.end()) return SendError(res, 404, "not_found", "there is no outlet '" + req.matches[1].str() + "'");
    SendPage(res, Frame("Lagebild: " + it->first, OutletPage(view, it->second)));
  }));
  get("/feeds", [&app](const Request&, Response& res) {
    Result<std::vector<FeedInfo>> feeds = ListFeeds(app.db);
    if (!feeds.ok()) return SendError(res, 503, "unavailable", feeds.status().message());
    SendPage(res, Frame("Lagebild: feeds", FeedList(feeds.value()), "", "all"));
  });
  get("/entities", [&app](const Request&, Response& res) {
    Result<std::vector<EntityInfo>> entities = ListEntities(app.db);
    if (!entities.ok()) return SendError(res, 503, "unavailable", entities.status().message());
    SendPage(res, Frame("Lagebild: entities", EntityList(entities.value())));
  });
  const auto entity = [&app](const std::string& key, Response& res, std::vector<std::pair<int64_t, int64_t>>* stories)
      -> std::optional<EntityInfo> {
    Result<std::vector<EntityInfo>> entities = ListEntities(app.db);
    if (!entities.ok()) {
      SendError(res, 503, "unavailable", entities.status().message());
      return std::nullopt;
    }
    for (EntityInfo& e : entities.value()) {
      if (e.key != key) continue;
      Result<std::vector<std::pair<int64_t, int64_t>>> in = EntityStories(app.db, key);
      if (!in.ok()) {
        SendError(res, 503, "unavailable", in.status().message());
        return std::nullopt;
      }
      *stories = std::move(in.value());
      return std::move(e);
    }
    SendError(res, 404, "not_found", "there is no entity '" + key + "'");
    return std::nullopt;
  };
  get(R"(/entities/([^/]+))", [&app, entity](const Request& req, Response& res) {
    std::vector<std::pair<int64_t, int64_t>> stories;
    const std::optional<EntityInfo> e = entity(req.matches[1].str(), res, &stories);
    if (!e) return;
    const auto view = CurrentView(app, res);
    if (!view) return;
    SendPage(res, Frame("Lagebild: " + e->name, EntityPage(*view, *e, stories)));
  });

  // The API.
  get("/api/v1/openapi.json", [](const Request&, Response& res) {
    res.set_content(OpenApiJson(), "application/json");
  });
  get("/api/v1/stories", ViewAnswer(app, [&app](const Request& req, Response& res, const View& view_) {
    const View* view = &view_;
    const std::optional<Filter> filter = RequestFilter(req, res);
    if (!filter) return;
    const std::optional<int64_t> limit = QueryNumber(req, "limit", 50, 1, 500);
    if (!limit) return SendError(res, 400, "bad_limit", "limit is a whole number from 1 to 500");
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    // The cursor is the last story id of the page before; stories in the
    // stored order (stable pages).
    std::optional<int64_t> cursor = 0;
    if (req.has_param("cursor")) {
      cursor = IdNumber(req.get_param_value("cursor"), 's');
      if (!cursor) return SendError(res, 400, "bad_cursor", "cursor is the 'next' of the page before");
    }
    Result<std::vector<Listed>> listed = SelectStories(app.db, *view, *filter);
    if (!listed.ok()) return SendError(res, 503, "unavailable", listed.status().message());
    std::vector<const StoryRow*> rows;
    for (const Listed& l : listed.value()) rows.push_back(l.story);
    std::sort(rows.begin(), rows.end(), [](const StoryRow* a, const StoryRow* b) { return a->info.id < b->info.id; });
    Table t{{"id", "title", "articles", "sources", "copies", "days", "languages", "conflicts"}, {}};
    std::string next;
    for (const StoryRow* s : rows) {
      if (s->info.id <= *cursor) continue;
      if (int64_t(t.rows.size()) == *limit) {
        next = "s" + std::to_string(t.rows.empty() ? 0 : std::stoll(t.rows.back()[0].text.substr(1)));
        break;
      }
      t.rows.push_back({Cell::Str("s" + std::to_string(s->info.id)), Cell::Str(StoryTitle(s->info)),
                        Cell::Num(s->info.articles), Cell::Num(s->sources), Cell::Num(s->copies),
                        Days(s->info.first_day, s->info.last_day), Strings(s->languages),
                        s->info.headline.empty() ? Cell::Null() : Cell::Num(s->info.conflicts)});
    }
    SendTable(res, t, *csv, "stories", next);
  }));
  get(R"(/api/v1/stories/([^/]+))", [&app](const Request& req, Response& res) {
    const std::optional<int64_t> id = StoryId(req, res);
    if (!id) return;
    const auto view = CurrentView(app, res);
    if (!view) return;
    if (const auto report = StoryReport(app, *view, *id, res)) {
      res.set_content(report::WriteJson(*report), "application/json");
    }
  });
  get(R"(/api/v1/stories/([^/]+)/articles)", [&app](const Request& req, Response& res) {
    const std::optional<int64_t> id = StoryId(req, res);
    if (!id) return;
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    const auto view = CurrentView(app, res);
    if (!view) return;
    if (view->Story(*id) == nullptr) return SendError(res, 404, "not_found", "there is no story s" + std::to_string(*id));
    std::vector<const StoryMember*> members;
    for (const StoryMember& m : view->articles) {
      if (m.story == *id) members.push_back(&m);
    }
    SendTable(res, ArticleTable(members), *csv, "s" + std::to_string(*id) + "-articles");
  });
  get(R"(/api/v1/stories/([^/]+)/claims)", [&app](const Request& req, Response& res) {
    const std::optional<int64_t> id = StoryId(req, res);
    if (!id) return;
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    const auto view = CurrentView(app, res);
    if (!view) return;
    const auto report = StoryReport(app, *view, *id, res);
    if (!report) return;
    // One row per value of a claim: what each article says.
    Table t{{"claim", "kind", "about", "status", "article", "text", "value", "low", "high", "source", "date_low",
             "date_high"},
            {}};
    const auto number = [](const std::optional<double>& v) {
      if (!v || !std::isfinite(*v)) return Cell::Null();
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.10g", *v);
      return Cell::Json(buf, buf);
    };
    for (const Story& s : report->stories) {
      for (const Claim& c : s.claims) {
        for (const ClaimValue& v : c.values) {
          t.rows.push_back({Cell::Str(c.id), Cell::Str(c.kind), Cell::Str(c.about), Cell::Str(c.status),
                            Cell::Str(v.article), Cell::Str(v.text), number(v.value), number(v.low), number(v.high),
                            Cell::Str(v.source), v.date_low.empty() ? Cell::Null() : Cell::Str(v.date_low),
                            v.date_high.empty() ? Cell::Null() : Cell::Str(v.date_high)});
        }
      }
    }
    SendTable(res, t, *csv, "s" + std::to_string(*id) + "-claims");
  });
  get(R"(/api/v1/articles/([^/]+))", [&app](const Request& req, Response& res) {
    const std::optional<int64_t> id = IdNumber(req.matches[1].str(), 'a');
    if (!id) {
      return SendError(res, 400, "bad_article_id", "an article id is a<number>, not '" + req.matches[1].str() + "'");
    }
    Result<Report> r = AnalyzeStoredArticle(app.db, *id, app.analyze);
    if (!r.ok()) {
      const bool missing = r.status().code() == Status::Code::kNotFound;
      return SendError(res, missing ? 404 : 503, missing ? "not_found" : "unavailable", r.status().message());
    }
    res.set_content(report::WriteJson(r.value()), "application/json");
  });
  get("/api/v1/search", [&app](const Request& req, Response& res) {
    for (const auto& [key, value] : req.params) {
      if (key != "q" && key != "limit" && key != "format") {
        return SendError(res, 400, "bad_" + key, "unknown parameter '" + key + "'");
      }
    }
    Filter f;
    std::multimap<std::string, std::string> q;
    if (req.has_param("q")) q.emplace("q", req.get_param_value("q"));
    if (std::optional<FilterError> e = ParseFilter(q, &f)) return SendError(res, 400, "bad_q", e->message);
    if (f.words.empty()) return SendError(res, 400, "bad_q", "q holds no word to search for");
    const std::optional<int64_t> limit = QueryNumber(req, "limit", 50, 1, 500);
    if (!limit) return SendError(res, 400, "bad_limit", "limit is a whole number from 1 to 500");
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    const auto view = CurrentView(app, res);
    if (!view) return;
    Result<std::vector<SearchResult>> hits = SearchStore(app.db, f.words, size_t(*limit));
    if (!hits.ok()) return SendError(res, 503, "unavailable", hits.status().message());
    std::vector<const StoryMember*> found;
    for (const SearchResult& h : hits.value()) {
      if (const StoryMember* m = view->Article(h.article)) found.push_back(m);
    }
    SendTable(res, ArticleTable(found), *csv, "search");
  });
  get("/api/v1/outlets", [&app](const Request& req, Response& res) {
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    const auto view = CurrentView(app, res);
    if (!view) return;
    Table t{{"outlet", "articles", "stories", "copies", "copies_from"}, {}};
    for (const auto& [name, o] : view->outlets) {
      std::vector<std::string> from;
      for (const auto& [f, n] : o.copies_from) from.push_back(f);
      t.rows.push_back({Cell::Str(name), Cell::Num(o.articles), Cell::Num(int64_t(o.stories.size())),
                        Cell::Num(o.copies), Strings(from)});
    }
    SendTable(res, t, *csv, "outlets");
  });
  get("/api/v1/feeds", [&app](const Request& req, Response& res) {
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    Result<std::vector<FeedInfo>> feeds = ListFeeds(app.db);
    if (!feeds.ok()) return SendError(res, 503, "unavailable", feeds.status().message());
    Table t{{"id", "url", "title", "every_seconds", "items", "last_poll", "last_success", "failures", "last_error",
             "next_poll"},
            {}};
    const auto time = [](int64_t when) { return when == 0 ? Cell::Null() : Cell::Str(IsoTime(when)); };
    for (const FeedInfo& f : feeds.value()) {
      t.rows.push_back({Cell::Num(f.id), Cell::Str(f.url), Cell::Str(f.title), Cell::Num(f.every_seconds),
                        Cell::Num(f.items), time(f.last_poll), time(f.last_success), Cell::Num(f.failures),
                        Cell::Str(f.last_error), time(f.next_poll)});
    }
    SendTable(res, t, *csv, "feeds");
  });
  get("/api/v1/entities", [&app](const Request& req, Response& res) {
    const std::optional<bool> csv = WantsCsv(req);
    if (!csv) return SendError(res, 400, "bad_format", "format is json or csv");
    Result<std::vector<EntityInfo>> entities = ListEntities(app.db);
    if (!entities.ok()) return SendError(res, 503, "unavailable", entities.status().message());
    Table t{{"key", "type", "name", "variants", "stories", "mentions"}, {}};
    for (const EntityInfo& e : entities.value()) {
      t.rows.push_back({Cell::Str(e.key), Cell::Str(e.type), Cell::Str(e.name), Strings(e.variants),
                        Cell::Num(e.stories), Cell::Num(e.mentions)});
    }
    SendTable(res, t, *csv, "entities");
  });
  get(R"(/api/v1/entities/([^/]+))", [entity](const Request& req, Response& res) {
    std::vector<std::pair<int64_t, int64_t>> stories;
    const std::optional<EntityInfo> e = entity(req.matches[1].str(), res, &stories);
    if (!e) return;
    std::string out = "{\"key\": ";
    report::AppendJsonString(out, e->key);
    out += ", \"type\": ";
    report::AppendJsonString(out, e->type);
    out += ", \"name\": ";
    report::AppendJsonString(out, e->name);
    out += ", \"variants\": " + JsonStrings(e->variants) + ", \"stories\": [";
    for (size_t k = 0; k < stories.size(); ++k) {
      out += (k ? ", " : "") + std::string("{\"id\": \"s") + std::to_string(stories[k].first) +
             "\", \"mentions\": " + std::to_string(stories[k].second) + "}";
    }
    out += "]}\n";
    res.set_content(out, "application/json");
  });

  // Articles posted: ingested by the one writer, as `lagebild ingest` does.
  server.Post("/api/v1/articles", [&app](const Request& req, Response& res) {
    // The body is read as JSON whatever the client called it (a form
    // encoding included: curl's default).
    std::vector<InputError> errors;
    std::vector<RawArticle> raw = ReadJsonArticles(req.body, "posted", app.analyze, &errors);
    if (raw.empty()) {
      return SendError(res, 400, "bad_body",
                       errors.empty() ? std::string("no article in the body") : errors[0].source + ": " + errors[0].message);
    }
    if (raw.size() > 1000) return SendError(res, 413, "too_many_articles", "at most 1000 articles per request");
    Result<std::vector<IngestedArticle>> placed = AddArticles(app, std::move(raw));
    if (!placed.ok()) return SendError(res, 503, "unavailable", placed.status().message());
    std::string out = "{\"items\": [";
    for (size_t k = 0; k < placed.value().size(); ++k) {
      const IngestedArticle& a = placed.value()[k];
      out += k ? ",\n  " : "\n  ";
      out += "{\"id\": \"a" + std::to_string(a.article) + "\", \"story\": \"s" + std::to_string(a.story) +
             "\", \"added\": " + (a.added ? "true" : "false") + ", \"duplicate_of\": " +
             (a.duplicate_of ? "\"a" + std::to_string(*a.duplicate_of) + "\"" : std::string("null")) +
             ", \"previous\": " + (a.previous ? "\"a" + std::to_string(*a.previous) + "\"" : std::string("null")) + "}";
    }
    out += "\n], \"errors\": [";
    for (size_t k = 0; k < errors.size(); ++k) {
      out += k ? ", {\"source\": " : "{\"source\": ";
      report::AppendJsonString(out, errors[k].source);
      out += ", \"message\": ";
      report::AppendJsonString(out, errors[k].message);
      out += "}";
    }
    out += "]}\n";
    res.status = 201;
    res.set_content(out, "application/json");
  });

  // Server-sent events: the change log from Last-Event-ID (or ?after=, or
  // now), optionally of one story.
  get("/api/v1/events", [&app](const Request& req, Response& res) {
    std::optional<int64_t> story;
    if (req.has_param("story")) {
      story = IdNumber(req.get_param_value("story"), 's');
      if (!story) return SendError(res, 400, "bad_story", "story is a story id s<number>");
    }
    int64_t after = -1;
    const std::string last = req.has_header("Last-Event-ID") ? req.get_header_value("Last-Event-ID")
                             : req.has_param("after")         ? req.get_param_value("after")
                                                              : std::string();
    if (!last.empty()) {
      if (last.size() > 18 || last.find_first_not_of("0123456789") != std::string::npos) {
        return SendError(res, 400, "bad_last_event_id", "Last-Event-ID is the id of an event");
      }
      after = std::stoll(last);
    }
    if (after < 0) {
      Result<int64_t> now = LastChange(app.db);
      if (!now.ok()) return SendError(res, 503, "unavailable", now.status().message());
      after = now.value();
    }
    if (app.streams.fetch_add(1) >= kMaxStreams) {
      app.streams.fetch_sub(1);
      return SendError(res, 503, "too_many_streams", "at most 32 event streams at once");
    }
    res.set_header("Cache-Control", "no-cache");
    struct Stream {
      int64_t position = 0;
      bool started = false;
      int idle = 0;  // polls without anything to send
    };
    auto stream = std::make_shared<Stream>();
    stream->position = after;
    res.set_chunked_content_provider(
        "text/event-stream",
        [&app, story, stream](size_t, httplib::DataSink& sink) {
          if (app.stopping) return false;
          Result<std::vector<StoreChange>> changes = ListChanges(app.db, stream->position, 200);
          // The first bytes: how long a client waits before it reconnects.
          std::string out = stream->started ? "" : "retry: 2000\n\n";
          stream->started = true;
          if (changes.ok()) {
            for (const StoreChange& c : changes.value()) {
              stream->position = c.id;
              if (story && c.story != *story && c.into != *story) continue;
              out += "id: " + std::to_string(c.id) + "\nevent: story\ndata: {\"story\": \"s" +
                     std::to_string(c.story) + "\", \"kind\": \"" + c.kind + "\", \"articles\": " +
                     std::to_string(c.articles) +
                     (c.into ? ", \"into\": \"s" + std::to_string(c.into) + "\"" : std::string()) + "}\n\n";
            }
          }
          // A comment now and then: proxies and clients see the stream alive.
          if (out.empty() && ++stream->idle >= 30) out = ": keep-alive\n\n", stream->idle = 0;
          if (!out.empty() && !sink.write(out.data(), out.size())) return false;
          std::this_thread::sleep_for(std::chrono::milliseconds(changes.ok() && changes.value().size() == 200 ? 0 : 500));
          return !app.stopping && sink.is_writable();
        },
        [&app](bool) { app.streams.fetch_sub(1); });
  });
}

}  // namespace

Status Serve(const ServeOptions& options, const std::function<void(const std::string&)>& ready) {
  // The database is checked (and migrated) before anything is served.
  if (Result<int64_t> check = LastChange(options.db); !check.ok()) return check.status();
  App app(options.db);
  app.analyze.jobs = std::max(1u, options.jobs);
  httplib::Server server;
  // Event streams hold a thread each: more threads than streams allowed.
  server.new_task_queue = [] { return new httplib::ThreadPool(kMaxStreams + 16); };
  server.set_payload_max_length(kMaxBody);
  server.set_read_timeout(10, 0);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  Routes(server, app);
  // Unknown routes and methods: JSON errors, not the library's empty page.
  server.set_error_handler([](const Request& req, Response& res) {
    if (!res.body.empty()) return;
    const std::string code = res.status == 404 ? "not_found" : res.status == 413 ? "too_large" : "bad_request";
    std::string what = req.method + " " + req.path;
    if (!util::IsValidUtf8(what)) what = util::ReplaceInvalidUtf8(what);
    const std::string message = res.status == 413 ? "the body is larger than 16 MiB" : "no such resource: " + what;
    res.set_content(ErrorJson(code, message), "application/json");
  });
  server.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
    SendError(res, 500, "internal", "the request could not be answered");
  });

  // The library listens with a backlog of 5 connections: a burst of more
  // clients overflows it, and the kernel has each extra one retry its
  // connect a second or three later. Listening again on the same socket
  // raises the backlog to the kernel's limit.
  int listening = -1;
  server.set_socket_options([&listening](socket_t sock) {
    httplib::default_socket_options(sock);
    // Without it the body of a small answer, written after its headers,
    // waits for the client's delayed acknowledgement (40 ms). Accepted
    // connections inherit it from the listening socket.
    const int on = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    listening = sock;
  });
  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                     : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) return IoError("cannot listen on " + options.host + ":" + std::to_string(options.port));
  if (listening >= 0) ::listen(listening, SOMAXCONN);
  // SIGINT and SIGTERM stop the server: blocked in every thread (the
  // server's pool is started after this), waited for by one.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    {
      std::lock_guard<std::mutex> lock(app.stop_mu);
      app.stopping = true;
    }
    app.stop_cv.notify_all();
    server.stop();
  });
  std::thread analyst([&] { Analyst(app); });
  std::thread poller([&] { Poller(app); });
  const std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  ready("http://" + host + ":" + std::to_string(port) + "/");
  const bool listened = server.listen_after_bind();
  if (!app.stopping) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  analyst.join();
  poller.join();
  if (!listened && !app.stopping) return IoError("the server on port " + std::to_string(port) + " stopped");
  return Status::Ok();
}

}  // namespace lagebild::serve
