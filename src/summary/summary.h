// Stage: summary (timeline and summary of a story)
// In:    the articles of one story with their times (resolved dates) and
//        the story's claims.
// Out:   DigestStory: the timeline, one entry per calendar day the articles date an
//        event to (a DATE mention resolved to a day: "am 19. Januar",
//        "am Mittwoch kommender Woche", "heute"), in date order, with the
//        sentence that tells it best and the articles that state the same
//        that day; up to three entries a day, the next told by the
//        articles not cited yet.
//        and the summary: up to six sentences of the articles, preferring
//        what several sources say, without repeating itself, each citing
//        the articles that say it; then one sentence per conflicting claim
//        stating the conflict with its values and articles.
// How:   sentences (util/sentences.h) compared by their content words (five
//        letters or more, first five letters); a sentence's support is the
//        number of other sources (copies count as their original) with a
//        sentence sharing two fifths of its content words that states the
//        same facts: its first person or organisation (a story entity), a
//        figure that meets one of its figures, one of its days. The timeline's
//        sentence for a day is the one whose content most other sentences
//        of that day share. Selection is greedy by support, then position
//        in its article; a sentence that shares half its content with one
//        already chosen is left out.
// Fails: never.
// Cost:  the timeline compares at most 200 sentences per day; the summary
//        looks its candidates (the first five sentences of each article, at
//        most 3,000) up in an index of the story's sentences by content word.
#pragma once

#include <optional>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"

namespace lagebild::summary {

struct Digest {
  std::vector<CitedText> timeline, summary;
};

// What a reader sees of a story first: a headline-like title (see
// overview.cc), its days (members dated to the day), its languages (most
// articles first) and its sources.
struct Overview {
  std::string title;
  std::optional<DaySpan> days;
  std::vector<std::string> languages;
  SourceCount sources;
};
Overview OverviewOf(const std::vector<Article*>& articles);

// Both from one reading of the story's sentences.
Digest DigestStory(const std::vector<Article*>& articles, const std::vector<Claim>& claims);

}  // namespace lagebild::summary
