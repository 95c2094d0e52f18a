// Case folding for matching words of European languages: ASCII and the
// Latin-1 and Latin Extended-A capitals lower-cased (Ä -> ä, Š -> š); all
// other bytes copied. Not Unicode full case folding: ß stays, Greek and
// Cyrillic capitals stay.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lagebild::util {

std::string Fold(std::string_view s);
// Fold(s) into *out (cleared first); reuses out's capacity.
void FoldInto(std::string_view s, std::string* out);
// FNV-1a hash of Fold(s), computed without building it.
uint64_t FoldedHash(std::string_view s);

}  // namespace lagebild::util
