// Stage: claims (number claims of an article, aligned across a story)
// In:    FindQuantities: an article's clean text, its language ("de",
//        "en"; others get nothing), its time mentions (numbers inside a
//        date or duration are not counts) and its entity mentions.
//        AlignClaims: the articles of one story with their quantities.
// Out:   FindQuantities: the head counts and counts of things, each with
//        its span ("Rund 12.000": hedge and number), its value (none for
//        vague amounts), the bounds its hedge implies (rund ±10 %, fast
//        90–100 %, mehr als: no upper bound, Dutzende 24–99), the counted
//        thing as written and its class ("Armeeangehörige" -> soldiers),
//        the predicate class ("festgenommen" -> arrested) and the
//        attribution ("nach Angaben der Regierung" -> "der Regierung").
//        AlignClaims: the story's claims — quantities with the same
//        predicate and counted class — each `consistent` (every two
//        values of different sources overlap), `conflicting` (two do
//        not), `updated` (those that do not are of different days, each
//        day's values agree, and the figure moves one way from day to
//        day: values then in day order) or `single-source`; every quantity's `claim` set. Only
//        quantities with a predicate or a known class of counted thing
//        make claims ("931 Stimmen" is listed, but votes for whom is not
//        known). Values of one source that contradict each other ("931
//        Stimmen", "140 Stimmen") are different slots: each becomes a
//        claim of its own, and a value of another source joins the slot
//        whose sentence shares most capitalised words with its own.
// How:   one pass over the tokens with the words of data/claims/<lang>.tsv
//        (number words, multipliers, vague amounts, hedges, counted
//        things, predicates, units that make a number no head count,
//        attribution cues); the predicate nearest to the number in its
//        clause wins; a number without its noun ("fast 10.000 wurden
//        festgenommen") counts the thing of the quantity before it in the
//        sentence, or people after a predicate about people.
//        Not counts: years, dates and durations (the time stage's
//        mentions), percentages, money and measures, ordinals ("13."),
//        phone numbers, scores and clock times, identifiers ("Nr. 5").
// Fails: never.
// Cost:  linear in the text; one hash look-up per word.
#pragma once

#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"

namespace lagebild::claims {

std::vector<Quantity> FindQuantities(std::string_view text, std::string_view language,
                                     const std::vector<TimeMention>& times,
                                     const std::vector<EntityMention>& entities);

// Languages with a lexicon.
bool HasClaimLexicon(std::string_view language);

// Problems found while loading the lexicons (tests require none).
std::vector<std::string> ClaimLexiconProblems();

std::vector<Claim> AlignClaims(const std::vector<Article*>& articles);

// Date claims: sentences that name an event of data/claims/<lang>.tsv
// ("Abzug": withdrawal) and say it began, was or will be completed, or
// lasts, with a day ("am 19. Januar") or a duration ("binnen zehn Tagen"
// from the article's day: by then; "wird zehn Tage andauern" from the day
// it began: then). Claims of kind "date" by (event, what), each value a
// range of days; status as for quantities. Called by AlignClaims, whose
// claims they follow.
std::vector<Claim> AlignDateClaims(const std::vector<Article*>& articles);

}  // namespace lagebild::claims
