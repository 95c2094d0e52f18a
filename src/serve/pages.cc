// The app's own pages (pages.h).
#include "serve/pages.h"

#include <algorithm>
#include <cstdio>

#include <openssl/evp.h>

#include "report/report_writer.h"
#include "util/calendar.h"
#include "util/strings.h"

namespace lagebild::serve {


namespace {

void Esc(std::string& out, std::string_view s) { report::AppendHtmlEscaped(out, s); }

std::string Href(std::string_view path, std::string_view segment) {
  return std::string(path) + util::PercentEncode(segment);
}

void Link(std::string& out, const std::string& href, std::string_view text) {
  out += "<a href=\"";
  Esc(out, href);
  out += "\">";
  Esc(out, text);
  out += "</a>";
}

}  // namespace

const char* const kAppStyle =
    "nav.app{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;border-bottom:1px solid var(--line);"
    "padding:.3rem 0 .6rem;margin-bottom:.5rem}nav.app a{font-weight:600}nav.app form{margin-left:auto;display:flex;gap:.3rem}"
    "input,select,button{font:inherit;padding:.15rem .3rem}form.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;"
    "align-items:end;margin:.5rem 0}form.filters label{display:flex;flex-direction:column;font-size:.85rem}"
    "svg.spark rect{fill:var(--link)}svg.spark rect.none{fill:var(--line)}.pages{display:flex;gap:1rem;margin:.8rem 0}"
    "ul.hits{margin:.2rem 0 0;padding-left:1.2rem;font-size:.85rem}[data-row] a:focus{outline-offset:1px}"
    "#live{background:var(--updbg);color:var(--upd);padding:.2rem .5rem}table.stories th{white-space:nowrap}"
    "@media (max-width:40rem){nav.app form{margin-left:0;width:100%}nav.app input{flex:1}"
    "table.stories,table.stories tbody,table.stories tr{display:block}table.stories tr:first-child{display:none}"
    "table.stories tr{border-bottom:1px solid var(--line);padding:.3rem 0}"
    "table.stories td{display:inline-block;border:0;padding:.1rem .4rem .1rem 0;font-size:.85rem}"
    "table.stories td:first-child{display:block;font-size:1rem}"
    "table.stories td[data-label]::before{content:attr(data-label) \": \";color:var(--muted)}}";

const std::string& StoryTitle(const StoryInfo& s) { return s.headline.empty() ? s.title : s.headline; }

namespace {

std::string DaysText(const StoryInfo& s) {
  if (s.first_day.empty()) return "undated";
  return s.first_day == s.last_day ? s.first_day : s.first_day + " – " + s.last_day;
}

// The sparkline's days: the last kSparkDays up to the newest day of the
// store; a story grows by its articles of the last kGrowingDays of them.
constexpr int64_t kSparkDays = 14, kGrowingDays = 3;

std::string Sparkline(const StoryRow& s, int64_t newest) {
  int most = 1;
  for (int64_t d = newest - kSparkDays + 1; d <= newest; ++d) {
    const auto it = s.per_day.find(d);
    if (it != s.per_day.end()) most = std::max(most, it->second);
  }
  std::string out = "<svg class=\"spark\" viewBox=\"0 0 " + std::to_string(kSparkDays * 6) +
                    " 20\" width=\"" + std::to_string(kSparkDays * 6) +
                    "\" height=\"20\" role=\"img\" aria-label=\"articles per day, last " +
                    std::to_string(kSparkDays) + " days\">";
  for (int64_t k = 0; k < kSparkDays; ++k) {
    const auto it = s.per_day.find(newest - kSparkDays + 1 + k);
    const int n = it == s.per_day.end() ? 0 : it->second;
    const int h = n == 0 ? 1 : std::max(2, 20 * n / most);
    out += "<rect x=\"" + std::to_string(k * 6) + "\" y=\"" + std::to_string(20 - h) + "\" width=\"5\" height=\"" +
           std::to_string(h) + "\"" + (n == 0 ? " class=\"none\"" : "") + "><title>" +
           util::FormatDay(util::FromDayNumber(newest - kSparkDays + 1 + k)) + ": " + std::to_string(n) +
           "</title></rect>";
  }
  out += "</svg>";
  return out;
}

// A labelled <select> of "any" and the values, `chosen` selected.
void Select(std::string& out, const char* label, const char* name, const std::set<std::string>& values,
            const std::string& chosen) {
  out += std::string("<label>") + label + "<select name=\"" + name + "\"><option value=\"\">any</option>";
  for (const std::string& v : values) {
    out += v == chosen ? "<option selected>" : "<option>";
    Esc(out, v);
    out += "</option>";
  }
  out += "</select></label>";
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string Plural(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string Nav(const std::string& q) {
  std::string out = "<nav class=\"app\" aria-label=\"App\"><a href=\"/\">Stories</a><a href=\"/outlets\">Outlets</a>"
                    "<a href=\"/entities\">Entities</a><a href=\"/feeds\">Feeds</a><a href=\"/api/v1/openapi.json\">API</a>"
                    "<form action=\"/\" method=\"get\" role=\"search\"><input id=\"q\" name=\"q\" type=\"search\" "
                    "placeholder=\"Search articles ( / )\" aria-label=\"Search articles\" value=\"";
  Esc(out, q);
  out += "\"><button type=\"submit\">Search</button></form></nav>\n";
  return out;
}

std::string Frame(const std::string& title, const std::string& main, const std::string& q,
                  const std::string& live) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"color-scheme\" content=\"light dark\">\n<title>";
  Esc(out, title);
  out += "</title>\n<style>";
  out += report::PageStyle();
  out += kAppStyle;
  out += "</style>\n</head>\n<body";
  if (!live.empty()) {
    out += " data-live=\"";
    Esc(out, live);
    out += "\"";
  }
  out += ">\n" + Nav(q) + "<main>\n" + main + "</main>\n" + LiveScriptTag() + "</body>\n</html>\n";
  return out;
}

std::string StoryList(const View& view, const std::vector<Listed>& listed, const Filter& filter, int64_t page,
                      int64_t per_page) {
  // Growing stories first (most articles in the store's last days, then
  // the largest); with search words, the best match first.
  std::vector<const Listed*> order;
  for (const Listed& l : listed) order.push_back(&l);
  if (filter.words.empty()) {
    const auto growth = [&](const StoryRow& s) {
      int n = 0;
      if (!view.any_day) return n;
      for (const auto& [day, count] : s.per_day) n += day > view.newest_day - kGrowingDays ? count : 0;
      return n;
    };
    std::stable_sort(order.begin(), order.end(), [&](const Listed* a, const Listed* b) {
      const int ga = growth(*a->story), gb = growth(*b->story);
      if (ga != gb) return ga > gb;
      return a->story->info.articles > b->story->info.articles;
    });
  }
  std::string out = "<h1>Stories</h1>\n<form class=\"filters\" action=\"/\" method=\"get\">"
                    "<label>words<input name=\"q\" type=\"search\" value=\"";
  Esc(out, filter.q);
  out += "\"></label>";
  Select(out, "language", "lang", view.languages, filter.language);
  out += "<label>outlet<input name=\"outlet\" list=\"outlets\" value=\"";
  Esc(out, filter.outlet);
  out += "\"></label><datalist id=\"outlets\">";
  for (const auto& [name, o] : view.outlets) {
    out += "<option value=\"";
    Esc(out, name);
    out += "\">";
  }
  out += "</datalist><label>from<input name=\"from\" type=\"date\" value=\"";
  Esc(out, filter.from);
  out += "\"></label><label>to<input name=\"to\" type=\"date\" value=\"";
  Esc(out, filter.to);
  out += "\"></label>";
  Select(out, "flag", "flag", view.flags, filter.flag);
  out += "<button type=\"submit\">Show</button>";
  if (filter.any()) out += " <a href=\"/\">all stories</a>";
  out += "</form>\n<p id=\"live\" hidden>New articles have arrived.</p>\n<p class=\"facts\">";
  const int64_t total = int64_t(order.size());
  const int64_t pages = std::max<int64_t>(1, (total + per_page - 1) / per_page);
  page = std::min(page, pages);
  Esc(out, Plural(total, "story", "stories") + (filter.any() ? " match" : "") + " · page " + std::to_string(page) +
               " of " + std::to_string(pages) + " · ");
  Link(out, "/api/v1/stories" + std::string(filter.any() ? "?" : "") + FilterQuery(filter), "JSON");
  out += " · ";
  Link(out, "/api/v1/stories?" + FilterQuery(filter, "format=csv"), "CSV");
  out += "</p>\n<table class=\"stories\">\n<tr><th scope=\"col\">story</th><th scope=\"col\">articles per day</th>"
         "<th scope=\"col\">articles</th><th scope=\"col\">sources</th><th scope=\"col\">languages</th>"
         "<th scope=\"col\">days</th></tr>\n";
  for (int64_t k = (page - 1) * per_page; k < std::min(total, page * per_page); ++k) {
    const Listed& l = *order[size_t(k)];
    const StoryRow& s = *l.story;
    out += "<tr data-row><td>";
    Link(out, "/stories/s" + std::to_string(s.info.id),
         StoryTitle(s.info).empty() ? std::string("(untitled)") : StoryTitle(s.info));
    if (s.info.conflicts > 0) {
      out += " <span class=\"status conflicting\" title=\"claims its sources disagree on, as of its latest "
             "analysis\">≠ ";
      Esc(out, Plural(s.info.conflicts, "conflict", "conflicts"));
      out += "</span>";
    }
    if (!l.hits.empty()) {
      out += "<ul class=\"hits\">";
      for (size_t h = 0; h < std::min<size_t>(l.hits.size(), 3); ++h) {
        const StoryMember* m = view.Article(l.hits[h]);
        if (m == nullptr) continue;
        out += "<li>";
        Link(out, "/articles/a" + std::to_string(m->article),
             (m->outlet.empty() ? std::string() : m->outlet + ": ") + (m->title.empty() ? "(untitled)" : m->title));
        out += "</li>";
      }
      if (l.hits.size() > 3) {
        out += "<li>";
        Esc(out, "and " + Plural(int64_t(l.hits.size() - 3), "more article", "more articles"));
        out += "</li>";
      }
      out += "</ul>";
    }
    out += "</td><td>" + (view.any_day ? Sparkline(s, view.newest_day) : std::string()) +
           "</td><td data-label=\"articles\">" + std::to_string(s.info.articles) +
           "</td><td data-label=\"sources\">" + std::to_string(s.sources) + "</td><td data-label=\"languages\">";
    Esc(out, Joined(s.languages));
    out += "</td><td data-label=\"days\">";
    Esc(out, DaysText(s.info));
    out += "</td></tr>\n";
  }
  out += "</table>\n";
  if (pages > 1) {
    out += "<p class=\"pages\">";
    if (page > 1) Link(out, "/?" + FilterQuery(filter, "page=" + std::to_string(page - 1)), "← newer page");
    if (page < pages) Link(out, "/?" + FilterQuery(filter, "page=" + std::to_string(page + 1)), "next page →");
    out += "</p>\n";
  }
  return out;
}

std::string OutletList(const View& view) {
  std::vector<const OutletRow*> rows;
  for (const auto& [name, o] : view.outlets) rows.push_back(&o);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const OutletRow* a, const OutletRow* b) { return a->articles > b->articles; });
  std::string out = "<h1>Outlets</h1>\n<p class=\"facts\">";
  Esc(out, Plural(int64_t(rows.size()), "outlet", "outlets") + " · ");
  Link(out, "/api/v1/outlets", "JSON");
  out += " · ";
  Link(out, "/api/v1/outlets?format=csv", "CSV");
  out += "</p>\n<table>\n<tr><th scope=\"col\">outlet</th><th scope=\"col\">articles</th><th scope=\"col\">stories</th>"
         "<th scope=\"col\">copies</th><th scope=\"col\">copies from</th></tr>\n";
  for (const OutletRow* o : rows) {
    out += "<tr data-row><td>";
    Link(out, Href("/outlets/", o->name), o->name);
    out += "</td><td>" + std::to_string(o->articles) + "</td><td>" + std::to_string(o->stories.size()) + "</td><td>" +
           std::to_string(o->copies) + "</td><td>";
    bool first = true;
    for (const auto& [from, n] : o->copies_from) {
      if (!first) out += ", ";
      first = false;
      Link(out, Href("/outlets/", from), from);
      Esc(out, " (" + std::to_string(n) + ")");
    }
    out += "</td></tr>\n";
  }
  out += "</table>\n";
  return out;
}

std::string OutletPage(const View& view, const OutletRow& outlet) {
  std::string out = "<h1>";
  Esc(out, outlet.name);
  out += "</h1>\n<p class=\"facts\">";
  Esc(out, Plural(outlet.articles, "article", "articles") + " · " +
               Plural(int64_t(outlet.stories.size()), "story", "stories") + " · " +
               Plural(outlet.copies, "copy", "copies") + " of other articles · ");
  Filter only_outlet;
  only_outlet.outlet = outlet.name;
  Link(out, "/?" + FilterQuery(only_outlet), "its stories");
  out += "</p>\n";
  if (!outlet.copies_from.empty()) {
    out += "<h2>Whom it copies</h2>\n<ul>\n";
    for (const auto& [from, n] : outlet.copies_from) {
      out += "<li>";
      Link(out, Href("/outlets/", from), from);
      Esc(out, ": " + Plural(n, "article", "articles"));
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  std::map<std::string, int64_t> copied_by;
  for (const StoryMember& m : view.articles) {
    if (!m.duplicate_of) continue;
    const StoryMember* original = view.Article(*m.duplicate_of);
    if (original != nullptr && original->outlet == outlet.name && m.outlet != outlet.name) ++copied_by[m.outlet];
  }
  if (!copied_by.empty()) {
    out += "<h2>Who copies it</h2>\n<ul>\n";
    for (const auto& [by, n] : copied_by) {
      out += "<li>";
      Link(out, Href("/outlets/", by), by.empty() ? std::string("(no outlet)") : by);
      Esc(out, ": " + Plural(n, "article", "articles"));
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  out += "<h2>Articles</h2>\n<table>\n<tr><th scope=\"col\">article</th><th scope=\"col\">published</th>"
         "<th scope=\"col\">language</th><th scope=\"col\">story</th><th scope=\"col\">copy of</th></tr>\n";
  const std::string name = outlet.name == "(no outlet)" ? std::string() : outlet.name;
  for (auto it = view.articles.rbegin(); it != view.articles.rend(); ++it) {
    const StoryMember& m = *it;
    if (m.outlet != name) continue;
    out += "<tr data-row><td>";
    Link(out, "/articles/a" + std::to_string(m.article), m.title.empty() ? std::string("(untitled)") : m.title);
    out += "</td><td>";
    Esc(out, m.published.empty() ? std::string("undated") : m.published);
    out += "</td><td>";
    Esc(out, m.language);
    out += "</td><td>";
    const StoryRow* s = view.Story(m.story);
    Link(out, "/stories/s" + std::to_string(m.story), s ? StoryTitle(s->info) : "s" + std::to_string(m.story));
    out += "</td><td>";
    if (m.duplicate_of) {
      const StoryMember* original = view.Article(*m.duplicate_of);
      Link(out, "/articles/a" + std::to_string(*m.duplicate_of),
           original && !original->outlet.empty() ? original->outlet : "a" + std::to_string(*m.duplicate_of));
    }
    out += "</td></tr>\n";
  }
  out += "</table>\n";
  return out;
}

std::string IsoTime(int64_t t) {
  const int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const int64_t in_day = t - day * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", int(in_day / 3600), int(in_day / 60 % 60), int(in_day % 60));
  return util::FormatDay(util::FromDayNumber(day)) + buf;
}

std::string FeedList(const std::vector<FeedInfo>& feeds) {
  std::string out = "<h1>Feeds</h1>\n<p class=\"facts\">";
  Esc(out, Plural(int64_t(feeds.size()), "feed", "feeds") + " followed (lagebild feeds add --db FILE URL) · ");
  Link(out, "/api/v1/feeds", "JSON");
  out += " · ";
  Link(out, "/api/v1/feeds?format=csv", "CSV");
  out += "</p>\n<table>\n<tr><th scope=\"col\">feed</th><th scope=\"col\">every</th><th scope=\"col\">items</th>"
         "<th scope=\"col\">last success</th><th scope=\"col\">failures</th><th scope=\"col\">last error</th></tr>\n";
  for (const FeedInfo& f : feeds) {
    out += "<tr data-row class=\"";
    out += f.failures > 0 ? "failing" : "healthy";
    out += "\"><td>";
    Esc(out, f.title.empty() ? f.url : f.title);
    out += "<br><span class=\"facts\">";
    Esc(out, f.url);  // as text: never a link target
    out += "</span></td><td>";
    Esc(out, std::to_string(f.every_seconds) + " s");
    out += "</td><td>" + std::to_string(f.items) + "</td><td>";
    Esc(out, f.last_success ? IsoTime(f.last_success) : std::string("never"));
    out += "</td><td>";
    if (f.failures > 0) {
      out += "<span class=\"status conflicting\">" + std::to_string(f.failures) + "</span>";
    } else {
      out += "0";
    }
    out += "</td><td>";
    Esc(out, f.last_error);
    out += "</td></tr>\n";
  }
  out += "</table>\n";
  return out;
}

std::string EntityList(const std::vector<EntityInfo>& entities) {
  std::string out = "<h1>Entities</h1>\n<p class=\"facts\">";
  Esc(out, Plural(int64_t(entities.size()), "entity", "entities") +
               " recorded by the analyses of stories (a story is analysed when it is opened) · ");
  Link(out, "/api/v1/entities", "JSON");
  out += " · ";
  Link(out, "/api/v1/entities?format=csv", "CSV");
  out += "</p>\n<table>\n<tr><th scope=\"col\">name</th><th scope=\"col\">type</th><th scope=\"col\">spellings</th>"
         "<th scope=\"col\">stories</th><th scope=\"col\">mentions</th></tr>\n";
  for (const EntityInfo& e : entities) {
    out += "<tr data-row><td>";
    Link(out, Href("/entities/", e.key), e.name);
    out += "</td><td>";
    Esc(out, e.type);
    out += "</td><td>";
    Esc(out, Joined(e.variants));
    out += "</td><td>" + std::to_string(e.stories) + "</td><td>" + std::to_string(e.mentions) + "</td></tr>\n";
  }
  out += "</table>\n";
  return out;
}

std::string EntityPage(const View& view, const EntityInfo& entity,
                       const std::vector<std::pair<int64_t, int64_t>>& stories) {
  std::string out = "<h1>";
  Esc(out, entity.name);
  out += "</h1>\n<p class=\"facts\">";
  Esc(out, entity.type + " · key " + entity.key + " · " + Plural(int64_t(stories.size()), "story", "stories"));
  out += "</p>\n<h2>Spellings</h2>\n<ul>\n";
  for (const std::string& v : entity.variants) {
    out += "<li>";
    Esc(out, v);
    out += "</li>\n";
  }
  out += "</ul>\n<h2>Stories</h2>\n<table>\n<tr><th scope=\"col\">story</th><th scope=\"col\">mentions</th>"
         "<th scope=\"col\">days</th></tr>\n";
  for (const auto& [id, mentions] : stories) {
    const StoryRow* s = view.Story(id);
    out += "<tr data-row><td>";
    Link(out, "/stories/s" + std::to_string(id), s ? StoryTitle(s->info) : "s" + std::to_string(id));
    out += "</td><td>" + std::to_string(mentions) + "</td><td>";
    if (s != nullptr) Esc(out, DaysText(s->info));
    out += "</td></tr>\n";
  }
  out += "</table>\n";
  return out;
}

std::string ArticleContext(const View& view, const StoryMember& article) {
  std::string out = "<p class=\"facts\">In the story ";
  const StoryRow* s = view.Story(article.story);
  Link(out, "/stories/s" + std::to_string(article.story), s ? StoryTitle(s->info) : "s" + std::to_string(article.story));
  if (!article.outlet.empty()) {
    out += " · outlet ";
    Link(out, Href("/outlets/", article.outlet), article.outlet);
  }
  if (article.duplicate_of) {
    out += " · a copy of ";
    const StoryMember* original = view.Article(*article.duplicate_of);
    Link(out, "/articles/a" + std::to_string(*article.duplicate_of),
         original ? (original->outlet.empty() ? std::string() : original->outlet + ": ") + original->title
                  : "a" + std::to_string(*article.duplicate_of));
  }
  if (article.previous) {
    out += " · a new version of ";
    Link(out, "/articles/a" + std::to_string(*article.previous), "a" + std::to_string(*article.previous));
  }
  std::vector<const StoryMember*> copies;
  for (const StoryMember& m : view.articles) {
    if (m.duplicate_of == article.article) copies.push_back(&m);
  }
  if (!copies.empty()) {
    out += " · copied by ";
    for (size_t k = 0; k < copies.size(); ++k) {
      if (k > 0) out += ", ";
      Link(out, "/articles/a" + std::to_string(copies[k]->article),
           copies[k]->outlet.empty() ? "a" + std::to_string(copies[k]->article) : copies[k]->outlet);
    }
  }
  out += " · ";
  Link(out, "/api/v1/articles/a" + std::to_string(article.article), "JSON");
  out += "</p>\n";
  return out;
}

namespace {
// Live updates and keys, one line: on an event of the page's story (or any,
// on a list), its main part is fetched anew and replaced; j/k move through
// the rows of a list, / goes to the search box.
constexpr const char* kLiveScript =
    "(function(){function go(){var m=document.querySelector('[data-live]'),l=m&&m.getAttribute('data-live'),rows=[],at=-1;"
    "function rs(){rows=[].slice.call(document.querySelectorAll('[data-row]'));}rs();"
    "function re(){fetch(location.href).then(function(r){return r.text();}).then(function(t){"
    "var n=new DOMParser().parseFromString(t,'text/html').querySelector('main'),o=document.querySelector('main');"
    "if(n&&o){o.replaceWith(n);rs();}});}"
    "if(l&&window.EventSource){var w=null,s=new EventSource('/api/v1/events'+(l==='all'?'':'?story='+encodeURIComponent(l)));"
    "s.addEventListener('story',function(){if(w===null)w=setTimeout(function(){w=null;re();},250);});}"
    "document.addEventListener('keydown',function(e){if(e.ctrlKey||e.metaKey||e.altKey||/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName))return;"
    "if(e.key==='/'){var q=document.getElementById('q');if(q){e.preventDefault();q.focus();}}"
    "else if((e.key==='j'||e.key==='k')&&rows.length){at=Math.max(0,Math.min(rows.length-1,at+(e.key==='j'?1:-1)));"
    "var a=rows[at].querySelector('a');if(a)a.focus();}});}"
    "if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',go);else go();})();";

std::string Sha256Base64(std::string_view s) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(s.data(), s.size(), digest, &n, EVP_sha256(), nullptr);
  unsigned char b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int m = EVP_EncodeBlock(b64, digest, int(n));
  return std::string(reinterpret_cast<const char*>(b64), size_t(m));
}
}  // namespace

const std::string& LiveScriptTag() {
  static const std::string tag = std::string("<script>") + kLiveScript + "</script>\n";
  return tag;
}

const std::string& PageCsp() {
  static const std::string csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
                                 Sha256Base64(kLiveScript) +
                                 "'; connect-src 'self'; img-src 'none'; form-action 'self'; base-uri 'none'; "
                                 "frame-ancestors 'none'";
  return csp;
}

const std::string& PageMetaCsp() {
  static const std::string csp = PageCsp().substr(0, PageCsp().rfind("; frame-ancestors"));
  return csp;
}

}  // namespace lagebild::serve
