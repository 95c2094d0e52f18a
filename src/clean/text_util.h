// Small text helpers of the clean stage: tokens, words, lines, shapes.
// Internal to the stage; all work on valid UTF-8 and never allocate.
#pragma once

#include <cstddef>
#include <string_view>

#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::clean {

using util::CountCodePoints;

// Calls f(token, offset) for every run of non-space bytes.
template <typename F>
void ForEachToken(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && util::IsAsciiSpace(s[i])) ++i;
    const size_t b = i;
    while (i < s.size() && !util::IsAsciiSpace(s[i])) ++i;
    if (i > b) f(s.substr(b, i - b), b);
  }
}

inline bool IsWordByte(char c) {
  return util::IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Calls f(word, offset) for every run of letters (ASCII letters and any
// non-ASCII character; punctuation outside ASCII is rare inside words and
// harmless here). Hyphenated compounds are one word.
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordByte(s[i])) ++i;
    const size_t b = i;
    while (i < s.size() && (IsWordByte(s[i]) ||
                            (s[i] == '-' && i + 1 < s.size() && IsWordByte(s[i + 1]) && i > b))) {
      ++i;
    }
    if (i > b) f(s.substr(b, i - b), b);
  }
}

template <typename F>
void ForEachParagraph(std::string_view s, F&& f) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find("\n\n", pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) f(s.substr(pos, end - pos));
    pos = end + 2;
  }
}

template <typename F>
void ForEachLine(std::string_view s, F&& f) {
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) f(s.substr(pos, end - pos));
    pos = end + 1;
  }
}

inline bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (util::IsAsciiDigit(c)) return true;
  }
  return false;
}

using util::CountWords;

// Ends with ".", "!" or "?" (closing quotes and brackets aside).
inline bool EndsSentence(std::string_view s) {
  s = util::Trim(s);
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')') {
      s.remove_suffix(1);
    } else if (s.ends_with("“") || s.ends_with("”") || s.ends_with("«") || s.ends_with("»")) {
      s.remove_suffix(s.ends_with("“") || s.ends_with("”") ? 3 : 2);
    } else {
      break;
    }
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// Starts with an upper-case letter (ASCII, or a non-ASCII letter judged by
// the Latin-1 / Latin Extended-A capitals) or a digit.
inline bool IsCapitalised(std::string_view t) {
  while (!t.empty() && (t.front() == '(' || t.front() == '"' || t.front() == '@')) {
    t.remove_prefix(1);
  }
  if (t.empty()) return false;
  const char c = t.front();
  if (c >= 'A' && c <= 'Z') return true;
  if (util::IsAsciiDigit(c)) return true;
  size_t len = 0;
  const char32_t cp = util::DecodeUtf8(t, 0, &len);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x100 && cp <= 0x17F && ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179 ? cp % 2 == 1 : cp % 2 == 0));
}

// Every token capitalised (names, agencies).
inline bool AllCapitalised(std::string_view s) {
  bool ok = true, any = false;
  ForEachToken(s, [&](std::string_view t, size_t) {
    any = true;
    if (!IsCapitalised(t)) ok = false;
  });
  return ok && any;
}

// Quotation marks in s (any style): " „ “ ” « ».
inline size_t CountQuoteMarks(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      ++n;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x9C || d == 0x9D || d == 0x9E) ++n;  // “ ” „
    } else if (c == 0xC2 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0xAB || d == 0xBB) ++n;  // « »
    }
  }
  return n;
}

// Calls f(word, offset, quoted) for every word, `quoted` telling whether an
// odd number of quotation marks precedes it (inside a quotation).
template <typename F>
void ForEachWordWithQuotes(std::string_view s, F&& f) {
  bool quoted = false;
  size_t last = 0;
  ForEachWord(s, [&](std::string_view w, size_t pos) {
    quoted ^= (CountQuoteMarks(s.substr(last, pos - last)) % 2) == 1;
    last = pos;
    f(w, pos, quoted);
  });
}

}  // namespace lagebild::clean
