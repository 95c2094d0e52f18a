#include "util/words.h"

#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::util {

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp));
  return cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7;
}

void ForEachLetterRun(std::string_view text, const std::function<void(std::string_view, size_t)>& f) {
  size_t i = 0;
  while (i < text.size()) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(text, i, &len);
    len = len == 0 ? 1 : len;
    if (!IsLetter(cp)) {
      i += len;
      continue;
    }
    size_t j = i, letters = 0;
    while (j < text.size()) {
      size_t l = 0;
      if (!IsLetter(DecodeUtf8(text, j, &l))) break;
      j += l == 0 ? 1 : l;
      ++letters;
    }
    f(text.substr(i, j - i), letters);
    i = j;
  }
}

std::string_view FirstChars(std::string_view s, size_t n) {
  size_t cut = 0;
  for (size_t k = 0; k < n && cut < s.size(); ++k) cut = NextCharBoundary(s, cut + 1);
  return s.substr(0, cut);
}

uint32_t Interner::Id(const std::string& word) {
  return ids_.try_emplace(word, static_cast<uint32_t>(ids_.size())).first->second;
}

double SharedFraction(const WordIds& a, const WordIds& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() < b.size() ? a.size() : b.size());
}

}  // namespace lagebild::util
