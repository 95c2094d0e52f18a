// Stage: time (publication dates)
// In:    an article's normalised text and the publication dates of the
//        articles read together with it (its peers).
// Out:   a year-month for an article that has no date of its own, with
//        basis "story"; a day from the article's dateline or content, or
//        from its peers; or unknown.
// How:   the article's day-month mentions without a year ("am 19. Januar",
//        "on January 13", found by the temporal tagger) name a month; the peers fix the year, provided
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
inline constexpr size_t kDatelineBytes = 800;       // a dateline's date starts within these bytes
inline constexpr size_t kDatelinePlaceBytes = 40;   // and at most this far into its line
inline constexpr size_t kStampGapBytes = 8;         // a page stamp's time follows its date this closely
inline constexpr size_t kStampTailBytes = 64;       // room for the date and time of a stamp that starts late

// The publication year-month of an undated article from its peers' dates.
PartialDate InferFromPeers(std::string_view text, std::string_view language,
                           const std::vector<PartialDate>& peer_dates);

// The publication day from the article's own words, when what is known
// (`known`) leaves the day open: a page stamp near the start, a date with
// its year in digits and a clock time ("Stand: 22.02.2022 11:26 Uhr",
// basis dateline; also for an article with no date at all); when at least
// the year is known, a dateline at the
// start ("BERLIN, 13. Januar (Reuters) –", basis dateline); "heute, am
// 13. Januar" (content); or the latest explicit date of the article when
// the article names that date's weekday ("am 19. Januar ... Am Mittwoch",
// content). Unknown (basis none) when none applies or `known` is already
// a day.
PublishedDate DayFromContent(std::string_view text, std::string_view language,
                             const PartialDate& known);

// The date written in an article's address, as news sites put it when the
// page is first published: "/2022/02/13/", "/2017-05/07/", "/2022-04-25-",
// "/20170509/", "/27-02-2022/" (a day), or "/2017-05/", "/2022/02/slug"
// (a month). Years 1990-2099; the first date in the path counts; a bare
// year, a run of other digits or a date that does not exist gives
// unknown. The host is not read.
PartialDate DateFromAddress(std::string_view url);

// The publication day of an article whose year-month is known, from the
// days of its peers (the other articles of the story) in that month: the
// day most of them give (the earliest on a tie). Unknown when none fits.
PartialDate DayFromPeers(const PartialDate& known, const std::vector<PartialDate>& peer_days);

}  // namespace lagebild::time
