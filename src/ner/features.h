// Features of the NER tagger: for every word of a sentence, hashes of its
// feature strings (its form, affixes, shape, its neighbours). Internal to
// the ner stage.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lagebild::ner {

// Averaged weights smaller than this are dropped from saved models.
inline constexpr float kMinWeight = 1e-3f;

// feats->at(i): the feature hashes of word i.
void ExtractFeatures(const std::vector<std::string_view>& words,
                     std::vector<std::vector<uint64_t>>* feats);

}  // namespace lagebild::ner
