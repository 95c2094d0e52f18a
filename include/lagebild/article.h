// The article data model: what flows from stage to stage for one article.
//
//   input bytes ─read─► RawArticle ─normalize─► Article ─(later stages)─► Article
//
// Plain structs with public fields and value semantics; no I/O, no virtuals.
// Invariants of Article:
//  - `text` is valid UTF-8 in NFC, paragraphs separated by exactly "\n\n",
//    lines inside a paragraph by "\n", no other control characters, no
//    leading or trailing white space on any line.
//  - every mention's [start, end) is a byte span into `text` with
//    text.substr(start, end - start) == mention.text.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace lagebild {

// Something a stage noticed about one article: degraded, truncated, guessed.
struct Diagnostic {
  std::string stage;    // "read", "normalize", "language", ...
  std::string code;     // short stable code, e.g. "truncated", "invalid-utf8"
  std::string message;  // for people; names the input and the value
};

// A calendar date known to some precision: year, year-month or a full day.
struct PartialDate {
  int year = 0;   // 0 = unknown
  int month = 0;  // 1..12, 0 = unknown
  int day = 0;    // 1..31, 0 = unknown

  bool known() const { return year != 0; }
  // "2022", "2022-01" or "2022-01-13"; "" when unknown.
  std::string ToString() const {
    if (!known()) return "";
    char buf[16];
    if (month == 0) {
      std::snprintf(buf, sizeof buf, "%04d", year);
    } else if (day == 0) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    return buf;
  }
};

// Where a publication date came from, strongest first.
enum class DateBasis { kNone, kMetadata, kDateline, kContent, kStory };
inline const char* DateBasisName(DateBasis basis) {
  switch (basis) {
    case DateBasis::kMetadata: return "metadata";
    case DateBasis::kDateline: return "dateline";
    case DateBasis::kContent: return "content";
    case DateBasis::kStory: return "story";
    case DateBasis::kNone: break;
  }
  return "none";
}

struct PublishedDate {
  PartialDate value;                    // unknown when basis == kNone
  DateBasis basis = DateBasis::kNone;
};

// A text span removed by the clean stage, with why.
struct Removed {
  std::string text;
  std::string reason;  // "read-more", "photo-credit", "social-embed", ...
};

// Why a quality flag was set: one line of evidence per observation
// ("English-German mix 'power of decision'", "dateline 'Berlin (dpa)'").
struct FlagEvidence {
  std::string flag;      // the flag it supports, e.g. "machine-translated"
  std::string evidence;  // what was seen, quoting the text
};

// What kind of source an article is, from the outlet table (data/outlets).
struct OutletInfo {
  std::string name;       // canonical outlet name, "" when unidentified
  std::string country;    // ISO 3166 alpha-2 or a country name
  std::string language;   // the outlet's main language, "" if unknown
  std::string kind;       // "agency", "newspaper", "broadcaster", "state-media", ...
  std::string state;      // State Media Monitor typology (SC, CaPu, ...), "" if none
  std::string basis;      // "url", "site-name", "self-reference"
};

// The text-bearing skeleton of an HTML page, for main-content selection
// (clean stage). Readers fill it; it never reaches the report.
struct HtmlNode {       // a block-level element that holds text
  int parent = -1;      // index into HtmlOutline::nodes, -1 at the top
  std::string tag;      // lower-case tag name: "div", "article", "p", ...
  std::string cues;     // lower-cased id, class, role and itemprop, space separated
};

struct HtmlBlock {          // text between two block boundaries
  int node = -1;            // the innermost enclosing HtmlNode
  std::string text;         // as in the page (entities decoded), white space not normalised
  uint32_t link_bytes = 0;  // bytes of `text` inside <a> elements
};

struct HtmlOutline {
  std::vector<HtmlNode> nodes;
  std::vector<HtmlBlock> blocks;  // in document order
};

