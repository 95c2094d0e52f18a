// Stage: read
// In:    input names (files, directories, "-" for standard input) or bytes.
// Out:   RawArticle values (article.h) with UTF-8 `body`, plus InputError
//        entries (report.h) for every input or record that could not be read
//        or was read only in part.
// Formats, chosen by file extension, else by sniffing the first bytes:
//   text   .txt and anything else: optional first line " date YYYY-MM[-DD] "
//          (the rest of that line may already be the title), then the first
//          non-empty line is the title, the rest the body;
//   html   .html .htm .xhtml or bytes starting with "<": title, date, site
//          name, author and language from metadata; body text from the
//          <article>/<main>/<body> element with block boundaries as lines;
//   jsonl  .jsonl .ndjson or bytes starting with "{": one JSON object per
//          line with `url`, `title`, `text` or `html`, `published`, `outlet`,
//          `language` (all optional but one of text/html);
//   feed   .rss .atom or bytes that open an RSS 2.0/1.0 or Atom feed or a
//          JSON Feed: one article per item, from the item's own text
//          (HTML read as a page), title, link and date.
// Fails: never throws. An unreadable input, an empty or binary one, a
//        malformed JSON line, a page without body text each yield an
//        InputError naming the input (and line) and are skipped; the other
//        inputs are still read.
// Limits: ReadOptions. Each article's raw bytes (a file, or a JSON line) are
//        held in memory at most up to max_article_bytes; longer text is
//        truncated (flag + InputError), longer JSON lines are skipped. HTML
//        nesting deeper than max_html_depth is flattened before parsing
//        (the HTML parser is quadratic in depth). One JSON Lines input
//        reports at most kMaxErrorsPerInput errors, then one summary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"
#include "lagebild/status.h"

namespace lagebild::read {

inline constexpr size_t kMaxErrorsPerInput = 20;

struct ReadOptions {
  size_t max_article_bytes = 16u << 20;  // raw bytes of one article or JSON line
  size_t max_html_depth = 256;           // element nesting kept when parsing HTML
  size_t max_title_bytes = 300;          // longer first lines are not a title
};

enum class Format { kAuto, kText, kHtml, kJsonl, kFeed };
const char* FormatName(Format format);  // "auto", "text", "html", "jsonl", "feed"

struct ReadOutput {
  std::vector<RawArticle> articles;
  std::vector<InputError> errors;
};

// Expands inputs into the files to read, in order: directories are listed
// recursively and sorted, keeping only files with an article extension
// (HasArticleExtension); a file named directly is always kept. Missing
// paths become errors in *errors.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<InputError>* errors);

// .txt .html .htm .xhtml .jsonl .ndjson (any case).
bool HasArticleExtension(std::string_view path);

// Reads one file ("-" = standard input) in the given or detected format.
ReadOutput ReadFile(const std::string& path, Format format, const ReadOptions& options);

// The format a file name implies, else what its first bytes look like.
Format DetectFormat(std::string_view path, std::string_view head);

// Parsers on bytes already in memory (what ReadFile, tests and fuzzers use).
// `source` names the input in articles and errors.
ReadOutput ReadText(std::string_view bytes, const std::string& source,
                    const ReadOptions& options);
ReadOutput ReadHtml(std::string_view bytes, const std::string& source,
                    const ReadOptions& options);
ReadOutput ReadJsonl(std::string_view bytes, const std::string& source,
                     const ReadOptions& options);
// What an API client sends: one JSON object (one article, on any number
// of lines), a JSON array of such objects, or JSON Lines. Errors name
// `source` and the line or the array index ("posted:[2]").
ReadOutput ReadJsonDocument(std::string_view bytes, const std::string& source,
                            const ReadOptions& options);

// A news feed's items, as the feed gives them.
struct FeedItem {
  std::string id;         // guid / id, else the link, else the title
  std::string url;        // the item's page
  std::string title;
  std::string published;  // as written ("Thu, 13 Jan 2022 10:00:00 +0100")
  std::string text;       // content, else summary or description; may be HTML
};
struct Feed {
  std::string format;  // "rss", "atom" or "json"
  std::string title;
  std::vector<FeedItem> items;
};
// Parses RSS 2.0 and 1.0, Atom 1.0 (libxml2: no network, no DTD, no
// entity substitution; the declared encoding honoured) or JSON Feed 1.x.
// Fails: empty bytes, malformed XML or JSON (naming the line), a document
// that is no feed: a DataError naming `source`.
Result<Feed> ParseFeed(std::string_view bytes, const std::string& source);
// Whether the first bytes open a feed.
bool LooksLikeFeed(std::string_view head);
// One article per item (ArticleFromFeedItem); a feed that cannot be parsed
// is one error.
ReadOutput ReadFeed(std::string_view bytes, const std::string& source, const ReadOptions& options);
// An item as an article from the feed's own text: its HTML read as a page,
// with the item's title, link and date. Fails for an item with neither
// title nor text.
Result<RawArticle> ArticleFromFeedItem(const FeedItem& item, const std::string& source, const ReadOptions& options);

// Parses a date as metadata writes it: ISO 8601 ("2022-01-13T10:00:00+01:00",
// "2022-01"), RFC 2822 ("Thu, 13 Jan 2022 10:00:00 +0100"), "13.01.2022",
// "13. Januar 2022", "January 13, 2022". Unknown (year 0) if none fits or the
// date is impossible.
PartialDate ParseMetadataDate(std::string_view s);

}  // namespace lagebild::read
