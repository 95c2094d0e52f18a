// Fuzz target for the temporal tagger: any bytes, made into normalised
// text, tagged in German and English against a DCT taken from the first
// bytes (sometimes partial or unknown). Every mention's span lies inside
// the text, on character boundaries, and equals its text. The raw bytes
// as an article's address give no date or a real one.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"
#include "time/publication.h"
#include "time/tagger.h"
#include "util/calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  PartialDate dct;
  if (size >= 3) {
    dct.year = 1900 + data[0] % 200;
    dct.month = data[1] % 13;                       // 0: year only
    dct.day = dct.month == 0 ? 0 : data[2] % 32;    // 0: year-month only
    if (data[0] == 0) dct = {};                     // unknown
  }
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = normalize::NormalizeText(bytes);
  for (const char* lang : {"de", "en"}) {
    for (bool narrative : {false, true}) {
      time::TagOptions o;
      o.narrative = narrative;
      for (const TimeMention& t : time::TagTimes(text, lang, dct, o)) {
        LAGEBILD_FUZZ_CHECK(t.start < t.end && t.end <= text.size());
        LAGEBILD_FUZZ_CHECK(text.compare(t.start, t.end - t.start, t.text) == 0);
        LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(t.text));
        LAGEBILD_FUZZ_CHECK(!t.value.empty() && !t.type.empty());
      }
    }
  }
  for (const std::string& url : {std::string(bytes), "https://example.org/" + std::string(bytes)}) {
    const PartialDate d = time::DateFromAddress(url);
    if (d.known()) {
      LAGEBILD_FUZZ_CHECK(d.year >= 1990 && d.year <= 2099 && d.month >= 1 && d.month <= 12);
      LAGEBILD_FUZZ_CHECK(d.day == 0 || util::IsValidDay({d.year, d.month, d.day}));
    }
  }
  return 0;
}