// One article as a reader found it, before normalisation.
// Invariant: `body` is valid UTF-8 (readers convert or replace), may be empty.
struct RawArticle {
  std::string source;                 // path; JSON Lines: url, or path:line without one
  std::string format;                 // "text", "html" or "jsonl"
  std::optional<std::string> title;   // from the header line or metadata
  std::string published;              // date string as found in metadata ("" if none)
  std::string url;                    // canonical URL if known
  std::string outlet;                 // site or outlet name if known
  std::string author;                 // byline from metadata if known
  std::string language_hint;          // declared language (html lang, JSON field)
  std::string encoding;               // encoding the bytes were read as, e.g. "UTF-8"
  PartialDate published_date;         // `published` parsed, unknown if unparsable
  std::string body;                   // the text: paragraphs separated by blank lines
  bool truncated = false;             // cut at the article size limit
  std::string title_basis;            // "header", "metadata", "first-line", "first-sentence"
  std::vector<Removed> removed;       // lines a reader set aside (e.g. a section label)
  HtmlOutline html;                   // HTML inputs: the page's text skeleton
  std::vector<Diagnostic> diagnostics;
};

// A temporal expression (TIMEX3-style).
struct TimeMention {
  std::string text;
  uint32_t start = 0, end = 0;  // byte span into Article::text
  std::string type;             // "DATE", "TIME", "DURATION", "SET"
  std::string value;            // TIMEX3 value, e.g. "2022-01-19", "P10D"
};

struct EntityMention {
  std::string text;
  uint32_t start = 0, end = 0;
  std::string type;    // "PER", "ORG", "LOC", "OTH"
  std::string entity;  // story-level entity id, "" until linked
};

struct Quantity {
  std::string text;
  uint32_t start = 0, end = 0;
  std::optional<double> value;  // exact or stated value; none for vague amounts
  std::optional<double> low;    // bounds implied by the hedge
  std::optional<double> high;
  std::string hedge;            // "rund", "fast", "more than", ... or ""
  std::string unit;             // the counted thing as written, "" if unknown
  std::string counted;          // its class ("soldiers") or folded noun, ""
  std::string predicate;        // "arrested", "killed", "sent", ... or ""
  std::string source;           // attribution as written ("der Regierung"), ""
  std::string claim;            // story-level claim id, "" until aligned
};

struct Quote {
  std::string text;
  uint32_t start = 0, end = 0;
  std::string type;          // "direct" (in quotation marks) or "indirect"
  std::string speaker_text;  // the speaker ("Scholz", "ein Sprecher"; a pronoun's antecedent), ""
  uint32_t speaker_start = 0, speaker_end = 0;  // its span as written (0, 0: none)
  uint32_t referent_start = 0, referent_end = 0;  // a pronoun's antecedent (0, 0: none)
  std::string cue;           // the verb or phrase of saying, ""
  std::string speaker;       // story-level entity id or ""
  std::string statement;     // story-level statement id or ""
};

// One analysed article.
struct Article {
  std::string id;                    // "a1", "a2", ... stable within one report
  std::string source;                // as in RawArticle
  std::string format;                // as in RawArticle
  std::optional<std::string> title;  // normalised title, if any
  std::string title_basis;           // where the title came from (see RawArticle)
  std::string language;              // ISO 639-1, "und" when unknown
  bool language_reliable = false;    // the identifier was confident
  PublishedDate published;
  std::string url;
  std::string outlet;
  std::string author;
  std::string encoding;              // input encoding the bytes were read as
  std::string text;                  // see the invariants above
  std::vector<Removed> removed;
  std::vector<std::string> flags;    // "truncated", "machine-translated", ...
  std::vector<FlagEvidence> flag_evidence;  // why each flag was set
  OutletInfo outlet_info;            // identified outlet, name "" if none
  std::string agency;                // the news agency copied, "" if none
  std::optional<std::string> duplicate_of;
  std::vector<TimeMention> times;
  std::vector<EntityMention> entities;
  std::vector<Quantity> quantities;
  std::vector<Quote> quotes;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace lagebild
