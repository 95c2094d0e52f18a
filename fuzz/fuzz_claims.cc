// Fuzz target for the claims stage: any bytes as normalised text through
// FindQuantities in German and English (every span inside the text, on
// its text, bounds ordered) and AlignClaims over the result.
#include <cstddef>
#include <cstdint>
#include <string>

#include "claims/claims.h"
#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"
#include "time/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string text = normalize::NormalizeText(
      std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<Article> articles(2);
  for (size_t k = 0; k < 2; ++k) {
    const char* lang = k == 0 ? "de" : "en";
    Article& a = articles[k];
    a.id = k == 0 ? "a1" : "a2";
    a.language = lang;
    a.text = text;
    a.times = time::TagTimes(text, lang, PartialDate{2022, 1, 13});
    a.quantities = claims::FindQuantities(text, lang, a.times, {});
    for (const Quantity& q : a.quantities) {
      LAGEBILD_FUZZ_CHECK(q.start < q.end && q.end <= text.size());
      LAGEBILD_FUZZ_CHECK(text.compare(q.start, q.end - q.start, q.text) == 0);
      LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(q.text) && util::IsValidUtf8(q.unit));
      LAGEBILD_FUZZ_CHECK(!q.low || !q.high || *q.low <= *q.high);
    }
  }
  const auto claims = claims::AlignClaims({&articles[0], &articles[1]});
  for (const Claim& c : claims) LAGEBILD_FUZZ_CHECK(!c.values.empty());
  return 0;
}
