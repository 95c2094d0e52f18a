// Input dispatch: expand directories, pick a format, read bounded bytes,
// hand them to the format's parser. JSON Lines files are streamed line by
// line so that a large archive never sits in memory whole.
#include "read/read.h"

#include <simdjson.h>

#include "read/read_internal.h"
#include "util/file.h"
#include "util/strings.h"

namespace lagebild::read {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kAuto: return "auto";
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kJsonl: return "jsonl";
    case Format::kFeed: return "feed";
  }
  return "auto";
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<InputError>* errors) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    auto listed = util::ListFiles(input);
    if (!listed.ok()) {
      errors->push_back({input, listed.status().message()});
      continue;
    }
    const bool from_directory = listed.value().size() != 1 || listed.value()[0] != input;
    for (auto& f : listed.value()) {
      // In a directory only article files count: a README or a JSON config
      // beside the articles is not news. A file named on its own is read.
      if (from_directory && !HasArticleExtension(f)) continue;
      files.push_back(std::move(f));
    }
  }
  return files;
}

bool HasArticleExtension(std::string_view path) {
  const std::string lower = util::AsciiLower(path);
  for (const char* ext : {".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".rss", ".atom"}) {
    if (util::EndsWith(lower, ext)) return true;
  }
  return false;
}

Format DetectFormat(std::string_view path, std::string_view head) {
  const std::string lower = util::AsciiLower(path);
  for (const char* ext : {".html", ".htm", ".xhtml"}) {
    if (util::EndsWith(lower, ext)) return Format::kHtml;
  }
  for (const char* ext : {".jsonl", ".ndjson"}) {
    if (util::EndsWith(lower, ext)) return Format::kJsonl;
  }
  if (util::EndsWith(lower, ".txt")) return Format::kText;
  for (const char* ext : {".rss", ".atom"}) {
    if (util::EndsWith(lower, ext)) return Format::kFeed;
  }
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = util::Trim(head.substr(0, 1024));
  if (LooksLikeFeed(head) && (head.front() == '<' || head.front() == '{')) return Format::kFeed;
  if (!head.empty() && head.front() == '{') return Format::kJsonl;
  if (util::StartsWithIgnoreCase(head, "<!doctype html") || util::StartsWithIgnoreCase(head, "<html") ||
      util::StartsWithIgnoreCase(head, "<?xml") || util::StartsWithIgnoreCase(head, "<head") ||
      util::StartsWithIgnoreCase(head, "<body") || util::StartsWithIgnoreCase(head, "<!--"))
    return Format::kHtml;
  return Format::kText;
}

namespace {

ReadOutput ReadJsonlStream(const std::string& path, const ReadOptions& options) {
  ReadOutput out;
  auto reader = util::LineReader::Open(path, options.max_article_bytes);
  if (!reader.ok()) {
    out.errors.push_back({path, reader.status().message()});
    return out;
  }
  simdjson::dom::parser parser;
  std::string line;
  bool too_long = false;
  bool any = false;
  while (reader.value()->Next(&line, &too_long)) {
    any = true;
    const uint64_t n = reader.value()->line_number();
    if (too_long) {
      out.errors.push_back({path + ":" + std::to_string(n),
                            "line is over the article limit of " +
                                util::HumanBytes(options.max_article_bytes) + "; skipped"});
      continue;
    }
    ReadJsonlLine(line, path, n, options, parser, &out);
  }
  if (!reader.value()->error().empty()) out.errors.push_back({path, reader.value()->error()});
  if (!any) out.errors.push_back({path, "empty input; skipped"});
  CapErrors(path, &out.errors);
  return out;
}

}  // namespace

ReadOutput ReadFile(const std::string& path, Format format, const ReadOptions& options) {
  const std::string lower = util::AsciiLower(path);
  if (format == Format::kAuto && path != "-") format = DetectFormat(path, {});
  if (format == Format::kText && !util::EndsWith(lower, ".txt") && path != "-")
    format = Format::kAuto;  // no telling extension: sniff the bytes
  if (format == Format::kJsonl) return ReadJsonlStream(path, options);

  ReadOutput out;
  auto prefix = util::ReadFilePrefix(path, options.max_article_bytes);
  if (!prefix.ok()) {
    out.errors.push_back({path, prefix.status().message()});
    return out;
  }
  util::FilePrefix& file = prefix.value();
  if (format == Format::kAuto) format = DetectFormat(path, file.bytes);
  if (format == Format::kFeed) {
    if (file.truncated) {
      out.errors.push_back({path, "feed of " + util::HumanBytes(file.total_size) + " is over the limit of " +
                                      util::HumanBytes(options.max_article_bytes) + "; not read"});
      return out;
    }
    return ReadFeed(file.bytes, path, options);
  }
  if (format == Format::kJsonl) {
    // Sniffed (standard input or an unknown extension): parse what was read.
    if (file.truncated) {
      out.errors.push_back({path, "JSON Lines input over " +
                                      util::HumanBytes(options.max_article_bytes) +
                                      " without a .jsonl name; only the first part was read"});
      const size_t nl = file.bytes.rfind('\n');
      file.bytes.resize(nl == std::string::npos ? 0 : nl);
    }
    ReadOutput r = ReadJsonl(file.bytes, path, options);
    r.errors.insert(r.errors.begin(), out.errors.begin(), out.errors.end());
    return r;
  }
  std::string_view bytes = file.bytes;
  if (file.truncated && format == Format::kText) {
    // Cut at the last line break so no word or character is split.
    const size_t nl = bytes.rfind('\n');
    if (nl != std::string_view::npos && nl > bytes.size() / 2) bytes = bytes.substr(0, nl);
  }
  out = format == Format::kHtml ? ReadHtml(bytes, path, options)
                                : ReadText(bytes, path, options);
  if (file.truncated) {
    const std::string msg = util::HumanBytes(file.total_size) + " is over the article limit of " +
                            util::HumanBytes(options.max_article_bytes) +
                            "; only the first part was read";
    out.errors.push_back({path, msg});
    for (RawArticle& a : out.articles) {
      a.truncated = true;
      a.diagnostics.push_back({"read", "truncated", msg});
    }
  }
  return out;
}

}  // namespace lagebild::read
