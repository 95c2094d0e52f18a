// Fuzz target for the clean stage: any bytes, made into normalised text
// (first line as title), through CleanText and AssessSource. The cleaned
// text keeps the text invariants and every removed span is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clean/clean.h"
#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = normalize::NormalizeText(bytes);
  const std::string title = text.substr(0, text.find('\n'));
  clean::CleanResult r = clean::CleanText(text, title);
  fuzz::CheckNormalised(r.text);
  LAGEBILD_FUZZ_CHECK(r.text.size() <= text.size());
  for (const Removed& x : r.removed) {
    LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(x.text));
    LAGEBILD_FUZZ_CHECK(!x.text.empty() && !x.reason.empty());
  }
  Article a;
  a.text = std::move(r.text);
  a.removed = std::move(r.removed);
  a.language = (size % 2) ? "de" : "en";
  a.url = title;
  a.outlet = title;
  clean::AssessSource(a);
  for (const FlagEvidence& e : a.flag_evidence) LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(e.evidence));
  LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(a.outlet));
  return 0;
}
