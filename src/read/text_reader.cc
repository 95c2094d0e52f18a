// The plain-text reader. Layout it understands, all of it optional:
//
//    date 2025-03 Fähre vor Nordhafen gestrandet        <- header + title
//   Asien                                                <- section label
//   Titel der Meldung                                    <- title
//   Erster Absatz ...                                    <- body
//
// A first line too long to be a title (a lead paragraph pasted as line one)
// stays in the body, and its first sentence becomes the title.
#include <string>
#include <vector>

#include "read/read.h"
#include "read/read_internal.h"
#include "util/encoding.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::read {
namespace {

// Lines looked at for the header, a label and the title.
constexpr size_t kMaxHeaderLines = 64;

struct Line {
  std::string_view text;  // without the line break
  size_t begin = 0;       // byte offset in the decoded text
};

// Splits the first max_lines lines; the rest of the text, if any, is one
// last Line. The title is found in the first few lines, so there is no
// need to split a long body.
std::vector<Line> SplitLines(std::string_view s, size_t max_lines) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= s.size()) {
    if (lines.size() == max_lines) {
      lines.push_back({s.substr(pos), pos});
      break;
    }
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    lines.push_back({s.substr(pos, nl - pos), pos});
    pos = nl + 1;
  }
  return lines;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!util::IsAsciiSpace(c)) return false;
  }
  return true;
}

bool EndsWithSentencePunct(std::string_view s) {
  s = util::Trim(s);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

}  // namespace

ReadOutput ReadText(std::string_view bytes, const std::string& source,
                    const ReadOptions& options) {
  ReadOutput out;
  if (auto binary = util::DetectBinary(bytes)) {
    out.errors.push_back({source, "not text: " + *binary + "; skipped"});
    return out;
  }
  util::Decoded decoded = util::DecodeToUtf8(bytes);
  if (IsBlank(decoded.text)) {
    out.errors.push_back({source, bytes.empty() ? "empty input; skipped"
                                                : "no text (only white space); skipped"});
    return out;
  }
  RawArticle a;
  a.source = source;
  a.format = "text";
  a.encoding = decoded.encoding;
  NoteDecoding(decoded, bytes, source, &a, &out.errors);

  const std::string& text = decoded.text;
  std::vector<Line> lines = SplitLines(text, kMaxHeaderLines);
  size_t i = 0;
  std::string_view first_rest;
  bool header = false;
  if (!lines.empty()) {
    std::string date;
    if (ParseDateHeader(lines[0].text, &date, &first_rest)) {
      header = true;
      a.published = date;
      a.published_date = ParseMetadataDate(date);
      if (first_rest.empty()) i = 1;
    }
  }
  // The title candidate: the rest of the header line, else the first
  // non-empty line.
  auto line_text = [&](size_t k) -> std::string_view {
    return (k == 0 && header) ? first_rest : util::Trim(lines[k].text);
  };
  while (i < lines.size() && line_text(i).empty()) ++i;
  size_t body_from = i;  // first line of the body (the title line is excluded later)
  if (i < lines.size()) {
    std::string_view cand = line_text(i);
    // A short label line ("Asien", "Kommentar") followed by a title-like line.
    size_t next = i + 1;
    while (next < lines.size() && line_text(next).empty()) ++next;
    if (next < lines.size() && util::CountWords(cand) <= 2 && cand.size() <= 40 &&
        !EndsWithSentencePunct(cand)) {
      const std::string_view next_text = line_text(next);
      if (next_text.size() <= options.max_title_bytes && !EndsWithSentencePunct(next_text) &&
          util::CountWords(next_text) > util::CountWords(cand)) {
        a.removed.push_back({std::string(cand), "section-label"});
        i = next;
        cand = next_text;
      }
    }
    const size_t first_sentence = FirstSentenceLength(cand);
    if (cand.size() <= options.max_title_bytes && first_sentence == cand.size()) {
      a.title = std::string(cand);
      a.title_basis = "first-line";
      body_from = i + 1;
    } else {
      // A paragraph, not a title: it stays in the body.
      a.title = std::string(ShortenTitle(cand.substr(0, first_sentence), options.max_title_bytes));
      a.title_basis = "first-sentence";
      body_from = i;
    }
  }
  // The body is the text from its first line on (the header's date token
  // cut off when the body starts on the header line).
  if (body_from < lines.size()) {
    const size_t begin = (body_from == 0 && header)
                             ? static_cast<size_t>(first_rest.data() - text.data())
                             : lines[body_from].begin;
    a.body.assign(text, begin, std::string::npos);
  }
  out.articles.push_back(std::move(a));
  return out;
}

}  // namespace lagebild::read
