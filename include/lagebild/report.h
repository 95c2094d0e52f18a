// The report: every article, the stories they form, and every input that
// could not be read. Writers in src/report/ turn it into JSON, HTML or
// Markdown (see docs/report-format.md for the JSON schema).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lagebild/article.h"

namespace lagebild {

inline constexpr const char* kReportSchema = "lagebild.report/1";

struct GeoPoint {
  double lat = 0, lon = 0;
};

struct StoryEntity {
  std::string id;                     // "e1", ... (within its story)
  std::string key;                    // one entity across stories and store runs ("PER vladimir putin")
  std::string type;                   // "PER", "ORG", "LOC", "OTH"
  std::string name;                   // canonical name
  std::vector<std::string> variants;  // every surface form seen
  std::optional<GeoPoint> geo;
};

struct ClaimValue {
  std::string article;  // article id
  std::string text;
  std::optional<double> value, low, high;
  std::string source;  // attribution as written, "" if none
  // Date claims: the earliest and latest day the text allows ("am 19.
  // Januar": both 2022-01-19; "binnen zehn Tagen" from 13 January:
  // 2022-01-13 and 2022-01-23); "" for quantities.
  std::string date_low, date_high;
};

struct Claim {
  std::string id;         // "c1", ...
  std::string kind = "quantity";  // "quantity" or "date"
  std::string about;      // "people arrested", "soldiers sent", "Flüge"
  std::string label;      // `about` in the story's language ("Menschen festgenommen")
  std::string counted;    // class or folded noun of the counted thing, or ""
  std::string predicate;  // predicate class, or ""
  std::string status;     // "consistent", "conflicting", "single-source"
  std::vector<ClaimValue> values;
};

struct Rendering {
  std::string article;
  std::string text;
};

struct Statement {
  std::string id;            // "q1", ...
  std::string speaker;       // entity id or ""
  std::string speaker_text;  // the speaker as first written, ""
  std::vector<Rendering> renderings;
};

struct CitedText {
  std::string date;                   // timeline only: TIMEX3 date
  std::string text;
  std::vector<std::string> articles;  // article ids
};

// Days as "2022-01-13", first <= last.
struct DaySpan {
  std::string first, last;
};

// How many articles a story has, and from how many independent sources:
// a copy counts with its original; originals of one outlet are one source.
struct SourceCount {
  size_t articles = 0;
  size_t independent = 0;  // distinct outlets of the originals (an original without outlet: one)
  size_t copies = 0;       // articles with duplicate_of
};

// One development of a story: a few days of news.
struct StoryEvent {
  std::string id;  // "s1.1", ...
  std::string title;
  std::optional<DaySpan> days;
  std::vector<std::string> articles;  // every article of the story is in exactly one event
};

struct Story {
  std::string id;  // "s1", ...
  std::string title;  // headline-like: no dateline, at most about 100 bytes
  std::vector<std::string> articles;
  std::optional<DaySpan> days;         // of the members dated to the day; none without
  std::vector<std::string> languages;  // most articles first
  SourceCount sources;
  std::vector<StoryEvent> events;
  std::vector<StoryEntity> entities;
  std::vector<Claim> claims;
  std::vector<Statement> statements;
  std::vector<CitedText> timeline;
  std::vector<CitedText> summary;
};

// An input that could not be read, or was read only in part.
struct InputError {
  std::string source;   // path, path:line, or "-" for standard input
  std::string message;  // what went wrong, naming the value
};

struct Report {
  std::vector<Article> articles;
  std::vector<Story> stories;
  std::vector<InputError> errors;
  std::vector<std::string> resources;  // models and data used, with versions
};

}  // namespace lagebild
