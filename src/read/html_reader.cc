// The HTML reader: gumbo (an HTML5-conformant parser) builds the tree; one
// walk with an explicit stack collects metadata; a second turns <body> into
// an outline of text blocks, block elements being paragraph boundaries.
//
// Choosing the main content is the clean stage's job: this reader hands it
// the page's body as an HtmlOutline (text blocks under block-level elements
// with their tag and id/class cues) and skips only elements that never hold
// readable text (script, style, form controls, hidden elements). `body` is
// the whole outline's text, the fallback when no selection is made.
#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "read/read.h"
#include "read/read_internal.h"
#include "util/encoding.h"
#include "util/strings.h"

namespace lagebild::read {
namespace {

// ---- Simplification before parsing ----------------------------------------
// gumbo's cost grows with the square of the nesting depth (20,000 nested
// <div> take seconds and gigabytes), so start tags beyond max_depth are
// dropped, with their end tags, before parsing. Elements whose end tag is
// optional (p, li, td, ...) and void elements do not nest by themselves and
// are not counted.

bool IsNameChar(char c) { return util::IsAsciiAlpha(c) || util::IsAsciiDigit(c) || c == '-'; }

bool InList(std::string_view name, std::initializer_list<std::string_view> list) {
  for (auto n : list) {
    if (util::EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

bool IsVoidOrOptional(std::string_view name) {
  return InList(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th",
                       "option", "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot",
                       "colgroup", "caption", "html", "head", "body"});
}

bool IsRawText(std::string_view name) {
  return InList(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "plaintext"});
}

// Returns the position after the '>' that closes the tag starting at `pos`
// (quotes in attribute values respected), or s.size().
size_t SkipTag(std::string_view s, size_t pos) {
  char quote = 0;
  for (size_t k = pos; k < s.size(); ++k) {
    const char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return s.size();
}

// Elements that never hold readable text and are dropped whole before
// parsing, which halves gumbo's work on script-heavy pages. JSON-LD
// scripts stay: they carry metadata.
bool IsDroppedWhole(std::string_view name) {
  return InList(name, {"script", "style", "svg", "template", "noscript", "textarea", "iframe"});
}

// Returns the input unchanged (empty optional) or a copy without comments,
// without the elements IsDroppedWhole names, and without the tags that nest
// deeper than max_depth. *dropped counts the tags dropped for depth.
std::optional<std::string> SimplifyHtml(std::string_view s, size_t max_depth, size_t* dropped) {
  std::optional<std::string> out;
  size_t copied = 0;  // s[0, copied) is already in *out
  size_t depth = 0;
  size_t pos = 0;
  auto cut = [&](size_t begin, size_t end) {
    if (!out) {
      out.emplace();
      out->reserve(s.size());
    }
    out->append(s.substr(copied, begin - copied));
    copied = end;
  };
  auto drop = [&](size_t begin, size_t end) {
    cut(begin, end);
    ++*dropped;
  };
  // The end of the element `name` whose start tag ends at `from`: after its
  // end tag, or s.size().
  auto element_end = [&](std::string_view name, size_t from) {
    size_t k = from;
    while (true) {
      k = s.find("</", k);
      if (k == std::string_view::npos) return s.size();
      if (util::StartsWithIgnoreCase(s.substr(k + 2), name) &&
          (k + 2 + name.size() >= s.size() || !IsNameChar(s[k + 2 + name.size()]))) {
        return SkipTag(s, k + 2);
      }
      k += 2;
    }
  };
  while (true) {
    const size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= s.size()) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      const size_t end = s.find("-->", lt + 4);
      pos = end == std::string_view::npos ? s.size() : end + 3;
      cut(lt, pos);
      continue;
    }
    const char c1 = s[lt + 1];
    if (c1 == '!' || c1 == '?') {
      pos = SkipTag(s, lt + 1);
      continue;
    }
    const bool closing = c1 == '/';
    size_t name_begin = lt + (closing ? 2 : 1);
    size_t name_end = name_begin;
    while (name_end < s.size() && IsNameChar(s[name_end])) ++name_end;
    if (name_end == name_begin || !util::IsAsciiAlpha(s[name_begin])) {
      pos = lt + 1;
      continue;
    }
    const std::string_view name = s.substr(name_begin, name_end - name_begin);
    const size_t tag_end = SkipTag(s, name_end);
    if (closing) {
      if (!IsVoidOrOptional(name)) {
        if (depth > max_depth) drop(lt, tag_end);
        if (depth > 0) --depth;
      }
      pos = tag_end;
      continue;
    }
    if (IsDroppedWhole(name) && !(util::EqualsIgnoreCase(name, "script") &&
                                   util::AsciiLower(s.substr(lt, tag_end - lt)).find("ld+json") !=
                                       std::string::npos)) {
      pos = s[tag_end - 1] == '>' && tag_end >= 2 && s[tag_end - 2] == '/'
                ? tag_end  // <svg/> self-closed
                : element_end(name, tag_end);
      cut(lt, pos);
      continue;
    }
    if (IsRawText(name)) {
      // Skip to the matching end tag: its content is not markup.
      size_t k = tag_end;
      while (true) {
        k = s.find("</", k);
        if (k == std::string_view::npos) {
          k = s.size();
          break;
        }
        if (util::StartsWithIgnoreCase(s.substr(k + 2), name)) break;
        k += 2;
      }
      pos = k;
      continue;
    }
    if (!IsVoidOrOptional(name)) {
      ++depth;
      if (depth > max_depth) drop(lt, tag_end);
    }
    pos = tag_end;
  }
  if (out) out->append(s.substr(copied));
  return out;
}

// ---- Charset from <meta> -------------------------------------------------

// The charset a <meta charset> or <meta http-equiv content="...; charset=">
// declares in the first 16 KiB; charset attributes of other tags (a
// <script charset="utf-8"> says nothing of the page) are ignored.
std::string DeclaredCharset(std::string_view bytes) {
  const std::string head = util::AsciiLower(bytes.substr(0, 16384));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const size_t end = std::min(head.find('>', pos), head.size());
    const std::string_view tag = std::string_view(head).substr(pos, end - pos);
    pos = end;
    size_t k = tag.find("charset=");
    if (k == std::string_view::npos) continue;
    k += 8;
    while (k < tag.size() && (tag[k] == '"' || tag[k] == '\'' || tag[k] == ' ')) ++k;
    size_t e = k;
    while (e < tag.size() &&
           (IsNameChar(tag[e]) || tag[e] == '_' || tag[e] == ':' || tag[e] == '.')) {
      ++e;
    }
    if (e > k) return std::string(tag.substr(k, e - k));
  }
  return "";
}

// ---- Tree helpers --------------------------------------------------------

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string AttrLower(const GumboNode* node, const char* name) {
  const char* v = Attr(node, name);
  return v ? util::AsciiLower(v) : std::string();
}

bool IsSkipped(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      break;
  }
  if (Attr(node, "hidden")) return true;
  if (AttrLower(node, "aria-hidden") == "true") return true;
  const std::string style = AttrLower(node, "style");
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos)
    return true;
  // Pop-ups shown on hover (a person's card behind a linked name) are not
  // in the reading flow.
  const std::string cls = AttrLower(node, "class");
  for (std::string_view popup : {"tooltip", "popover", "hovercard", "rollover"}) {
    if (cls.find(popup) != std::string::npos) return true;
  }
  return false;
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_NAV: case GUMBO_TAG_FORM:
    case GUMBO_TAG_MENU: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// Text of a subtree: block elements separated by blank lines, <br> as a
