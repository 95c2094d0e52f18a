// The situation picture as one self-contained HTML page: for each story its
// header, summary, sources, claims matrix, timeline, map, statements and
// entities, then the articles. No script, no external resource, one inline
// stylesheet, graphics as inline SVG drawn here (docs/report-format.md
// shows the page part by part). Every value passes through
// AppendHtmlEscaped; nothing from an article is ever written as markup or
// as a link target (links point only at the page's own ids).
#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <set>

#include "report/html_parts.h"
#include "report/report_writer.h"
#include "util/calendar.h"
#include "util/strings.h"
#include "util/utf8.h"
#include "util/words.h"

namespace lagebild::report {
namespace {

using html::Esc;
using html::Page;

constexpr const char* kStyle = R"css(
:root{--fg:#1d1d1f;--muted:#5a5a60;--line:#c9c9d0;--bg:#fff;--panel:#f5f5f7;--link:#0b57d0;
--ok:#1e7b34;--okbg:#d9f2df;--bad:#b3261e;--badbg:#fbe0de;--upd:#7a4f00;--updbg:#fdf0c8;--one:#e9e9ee;
--land:#e4e1d6;--sea:#eef4f8;--mark:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8ec;--muted:#a8a8b3;--line:#45454d;--bg:#141416;
--panel:#1f1f23;--link:#8ab4f8;--ok:#7fd88f;--okbg:#1d3a24;--bad:#f2938c;--badbg:#4a1f1c;--upd:#f5cf6b;
--updbg:#3d3215;--one:#2a2a30;--land:#3a3a36;--sea:#1b2329;--mark:#f2938c}}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
a{color:var(--link)} a:focus{outline:2px solid var(--link);outline-offset:2px}
a.sentence{color:inherit;text-decoration:none} a.sentence:hover,a.sentence:focus{text-decoration:underline}
h1{font-size:1.6rem;margin:.5rem 0} h2{font-size:1.35rem;margin:1.5rem 0 .25rem} h3{font-size:1.1rem;margin:1.25rem 0 .4rem}
.facts,.note,.basis,.kind{color:var(--muted);font-size:.9rem}
section{margin:.5rem 0}
table{border-collapse:collapse;font-size:.9rem;width:100%} td,th{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
th{font-weight:600}
.flag{display:inline-block;background:var(--updbg);color:var(--upd);border-radius:3px;padding:0 .4rem;margin:0 .3rem .2rem 0;font-size:.8rem}
details.flag{display:inline-block} details.flag[open]{display:block;background:var(--panel);color:var(--fg)}
.status{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.8rem;font-weight:600}
.status.conflicting{background:var(--badbg);color:var(--bad)} .status.consistent{background:var(--okbg);color:var(--ok)}
.status.updated{background:var(--updbg);color:var(--upd)} .status.single-source{background:var(--one);color:var(--muted)}
svg{max-width:100%;height:auto;display:block} svg.bars{width:300px} svg.timeline,svg.map{width:100%}
table.claims td:nth-child(2){width:310px}
svg text{font:11px system-ui,sans-serif;fill:var(--fg)}
.bar.agree{fill:var(--ok)} .bar.differ{fill:var(--bad)} .bar.update{fill:var(--upd)} .bar.alone{fill:var(--muted)} .bar.copy{opacity:.45}
.axis{stroke:var(--line)} .tick{fill:var(--muted)}
.cover{fill:var(--muted)} .cover.copy{fill:var(--line)}
.event circle{fill:var(--link)} .event text{fill:var(--bg);font-weight:700}
.sea{fill:var(--sea)} .land{fill:var(--land);stroke:var(--line);stroke-width:.5}
.place circle{fill:var(--mark);fill-opacity:.8;stroke:var(--bg)} .place text{font-weight:600}
ul.values{list-style:none;margin:0;padding:0} ul.values li{margin:.1rem 0}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.3rem;vertical-align:baseline}
.swatch.agree{background:var(--ok)} .swatch.differ{background:var(--bad)} .swatch.update{background:var(--upd)} .swatch.alone{background:var(--muted)}
ol.timeline li,ul.cited li{margin:.3rem 0}
.cite{font-size:.85rem;color:var(--muted)}
.sources li{margin:.4rem 0}
.article{border-top:1px solid var(--line);padding:.5rem 0 1rem}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:0 1rem;font-size:.85rem;color:var(--muted);margin:.5rem 0}
dl.meta dt{font-weight:600} dl.meta dd{margin:0}
.text p{margin:.5rem 0}
.m-time{border-bottom:2px solid var(--link)} .m-name{border-bottom:2px dotted var(--ok)} .m-number{border-bottom:2px solid var(--upd)}
details{margin:.25rem 0} summary{cursor:pointer}
details.story>summary{list-style:none} details.story>summary h2{display:inline}
.errors{background:var(--badbg);padding:.5rem}
nav.stories td:first-child{width:55%}
@media (max-width:40rem){body{padding:.5rem} dl.meta{grid-template-columns:auto}
table.claims,table.claims tbody,table.claims tr,table.claims td,table.claims th{display:block;width:auto}
table.claims tr:first-child{display:none} table.claims td:nth-child(2){width:auto} svg.bars{width:100%}}
@media print{body{max-width:none;color:#000;background:#fff} a{color:#000;text-decoration:none} details>summary{list-style:none} .map{break-inside:avoid} nav.stories{display:none}}
)css";

// printf into a string of any length (only numbers and day strings of our
// own go through it; every text of a report goes through Esc).
__attribute__((format(printf, 1, 2))) std::string Fmt(const char* format, ...) {
  va_list args, again;
  va_start(args, format);
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string out(n > 0 ? size_t(n) : 0, '\0');
  if (n > 0) std::vsnprintf(out.data(), out.size() + 1, format, again);
  va_end(again);
  return out;
}

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

// "2022-01-13" as a day number; false when it is no day.
bool ParseDay(std::string_view s, int64_t* day) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || std::sscanf(std::string(s).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  const util::Day v{y, m, d};
  if (!util::IsValidDay(v)) return false;
  *day = util::DayNumber(v);
  return true;
}

// The article's own day, when it is dated to the day.
bool ArticleDay(const Article& a, int64_t* day) {
  const PartialDate& p = a.published.value;
  if (!p.known() || p.month == 0 || p.day == 0) return false;
  const util::Day v{p.year, p.month, p.day};
  if (!util::IsValidDay(v)) return false;
  *day = util::DayNumber(v);
  return true;
}

// A section's id on this page: the plain anchor for a page of one story,
// "s2-claims" on a page of several.
std::string SectionId(const Page& page, const Story& s, const char* name) {
  return page.report->stories.size() == 1 ? std::string(name) : s.id + "-" + name;
}

// --- text with its mentions marked ------------------------------------------

struct Mark {
  size_t start, end;
  const char* cls;
  std::string title;
};

// The clean text in paragraphs ("\n\n": <p>, "\n": <br>), its time, name
// and number mentions marked with their resolved values in a title.
void MarkedText(std::string& out, const Article& a, const Story* story) {
  std::vector<Mark> marks;
  const std::string& t = a.text;
  auto valid = [&](size_t s, size_t e) {
    return s < e && e <= t.size() && t.find('\n', s) >= e;
  };
  for (const TimeMention& m : a.times) {
    if (valid(m.start, m.end)) marks.push_back({m.start, m.end, "m-time", m.type + " " + m.value});
  }
  for (const EntityMention& m : a.entities) {
    if (!valid(m.start, m.end)) continue;
    std::string title = m.type;
    if (story) {
      for (const StoryEntity& e : story->entities) {
        if (e.id == m.entity) title += ": " + e.name;
      }
    }
    marks.push_back({m.start, m.end, "m-name", title});
  }
  for (const Quantity& q : a.quantities) {
    if (!valid(q.start, q.end)) continue;
    std::string title = q.counted.empty() ? std::string("number") : q.counted;
    if (q.low || q.high) {
      title += ": " + (q.low ? html::Number(*q.low) : std::string("…")) + "–" +
               (q.high ? html::Number(*q.high) : std::string("…"));
    } else if (q.value) {
      title += ": " + html::Number(*q.value);
    }
    marks.push_back({q.start, q.end, "m-number", title});
  }
  // Anchors where the story's summary and timeline sentences begin in this
  // article ("a1-at-120"), for their links.
  if (story) {
    for (const std::vector<CitedText>* list : {&story->summary, &story->timeline}) {
      for (const CitedText& c : *list) {
        const size_t at = c.text.empty() ? std::string::npos : t.find(c.text);
        if (at != std::string::npos) marks.push_back({at, at, nullptr, ""});
      }
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) {
    if (x.start != y.start) return x.start < y.start;
    if ((x.cls == nullptr) != (y.cls == nullptr)) return x.cls == nullptr;  // anchors first
    return x.end > y.end;
  });
  marks.erase(std::unique(marks.begin(), marks.end(),
                          [](const Mark& x, const Mark& y) {
                            return x.cls == nullptr && y.cls == nullptr && x.start == y.start;
                          }),
              marks.end());
  size_t at = 0, next = 0;
  out.append("<p>");
  auto plain = [&](size_t to) {
    while (at < to) {
      const size_t nl = t.find('\n', at);
      const size_t stop = std::min(nl == std::string::npos ? t.size() : nl, to);
      Esc(out, std::string_view(t).substr(at, stop - at));
      at = stop;
      if (at == to) break;
      if (t.compare(at, 2, "\n\n") == 0) {
        out.append("</p>\n<p>");
        at += 2;
        while (at < to && t[at] == '\n') ++at;
      } else {
        out.append("<br>");
        ++at;
      }
    }
  };
  for (const Mark& m : marks) {
    if (m.start < at) continue;  // overlaps one written
    plain(m.start);
    if (m.cls == nullptr) {
      out.append("<span id=\"");
      Esc(out, a.id + "-at-" + std::to_string(m.start));
      out.append("\"></span>");
      continue;
    }
    out.append("<span class=\"");
    out.append(m.cls);
    out.append("\" title=\"");
    Esc(out, m.title);
    out.append("\">");
    Esc(out, std::string_view(t).substr(m.start, m.end - m.start));
    out.append("</span>");
    at = m.end;
    ++next;
  }
  plain(t.size());
  out.append("</p>\n");
}

// --- the story's sections ---------------------------------------------------

// <section id="ID"><h3>TITLE</h3>
void OpenSection(std::string& out, const std::string& id, const char* title) {
  out.append("<section id=\"");
  Esc(out, id);
  out.append("\">\n<h3>");
  out.append(title);
  out.append("</h3>\n");
}

// A summary or timeline sentence as a link to where it stands in the
// first cited article that has it; as text when none has it.
void SentenceLink(std::string& out, const Page& page, const CitedText& c) {
  for (const std::string& id : c.articles) {
    const auto it = page.articles.find(id);
    if (it == page.articles.end() || c.text.empty()) continue;
    const size_t at = it->second->text.find(c.text);
    if (at == std::string::npos) continue;
    out.append("<a class=\"sentence\" href=\"#");
    Esc(out, id + "-at-" + std::to_string(at));
    out.append("\">");
    Esc(out, c.text);
    out.append("</a>");
    return;
  }
  Esc(out, c.text);
}

void WriteSummary(std::string& out, const Page& page, const Story& s) {
  if (s.summary.empty()) return;
  OpenSection(out, SectionId(page, s, "summary"), "Summary");
  out.append("<ul class=\"cited\">\n");
  for (const CitedText& c : s.summary) {
    out.append("<li>");
    SentenceLink(out, page, c);
    out.append(" ");
    html::Cites(out, page, c.articles);
    out.append("</li>\n");
  }
  out.append("</ul>\n</section>\n");
}

// One entry per outlet: its articles with language and day, the agency it
// copied, its flags with their evidence; then the copy trees.
void WriteSources(std::string& out, const Page& page, const Story& s) {
  std::map<std::string, std::vector<const Article*>> by_outlet;
  std::vector<std::string> order;
  for (const std::string& id : s.articles) {
    const auto it = page.articles.find(id);
    if (it == page.articles.end()) continue;
    const std::string label = html::OutletLabel(*it->second);
    if (!by_outlet.count(label)) order.push_back(label);
    by_outlet[label].push_back(it->second);
  }
  OpenSection(out, SectionId(page, s, "sources"), "Sources");
  // A page of a limited number of articles lists the 50 outlets of most
  // articles.
  if (page.options->max_articles > 0 && order.size() > 50) {
    std::stable_sort(order.begin(), order.end(), [&](const std::string& x, const std::string& y) {
      return by_outlet[x].size() > by_outlet[y].size();
    });
    Tag(out, "<p class=\"note\">", "The 50 outlets of most articles, of " + std::to_string(order.size()) + ".", "</p>\n");
    order.resize(50);
  }
  out.append("<ul class=\"sources\">\n");
  for (const std::string& label : order) {
    const std::vector<const Article*>& list = by_outlet[label];
    out.append("<li><strong>");
    Esc(out, label);
    out.append("</strong>");
    const OutletInfo& info = list.front()->outlet_info;
    if (!info.kind.empty()) {
      std::string kind = info.kind;
      if (!info.country.empty()) kind += ", " + info.country;
      if (!info.state.empty()) kind += ", state media typology " + info.state;
      out.append(" <span class=\"kind\">");
      Esc(out, kind);
      out.append("</span>");
    }
    out.append("<ul>\n");
    // A page of a limited number of articles lists at most 20 of an
    // outlet's (the newest).
    const size_t cap = page.options->max_articles > 0 ? 20 : list.size();
    if (list.size() > cap) {
      Tag(out, "<li class=\"note\">", "the newest " + std::to_string(cap) + " of " + std::to_string(list.size()), "</li>\n");
    }
    for (size_t k = list.size() > cap ? list.size() - cap : 0; k < list.size(); ++k) {
      const Article* a = list[k];
      out.append("<li><a href=\"");
      Esc(out, html::ArticleHref(page, a->id));
      out.append("\">");
      Esc(out, html::ArticleHeading(*a));
      out.append("</a> <span class=\"basis\">");
      std::string facts = a->language + " · " +
                          (a->published.value.known() ? a->published.value.ToString() + " (" +
                                                            DateBasisName(a->published.basis) + ")"
                                                      : std::string("undated"));
      if (!a->agency.empty()) facts += " · copies the agency " + a->agency;
      Esc(out, facts);
      out.append("</span>");
      if (a->duplicate_of) {
        out.append(" <span class=\"flag\">copy of ");
        html::Cite(out, page, *a->duplicate_of);
        out.append("</span>");
      }
      for (const std::string& f : a->flags) {
        std::string evidence;
        for (const FlagEvidence& e : a->flag_evidence) {
          if (e.flag == f) evidence += (evidence.empty() ? "" : "; ") + e.evidence;
        }
        if (evidence.empty()) {
          Tag(out, " <span class=\"flag\">", f, "</span>");
        } else {
          Tag(out, " <details class=\"flag\"><summary>", f, "</summary>");
          Esc(out, evidence);
          out.append("</details>");
        }
      }
      out.append("</li>\n");
    }
    out.append("</ul></li>\n");
  }
  out.append("</ul>\n");
  // Copy trees: each original with the copies that point to it.
  std::map<std::string, std::vector<std::string>> copies;
  for (const std::string& id : s.articles) {
    const auto it = page.articles.find(id);
    if (it != page.articles.end() && it->second->duplicate_of) copies[*it->second->duplicate_of].push_back(id);
  }
  if (!copies.empty()) {
    out.append("<h4>Copies</h4>\n<ul class=\"copies\">\n");
    for (const auto& [original, list] : copies) {
      out.append("<li>");
      html::Cite(out, page, original);
      out.append(" → ");
      for (size_t i = 0; i < list.size(); ++i) {
        if (i) out.append(", ");
        html::Cite(out, page, list[i]);
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n");
  }
  out.append("</section>\n");
}

// A value's range on the claim's scale: [lo, hi], either end open.
struct Range {
  bool any = false;
  double lo = 0, hi = 0;
  bool open_lo = false, open_hi = false;
};

Range RangeOf(const Claim& c, const ClaimValue& v) {
  Range r;
  if (c.kind == "date") {
    int64_t lo = 0, hi = 0;
    const bool has_lo = ParseDay(v.date_low, &lo), has_hi = ParseDay(v.date_high, &hi);
    if (!has_lo && !has_hi) return r;
    r.any = true;
    r.lo = double(has_lo ? lo : hi), r.hi = double(has_hi ? hi : lo);
    r.open_lo = !has_lo, r.open_hi = !has_hi;
    return r;
  }
  const std::optional<double> lo = v.low ? v.low : v.value, hi = v.high ? v.high : (v.low ? std::nullopt : v.value);
  if (!lo && !hi) return r;
  r.any = true;
  r.lo = lo ? *lo : *hi, r.hi = hi ? *hi : *lo;
  r.open_lo = !lo, r.open_hi = !hi;
  if (!std::isfinite(r.lo) || !std::isfinite(r.hi)) r.any = false;
  return r;
}

bool Meet(const Range& a, const Range& b) {
  const bool below = !a.open_hi && !b.open_lo && a.hi < b.lo;
  const bool above = !b.open_hi && !a.open_lo && b.hi < a.lo;
  return !below && !above;
}

std::string DayText(int64_t day) { return util::FormatDay(util::FromDayNumber(day)); }

// One row per claim: its label and status, a bar per value on the row's
// common scale (green: meets every other source's value; red: misses one;
// amber: an update, values in day order; grey: one source), the wording
// and the citation beside each mark.
void WriteClaims(std::string& out, const Page& page, const Story& s) {
  if (s.claims.empty()) return;
  OpenSection(out, SectionId(page, s, "claims"), "Claims");
  out.append("<table class=\"claims\">\n"
             "<tr><th scope=\"col\">claim</th><th scope=\"col\">values on one scale</th>"
             "<th scope=\"col\">as written</th></tr>\n");
  for (const Claim& c : s.claims) {
    std::vector<Range> ranges;
    double lo = 0, hi = 0;
    bool any = false;
    for (const ClaimValue& v : c.values) {
      ranges.push_back(RangeOf(c, v));
      const Range& r = ranges.back();
      if (!r.any) continue;
      lo = any ? std::min(lo, r.lo) : r.lo;
      hi = any ? std::max(hi, r.hi) : r.hi;
      any = true;
    }
    if (any && hi <= lo) {
      const double pad = c.kind == "date" ? 1 : std::max(1.0, std::abs(lo) * 0.1);
      lo -= pad, hi += pad;
    }
    // Which source each value is from: a copy counts with its original.
    auto source_of = [&](const std::string& id) {
      const auto it = page.articles.find(id);
      return it != page.articles.end() && it->second->duplicate_of ? *it->second->duplicate_of : id;
    };
    std::vector<std::string> cls(c.values.size(), "alone");
    for (size_t i = 0; i < c.values.size(); ++i) {
      bool other = false, missed = false;
      for (size_t j = 0; j < c.values.size(); ++j) {
        if (source_of(c.values[i].article) == source_of(c.values[j].article)) continue;
        if (!ranges[i].any || !ranges[j].any) continue;
        other = true;
        missed |= !Meet(ranges[i], ranges[j]);
      }
      if (other) cls[i] = missed ? (c.status == "updated" ? "update" : "differ") : "agree";
    }
    out.append("<tr><th scope=\"row\">");
    Esc(out, c.label.empty() ? c.about : c.label);
    out.append("<br><span class=\"status ");
    Esc(out, c.status);
    out.append("\">");
    Esc(out, c.status == "conflicting" ? "≠ conflicting" : c.status == "consistent" ? "= consistent"
                                                 : c.status == "updated" ? "↗ updated" : c.status);
    out.append("</span></th><td>");
    if (any) {
      constexpr double kW = 300, kLeft = 4, kRight = 296, kRow = 14;
      const double h = 18 + kRow * double(c.values.size());
      const auto x = [&](double v) { return kLeft + (v - lo) / (hi - lo) * (kRight - kLeft); };
      out.append(Fmt("<svg class=\"bars\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", kW, h));
      Esc(out, (c.label.empty() ? c.about : c.label) + ": " + c.status);
      out.append("\">\n");
      for (size_t i = 0; i < c.values.size(); ++i) {
        const Range& r = ranges[i];
        if (!r.any) continue;
        const double x0 = r.open_lo ? kLeft : x(r.lo), x1 = r.open_hi ? kRight : x(r.hi);
        const double y0 = 2 + kRow * double(i);
        const bool copy = source_of(c.values[i].article) != c.values[i].article;
        out.append(Fmt("<rect class=\"bar %s%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" rx=\"2\"><title>",
                      cls[i].c_str(), copy ? " copy" : "", x0, y0, std::max(3.0, x1 - x0)));
        Esc(out, c.values[i].text);
        out.append("</title></rect>");
        if (r.open_hi) {
          out.append(Fmt("<text x=\"%.1f\" y=\"%.1f\">▶</text>", kRight - 8, y0 + 9));
        }
        out.append("\n");
      }
      const double base = 4 + kRow * double(c.values.size());
      const std::string left = c.kind == "date" ? DayText(int64_t(lo)) : html::Number(lo);
      const std::string right = c.kind == "date" ? DayText(int64_t(hi)) : html::Number(hi);
      out.append(Fmt("<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\"/>", kLeft, kRight, base, base));
      out.append(Fmt("<text class=\"tick\" x=\"%.0f\" y=\"%.1f\">", kLeft, base + 12));
      Esc(out, left);
      out.append(Fmt("</text><text class=\"tick\" x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", kRight, base + 12));
      Esc(out, right);
      out.append("</text></svg>");
    }
    out.append("</td><td><ul class=\"values\">");
    for (size_t i = 0; i < c.values.size(); ++i) {
      const ClaimValue& v = c.values[i];
      out.append("<li><span class=\"swatch ");
      out.append(cls[i]);
      out.append("\"></span>„");
      Esc(out, v.text);
      out.append("“ ");
      if (!v.source.empty()) {
        out.append("<span class=\"basis\">according to ");
        Esc(out, v.source);
        out.append("</span> ");
      }
      html::Cite(out, page, v.article);
      out.append("</li>");
    }
    out.append("</ul></td></tr>\n");
  }
  out.append("</table>\n</section>\n");
}

// A day axis: above it the dated events (numbered, linked to the list
// below), under it the articles per day (originals dark, copies light).
void WriteTimeline(std::string& out, const Page& page, const Story& s) {
  std::vector<std::pair<int64_t, size_t>> events;  // day, index in s.timeline
  for (size_t i = 0; i < s.timeline.size(); ++i) {
    int64_t d = 0;
    if (ParseDay(s.timeline[i].date, &d)) events.emplace_back(d, i);
  }
  std::map<int64_t, std::pair<int, int>> coverage;  // day -> originals, copies
  for (const std::string& id : s.articles) {
    const auto it = page.articles.find(id);
    int64_t d = 0;
    if (it == page.articles.end() || !ArticleDay(*it->second, &d)) continue;
    (it->second->duplicate_of ? coverage[d].second : coverage[d].first)++;
  }
  if (s.timeline.empty() && coverage.empty()) return;
  const std::string id = SectionId(page, s, "timeline");
  OpenSection(out, id, "Timeline");
  int64_t first = 0, last = 0;
  bool any = false;
  for (const auto& [d, i] : events) first = any ? std::min(first, d) : d, last = any ? std::max(last, d) : d, any = true;
  for (const auto& [d, n] : coverage) first = any ? std::min(first, d) : d, last = any ? std::max(last, d) : d, any = true;
  if (any) {
    // At most a year drawn: a story's days beyond it are listed, not drawn.
    last = std::min(last, first + 366);
    const double days = double(last - first + 1);
    constexpr double kW = 640, kLeft = 10, kRight = 630, kAxis = 70;
    int most = 1;
    for (const auto& [d, n] : coverage) most = std::max(most, n.first + n.second);
    const double h = kAxis + 64;
    const double step = (kRight - kLeft) / days;
    const auto x = [&](int64_t d) { return kLeft + (double(d - first) + 0.5) * step; };
    out.append(Fmt("<svg class=\"timeline\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Days, dated events and articles per day\">\n", kW, h));
    out.append(Fmt("<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>\n", kLeft, kRight, kAxis, kAxis));
    // Day labels: at most about ten.
    const int64_t every = std::max<int64_t>(1, int64_t(std::ceil(days / 10)));
    for (int64_t d = first; d <= last; d += every) {
      const util::Day day = util::FromDayNumber(d);
      out.append(Fmt("<text class=\"tick\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" data-day=\"%s\">%d.%d.</text>\n",
                    x(d), kAxis + 12, util::FormatDay(day).c_str(), day.d, day.m));
    }
    // Events: stacked per day.
    std::map<int64_t, int> stacked;
    for (size_t k = 0; k < events.size(); ++k) {
      const auto [d, i] = events[k];
      if (d > last) continue;
      const int level = stacked[d]++;
      const double cy = kAxis - 10 - 18 * std::min(level, 3);
      out.append(Fmt("<a href=\"#%s-%zu\"><g class=\"event\" data-day=\"%s\"><title>", id.c_str(), i + 1, DayText(d).c_str()));
      Esc(out, s.timeline[i].date + ": " + s.timeline[i].text);
      out.append(Fmt("</title><circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%zu</text></g></a>\n",
                    x(d), cy, x(d), cy + 4, i + 1));
    }
    // Coverage.
    const double bar_w = std::max(1.0, std::min(step * 0.7, 24.0));
    for (const auto& [d, n] : coverage) {
      if (d > last) continue;
      const double per = 40.0 / most;
      const double h1 = per * n.first, h2 = per * n.second;
      out.append(Fmt("<g data-day=\"%s\"><title>%s: %d %s, %d %s</title>"
                    "<rect class=\"cover\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>"
                    "<rect class=\"cover copy\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/></g>\n",
                    DayText(d).c_str(), DayText(d).c_str(), n.first, n.first == 1 ? "article" : "articles",
                    n.second, n.second == 1 ? "copy" : "copies", x(d) - bar_w / 2, kAxis + 18, bar_w, h1,
                    x(d) - bar_w / 2, kAxis + 18 + h1, bar_w, h2));
    }
    out.append("</svg>\n<p class=\"note\">Above the axis: dated events (numbers as below). Under it: articles per day, copies lighter.</p>\n");
  }
  if (!s.timeline.empty()) {
    out.append("<ol class=\"timeline\">\n");
    for (size_t i = 0; i < s.timeline.size(); ++i) {
      const CitedText& c = s.timeline[i];
      out.append("<li id=\"");
      Esc(out, id + "-" + std::to_string(i + 1));
      out.append("\"><time>");
      Esc(out, c.date);
      out.append("</time> ");
      SentenceLink(out, page, c);
      out.append(" ");
      html::Cites(out, page, c.articles);
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }
  out.append("</section>\n");
}

void WriteStatements(std::string& out, const Page& page, const Story& s) {
  if (s.statements.empty()) return;
  OpenSection(out, SectionId(page, s, "statements"), "Statements");
  out.append("<table>\n<tr><th scope=\"col\">speaker</th><th scope=\"col\">renderings</th></tr>\n");
  for (const Statement& st : s.statements) {
    out.append("<tr><td>");
    const StoryEntity* speaker = nullptr;
    for (const StoryEntity& e : s.entities) {
      if (e.id == st.speaker) speaker = &e;
    }
    if (speaker) {
      Tag(out, "<strong>", speaker->name, "</strong>");
      if (speaker->variants.size() > 1) {
        std::string all;
        for (const std::string& v : speaker->variants) all += (all.empty() ? "" : ", ") + v;
        Tag(out, "<br><span class=\"basis\">", all, "</span>");
      }
    } else {
      Esc(out, st.speaker_text.empty() ? std::string("unknown") : st.speaker_text);
    }
    out.append("</td><td><ul class=\"values\">");
    for (const Rendering& r : st.renderings) {
      out.append("<li>„");
      Esc(out, r.text);
      out.append("“ ");
      html::Cite(out, page, r.article);
      out.append("</li>");
    }
    out.append("</ul></td></tr>\n");
  }
  out.append("</table>\n</section>\n");
}

void WriteEntities(std::string& out, const Page& page, const Story& s,
                   const std::unordered_map<std::string, int>& mentions) {
  if (s.entities.empty()) return;
  out.append("<section id=\"");
  Esc(out, SectionId(page, s, "entities"));
  out.append("\">\n<details><summary><h3 style=\"display:inline\">People, organisations, places (");
  out.append(std::to_string(s.entities.size()));
  out.append(")</h3></summary>\n<table>\n<tr><th scope=\"col\">type</th><th scope=\"col\">name</th>"
             "<th scope=\"col\">spellings</th><th scope=\"col\">mentions</th></tr>\n");
  std::vector<const StoryEntity*> sorted;
  for (const StoryEntity& e : s.entities) sorted.push_back(&e);
  const auto count = [&](const StoryEntity* e) {
    const auto it = mentions.find(e->id);
    return it == mentions.end() ? 0 : it->second;
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const StoryEntity* a, const StoryEntity* b) { return count(a) > count(b); });
  // A page of a limited number of articles lists the 200 entities of
  // most mentions.
  if (page.options->max_articles > 0 && sorted.size() > 200) sorted.resize(200);
  for (const StoryEntity* e : sorted) {
    Tag(out, "<tr><td>", e->type, "</td>");
    if (!page.options->entity_href.empty() && !e->key.empty()) {
      out.append("<td><a href=\"");
      Esc(out, page.options->entity_href + util::PercentEncode(e->key));
      out.append("\">");
      Esc(out, e->name);
      out.append("</a></td><td>");
    } else {
      Tag(out, "<td>", e->name, "</td><td>");
    }
    for (size_t k = 0; k < e->variants.size(); ++k) {
      if (k > 0) out.append(", ");
      Esc(out, e->variants[k]);
    }
    out.append("</td><td>" + std::to_string(count(e)) + "</td></tr>\n");
  }
  out.append("</table></details>\n</section>\n");
}

void WriteStory(std::string& out, const Page& page, const Story& s, bool open) {
  const bool several = page.report->stories.size() > 1;
  std::unordered_map<std::string, int> mentions;
  for (const std::string& id : s.articles) {
    const auto it = page.articles.find(id);
    if (it == page.articles.end()) continue;
    for (const EntityMention& m : it->second->entities) ++mentions[m.entity];
  }
  out.append(several ? "<details class=\"story\"" : "<article class=\"story\"");
  if (several && open) out.append(" open");
  out.append(" id=\"");
  Esc(out, s.id);
  out.append("\">\n");
  if (several) out.append("<summary>");
  Tag(out, "<h2>", s.title, "</h2>");
  Tag(out, "<p class=\"facts\">", StoryFacts(s), "</p>\n");
  if (several) out.append("</summary>\n");
  if (!s.events.empty()) {
    out.append("<details><summary>");
    Esc(out, std::to_string(s.events.size()) + (s.events.size() == 1 ? " event" : " events"));
    out.append("</summary><ol class=\"events\">\n");
    // A page of a limited number of articles lists the 50 latest events.
    const size_t first_event =
        page.options->max_articles > 0 && s.events.size() > 50 ? s.events.size() - 50 : 0;
    if (first_event > 0) Tag(out, "<li class=\"note\">", "the latest 50 of " + std::to_string(s.events.size()), "</li>\n");
    for (size_t k = first_event; k < s.events.size(); ++k) {
      const StoryEvent& e = s.events[k];
      out.append("<li>");
      Esc(out, e.title);
      std::string line;
      if (e.days) line += " (" + e.days->first + (e.days->last != e.days->first ? " – " + e.days->last : "") + ")";
      line += " · " + std::to_string(e.articles.size()) + (e.articles.size() == 1 ? " article " : " articles ");
      Esc(out, line);
      // A page of a limited number of articles cites an event's first ten.
      if (page.options->max_articles > 0 && e.articles.size() > 10) {
        html::Cites(out, page, std::vector<std::string>(e.articles.begin(), e.articles.begin() + 10));
        Esc(out, " …");
      } else {
        html::Cites(out, page, e.articles);
      }
      out.append("</li>\n");
    }
    out.append("</ol></details>\n");
  }
  WriteSummary(out, page, s);
  WriteSources(out, page, s);
  WriteClaims(out, page, s);
  WriteTimeline(out, page, s);
  html::WriteMap(out, page, s, SectionId(page, s, "map"), mentions);
  WriteStatements(out, page, s);
  WriteEntities(out, page, s, mentions);
  out.append(several ? "</details>\n" : "</article>\n");
}

void WriteArticle(std::string& out, const Page& page, const Article& a, const Story* story) {
  out.append("<section class=\"article\" id=\"");
  Esc(out, a.id);
  out.append("\">\n<h3>");
  const bool link = !page.options->article_href.empty();
  if (link) {
    out.append("<a href=\"");
    Esc(out, page.options->article_href + util::PercentEncode(a.id));
    out.append("\">");
  }
  Esc(out, html::OutletLabel(a) + ", " + html::DayLabel(a, page.lang) + ": ");
  Esc(out, html::ArticleHeading(a));
  out.append(link ? "</a></h3>\n" : "</h3>\n");
  if (!a.flags.empty()) {
    out.append("<p>");
    for (const std::string& f : a.flags) Tag(out, "<span class=\"flag\">", f, "</span>");
    out.append("</p>\n");
  }
  if (!a.flag_evidence.empty()) {
    out.append("<details><summary>why these flags</summary><ul>\n");
    for (const FlagEvidence& e : a.flag_evidence) {
      out.append("<li>");
      Esc(out, e.flag + ": " + e.evidence);
      out.append("</li>\n");
    }
    out.append("</ul></details>\n");
  }
  out.append("<dl class=\"meta\">\n");
  MetaRow(out, "article", a.id);
  MetaRow(out, "source", a.source);
  MetaRow(out, "outlet", a.outlet);
  if (!a.outlet_info.kind.empty()) {
    std::string kind = a.outlet_info.kind;
    if (!a.outlet_info.country.empty()) kind += ", " + a.outlet_info.country;
    if (!a.outlet_info.state.empty()) kind += ", state media typology " + a.outlet_info.state;
    MetaRow(out, "outlet kind", kind);
  }
  if (!a.agency.empty()) MetaRow(out, "agency copy", a.agency);
  MetaRow(out, "url", a.url);  // as text: never a link target
  MetaRow(out, "author", a.author);
  MetaRow(out, "language", a.language + (a.language_reliable ? "" : " (uncertain)"));
  MetaRow(out, "published", a.published.value.known()
                                ? a.published.value.ToString() + " (" + DateBasisName(a.published.basis) + ")"
                                : std::string("unknown"));
  MetaRow(out, "encoding", a.encoding);
  out.append("</dl>\n");
  if (a.duplicate_of) {
    out.append("<p class=\"basis\">A copy of ");
    html::Cite(out, page, *a.duplicate_of);
    out.append("</p>\n");
  }
  out.append("<div class=\"text\">\n");
  MarkedText(out, a, story);
  out.append("</div>\n");
  if (!a.removed.empty()) {
    out.append("<details><summary>removed (" + std::to_string(a.removed.size()) + ")</summary><ul>\n");
    for (const Removed& r : a.removed) {
      Tag(out, "<li><em>", r.reason, "</em>: ");
      Esc(out, r.text);
      out.append("</li>\n");
    }
    out.append("</ul></details>\n");
  }
  if (!a.diagnostics.empty()) {
    out.append("<details><summary>diagnostics (" + std::to_string(a.diagnostics.size()) + ")</summary><ul>\n");
    for (const Diagnostic& d : a.diagnostics) {
      Tag(out, "<li>", d.stage + "/" + d.code + ": " + d.message, "</li>\n");
    }
    out.append("</ul></details>\n");
  }
  out.append("</section>\n");
}

}  // namespace

namespace html {

std::string OutletLabel(const Article& a) {
  if (!a.outlet.empty()) return a.outlet;
  if (!a.agency.empty()) return a.agency;
  if (!a.outlet_info.name.empty()) return a.outlet_info.name;
  // A file's name, shortened: what is left of a source without a name.
  const size_t slash = a.source.find_last_of('/');
  std::string file = slash == std::string::npos ? a.source : a.source.substr(slash + 1);
  if (file.empty()) return a.id;
  if (util::CountCodePoints(file) > 18) file = std::string(util::FirstChars(file, 14)) + "…";
  return file;
}

std::string ArticleHeading(const Article& a) {
  if (a.title && !util::Trim(*a.title).empty()) return *a.title;
  std::string_view first = util::Trim(std::string_view(a.text).substr(0, std::string_view(a.text).find('\n')));
  if (first.empty()) return "(untitled)";
  if (util::CountCodePoints(first) <= 80) return std::string(first);
  std::string_view cut = util::FirstChars(first, 80);
  const size_t space = cut.rfind(' ');
  if (space != std::string_view::npos && space > 40) cut = cut.substr(0, space);
  return std::string(cut) + "…";
}

std::string DayLabel(const Article& a, std::string_view lang) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const PartialDate& p = a.published.value;
  if (!p.known()) return "undated";
  if (p.month < 1 || p.month > 12) return std::to_string(p.year);
  if (p.day == 0) return std::to_string(p.month) + "/" + std::to_string(p.year);
  if (lang == "de") return std::to_string(p.day) + "." + std::to_string(p.month) + ".";
  return std::to_string(p.day) + " " + kMonths[p.month - 1];
}

std::string ArticleHref(const Page& page, const std::string& article_id) {
  if (page.Shows(article_id) || page.options->article_href.empty()) return "#" + article_id;
  return page.options->article_href + util::PercentEncode(article_id);
}

void Cite(std::string& out, const Page& page, const std::string& article_id) {
  const auto it = page.articles.find(article_id);
  out.append("<a class=\"cite\" href=\"");
  Esc(out, ArticleHref(page, article_id));
  out.append("\">");
  if (it == page.articles.end()) {
    Esc(out, article_id);
  } else {
    Esc(out, OutletLabel(*it->second) + ", " + DayLabel(*it->second, page.lang));
  }
  out.append("</a>");
}

void Cites(std::string& out, const Page& page, const std::vector<std::string>& article_ids) {
  if (article_ids.empty()) return;
  out.append("<span class=\"cite\">[");
  for (size_t k = 0; k < article_ids.size(); ++k) {
    if (k > 0) out.append("; ");
    Cite(out, page, article_ids[k]);
  }
  out.append("]</span>");
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace html

namespace {

constexpr const char* kOfflineCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";

// The page of a report: its articles by id and its language.
Page PageOf(const Report& report, const HtmlOptions& options) {
  Page page;
  page.report = &report;
  page.options = &options;
  std::map<std::string, int> languages;
  for (const Article& a : report.articles) {
    page.articles.emplace(a.id, &a);
    ++languages[a.language];
  }
  page.lang = "en";
  int most = 0;
  for (const auto& [lang, n] : languages) {
    // A language code of letters only (it becomes an attribute value).
    const bool ok = !lang.empty() && lang.size() <= 8 &&
                    std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (ok && n > most) most = n, page.lang = lang;
  }
  return page;
}

// <!DOCTYPE html> … <body> and the options' header.
void OpenPage(std::string& out, const Page& page, const std::string& title) {
  out.append("<!DOCTYPE html>\n<html lang=\"");
  Esc(out, page.lang);
  out.append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
  Esc(out, page.options->csp.empty() ? std::string(kOfflineCsp) : page.options->csp);
  out.append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta name=\"color-scheme\" content=\"light dark\">\n<title>");
  Esc(out, title);
  out.append("</title>\n<style>");
  out.append(kStyle);
  out.append(page.options->style);
  out.append("</style>\n</head>\n<body>\n");
  out.append(page.options->header_html);
}

}  // namespace

const char* PageStyle() { return kStyle; }

std::string WriteHtml(const Report& report) { return WriteHtml(report, HtmlOptions{}); }

std::string WriteArticleHtml(const Report& report, const std::string& article_id, const HtmlOptions& options) {
  const Page page = PageOf(report, options);
  const auto it = page.articles.find(article_id);
  std::string out;
  OpenPage(out, page, it == page.articles.end() || !it->second->title
                          ? std::string("Lagebild: article")
                          : "Lagebild: " + *it->second->title);
  out.append("<main>\n");
  if (it == page.articles.end()) {
    Tag(out, "<p>", "No article " + article_id + ".", "</p>\n");
  } else {
    const Story* story = nullptr;
    for (const Story& s : report.stories) {
      if (std::find(s.articles.begin(), s.articles.end(), article_id) != s.articles.end()) story = &s;
    }
    WriteArticle(out, page, *it->second, story);
    if (story != nullptr) WriteEntities(out, page, *story, [&] {
      std::unordered_map<std::string, int> mentions;
      for (const EntityMention& m : it->second->entities) ++mentions[m.entity];
      return mentions;
    }());
  }
  out.append("</main>\n</body>\n</html>\n");
  return out;
}

std::string WriteHtml(const Report& report, const HtmlOptions& options) {
  Page page = PageOf(report, options);
  const size_t first_shown =
      options.max_articles > 0 && report.articles.size() > options.max_articles
          ? report.articles.size() - options.max_articles
          : 0;
  if (first_shown > 0) {
    for (size_t k = first_shown; k < report.articles.size(); ++k) page.shown.insert(report.articles[k].id);
  }
  std::map<std::string, int> languages;
  for (const Article& a : report.articles) ++languages[a.language];
  std::unordered_map<std::string, const Story*> story_of;
  for (const Story& s : report.stories) {
    for (const std::string& id : s.articles) story_of.emplace(id, &s);
  }
  std::string out;
  size_t estimate = 16384;
  for (const Article& a : report.articles) estimate += a.text.size() * 2 + 2048;
  out.reserve(estimate);
  OpenPage(out, page, report.stories.size() == 1 ? "Lagebild: " + report.stories[0].title : std::string("Lagebild"));
  out.append("<header>\n<h1>Lagebild</h1>\n<p class=\"facts\">");
  std::string line = std::to_string(report.articles.size()) +
                     (report.articles.size() == 1 ? " article" : " articles");
  if (!languages.empty()) {
    line += " (";
    bool first = true;
    for (const auto& [lang, n] : languages) {
      line += (first ? "" : ", ") + lang + ": " + std::to_string(n);
      first = false;
    }
    line += ")";
  }
  line += " · " + std::to_string(report.stories.size()) +
          (report.stories.size() == 1 ? " story" : " stories") + " · " +
          std::to_string(report.errors.size()) + " input errors";
  Esc(out, line);
  out.append("</p>\n</header>\n<main>\n");
  if (!report.errors.empty()) {
    out.append("<section class=\"errors\"><h2>Inputs with errors</h2>\n<table>\n"
               "<tr><th scope=\"col\">input</th><th scope=\"col\">problem</th></tr>\n");
    for (const InputError& e : report.errors) {
      Tag(out, "<tr><td>", e.source, "</td>");
      Tag(out, "<td>", e.message, "</td></tr>\n");
    }
    out.append("</table></section>\n");
  }
  if (report.stories.size() > 1) {
    out.append("<nav class=\"stories\" aria-label=\"Stories\"><h2>Stories</h2>\n<table>\n"
               "<tr><th scope=\"col\">story</th><th scope=\"col\">facts</th><th scope=\"col\">claims</th></tr>\n");
    for (const Story& s : report.stories) {
      out.append("<tr><td><a href=\"#");
      Esc(out, s.id);
      out.append("\">");
      Esc(out, s.title);
      out.append("</a></td><td>");
      Esc(out, StoryFacts(s));
      out.append("</td><td>");
      const bool conflict = std::any_of(s.claims.begin(), s.claims.end(),
                                        [](const Claim& c) { return c.status == "conflicting"; });
      if (conflict) out.append("<span class=\"status conflicting\">≠ conflicting</span>");
      out.append("</td></tr>\n");
    }
    out.append("</table></nav>\n");
  }
  for (size_t k = 0; k < report.stories.size(); ++k) WriteStory(out, page, report.stories[k], k == 0);
  if (!report.articles.empty()) {
    out.append("<h2>Articles</h2>\n");
    if (first_shown > 0) {
      Tag(out, "<p class=\"note\">",
          "The newest " + std::to_string(report.articles.size() - first_shown) + " of " +
              std::to_string(report.articles.size()) + " articles; citations of the others lead to their own pages.",
          "</p>\n");
    }
    for (size_t k = first_shown; k < report.articles.size(); ++k) {
      const Article& a = report.articles[k];
      const auto it = story_of.find(a.id);
      WriteArticle(out, page, a, it == story_of.end() ? nullptr : it->second);
    }
  }
  out.append("</main>\n");
  if (!report.resources.empty()) {
    out.append("<footer><details><summary>resources</summary><ul>\n");
    for (const auto& r : report.resources) Tag(out, "<li>", r, "</li>\n");
    out.append("</ul></details></footer>\n");
  }
  out.append("</body>\n</html>\n");
  return out;
}

}  // namespace lagebild::report
