// Serve (serve.h): routes of the local web app over a store.
#include "serve/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "lagebild/pipeline.h"
#include "report/report_writer.h"

namespace lagebild::serve {
namespace {

constexpr const char* kCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";

std::string ErrorJson(std::string_view code, std::string_view message) {
  std::string out = "{\"error\": {\"code\": ";
  report::AppendJsonString(out, code);
  out += ", \"message\": ";
  report::AppendJsonString(out, message);
  out += "}}\n";
  return out;
}

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  res.status = status;
  res.set_content(ErrorJson(code, message), "application/json");
}

// "s12" or "12" -> 12; nothing else.
std::optional<int64_t> StoryNumber(std::string_view s) {
  if (!s.empty() && s[0] == 's') s.remove_prefix(1);
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
std::optional<int64_t> QueryNumber(const httplib::Request& req, const char* key, int64_t fallback,
                                   int64_t lo, int64_t hi) {
  if (!req.has_param(key)) return fallback;
  const std::string v = req.get_param_value(key);
  if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const int64_t n = std::stoll(v);
  if (n < lo || n > hi) return std::nullopt;
  return n;
}

// What the list shows of each story beyond ListStories: its independent
// sources (a copy counts with its original) and its languages, most
// articles first.
struct StoryFacts {
  int64_t sources = 0;
  std::vector<std::string> languages;
  std::map<int64_t, int> per_day;  // articles dated to the day, by day
};

// The sparkline's days: the last kSparkDays up to the newest day of the
// store; a story grows by its articles of the last kGrowingDays of them.
constexpr int64_t kSparkDays = 14, kGrowingDays = 3;

Result<std::map<int64_t, StoryFacts>> FactsOf(const std::string& db) {
  Result<std::vector<StoryMember>> members = ListMembers(db);
  if (!members.ok()) return members.status();
  std::map<int64_t, std::map<std::string, int>> languages;
  std::map<int64_t, StoryFacts> out;
  for (const StoryMember& m : members.value()) {
    if (!m.duplicate_of) ++out[m.story].sources;
    ++languages[m.story][m.language];
    if (m.day) ++out[m.story].per_day[*m.day];
  }
  for (auto& [story, counts] : languages) {
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [lang, n] : counts) sorted.emplace_back(-n, lang);
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [n, lang] : sorted) {
      if (!lang.empty()) out[story].languages.push_back(lang);
    }
  }
  return out;
}

// Articles per day over the sparkline's days, as a small inline SVG.
std::string Sparkline(const StoryFacts& f, int64_t newest) {
  int most = 1;
  for (int64_t d = newest - kSparkDays + 1; d <= newest; ++d) {
    const auto it = f.per_day.find(d);
    if (it != f.per_day.end()) most = std::max(most, it->second);
  }
  std::string out = "<svg class=\"spark\" viewBox=\"0 0 " + std::to_string(kSparkDays * 6) +
                    " 20\" width=\"" + std::to_string(kSparkDays * 6) +
                    "\" height=\"20\" role=\"img\" aria-label=\"articles per day, last " +
                    std::to_string(kSparkDays) + " days\">";
  for (int64_t k = 0; k < kSparkDays; ++k) {
    const auto it = f.per_day.find(newest - kSparkDays + 1 + k);
    const int n = it == f.per_day.end() ? 0 : it->second;
    const int h = n == 0 ? 1 : std::max(2, 20 * n / most);
    out += "<rect x=\"" + std::to_string(k * 6) + "\" y=\"" + std::to_string(20 - h) +
           "\" width=\"5\" height=\"" + std::to_string(h) + "\"" + (n == 0 ? " class=\"none\"" : "") + "/>";
  }
  out += "</svg>";
  return out;
}

