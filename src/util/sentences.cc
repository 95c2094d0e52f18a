#include "util/sentences.h"

#include <algorithm>
#include <string>

#include "util/strings.h"

namespace lagebild::util {
namespace {

// The word right before a full stop at text[dot]: a number or an
// abbreviation does not end a sentence.
bool KeepsSentence(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && !IsAsciiSpace(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') --b;
  const std::string_view w = text.substr(b, dot - b);
  if (w.empty()) return false;
  if (std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiDigit(c); })) return w.size() <= 2;
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;
  static const std::string_view kAbbreviations[] = {
      "Dr", "Prof", "Nr", "bzw", "ca", "vgl", "etc", "usw", "z.B", "u.a", "d.h", "St", "Mr",
      "Mrs", "Ms", "Jr", "Sr", "Co", "Inc", "Ltd", "No", "Abs", "Art", "Mio", "Mrd", "Tsd",
      "evtl", "ggf", "inkl", "sog", "bspw", "Hr", "Fr", "gen", "Gen", "Sen", "Rep", "Gov"};
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), w) !=
         std::end(kAbbreviations);
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  size_t start = 0;
  auto emit = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && IsAsciiSpace(text[b])) ++b;
    while (e > b && IsAsciiSpace(text[e - 1])) --e;
    if (e > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      // A line break ends a sentence at a blank line or after a line that
      // has no final punctuation (titles, list items).
      emit(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    // Closing quotes and brackets belong to the sentence.
    while (j < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[j]);
      if (d == '"' || d == ')' || d == '\'') {
        ++j;
      } else if (d == 0xE2 && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80 &&
                 (static_cast<unsigned char>(text[j + 2]) == 0x9C ||
                  static_cast<unsigned char>(text[j + 2]) == 0x9D ||
                  static_cast<unsigned char>(text[j + 2]) == 0x98 ||
                  static_cast<unsigned char>(text[j + 2]) == 0x99)) {
        j += 3;
      } else if (d == 0xC2 && j + 1 < text.size() && (static_cast<unsigned char>(text[j + 1]) == 0xAB ||
                                                        static_cast<unsigned char>(text[j + 1]) == 0xBB)) {
        j += 2;
      } else {
        break;
      }
    }
    if (j < text.size() && !IsAsciiSpace(text[j])) continue;
    if (c == '.' && KeepsSentence(text, i)) continue;
    // A sentence does not begin with a small letter: "Queen Elizabeth II.
    // die Westminster Hall", "am Montagabend (20.02.) wieder ein Erdbeben"
    // go on (a line break still ends a line without final punctuation).
    size_t k = j;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k < text.size()) {
      const unsigned char n = static_cast<unsigned char>(text[k]);
      const bool small = (n >= 'a' && n <= 'z') ||
                         (n == 0xC3 && k + 1 < text.size() &&
                          static_cast<unsigned char>(text[k + 1]) >= 0x9F &&
                          static_cast<unsigned char>(text[k + 1]) <= 0xBF);
      if (small) continue;
    }
    emit(j);
    i = j - 1;
  }
  emit(text.size());
  return out;
}

}  // namespace lagebild::util