// line break, cells by spaces. Walks with an explicit stack.
std::string ExtractText(const GumboNode* root) {
  std::string out;
  struct Item {
    const GumboNode* node;
    bool closing;
  };
  std::vector<Item> stack{{root, false}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const GumboNode* node = item.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      out.append(node->v.text.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (item.closing) {
      if (IsBlock(tag)) out.append("\n\n");
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.push_back(' ');
      continue;
    }
    if (node != root && IsSkipped(node)) continue;
    if (tag == GUMBO_TAG_BR) {
      out.push_back('\n');
      continue;
    }
    if (IsBlock(tag)) out.append("\n\n");
    stack.push_back({node, true});
    const GumboVector& children = node->v.element.children;
    for (unsigned k = children.length; k > 0; --k) {
      stack.push_back({static_cast<const GumboNode*>(children.data[k - 1]), false});
    }
  }
  return out;
}

// ---- Outline --------------------------------------------------------------
// The page as text blocks under block-level elements (HtmlOutline), for the
// clean stage to choose the main content from. One walk, explicit stack.

std::string Cues(const GumboNode* node) {
  std::string cues;
  for (const char* name : {"id", "class", "role", "itemprop"}) {
    if (const char* v = Attr(node, name)) {
      if (!cues.empty()) cues.push_back(' ');
      cues.append(v, std::min<size_t>(std::strlen(v), 160));
    }
  }
  return util::AsciiLower(cues);
}

HtmlOutline BuildOutline(const GumboNode* root) {
  HtmlOutline outline;
  struct Item {
    const GumboNode* node;
    bool closing;
    int parent;  // closing frames: the container to return to
  };
  std::string text;
  uint32_t link_bytes = 0;
  int container = -1;
  int link_depth = 0;
  auto flush = [&] {
    if (!util::Trim(text).empty()) outline.blocks.push_back({container, std::move(text), link_bytes});
    text.clear();
    link_bytes = 0;
  };
  std::vector<Item> stack{{root, false, -1}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const GumboNode* node = item.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      const size_t n = std::strlen(node->v.text.text);
      text.append(node->v.text.text, n);
      if (link_depth > 0 && node->type != GUMBO_NODE_WHITESPACE) link_bytes += static_cast<uint32_t>(n);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (item.closing) {
      if (tag == GUMBO_TAG_A) --link_depth;
      if (IsBlock(tag)) {
        flush();
        container = item.parent;
      }
      continue;
    }
    if (node != root && IsSkipped(node)) continue;
    if (tag == GUMBO_TAG_BR) {
      text.push_back('\n');
      continue;
    }
    if (IsBlock(tag)) {
      flush();
      HtmlNode n;
      n.parent = container;
      n.tag = gumbo_normalized_tagname(tag);
      if (n.tag.empty()) n.tag = "unknown";
      n.cues = Cues(node);
      stack.push_back({node, true, container});
      container = static_cast<int>(outline.nodes.size());
      outline.nodes.push_back(std::move(n));
    } else {
      if (tag == GUMBO_TAG_A) ++link_depth;
      stack.push_back({node, true, container});
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned k = children.length; k > 0; --k) {
      stack.push_back({static_cast<const GumboNode*>(children.data[k - 1]), false, -1});
    }
  }
  flush();
  return outline;
}

// The outline's text: blocks as paragraphs.
std::string OutlineText(const HtmlOutline& outline) {
  std::string out;
  for (const HtmlBlock& b : outline.blocks) {
    if (!out.empty()) out.append("\n\n");
    out.append(b.text);
  }
  return out;
}

// ---- Metadata ------------------------------------------------------------

struct PageMeta {
  std::string title_tag, og_title, h1, site_name, author, url, lang;
  std::string published;  // best date string found so far
  int published_rank = 0; // lower is better; 0 = none
  std::string ld_headline, ld_publisher;
};

void OfferDate(PageMeta* m, const char* value, int rank) {
  if (!value || !*value) return;
  if (m->published_rank != 0 && m->published_rank <= rank) return;
  if (!ParseMetadataDate(value).known()) return;
  m->published = value;
  m->published_rank = rank;
}

// Reads datePublished, headline and publisher from JSON-LD (any nesting,
// including @graph). Invalid JSON is ignored: metadata is optional.
void ReadJsonLd(std::string_view json, PageMeta* m) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(json)).get(root)) return;
  std::vector<simdjson::dom::element> stack{root};
  size_t visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    simdjson::dom::element e = stack.back();
    stack.pop_back();
    if (e.is_array()) {
      for (auto child : e.get_array()) stack.push_back(child);
    } else if (e.is_object()) {
      for (auto field : e.get_object()) {
        const std::string_view key = field.key;
        std::string_view sv;
        if (key == "datePublished" && !field.value.get_string().get(sv)) {
          OfferDate(m, std::string(sv).c_str(), 2);
        } else if (key == "headline" && m->ld_headline.empty() &&
                   !field.value.get_string().get(sv)) {
          m->ld_headline = std::string(sv);
        } else if (key == "publisher" && field.value.is_object()) {
          if (!field.value["name"].get_string().get(sv) && m->ld_publisher.empty())
            m->ld_publisher = std::string(sv);
        } else if (field.value.is_object() || field.value.is_array()) {
          stack.push_back(field.value);
        }
      }
    }
  }
}

