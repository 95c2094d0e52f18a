// Stage: quotes (who said what, and the same statement across articles)
// In:    FindQuotes: an article's clean text, its language ("de", "en";
//        others get nothing) and its entity mentions (before linking).
//        LinkQuotes: the articles of one story with their quotes and
//        linked entity mentions.
// Out:   FindQuotes: direct quotes (the words inside „…“ "…" »…« «…«
//        “…” ‚…‘ '…') and indirect speech ("X sagte, er werde …", "X
//        said that …", "laut X …", "X zufolge …"), each with its cue and
//        its speaker as written with its span.
//        LinkQuotes: every quote's `speaker` set to the story entity of its
//        speaker, and the story's statements: renderings of one statement
//        across articles and translations ("Der Einsatz lief schnell und
//        effizient" = "The operation worked quickly and effectively").
// How:   quotation marks paired by kind, scare quotes of one to three words
//        without a cue left out; the speaker is the entity mention or
//        noun phrase beside the cue after the quote ("…", sagte Berg),
//        before it (Berg sagte: „…“; Berg: „…“), a pronoun resolved to the
//        last named speaker, or the speaker of the quote just before
//        (a quote continued in the next paragraph). Indirect speech: a
//        cue followed by a comma and a clause with "dass"/"that" or a
//        reported-speech verb form. Statements: quotes of one speaker
//        (or identical words) in different articles whose content words
//        (stems, German and English synonym groups of data/quotes/
//        synonyms.tsv) overlap.
// Fails: never.
// Cost:  linear in the text for FindQuotes; LinkQuotes compares the pairs
//        of quotes that share a content word (found through an index).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"

namespace lagebild::quotes {

std::vector<Quote> FindQuotes(std::string_view text, std::string_view language,
                              const std::vector<EntityMention>& entities);

bool HasQuoteLexicon(std::string_view language);
std::vector<std::string> QuoteLexiconProblems();

std::vector<Statement> LinkQuotes(const std::vector<Article*>& articles);

}  // namespace lagebild::quotes
