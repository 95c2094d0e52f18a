// Fuzz target for dedup, stories and the store's record decoding: any
// bytes as normalised text through MakeFingerprint and DescribeArticle
// (German and English), clustered and checked for copies against a
// variant of itself; and the raw bytes through every blob decoder, which
// must refuse or accept without crashing, and give back what encoding
// gave.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dedup/dedup.h"
#include "fuzz/fuzz_check.h"
#include "normalize/normalize.h"
#include "stories/stories.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = normalize::NormalizeText(bytes);

  dedup::CopyFinder finder;
  stories::DocumentFrequencies df;
  stories::StoryClusterer clusterer;
  const std::string half = text.substr(0, text.size() / 2);
  for (const std::string* t : {&text, &half, &text}) {
    dedup::Fingerprint fp = dedup::MakeFingerprint(*t);
    dedup::Fingerprint back;
    LAGEBILD_FUZZ_CHECK(dedup::Decode(dedup::Encode(fp), &back));
    LAGEBILD_FUZZ_CHECK(back.shingles == fp.shingles && back.sample == fp.sample);
    const std::optional<uint64_t> original = finder.Add(std::move(fp));
    LAGEBILD_FUZZ_CHECK(!original || *original < finder.added() - 1);
    for (const char* lang : {"de", "en"}) {
      const stories::ArticleTerms terms = stories::DescribeArticle("", *t, lang, {2022, 2, 0});
      df.Add(terms);
      const stories::ArticleVectors v = stories::Weigh(terms, df);
      stories::ArticleVectors v2;
      LAGEBILD_FUZZ_CHECK(stories::Decode(stories::Encode(v), &v2));
      LAGEBILD_FUZZ_CHECK(v2.all.size() == v.all.size() && v2.language == v.language);
      const stories::Placement placed = clusterer.Add(v);
      LAGEBILD_FUZZ_CHECK(placed.story < clusterer.next_story());
      LAGEBILD_FUZZ_CHECK(placed.event < clusterer.next_event());
    }
  }
  // Arbitrary bytes as stored blobs.
  dedup::Fingerprint fp;
  stories::ArticleVectors v;
  RawArticle raw;
  dedup::Decode(bytes, &fp);
  stories::Decode(bytes, &v);
  if (store::DecodeRaw(bytes, &raw)) {
    LAGEBILD_FUZZ_CHECK(store::EncodeRaw(raw) == bytes);
  }
  return 0;
}