std::string ChildText(const GumboNode* node) {
  std::string s;
  const GumboVector& children = node->v.element.children;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(children.data[k]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) s.append(c->v.text.text);
  }
  return s;
}

void ReadMeta(const GumboNode* node, PageMeta* m) {
  const std::string key = AttrLower(node, "property").empty()
                              ? (AttrLower(node, "name").empty() ? AttrLower(node, "itemprop")
                                                                 : AttrLower(node, "name"))
                              : AttrLower(node, "property");
  const char* content = Attr(node, "content");
  if (key.empty() || !content) return;
  if (key == "og:title" && m->og_title.empty()) m->og_title = content;
  else if ((key == "og:site_name" || key == "application-name") && m->site_name.empty())
    m->site_name = content;
  else if ((key == "author" || key == "article:author" || key == "dc.creator") &&
           m->author.empty() && std::strncmp(content, "http", 4) != 0)
    m->author = content;
  else if (key == "og:url" && m->url.empty()) m->url = content;
  else if (key == "article:published_time" || key == "og:article:published_time" ||
           key == "datepublished")
    OfferDate(m, content, 1);
  else if (key == "date" || key == "dc.date" || key == "dc.date.issued" ||
           key == "dcterms.created" || key == "dcterms.date" || key == "pubdate" ||
           key == "publishdate" || key == "publish-date" || key == "publication_date" ||
           key == "sailthru.date" || key == "parsely-pub-date" || key == "og:published_time")
    OfferDate(m, content, 3);
}

}  // namespace

