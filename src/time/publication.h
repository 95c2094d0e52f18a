// Stage: time (publication dates; the temporal tagger joins this stage)
// In:    an article's normalised text and the publication dates of the
//        articles read together with it (its peers).
// Out:   a year-month for an article that has no date of its own, with
//        basis "story", or unknown.
// How:   the article's day-month mentions without a year ("am 19. Januar",
//        "on January 13") name a month; the peers fix the year, provided
//        they span at most kMaxPeerSpanMonths and the month lies within one
//        month of their span. Until story clustering exists, the peers are
//        all articles of the report; then they become the story's articles.
// Fails: never; no evidence, or contradicting evidence, gives unknown.
// Cost:  one pass over the text.
#pragma once

#include <string_view>
#include <vector>

#include "lagebild/article.h"

namespace lagebild::time {

inline constexpr int kMaxPeerSpanMonths = 2;

struct DayMonth {
  int day = 0;    // 1..31
  int month = 0;  // 1..12
  int year = 0;   // 0 when the mention gives none
};

// Day-month mentions in German ("19. Januar", "3. Okt.") and English
// ("January 19", "19 January"), with a following four-digit year if any.
std::vector<DayMonth> FindDayMonthMentions(std::string_view text);

// The publication year-month of an undated article from its peers' dates.
PartialDate InferFromPeers(std::string_view text, const std::vector<PartialDate>& peer_dates);

}  // namespace lagebild::time