std::string StoryListPage(std::vector<StoryInfo> stories, const std::map<int64_t, StoryFacts>& facts) {
  // Growing stories first: most articles in the store's last days, then
  // the largest.
  int64_t newest = 0;
  bool any_day = false;
  for (const auto& [id, f] : facts) {
    if (!f.per_day.empty()) {
      newest = any_day ? std::max(newest, f.per_day.rbegin()->first) : f.per_day.rbegin()->first;
      any_day = true;
    }
  }
  const auto growth = [&](const StoryInfo& s) {
    const auto it = facts.find(s.id);
    int n = 0;
    if (it == facts.end() || !any_day) return n;
    for (const auto& [day, count] : it->second.per_day) n += day > newest - kGrowingDays ? count : 0;
    return n;
  };
  std::stable_sort(stories.begin(), stories.end(), [&](const StoryInfo& a, const StoryInfo& b) {
    const int ga = growth(a), gb = growth(b);
    if (ga != gb) return ga > gb;
    return a.articles > b.articles;
  });
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"color-scheme\" content=\"light dark\">\n<title>Lagebild: stories</title>\n"
      "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem;"
      "overflow-wrap:anywhere}table{border-collapse:collapse;width:100%}td,th{text-align:left;"
      "padding:.3rem .4rem;border-bottom:1px solid #c9c9d0;vertical-align:top}"
      ".facts{color:#5a5a60;font-size:.9rem}th{white-space:nowrap;overflow-wrap:normal}"
      "svg.spark rect{fill:#0b57d0}svg.spark rect.none{fill:#c9c9d0}</style>\n</head>\n<body>\n<h1>Lagebild</h1>\n"
      "<p class=\"facts\">";
  report::AppendHtmlEscaped(out, std::to_string(stories.size()) +
                                     (stories.size() == 1 ? " story" : " stories") +
                                     " · JSON: /api/v1/stories");
  out += "</p>\n<table>\n<tr><th scope=\"col\">story</th><th scope=\"col\">articles per day</th>"
         "<th scope=\"col\">articles</th><th scope=\"col\">sources</th><th scope=\"col\">languages</th>"
         "<th scope=\"col\">days</th></tr>\n";
  for (const StoryInfo& s : stories) {
    const auto f = facts.find(s.id);
    out += "<tr><td><a href=\"/stories/s" + std::to_string(s.id) + "\">";
    report::AppendHtmlEscaped(out, s.title.empty() ? std::string("(untitled)") : s.title);
    out += "</a></td><td>" + (f != facts.end() && any_day ? Sparkline(f->second, newest) : std::string()) +
           "</td><td>" + std::to_string(s.articles) + "</td><td>" +
           std::to_string(f == facts.end() ? 0 : f->second.sources) + "</td><td>";
    std::string langs;
    if (f != facts.end()) {
      for (const std::string& l : f->second.languages) langs += (langs.empty() ? "" : ", ") + l;
    }
    report::AppendHtmlEscaped(out, langs);
    out += "</td><td>";
    report::AppendHtmlEscaped(out, s.first_day.empty() ? std::string("undated")
                                                       : (s.first_day == s.last_day ? s.first_day
                                                                                    : s.first_day + " – " + s.last_day));
    out += "</td></tr>\n";
  }
  out += "</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace

Status Serve(const ServeOptions& options, const std::function<void(const std::string&)>& ready) {
  // The database is checked before anything is served.
  if (Result<std::vector<StoryInfo>> check = ListStories(options.db); !check.ok()) {
    return check.status();
  }
  httplib::Server server;
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  const std::string db = options.db;
  AnalyzeOptions analyze;
  analyze.jobs = std::max(1u, options.jobs);

  server.Get("/health", [db](const httplib::Request&, httplib::Response& res) {
    Result<std::vector<StoryInfo>> stories = ListStories(db);
    if (!stories.ok()) return SendError(res, 503, "unavailable", stories.status().message());
    res.set_content("{\"status\": \"ok\", \"stories\": " + std::to_string(stories.value().size()) + "}\n",
                    "application/json");
  });
  server.Get("/", [db](const httplib::Request&, httplib::Response& res) {
    Result<std::vector<StoryInfo>> stories = ListStories(db);
    if (!stories.ok()) return SendError(res, 503, "unavailable", stories.status().message());
    Result<std::map<int64_t, StoryFacts>> facts = FactsOf(db);
    if (!facts.ok()) return SendError(res, 503, "unavailable", facts.status().message());
    res.set_header("Content-Security-Policy", kCsp);
    res.set_content(StoryListPage(stories.value(), facts.value()), "text/html; charset=utf-8");
  });
  auto story_report = [db, analyze](const std::string& id, httplib::Response& res) -> std::optional<Report> {
    const std::optional<int64_t> n = StoryNumber(id);
    if (!n) {
      SendError(res, 400, "bad_story_id", "a story id is s<number> or <number>, not '" + id + "'");
      return std::nullopt;
    }
    Result<Report> r = AnalyzeStory(db, *n, analyze);
    if (!r.ok()) {
      const bool missing = r.status().code() == Status::Code::kNotFound;
      SendError(res, missing ? 404 : 503, missing ? "not_found" : "unavailable", r.status().message());
      return std::nullopt;
    }
    return std::move(r.value());
  };
  server.Get(R"(/stories/([^/]+))", [story_report](const httplib::Request& req, httplib::Response& res) {
    if (std::optional<Report> r = story_report(req.matches[1], res)) {
      res.set_header("Content-Security-Policy", kCsp);
      res.set_content(report::WriteHtml(*r), "text/html; charset=utf-8");
    }
  });
  server.Get(R"(/api/v1/stories/([^/]+))", [story_report](const httplib::Request& req, httplib::Response& res) {
    if (std::optional<Report> r = story_report(req.matches[1], res)) {
      res.set_content(report::WriteJson(*r), "application/json");
    }
  });
  server.Get("/api/v1/stories", [db](const httplib::Request& req, httplib::Response& res) {
    const std::optional<int64_t> limit = QueryNumber(req, "limit", 50, 1, 500);
    if (!limit) return SendError(res, 400, "bad_limit", "limit is a whole number from 1 to 500");
    // The cursor is the last story id of the page before.
    std::optional<int64_t> cursor = 0;
    if (req.has_param("cursor")) {
      cursor = StoryNumber(req.get_param_value("cursor"));
      if (!cursor) return SendError(res, 400, "bad_cursor", "cursor is the 'next' of the page before");
    }
    Result<std::vector<StoryInfo>> stories = ListStories(db);
    if (!stories.ok()) return SendError(res, 503, "unavailable", stories.status().message());
    Result<std::map<int64_t, StoryFacts>> facts = FactsOf(db);
    if (!facts.ok()) return SendError(res, 503, "unavailable", facts.status().message());
    std::string out = "{\"items\": [";
    int64_t shown = 0, last = 0;
    bool more = false;
    for (const StoryInfo& s : stories.value()) {
      if (s.id <= *cursor) continue;
      if (shown == *limit) {
        more = true;
        break;
      }
      const auto f = facts.value().find(s.id);
      out += shown ? ",\n  " : "\n  ";
      out += "{\"id\": ";
      report::AppendJsonString(out, "s" + std::to_string(s.id));
      out += ", \"title\": ";
      report::AppendJsonString(out, s.title);
      out += ", \"articles\": " + std::to_string(s.articles) + ", \"sources\": " +
             std::to_string(f == facts.value().end() ? 0 : f->second.sources) + ", \"days\": ";
      if (s.first_day.empty()) {
        out += "null";
      } else {
        out += "{\"first\": ";
        report::AppendJsonString(out, s.first_day);
        out += ", \"last\": ";
        report::AppendJsonString(out, s.last_day);
        out += "}";
      }
      out += ", \"languages\": [";
      if (f != facts.value().end()) {
        for (size_t k = 0; k < f->second.languages.size(); ++k) {
          if (k) out += ", ";
          report::AppendJsonString(out, f->second.languages[k]);
        }
      }
      out += "]}";
      ++shown;
      last = s.id;
    }
    out += "\n], \"next\": ";
    if (more) {
      report::AppendJsonString(out, "s" + std::to_string(last));
    } else {
      out += "null";
    }
    out += "}\n";
    res.set_content(out, "application/json");
  });
  // Unknown routes and methods: JSON errors, not the library's empty page.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string code = res.status == 404 ? "not_found" : "bad_request";
    res.set_content(ErrorJson(code, "no such resource: " + req.method + " " + req.path), "application/json");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal", "the request could not be answered");
  });

  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                     : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    return IoError("cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  // SIGINT and SIGTERM stop the server: blocked in every thread (the
  // server's pool is started after this), waited for by one.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::atomic<bool> stopping{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    stopping = true;
    server.stop();
  });
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  ready("http://" + host + ":" + std::to_string(port) + "/");
  const bool listened = server.listen_after_bind();
  if (!stopping) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!listened && !stopping) return IoError("the server on port " + std::to_string(port) + " stopped");
  return Status::Ok();
}

}  // namespace lagebild::serve
