// Fuzz target for the quotes and summary stages: any bytes as normalised
// text through FindQuotes in German and English (every span inside the
// text, on its text), LinkQuotes over the result, and the sentences,
// timeline and summary of the two articles.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"
#include "quotes/quotes.h"
#include "summary/summary.h"
#include "util/sentences.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string text = normalize::NormalizeText(
      std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<Article> articles(2);
  for (size_t k = 0; k < 2; ++k) {
    Article& a = articles[k];
    a.id = k == 0 ? "a1" : "a2";
    a.language = k == 0 ? "de" : "en";
    a.text = text;
    // A mention on the first capitalised word, linked, as a speaker.
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] >= 'A' && text[i] <= 'Z') {
        size_t e = i;
        while (e < text.size() && ((text[e] >= 'A' && text[e] <= 'Z') || (text[e] >= 'a' && text[e] <= 'z'))) ++e;
        EntityMention m;
        m.start = static_cast<uint32_t>(i);
        m.end = static_cast<uint32_t>(e);
        m.text = text.substr(i, e - i);
        m.type = "PER";
        m.entity = "e1";
        a.entities.push_back(m);
        break;
      }
    }
    a.quotes = quotes::FindQuotes(text, a.language, a.entities);
    for (const Quote& q : a.quotes) {
      LAGEBILD_FUZZ_CHECK(q.start < q.end && q.end <= text.size());
      LAGEBILD_FUZZ_CHECK(text.compare(q.start, q.end - q.start, q.text) == 0);
      LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(q.text) && util::IsValidUtf8(q.speaker_text));
      LAGEBILD_FUZZ_CHECK(q.speaker_start <= q.speaker_end && q.speaker_end <= text.size());
    }
  }
  for (const Statement& s : quotes::LinkQuotes({&articles[0], &articles[1]})) {
    LAGEBILD_FUZZ_CHECK(!s.renderings.empty());
  }
  for (const util::SentenceSpan& s : util::SplitSentences(text)) {
    LAGEBILD_FUZZ_CHECK(s.start < s.end && s.end <= text.size());
  }
  TimeMention t;
  t.type = "DATE";
  t.value = "2022-01-13";
  t.end = static_cast<uint32_t>(std::min<size_t>(text.size(), 5));
  articles[0].times.push_back(t);
  Claim claim;
  claim.status = "conflicting";
  claim.about = "x";
  claim.values = {{"a1", "1", 1.0, 1.0, 1.0, "", "", ""}, {"a2", "2", 2.0, 2.0, 2.0, "", "", ""}};
  const summary::Digest digest = summary::DigestStory({&articles[0], &articles[1]}, {claim});
  for (const CitedText& c : digest.timeline) {
    LAGEBILD_FUZZ_CHECK(!c.articles.empty() && util::IsValidUtf8(c.text));
  }
  for (const CitedText& c : digest.summary) {
    LAGEBILD_FUZZ_CHECK(!c.articles.empty() && util::IsValidUtf8(c.text));
  }
  return 0;
}
