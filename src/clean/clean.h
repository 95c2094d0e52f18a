// Stage: clean (main text, boilerplate, source quality)
// In:    an article's normalised text (paragraphs split by "\n\n", lines by
//        "\n"), its title, language, URL and site name.
// Out:   CleanText: the text without boilerplate, and every removed span
//        with its reason (read-more, photo-credit, photo-caption,
//        social-embed, link, byline, navigation, advertisement,
//        related-teaser, publisher-appeal, repeated-title).
//        AssessSource: quality flags with their evidence (machine-translated,
//        spun, state-affiliated, agency-copy, truncated), the outlet and
//        the agency.
// How:   every line is a block; local signals (cue phrases from
//        data/clean/*.tsv, credit shapes, link density, length, punctuation)
//        mark blocks or cut spans, then context passes use position (head,
//        tail), embeds (a tweet's text before its "— Name (@handle)" line),
//        teaser regions after a "Related Articles"-style heading, and the
//        topical overlap of a block with the rest of the article.
//        Outlets come from data/outlets/ (curated table + State Media Matrix).
// Fails: never; text without boilerplate comes back unchanged.
// Cost:  linear in the text; lexicons are loaded once per process from data
//        embedded in the binary (thread-safe).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"

namespace lagebild::clean {

struct CleanResult {
  std::string text;              // same invariants as Article::text
  std::vector<Removed> removed;  // in text order
};

// Chooses the main content of an HTML page from its outline: containers are
// scored by the paragraphs under them (length, commas), their id/class cues
// and link density; the best one, with siblings of similar score, gives the
// text, minus furniture inside it (navigation, sharing, related links,
// comments, captions). Dropped blocks of the chosen region go to *removed
// (at most kMaxHtmlRemoved). Returns paragraphs separated by "\n\n"; ""
// when the outline holds no text.
inline constexpr size_t kMaxHtmlRemoved = 40;
// `title` (may be empty): the page's title from its metadata; containers
// whose running text starts right after the heading that carries it are
// preferred over comment threads and teasers further down.
std::string SelectMainContent(const HtmlOutline& outline, std::string_view title,
                              std::vector<Removed>* removed);

// Removes boilerplate from `text`. `title` (may be empty) lets repeated title
// lines go.
CleanResult CleanText(std::string_view text, std::string_view title);

// Sets a.flags / a.flag_evidence (adds to what is there), a.outlet_info and
// a.agency from a's text, removed spans, language, url and outlet name.
// Call after CleanText and language identification.
void AssessSource(Article& a);

// Name, version and licence of the data the stage uses, for the report.
std::string CleanResources();

}  // namespace lagebild::clean
