// Sentences and words of running text for the NER tagger, with byte spans.
// Internal to the ner stage.
// Words are split at white space; opening and closing punctuation
// („ “ " ( [ « » ' , ; : ! ? . ) ] …) becomes words of its own, except the
// full stop of an abbreviation (one capital letter "A.", a capital and at
// most two small letters "Dr.", or a word with an inner full stop "z.B.");
// hyphenated compounds stay one word
// ("EU-Kommission"). A sentence ends after ". ! ?" before a capital letter,
// a quotation mark or a line break, and at every blank line.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lagebild::ner {

struct WordSpan {
  uint32_t start = 0, end = 0;  // bytes
};

std::vector<std::vector<WordSpan>> SplitSentences(std::string_view text);

}  // namespace lagebild::ner
