// A self-contained, readable HTML page of the report: no scripts, no
// external resources, one stylesheet inline. Every value passes through
// AppendHtmlEscaped; nothing from an article is ever written as markup or
// as a link target.
#include <cstdio>
#include <map>

#include "report/report_writer.h"

namespace lagebild::report {
namespace {

constexpr const char* kStyle = R"css(
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
header p{color:#555}
h1{font-size:1.6rem} h2{font-size:1.25rem;margin-bottom:.25rem}
section.article{border-top:1px solid #ccc;padding:.5rem 0 1rem}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:0 1rem;font-size:.85rem;color:#444}
dl.meta dt{font-weight:600} dl.meta dd{margin:0;overflow-wrap:anywhere}
.flag{display:inline-block;background:#fde8c8;border-radius:3px;padding:0 .4rem;margin-right:.3rem;font-size:.8rem}
.text p{margin:.5rem 0}
details{font-size:.85rem;color:#555;margin:.25rem 0}
table{border-collapse:collapse;font-size:.9rem} td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
.errors{background:#fff4f4}
.status{border-radius:3px;padding:0 .4rem;font-size:.8rem}
.status.conflicting{background:#f9d0d0} .status.consistent{background:#d4f0d4} .status.single-source{background:#eee}
table.claims ul{margin:0;padding-left:1rem}
.cite{font-size:.8rem;color:#555}
)css";

void Esc(std::string& out, std::string_view s) { AppendHtmlEscaped(out, s); }

void Tag(std::string& out, const char* open, std::string_view value, const char* close) {
  out.append(open);
  Esc(out, value);
  out.append(close);
}

void MetaRow(std::string& out, const char* name, std::string_view value) {
  if (value.empty()) return;
  out.append("<dt>");
  out.append(name);
  out.append("</dt><dd>");
  Esc(out, value);
  out.append("</dd>\n");
}

// Paragraphs ("\n\n") become <p>, single line breaks <br>.
void Paragraphs(std::string& out, std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view para = text.substr(pos, end - pos);
    out.append("<p>");
    size_t lpos = 0;
    while (lpos <= para.size()) {
      size_t lend = para.find('\n', lpos);
      if (lend == std::string_view::npos) lend = para.size();
      if (lpos > 0) out.append("<br>");
      Esc(out, para.substr(lpos, lend - lpos));
      lpos = lend + 1;
    }
    out.append("</p>\n");
    pos = end + 2;
  }
}

void WriteArticle(std::string& out, const Article& a) {
  out.append("<section class=\"article\" id=\"");
  Esc(out, a.id);
  out.append("\">\n");
  out.append("<h2>");
  Esc(out, a.id);
  out.append(": ");
  Esc(out, a.title ? *a.title : std::string("(untitled)"));
  out.append("</h2>\n");
  if (!a.flags.empty()) {
    out.append("<p>");
    for (const auto& f : a.flags) Tag(out, "<span class=\"flag\">", f, "</span>");
    out.append("</p>\n");
  }
  if (!a.flag_evidence.empty()) {
    out.append("<details><summary>why these flags</summary><ul>\n");
    for (const FlagEvidence& e : a.flag_evidence) {
      out.append("<li>");
      Esc(out, e.flag);
      out.append(": ");
      Esc(out, e.evidence);
      out.append("</li>\n");
    }
    out.append("</ul></details>\n");
  }
  out.append("<dl class=\"meta\">\n");
  MetaRow(out, "source", a.source);
  MetaRow(out, "outlet", a.outlet);
  if (!a.outlet_info.kind.empty()) {
    std::string kind = a.outlet_info.kind;
    if (!a.outlet_info.country.empty()) kind += ", " + a.outlet_info.country;
    if (!a.outlet_info.state.empty()) kind += ", state media typology " + a.outlet_info.state;
    MetaRow(out, "outlet kind", kind);
  }
  if (!a.agency.empty()) MetaRow(out, "agency copy", a.agency);
  MetaRow(out, "url", a.url);
  MetaRow(out, "author", a.author);
  MetaRow(out, "language", a.language + (a.language_reliable ? "" : " (uncertain)"));
  if (a.published.value.known()) {
    MetaRow(out, "published",
            a.published.value.ToString() + " (" + DateBasisName(a.published.basis) + ")");
  } else {
    MetaRow(out, "published", "unknown");
  }
  MetaRow(out, "encoding", a.encoding);
  if (a.duplicate_of) MetaRow(out, "copy of", *a.duplicate_of);
  out.append("</dl>\n<div class=\"text\">\n");
  Paragraphs(out, a.text);
  out.append("</div>\n");
  if (!a.removed.empty()) {
    out.append("<details><summary>removed (");
    out.append(std::to_string(a.removed.size()));
    out.append(")</summary><ul>\n");
    for (const Removed& r : a.removed) {
      out.append("<li>");
      Tag(out, "<em>", r.reason, "</em>: ");
      Esc(out, r.text);
      out.append("</li>\n");
    }
    out.append("</ul></details>\n");
  }
  if (!a.diagnostics.empty()) {
    out.append("<details><summary>diagnostics (");
    out.append(std::to_string(a.diagnostics.size()));
    out.append(")</summary><ul>\n");
    for (const Diagnostic& d : a.diagnostics) {
      out.append("<li>");
      Esc(out, d.stage + "/" + d.code + ": " + d.message);
      out.append("</li>\n");
    }
    out.append("</ul></details>\n");
  }
  out.append("</section>\n");
}

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// The summary or the timeline: each sentence with the articles it cites.
void WriteCited(std::string& out, const char* heading, const std::vector<CitedText>& items,
                bool dated) {
  if (items.empty()) return;
  Tag(out, "<h3>", heading, "</h3>\n<ul class=\"cited\">\n");
  for (const CitedText& c : items) {
    out.append("<li>");
    if (dated) Tag(out, "<strong>", c.date, "</strong> ");
    Esc(out, c.text);
    out.append(" <span class=\"cite\">[");
    for (size_t k = 0; k < c.articles.size(); ++k) {
      if (k > 0) out.append(", ");
      Tag(out, "<a href=\"#", c.articles[k], "\">");
      Esc(out, c.articles[k]);
      out.append("</a>");
    }
    out.append("]</span></li>\n");
  }
  out.append("</ul>\n");
}

// Who says how many of what: one row a claim, its values with their
// article, bounds and source.
void WriteClaims(std::string& out, const Story& s) {
  if (s.claims.empty()) return;
  out.append("<h3>Claims</h3>\n<table class=\"claims\">\n"
             "<tr><th>about</th><th>status</th><th>values</th></tr>\n");
  for (const Claim& c : s.claims) {
    out.append("<tr><td>");
    Esc(out, c.about);
    out.append("</td><td><span class=\"status ");
    Esc(out, c.status);
    out.append("\">");
    Esc(out, c.status);
    out.append("</span></td><td><ul>");
    for (const ClaimValue& v : c.values) {
      out.append("<li>");
      Tag(out, "<a href=\"#", v.article, "\">");
      Esc(out, v.article);
      out.append("</a>: „");
      Esc(out, v.text);
      out.append("“");
      if (v.low || v.high) {
        out.append(" (");
        out.append(v.low ? FormatNumber(*v.low) : std::string("…"));
        out.append("–");
        out.append(v.high ? FormatNumber(*v.high) : std::string("…"));
        out.append(")");
      }
      if (!v.source.empty()) {
        out.append(", according to ");
        Esc(out, v.source);
      }
      out.append("</li>");
    }
    out.append("</ul></td></tr>\n");
  }
  out.append("</table>\n");
}

// People, organisations and places with every spelling seen.
void WriteEntities(std::string& out, const Story& s) {
  if (s.entities.empty()) return;
  out.append("<details><summary>entities (");
  out.append(std::to_string(s.entities.size()));
  out.append(")</summary>\n<table class=\"entities\">\n"
             "<tr><th>type</th><th>name</th><th>spellings</th><th>coordinates</th></tr>\n");
  for (const StoryEntity& e : s.entities) {
    Tag(out, "<tr><td>", e.type, "</td>");
    Tag(out, "<td>", e.name, "</td><td>");
    for (size_t k = 0; k < e.variants.size(); ++k) {
      if (k > 0) out.append(", ");
      Esc(out, e.variants[k]);
    }
    out.append("</td><td>");
    if (e.geo) out.append(FormatNumber(e.geo->lat) + ", " + FormatNumber(e.geo->lon));
    out.append("</td></tr>\n");
  }
  out.append("</table></details>\n");
}

}  // namespace

std::string WriteHtml(const Report& report) {
  std::string out;
  size_t estimate = 8192;
  for (const Article& a : report.articles) estimate += a.text.size() * 11 / 10 + 1024;
  out.reserve(estimate);
  out.append(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>lagebild report</title>\n<style>");
  out.append(kStyle);
  out.append("</style>\n</head>\n<body>\n<header>\n<h1>Lagebild</h1>\n<p>");
  std::map<std::string, int> languages;
  for (const Article& a : report.articles) ++languages[a.language];
  out.append(std::to_string(report.articles.size()) + " articles");
  if (!languages.empty()) {
    out.append(" (");
    bool first = true;
    for (const auto& [lang, n] : languages) {
      if (!first) out.append(", ");
      first = false;
      Esc(out, lang);
      out.append(": " + std::to_string(n));
    }
    out.append(")");
  }
  out.append(", " + std::to_string(report.stories.size()) + " stories, " +
             std::to_string(report.errors.size()) + " input errors.</p>\n</header>\n");
  if (!report.errors.empty()) {
    out.append("<section class=\"errors\"><h2>Inputs with errors</h2>\n<table>\n"
               "<tr><th>input</th><th>problem</th></tr>\n");
    for (const InputError& e : report.errors) {
      Tag(out, "<tr><td>", e.source, "</td>");
      Tag(out, "<td>", e.message, "</td></tr>\n");
    }
    out.append("</table></section>\n");
  }
  for (const Story& s : report.stories) {
    out.append("<section class=\"story\">");
    Tag(out, "<h2>", s.title, "</h2>");
    Tag(out, "<p class=\"facts\">", StoryFacts(s), "</p>\n");
    if (s.events.size() > 1) {
      out.append("<details><summary>");
      Esc(out, std::to_string(s.events.size()) + " events");
      out.append("</summary><ol class=\"events\">\n");
      for (const StoryEvent& e : s.events) {
        std::string line = e.title;
        if (e.days) line += " (" + e.days->first + (e.days->last != e.days->first ? " \u2013 " + e.days->last : "") + ")";
        line += " \u00b7 " + std::to_string(e.articles.size()) + (e.articles.size() == 1 ? " article" : " articles");
        Tag(out, "<li>", line, "</li>\n");
      }
      out.append("</ol></details>\n");
    }
    out.append("<p>articles: ");
    for (const auto& id : s.articles) {
      Esc(out, id);
      out.push_back(' ');
    }
    out.append("</p>\n");
    WriteCited(out, "Summary", s.summary, false);
    WriteClaims(out, s);
    WriteCited(out, "Timeline", s.timeline, true);
    WriteEntities(out, s);
    out.append("</section>\n");
  }
  for (const Article& a : report.articles) WriteArticle(out, a);
  if (!report.resources.empty()) {
    out.append("<footer><details><summary>resources</summary><ul>\n");
    for (const auto& r : report.resources) Tag(out, "<li>", r, "</li>\n");
    out.append("</ul></details></footer>\n");
  }
  out.append("</body>\n</html>\n");
  return out;
}

}  // namespace lagebild::report
