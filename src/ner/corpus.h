// Readers of labelled NER corpora into ner::Sentence. Internal to the ner
// stage and its tools.
//   GermEval 2014 TSV: "#" comment lines, "idx<TAB>token<TAB>outer<TAB>inner",
//     blank line between sentences; the outer column is read.
//   CoNLL "token TAG" (one space or tab), blank line between sentences (the
//     legal corpus, the historic newspapers); tags are mapped through `map`
//     (type -> type; a type mapped to "" or missing becomes O). Sentences
//     longer than 60 words are cut after a sentence end, longer than 250
//     anywhere (OCR'd corpora have no reliable blank lines).
// Malformed lines are counted in *skipped and left out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ner/ner.h"

namespace lagebild::ner {

std::vector<Sentence> ReadGermEval(std::string_view text, size_t* skipped);

std::vector<Sentence> ReadConll(std::string_view text, const std::map<std::string, std::string>& map,
                                size_t* skipped);

}  // namespace lagebild::ner
