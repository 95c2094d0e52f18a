// The JSON Lines reader: one article per line. A line is parsed on its own
// (simdjson DOM), so a malformed line costs only that line. A record with
// `html` and no `text` goes through the HTML reader; the record's own
// fields then override what the page's metadata said.
#include <simdjson.h>

#include <cmath>
#include <string>

#include "read/read.h"
#include "read/read_internal.h"
#include "util/calendar.h"
#include "util/encoding.h"
#include "util/strings.h"

namespace lagebild::read {
namespace {

// Civil date from days since 1970-01-01.
PartialDate FromUnixDays(int64_t z) {
  const util::Day d = util::FromDayNumber(z);
  return {d.y, d.m, d.d};
}

std::string DateString(const PartialDate& d) { return d.ToString(); }

}  // namespace

// Parses one line; appends an article or an error.
void ReadJsonlLine(std::string_view line, const std::string& path, uint64_t line_number,
                   const ReadOptions& options, simdjson::dom::parser& parser, ReadOutput* out) {
  const std::string where = path + ":" + std::to_string(line_number);
  if (util::Trim(line).empty()) return;
  util::Decoded converted;
  simdjson::dom::element doc;
  auto error = parser.parse(line.data(), line.size()).get(doc);
  bool reencoded = false;
  if (error == simdjson::UTF8_ERROR) {
    // A line in Latin-1 or with broken bytes: decode it and try again.
    converted = util::DecodeToUtf8(line);
    error = parser.parse(converted.text).get(doc);
    reencoded = true;
  }
  if (error) {
    out->errors.push_back(
        {where, std::string("malformed JSON: ") + simdjson::error_message(error) + "; skipped"});
    return;
  }
  if (!doc.is_object()) {
    out->errors.push_back({where, "JSON value is not an object; skipped"});
    return;
  }
  auto field = [&](const char* name) -> std::string {
    std::string_view sv;
    if (!doc[name].get_string().get(sv)) return std::string(sv);
    return "";
  };
  const std::string url = field("url");
  const std::string source = url.empty() ? where : url;
  const std::string text = field("text");
  const std::string html = field("html");
  RawArticle a;
  if (!text.empty()) {
    a.format = "jsonl";
    a.body = text;
    a.encoding = "UTF-8";
  } else if (!html.empty()) {
    ReadOutput page = ReadHtml(html, source, options);
    for (auto& e : page.errors) out->errors.push_back({where, e.message});
    if (page.articles.empty()) return;
    a = std::move(page.articles.front());
    a.format = "jsonl";
  } else {
    out->errors.push_back({where, "record has neither \"text\" nor \"html\"; skipped"});
    return;
  }
  a.source = source;
  if (!url.empty()) a.url = url;
  if (std::string t = field("title"); !util::Trim(t).empty()) {
    a.title = std::string(util::Trim(t));
    a.title_basis = "metadata";
  }
  if (std::string o = field("outlet"); !o.empty()) a.outlet = o;
  if (std::string l = field("language"); !l.empty()) a.language_hint = l;
  std::string published = field("published");
  int64_t seconds = 0;
  double fseconds = 0;
  if (published.empty() && !doc["published"].get_int64().get(seconds)) {
    published = DateString(FromUnixDays(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400));
  } else if (published.empty() && !doc["published"].get_double().get(fseconds) &&
             std::isfinite(fseconds) && std::fabs(fseconds) < 1e11) {
    published = DateString(FromUnixDays(static_cast<int64_t>(std::floor(fseconds / 86400))));
  }
  // A text that opens with the " date 2022-01 " header line of plain-text
  // inputs carries its date there (when the record has none of its own).
  if (!text.empty()) {
    const size_t nl = a.body.find('\n');
    std::string header_date;
    std::string_view rest;
    if (ParseDateHeader(std::string_view(a.body).substr(0, nl), &header_date, &rest)) {
      if (published.empty()) published = header_date;
      a.body = std::string(rest) + (nl == std::string::npos ? "" : a.body.substr(nl));
    }
  }
  if (!published.empty()) {
    a.published = published;
    a.published_date = ParseMetadataDate(published);
    if (!a.published_date.known()) {
      a.diagnostics.push_back({"read", "bad-date", "cannot read published date '" +
                                                       published.substr(0, 80) + "'"});
    }
  }
  if (reencoded) {
    a.diagnostics.push_back({"read", "invalid-utf8", "line was not valid UTF-8; decoded"});
    out->errors.push_back({where, "invalid UTF-8 in JSON line; decoded as " + converted.encoding});
  }
  out->articles.push_back(std::move(a));
}

ReadOutput ReadJsonl(std::string_view bytes, const std::string& source,
                     const ReadOptions& options) {
  ReadOutput out;
  simdjson::dom::parser parser;
  uint64_t line_number = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    if (line.size() > options.max_article_bytes) {
      out.errors.push_back({source + ":" + std::to_string(line_number),
                            "line of " + util::HumanBytes(line.size()) +
                                " is over the article limit of " +
                                util::HumanBytes(options.max_article_bytes) + "; skipped"});
    } else {
      ReadJsonlLine(line, source, line_number, options, parser, &out);
    }
    pos = nl + 1;
  }
  if (line_number == 0) out.errors.push_back({source, "empty input; skipped"});
  CapErrors(source, &out.errors);
  return out;
}

ReadOutput ReadJsonDocument(std::string_view bytes, const std::string& source,
                            const ReadOptions& options) {
  const std::string_view body = util::Trim(bytes);
  if (body.empty()) {
    ReadOutput out;
    out.errors.push_back({source, "empty input; skipped"});
    return out;
  }
  // JSON Lines unless the whole is one JSON value.
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if ((body.front() != '[' && body.front() != '{') || parser.parse(body.data(), body.size()).get(doc)) {
    if (body.front() == '[') {
      ReadOutput out;
      out.errors.push_back({source, "malformed JSON array; nothing read"});
      return out;
    }
    return ReadJsonl(bytes, source, options);
  }
  ReadOutput out;
  simdjson::dom::parser line_parser;
  const auto one = [&](simdjson::dom::element e, const std::string& where) {
    // Each element as one line of JSON Lines (its own limits and errors).
    const std::string line = simdjson::minify(e);
    if (line.size() > options.max_article_bytes) {
      out.errors.push_back({where, "article of " + util::HumanBytes(line.size()) + " is over the limit of " +
                                       util::HumanBytes(options.max_article_bytes) + "; skipped"});
      return;
    }
    ReadOutput part;
    ReadJsonlLine(line, where, 1, options, line_parser, &part);
    for (RawArticle& a : part.articles) {
      if (a.source == where + ":1") a.source = where;
      out.articles.push_back(std::move(a));
    }
    for (InputError& err : part.errors) {
      if (err.source == where + ":1") err.source = where;
      out.errors.push_back(std::move(err));
    }
  };
  simdjson::dom::array items;
  if (!doc.get_array().get(items)) {
    size_t k = 0;
    for (simdjson::dom::element e : items) one(e, source + ":[" + std::to_string(k++) + "]");
    if (k == 0) out.errors.push_back({source, "empty JSON array; nothing read"});
  } else {
    one(doc, source);
  }
  CapErrors(source, &out.errors);
  return out;
}

}  // namespace lagebild::read