ReadOutput ReadHtml(std::string_view bytes, const std::string& source,
                    const ReadOptions& options) {
  ReadOutput out;
  if (auto binary = util::DetectBinary(bytes)) {
    out.errors.push_back({source, "not HTML: " + *binary + "; skipped"});
    return out;
  }
  util::Decoded decoded = util::DecodeToUtf8(bytes, DeclaredCharset(bytes));
  if (util::Trim(decoded.text).empty()) {
    out.errors.push_back({source, "empty input; skipped"});
    return out;
  }
  RawArticle a;
  a.source = source;
  a.format = "html";
  a.encoding = decoded.encoding;
  NoteDecoding(decoded, bytes, source, &a, &out.errors);

  size_t dropped = 0;
  std::optional<std::string> limited = SimplifyHtml(decoded.text, options.max_html_depth, &dropped);
  const std::string& html = limited ? *limited : decoded.text;
  if (dropped) {
    a.diagnostics.push_back({"read", "html-too-deep",
                             "HTML nested deeper than " + std::to_string(options.max_html_depth) +
                                 " elements; " + std::to_string(dropped) + " tags ignored"});
  }
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 100;
  std::unique_ptr<GumboOutput, std::function<void(GumboOutput*)>> doc(
      gumbo_parse_with_options(&gopts, html.data(), html.size()),
      [gopts](GumboOutput* o) { gumbo_destroy_output(&gopts, o); });
  if (!doc) {
    out.errors.push_back({source, "the HTML parser failed; skipped"});
    return out;
  }

  // One walk for metadata and candidate content roots.
  PageMeta meta;
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> stack{doc->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    switch (node->v.element.tag) {
      case GUMBO_TAG_HTML:
        if (const char* lang = Attr(node, "lang")) meta.lang = lang;
        break;
      case GUMBO_TAG_TITLE:
        if (meta.title_tag.empty()) meta.title_tag = ChildText(node);
        break;
      case GUMBO_TAG_META:
        ReadMeta(node, &meta);
        break;
      case GUMBO_TAG_LINK:
        if (AttrLower(node, "rel") == "canonical" && Attr(node, "href") && meta.url.empty())
          meta.url = Attr(node, "href");
        break;
      case GUMBO_TAG_SCRIPT:
        if (AttrLower(node, "type") == "application/ld+json") ReadJsonLd(ChildText(node), &meta);
        break;
      case GUMBO_TAG_TIME:
        if (Attr(node, "pubdate") || AttrLower(node, "itemprop") == "datepublished")
          OfferDate(&meta, Attr(node, "datetime"), 2);
        break;
      case GUMBO_TAG_BODY:
        if (!body) body = node;
        break;
      case GUMBO_TAG_H1:
        if (meta.h1.empty()) meta.h1 = ExtractText(node);
        break;
      default:
        break;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned k = children.length; k > 0; --k)
      stack.push_back(static_cast<const GumboNode*>(children.data[k - 1]));
  }

  // The whole body as an outline; the clean stage picks the main content.
  if (body) a.html = BuildOutline(body);
  std::string text = OutlineText(a.html);
  if (util::Trim(text).empty()) {
    out.errors.push_back({source, "HTML page without body text; skipped"});
    return out;
  }

  auto pick = [](std::initializer_list<const std::string*> candidates) -> std::string {
    for (const std::string* c : candidates) {
      if (!util::Trim(*c).empty()) return std::string(util::Trim(*c));
    }
    return "";
  };
  std::string title = pick({&meta.og_title, &meta.ld_headline, &meta.h1, &meta.title_tag});
  if (!title.empty()) {
    a.title = ShortenTitle(title, options.max_title_bytes * 2);
    a.title_basis = "metadata";
  }
  a.outlet = pick({&meta.site_name, &meta.ld_publisher});
  a.author = std::string(util::Trim(meta.author));
  a.url = std::string(util::Trim(meta.url));
  a.language_hint = std::string(util::Trim(meta.lang));
  a.published = meta.published;
  a.published_date = ParseMetadataDate(meta.published);
  a.body = std::move(text);
  out.articles.push_back(std::move(a));
  return out;
}

}  // namespace lagebild::read
