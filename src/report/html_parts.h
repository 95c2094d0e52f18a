// The pieces of the HTML page that more than one file of the report stage
// writes (internal to src/report). Every value from a report goes through
// Esc (AppendHtmlEscaped) on its way into the page.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "lagebild/report.h"
#include "report/report_writer.h"

namespace lagebild::report::html {

// What the parts of one page share: the report, its articles by id, the
// page's language and how its section ids are prefixed.
struct Page {
  const Report* report = nullptr;
  std::unordered_map<std::string, const Article*> articles;  // by id
  std::string lang;  // "de", "en": the language most articles are in
  const HtmlOptions* options = nullptr;  // never null while a page is written
  // The articles whose sections the page holds (empty: all of them).
  std::unordered_set<std::string> shown;
  bool Shows(const std::string& id) const { return shown.empty() || shown.count(id) > 0; }
};

inline void Esc(std::string& out, std::string_view s) { AppendHtmlEscaped(out, s); }

// The outlet an article is cited by: its outlet, else the agency it copied,
// else the outlet identified from its text, else its file name.
std::string OutletLabel(const Article& a);
// What an article is called: its title, else the start of its first line
// (at most about 80 characters, "…" when cut), else "(untitled)".
std::string ArticleHeading(const Article& a);
// Its day for a citation: "13.1." (German page) or "13 Jan", "1/2022" for a
// month, "undated".
std::string DayLabel(const Article& a, std::string_view lang);
// Where a link to an article leads: its section on the page, else (an
// article the page leaves out) its own page under options->article_href.
std::string ArticleHref(const Page& page, const std::string& article_id);
// "Reuters, 13.1." as a link to the article's section; an id the report
// does not know is written as it is.
void Cite(std::string& out, const Page& page, const std::string& article_id);
// Several, comma-separated, in brackets.
void Cites(std::string& out, const Page& page, const std::vector<std::string>& article_ids);

// The map of the story's geocoded places (section `id`), or nothing when
// it has none: country outlines of data/geo/outlines.tsv around the
// places, one marker per place with data-place and its mentions in a title.
void WriteMap(std::string& out, const Page& page, const Story& story, const std::string& id,
              const std::unordered_map<std::string, int>& mentions);

// A number as it reads: 2500, 2.5, 1e+06 stays short.
std::string Number(double v);

}  // namespace lagebild::report::html
