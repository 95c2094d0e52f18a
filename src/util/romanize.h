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

// The bytes of a lower-case Arabic article joined to the capitalised name
// after it: 3 for "al-Assad", "el-Sisi", "as-Sadr", "ad-Din", 4 for
// "ash-Shara"; 0 for any other word ("al-", "Al-Qaida", "alt-Kanzler").
size_t NameParticleLength(std::string_view word);

}  // namespace lagebild::util
