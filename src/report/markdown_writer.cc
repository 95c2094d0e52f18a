// Markdown for mail and notes. Markdown renderers pass raw HTML through, so
// text is escaped twice over: HTML-special characters as entities, Markdown
// syntax characters with a backslash.
#include <map>
#include <unordered_map>

#include "report/html_parts.h"
#include "report/report_writer.h"
#include "util/utf8.h"

namespace lagebild::report {
namespace {

void AppendMarkdownEscaped(std::string& out, std::string_view s) {
  std::string html;
  AppendHtmlEscaped(html, s);  // also fixes ill-formed UTF-8
  for (char c : html) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|':
      case '!': case '~': case '(': case ')':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
}

}  // namespace

namespace {

// "Reuters, 13.1." for an article id (the id itself when unknown).
std::string CiteText(const std::unordered_map<std::string, const Article*>& by_id,
                     const std::string& id, std::string_view lang) {
  const auto it = by_id.find(id);
  if (it == by_id.end()) return id;
  return html::OutletLabel(*it->second) + ", " + html::DayLabel(*it->second, lang);
}

std::string CitesText(const std::unordered_map<std::string, const Article*>& by_id,
                      const std::vector<std::string>& ids, std::string_view lang) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : "; ") + CiteText(by_id, id, lang);
  return out.empty() ? out : " (" + out + ")";
}

}  // namespace

