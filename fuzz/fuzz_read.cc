// Fuzz target for one reader, chosen at compile time by LAGEBILD_FUZZ_FORMAT
// (0 text, 1 html, 2 jsonl and JSON documents, 3 feeds). Whatever the bytes: no crash, no sanitizer
// report, bodies valid UTF-8, and normalised text keeps its invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"
#include "read/read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  read::ReadOptions options;
  options.max_article_bytes = 1 << 20;
  options.max_html_depth = 64;
  read::ReadOutput out;
#if LAGEBILD_FUZZ_FORMAT == 0
  out = read::ReadText(bytes, "fuzz", options);
#elif LAGEBILD_FUZZ_FORMAT == 1
  out = read::ReadHtml(bytes, "fuzz", options);
#elif LAGEBILD_FUZZ_FORMAT == 3
  out = read::ReadFeed(bytes, "fuzz", options);
#else
  out = read::ReadJsonl(bytes, "fuzz", options);
  // The same bytes as an API client's JSON document (object, array or lines).
  read::ReadOutput posted = read::ReadJsonDocument(bytes, "fuzz", options);
  for (RawArticle& a : posted.articles) out.articles.push_back(std::move(a));
  for (InputError& e : posted.errors) out.errors.push_back(std::move(e));
#endif
  for (const RawArticle& a : out.articles) {
    LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(a.body));
    if (a.title) LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(*a.title));
    const std::string text = normalize::NormalizeText(a.body);
    fuzz::CheckNormalised(text);
    LAGEBILD_FUZZ_CHECK(normalize::NormalizeText(text) == text);  // idempotent
    // The repair of misread UTF-8 keeps text valid and never grows it.
    const std::string repaired = normalize::RepairMojibake(a.body);
    LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(repaired));
    LAGEBILD_FUZZ_CHECK(repaired.size() <= a.body.size());
  }
  for (const InputError& e : out.errors) LAGEBILD_FUZZ_CHECK(!e.message.empty());
  return 0;
}
