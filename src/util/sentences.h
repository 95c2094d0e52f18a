// Sentences of running text with byte spans, for the story-level stages
// (timeline, summary). A sentence ends after ". ! ?" (and a closing quote
// or bracket after it) before white space, except after a number ("am 13.
// Januar", "der 3. Platz") or an abbreviation (one capital letter, or a
// word of the list: Dr, Nr, bzw, ca, ...) and before a small letter
// ("Elizabeth II. die Westminster Hall"); every line break that ends a
// paragraph (a blank line) or a line without final punctuation ends one.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lagebild::util {

struct SentenceSpan {
  uint32_t start = 0, end = 0;  // bytes; text[start, end) trimmed of white space
};

std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace lagebild::util