// The same sections as the HTML page, as text: per story its facts,
// summary, sources, claims, timeline, places, statements and entities;
// then the articles. Articles are cited by outlet and day.
std::string WriteMarkdown(const Report& report) {
  std::unordered_map<std::string, const Article*> by_id;
  std::map<std::string, int> languages;
  for (const Article& a : report.articles) {
    by_id.emplace(a.id, &a);
    ++languages[a.language];
  }
  std::string lang = "en";
  int most = 0;
  for (const auto& [l, n] : languages) {
    if (n > most) most = n, lang = l;
  }
  std::string out;
  auto line = [&](std::string_view prefix, const std::string& text) {
    out.append(prefix);
    AppendMarkdownEscaped(out, text);
    out.append("\n");
  };
  out.append("# Lagebild\n\n");
  out.append(std::to_string(report.articles.size()) + " articles, " +
             std::to_string(report.stories.size()) + " stories, " +
             std::to_string(report.errors.size()) + " input errors.\n\n");
  if (!report.errors.empty()) {
    out.append("## Inputs with errors\n\n");
    for (const InputError& e : report.errors) line("- ", e.source + ": " + e.message);
    out.append("\n");
  }
  for (const Story& st : report.stories) {
    line("## ", st.title);
    out.append("\n");
    line("", StoryFacts(st));
    out.append("\n");
    if (st.events.size() > 1) {
      out.append("Events:\n\n");
      for (const StoryEvent& e : st.events) {
        std::string text = e.title;
        if (e.days) text += " (" + e.days->first + (e.days->last != e.days->first ? " \u2013 " + e.days->last : "") + ")";
        text += ", " + std::to_string(e.articles.size()) + (e.articles.size() == 1 ? " article" : " articles");
        line("- ", text);
      }
      out.append("\n");
    }
    if (!st.summary.empty()) {
      out.append("### Summary\n\n");
      for (const CitedText& c : st.summary) line("- ", c.text + CitesText(by_id, c.articles, lang));
      out.append("\n");
    }
    out.append("### Sources\n\n");
    for (const std::string& id : st.articles) {
      const auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const Article& a = *it->second;
      std::string text = html::OutletLabel(a) + ": " + html::ArticleHeading(a) +
                         " · " + a.language + " · " +
                         (a.published.value.known() ? a.published.value.ToString() + " (" +
                                                          DateBasisName(a.published.basis) + ")"
                                                    : std::string("undated"));
      if (!a.agency.empty()) text += " · copies the agency " + a.agency;
      if (a.duplicate_of) text += " · copy of " + CiteText(by_id, *a.duplicate_of, lang);
      for (const std::string& f : a.flags) text += " · " + f;
      line("- ", text);
      for (const FlagEvidence& e : a.flag_evidence) line("  - ", e.flag + ": " + e.evidence);
    }
    out.append("\n");
    if (!st.claims.empty()) {
      out.append("### Claims\n\n");
      for (const Claim& c : st.claims) {
        std::string text = (c.label.empty() ? c.about : c.label) + " (" + c.status + "): ";
        for (size_t k = 0; k < c.values.size(); ++k) {
          const ClaimValue& v = c.values[k];
          text += (k > 0 ? "; " : "") + ("„" + v.text + "“");
          if (v.low || v.high) {
            text += " [" + (v.low ? html::Number(*v.low) : std::string("…")) + "–" +
                    (v.high ? html::Number(*v.high) : std::string("…")) + "]";
          } else if (!v.date_low.empty() || !v.date_high.empty()) {
            text += " [" + (v.date_low.empty() ? std::string("…") : v.date_low) + " – " +
                    (v.date_high.empty() ? std::string("…") : v.date_high) + "]";
          }
          if (!v.source.empty()) text += " according to " + v.source;
          text += " — " + CiteText(by_id, v.article, lang);
        }
        line("- ", text);
      }
      out.append("\n");
    }
    if (!st.timeline.empty()) {
      out.append("### Timeline\n\n");
      for (const CitedText& c : st.timeline) line("- ", c.date + ": " + c.text + CitesText(by_id, c.articles, lang));
      out.append("\n");
    }
    std::unordered_map<std::string, int> mentions;
    for (const std::string& id : st.articles) {
      const auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      for (const EntityMention& m : it->second->entities) ++mentions[m.entity];
    }
    bool places = false;
    for (const StoryEntity& e : st.entities) {
      if (!e.geo) continue;
      if (!places) out.append("### Places\n\n");
      places = true;
      line("- ", e.name + " (" + html::Number(e.geo->lat) + ", " + html::Number(e.geo->lon) + "), " +
                     std::to_string(mentions[e.id]) + " mentions");
    }
    if (places) out.append("\n");
    if (!st.statements.empty()) {
      out.append("### Statements\n\n");
      for (const Statement& s : st.statements) {
        std::string speaker = s.speaker_text.empty() ? std::string("unknown") : s.speaker_text;
        for (const StoryEntity& e : st.entities) {
          if (e.id == s.speaker) speaker = e.name;
        }
        std::string text = speaker + ": ";
        for (size_t k = 0; k < s.renderings.size(); ++k) {
          text += (k ? "; " : "") + ("„" + s.renderings[k].text + "“ — ") +
                  CiteText(by_id, s.renderings[k].article, lang);
        }
        line("- ", text);
      }
      out.append("\n");
    }
    if (!st.entities.empty()) {
      out.append("### Entities\n\n");
      for (const StoryEntity& e : st.entities) {
        std::string spellings;
        for (const std::string& v : e.variants) spellings += (spellings.empty() ? "" : ", ") + v;
        line("- ", e.type + " " + e.name + ": " + spellings + " (" + std::to_string(mentions[e.id]) + " mentions)");
      }
      out.append("\n");
    }
  }
  if (!report.articles.empty()) out.append("## Articles\n\n");
  for (const Article& a : report.articles) {
    line("### ", html::OutletLabel(a) + ", " + html::DayLabel(a, lang) + ": " +
                     html::ArticleHeading(a));
    out.append("\n");
    auto meta = [&](std::string_view name, const std::string& value) {
      if (value.empty()) return;
      out.append("- ");
      out.append(name);
      out.append(": ");
      AppendMarkdownEscaped(out, value);
      out.append("\n");
    };
    meta("article", a.id);
    meta("source", a.source);
    meta("outlet", a.outlet);
    meta("language", a.language);
    meta("published", a.published.value.known()
                          ? a.published.value.ToString() + " (" +
                                DateBasisName(a.published.basis) + ")"
                          : std::string("unknown"));
    std::string flags;
    for (const auto& f : a.flags) flags += (flags.empty() ? "" : ", ") + f;
    meta("flags", flags);
    meta("agency copy", a.agency);
    for (const FlagEvidence& e : a.flag_evidence) meta("evidence (" + e.flag + ")", e.evidence);
    out.append("\n");
    // Paragraphs stay paragraphs; single line breaks become hard breaks.
    size_t pos = 0;
    const std::string& t = a.text;
    while (pos < t.size()) {
      size_t nl = t.find('\n', pos);
      if (nl == std::string::npos) nl = t.size();
      AppendMarkdownEscaped(out, std::string_view(t).substr(pos, nl - pos));
      if (nl < t.size() && nl + 1 < t.size() && t[nl + 1] != '\n') out.append("  ");
      out.push_back('\n');
      pos = nl + 1;
    }
    out.append("\n");
  }
  return out;
}

}  // namespace lagebild::report
