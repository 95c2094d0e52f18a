// Stage: time (temporal tagger)
// In:    an article's clean text, its language ("de", "en"; others get
//        nothing) and its document creation time (the publication date,
//        possibly only year-month or unknown).
// Out:   TIMEX3-style mentions (DATE, TIME, DURATION, SET) with byte spans
//        into the text and calendar values resolved against the anchor:
//        "am Mittwoch kommender Woche" -> 2022-01-19, "binnen zehn Tagen"
//        -> P10D, "letzte Woche" -> 2022-W01.
// How:   rules are data (data/time/<lang>.rules, docs/time-rules.md),
//        compiled once at first use: word classes and token patterns, each
//        pattern naming a language-neutral normaliser. Tokens are matched
//        left to right, the longest match wins; weekdays and dates without
//        a year are resolved with the tense cues of their sentence
//        ("begann am Donnerstag" past, "soll am Mittwoch" future).
// Fails: never; an expression that cannot be resolved gets X-placeholders
//        ("XXXX-01-19") rather than a guess.
// Cost:  one pass over the tokens, one hash look-up per word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"

namespace lagebild::time {

struct TagOptions {
  // News: relative expressions anchor to the document creation time.
  // Narrative (history, encyclopaedia): to the last date mentioned before.
  bool narrative = false;
};

std::vector<TimeMention> TagTimes(std::string_view text, std::string_view language,
                                  const PartialDate& dct, const TagOptions& options = {});

// Languages with a rule file.
bool HasTimeRules(std::string_view language);

// Problems found while compiling the rule files (tests require none).
std::vector<std::string> TimeRuleProblems();

}  // namespace lagebild::time
