// Escaping for the three output languages. Each function walks the bytes
// once; ill-formed UTF-8 becomes U+FFFD so every output is valid UTF-8.
#include <cstdio>

#include "report/report_writer.h"
#include "util/utf8.h"

namespace lagebild::report {

std::string StoryFacts(const Story& s) {
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out = count(s.sources.articles, "article", "articles") + " \u00b7 " +
                    count(s.sources.independent, "source", "sources");
  if (s.sources.copies > 0) out += " \u00b7 " + count(s.sources.copies, "copy", "copies");
  if (!s.languages.empty()) {
    out += " \u00b7 ";
    for (size_t k = 0; k < s.languages.size(); ++k) out += (k ? ", " : "") + s.languages[k];
  }
  if (s.days) {
    out += " \u00b7 " + s.days->first;
    if (s.days->last != s.days->first) out += " \u2013 " + s.days->last;
  }
  return out;
}

void AppendHtmlEscaped(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    switch (c) {
      case '&': out.append("&amp;"); ++i; continue;
      case '<': out.append("&lt;"); ++i; continue;
      case '>': out.append("&gt;"); ++i; continue;
      case '"': out.append("&quot;"); ++i; continue;
      case '\'': out.append("&#39;"); ++i; continue;
      default: break;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      // Controls other than tab and newline are not allowed in HTML text.
      if (u < 0x20 && c != '\n' && c != '\t') {
        util::AppendUtf8(out, util::kReplacement);
      } else {
        out.push_back(c);
      }
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = util::DecodeUtf8(s, i, &len);
    if (cp == util::kInvalid) {
      util::AppendUtf8(out, util::kReplacement);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  AppendHtmlEscaped(out, s);
  return out;
}

void AppendJsonString(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out.push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u < 0x80 && u != '"' && u != '\\') {
      out.push_back(static_cast<char>(u));
      ++i;
      continue;
    }
    if (u < 0x80) {
      switch (u) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        case '\r': out.append("\\r"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out.append(buf);
        }
      }
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = util::DecodeUtf8(s, i, &len);
    if (cp == util::kInvalid) {
      out.append("\\ufffd");
    } else if (cp == 0x2028 || cp == 0x2029) {
      out.append(cp == 0x2028 ? "\\u2028" : "\\u2029");  // safe to embed in JavaScript
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  out.push_back('"');
}

}  // namespace lagebild::report
