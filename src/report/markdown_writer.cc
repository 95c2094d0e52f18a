// Markdown for mail and notes. Markdown renderers pass raw HTML through, so
// text is escaped twice over: HTML-special characters as entities, Markdown
// syntax characters with a backslash.
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

std::string WriteMarkdown(const Report& report) {
  std::string out;
  out.append("# Lagebild\n\n");
  out.append(std::to_string(report.articles.size()) + " articles, " +
             std::to_string(report.stories.size()) + " stories, " +
             std::to_string(report.errors.size()) + " input errors.\n\n");
  if (!report.errors.empty()) {
    out.append("## Inputs with errors\n\n");
    for (const InputError& e : report.errors) {
      out.append("- ");
      AppendMarkdownEscaped(out, e.source);
      out.append(": ");
      AppendMarkdownEscaped(out, e.message);
      out.append("\n");
    }
    out.append("\n");
  }
  // Stories: who says how many of what.
  for (const Story& st : report.stories) {
    out.append("## ");
    AppendMarkdownEscaped(out, st.id + ": " + st.title);
    out.append("\n\n");
    AppendMarkdownEscaped(out, StoryFacts(st));
    out.append("\n\n");
    if (st.events.size() > 1) {
      out.append("Events:\n\n");
      for (const StoryEvent& e : st.events) {
        std::string line = e.id + ": " + e.title;
        if (e.days) line += " (" + e.days->first + (e.days->last != e.days->first ? " \u2013 " + e.days->last : "") + ")";
        line += ", " + std::to_string(e.articles.size()) + (e.articles.size() == 1 ? " article" : " articles");
        out.append("- ");
        AppendMarkdownEscaped(out, line);
        out.append("\n");
      }
      out.append("\n");
    }
    if (!st.claims.empty()) out.append("Claims:\n\n");
    for (const Claim& c : st.claims) {
      out.append("- ");
      AppendMarkdownEscaped(out, c.about + " (" + c.status + "): ");
      for (size_t k = 0; k < c.values.size(); ++k) {
        const ClaimValue& v = c.values[k];
        std::string line = (k > 0 ? "; " : "") + v.article + " \"" + v.text + "\"";
        if (!v.source.empty()) line += " according to " + v.source;
        AppendMarkdownEscaped(out, line);
      }
      out.append("\n");
    }
    out.append("\n");
  }
  for (const Article& a : report.articles) {
    out.append("## ");
    AppendMarkdownEscaped(out, a.id + ": " + (a.title ? *a.title : std::string("(untitled)")));
    out.append("\n\n");
    auto meta = [&](std::string_view name, const std::string& value) {
      if (value.empty()) return;
      out.append("- ");
      out.append(name);
      out.append(": ");
      AppendMarkdownEscaped(out, value);
      out.append("\n");
    };
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
