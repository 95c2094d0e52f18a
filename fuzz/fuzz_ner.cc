// Fuzz target for the NER stage: any bytes as a model (Load must fail
// cleanly or give a model that tags), and as normalised text through
// FindEntities (every span inside the text, on its text).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "ner/ner.h"
#include "normalize/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lagebild;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto model = ner::Model::Load(bytes);
  if (model.ok()) {
    const auto labels = model.value().Tag({"Ein", "Wort", "."});
    LAGEBILD_FUZZ_CHECK(labels.size() == 3);
  }
  const std::string text = normalize::NormalizeText(bytes);
  for (const EntityMention& e : ner::FindEntities(text, "de")) {
    LAGEBILD_FUZZ_CHECK(e.start < e.end && e.end <= text.size());
    LAGEBILD_FUZZ_CHECK(text.compare(e.start, e.end - e.start, e.text) == 0);
    LAGEBILD_FUZZ_CHECK(util::IsValidUtf8(e.text));
  }
  return 0;
}
