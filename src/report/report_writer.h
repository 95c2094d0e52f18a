// Stage: report
// In:    a Report (report.h).
// Out:   the report as JSON (schema "lagebild.report/1", docs/report-format.md),
//        as a self-contained HTML page, or as Markdown.
// Fails: never; strings that are not valid UTF-8 (file names can be any
//        bytes) are written with U+FFFD in place of the broken bytes.
// Safety: every value written into HTML goes through AppendHtmlEscaped, the
//        one escaping function (fuzzed in fuzz/fuzz_escape.cc); the page
//        forbids scripts with a Content-Security-Policy.
#pragma once

#include <string>
#include <string_view>

#include "lagebild/report.h"
#include "lagebild/status.h"

namespace lagebild::report {

enum class OutputFormat { kJson, kHtml, kMarkdown };

// "json", "html", "md"/"markdown".
Result<OutputFormat> ParseOutputFormat(std::string_view name);

std::string WriteJson(const Report& report);
std::string WriteHtml(const Report& report);

// How a page is written for the local web app (serve) rather than as an
// offline file.
struct HtmlOptions {
  // The page's Content-Security-Policy; empty: the offline file's (its
  // inline style and nothing else).
  std::string csp;
  // Markup placed first in the body (the app's navigation). Trusted: the
  // caller escapes every value it holds.
  std::string header_html;
  // Where the app shows an article and an entity: an article's heading
  // links to article_href + its id, an entity's name to entity_href + its
  // key, percent-encoded. Empty: no such links.
  std::string article_href, entity_href;
  // CSS appended to the page's stylesheet (trusted).
  std::string style;
  // At most this many article sections (0: all): the newest, with a note
  // of how many are left out; a citation of another links to
  // article_href + its id. A story of thousands of articles stays a page
  // a browser can open.
  size_t max_articles = 0;
};
std::string WriteHtml(const Report& report, const HtmlOptions& options);
// A page of one article of the report: its section alone (flags and their
// evidence, facts, the marked text, what was removed), under the header.
// An unknown id gives a page that says so.
std::string WriteArticleHtml(const Report& report, const std::string& article_id, const HtmlOptions& options);
// The stylesheet every page shares (for the app's own pages).
const char* PageStyle();
std::string WriteMarkdown(const Report& report);
std::string Write(const Report& report, OutputFormat format);

// A story's facts in one line of plain text (to be escaped by the caller):
// "6 articles · 5 sources · 1 copy · de, en · 2025-03-14 – 2025-03-15".
std::string StoryFacts(const Story& story);

// Appends s with & < > " ' escaped (and ill-formed UTF-8 replaced): safe in
// element content and in quoted attribute values.
void AppendHtmlEscaped(std::string& out, std::string_view s);
std::string EscapeHtml(std::string_view s);

// Appends s as a JSON string literal, quotes included.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace lagebild::report
