// A key that maps German, English and scholarly romanisations of one name
// onto one string: "Selenskyj", "Zelenskyj" and "Zelensky" -> one key.
// Folds case, then applies the rules of data/quality/transliteration.tsv
// (longest first, left to right: sch/sh/zh -> s, j/y -> i, w -> v, q -> k,
// diacritics), doubled letters collapsed.
#pragma once

#include <string>
#include <string_view>

namespace lagebild::util {

// *folded gets Fold(word), *key the romanisation key.
void RomanisationKey(std::string_view word, std::string* folded, std::string* key);
std::string RomanisationKey(std::string_view word);

}  // namespace lagebild::util
