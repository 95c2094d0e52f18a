// ParseFeed and ReadFeed (read.h): RSS 2.0 and 1.0, Atom 1.0 (libxml2,
// without network access or entity substitution) and JSON Feed 1.x
// (simdjson).
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <simdjson.h>

#include <cstring>
#include <mutex>

#include "read/read.h"
#include "read/read_internal.h"
#include "util/encoding.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::read {
namespace {

bool Is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string TextOf(const xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return std::string(util::Trim(out));
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* s = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

// One <item> (RSS) or <entry> (Atom).
FeedItem ItemOf(const xmlNode* item, bool atom) {
  FeedItem out;
  std::string summary, content;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, "title")) {
      out.title = TextOf(c);
    } else if (Is(c, "link")) {
      if (atom) {
        const std::string rel = Attr(c, "rel");
        if ((rel.empty() || rel == "alternate") && out.url.empty()) out.url = Attr(c, "href");
      } else if (out.url.empty()) {
        out.url = TextOf(c);
      }
    } else if (Is(c, "guid") || Is(c, "id")) {
      out.id = TextOf(c);
    } else if (Is(c, "pubDate") || Is(c, "published") || Is(c, "date") || (Is(c, "updated") && out.published.empty())) {
      out.published = TextOf(c);
    } else if (Is(c, "description") || Is(c, "summary")) {
      summary = TextOf(c);
    } else if (Is(c, "encoded") || Is(c, "content")) {
      content = TextOf(c);
    }
  }
  // The fullest text the feed gives: content, else the summary (both may be HTML).
  out.text = content.empty() ? summary : content;
  if (out.id.empty()) out.id = out.url.empty() ? out.title : out.url;
  return out;
}

void Walk(const xmlNode* n, Feed* feed, int depth) {
  for (; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Is(n, "item") || Is(n, "entry")) {
      feed->items.push_back(ItemOf(n, Is(n, "entry")));
    } else if (depth < 3) {
      if (Is(n, "title") && feed->title.empty()) feed->title = TextOf(n);
      Walk(n->children, feed, depth + 1);
    }
  }
}

Result<Feed> ParseXmlFeed(std::string_view bytes, const std::string& source) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // No network, no DTD, no entity substitution; errors returned, not printed.
  xmlDocPtr doc = xmlReadMemory(bytes.data(), int(bytes.size()), source.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == nullptr) {
    const xmlError* e = xmlGetLastError();
    std::string why(e && e->message ? util::Trim(e->message) : std::string_view("not well-formed"));
    if (e) why += " (line " + std::to_string(e->line) + ")";
    xmlResetLastError();
    return DataError(source + ": malformed feed XML: " + why);
  }
  const xmlNode* root = xmlDocGetRootElement(doc);
  Feed feed;
  if (root == nullptr || !(Is(root, "rss") || Is(root, "feed") || Is(root, "RDF"))) {
    const std::string name = root ? reinterpret_cast<const char*>(root->name) : "";
    xmlFreeDoc(doc);
    return DataError(source + ": XML whose root <" + name + "> is no RSS or Atom feed");
  }
  feed.format = Is(root, "feed") ? "atom" : "rss";
  Walk(root->children, &feed, 0);
  xmlFreeDoc(doc);
  return feed;
}

Result<Feed> ParseJsonFeed(std::string_view bytes, const std::string& source) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(bytes.data(), bytes.size()).get(doc) || !doc.is_object()) {
    return DataError(source + ": malformed JSON Feed");
  }
  std::string_view version;
  if (doc["version"].get_string().get(version) || version.find("jsonfeed.org") == std::string_view::npos) {
    return DataError(source + ": JSON that is no JSON Feed (no jsonfeed.org version)");
  }
  Feed feed;
  feed.format = "json";
  std::string_view s;
  if (!doc["title"].get_string().get(s)) feed.title = std::string(s);
  simdjson::dom::array items;
  if (doc["items"].get_array().get(items)) return feed;
  for (simdjson::dom::element e : items) {
    if (!e.is_object()) continue;
    FeedItem item;
    const auto field = [&](const char* name) {
      std::string_view v;
      return e[name].get_string().get(v) ? std::string() : std::string(v);
    };
    item.id = field("id");
    item.url = field("url");
    item.title = field("title");
    item.published = field("date_published");
    item.text = field("content_html");
    if (item.text.empty()) item.text = field("content_text");
    if (item.text.empty()) item.text = field("summary");
    if (item.id.empty()) item.id = item.url;
    feed.items.push_back(std::move(item));
  }
  return feed;
}

}  // namespace

bool LooksLikeFeed(std::string_view head) {
  const size_t n = std::min<size_t>(head.size(), 1024);
  const std::string start = util::AsciiLower(head.substr(0, n));
  return start.find("<rss") != std::string::npos || start.find("<feed") != std::string::npos ||
         start.find("<rdf:rdf") != std::string::npos || start.find("jsonfeed.org/version") != std::string::npos;
}

Result<Feed> ParseFeed(std::string_view bytes, const std::string& source) {
  const std::string_view body = util::Trim(bytes);
  if (body.empty()) return DataError(source + ": empty feed");
  if (body.size() > (64u << 20)) return DataError(source + ": feed larger than 64 MiB");
  if (body.front() == '{') return ParseJsonFeed(body, source);
  return ParseXmlFeed(bytes, source);
}

ReadOutput ReadFeed(std::string_view bytes, const std::string& source, const ReadOptions& options) {
  ReadOutput out;
  Result<Feed> feed = ParseFeed(bytes, source);
  if (!feed.ok()) {
    out.errors.push_back({source, feed.status().message()});
    return out;
  }
  for (size_t k = 0; k < feed.value().items.size(); ++k) {
    const FeedItem& item = feed.value().items[k];
    const std::string where = item.url.empty() ? source + ":item " + std::to_string(k + 1) : item.url;
    Result<RawArticle> a = ArticleFromFeedItem(item, where, options);
    if (a.ok()) {
      out.articles.push_back(std::move(a.value()));
    } else {
      out.errors.push_back({where, a.status().message()});
    }
  }
  if (feed.value().items.empty()) out.errors.push_back({source, "feed without items"});
  CapErrors(source, &out.errors);
  return out;
}

Result<RawArticle> ArticleFromFeedItem(const FeedItem& item, const std::string& source, const ReadOptions& options) {
  if (util::Trim(item.text).empty() && util::Trim(item.title).empty()) {
    return DataError("feed item without title or text; skipped");
  }
  // The item's text is often HTML: read as a page of its own, with the
  // item's title, address and date.
  std::string html = "<html><head><title></title></head><body><article>" + item.text + "</article></body></html>";
  ReadOutput page = ReadHtml(html, source, options);
  RawArticle a;
  if (!page.articles.empty()) {
    a = std::move(page.articles.front());
  } else {
    a.source = source;
    a.body = util::IsValidUtf8(item.text) ? item.text : util::ReplaceInvalidUtf8(item.text);
  }
  a.format = "feed";
  if (!item.title.empty()) a.title = util::IsValidUtf8(item.title) ? item.title : util::ReplaceInvalidUtf8(item.title);
  a.url = item.url;
  a.published = item.published;
  a.published_date = ParseMetadataDate(item.published);
  if (a.body.empty() && a.title) a.body = *a.title;
  return a;
}

}  // namespace lagebild::read
