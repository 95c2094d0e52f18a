#include "ner/tokenize.h"

#include <algorithm>

#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::ner {
namespace {

constexpr size_t kMaxSentenceWords = 200;  // longer runs are cut (lists, tables)

bool IsOpening(char32_t c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x201E || c == 0x201C ||
         c == 0x201A || c == 0x2018 || c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A;
}

bool IsClosing(char32_t c) {
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ':' ||
         c == '!' || c == '?' || c == '.' || c == 0x201C || c == 0x201D || c == 0x2019 ||
         c == 0xBB || c == 0xAB || c == 0x203A || c == 0x2039 || c == 0x2026;
}

// The code point ending at `end` and where it starts.
char32_t LastChar(std::string_view s, size_t end, size_t* start) {
  size_t b = end - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80 && end - b < 4) --b;
  size_t len = 0;
  const char32_t c = util::DecodeUtf8(s, b, &len);
  *start = b;
  return c;
}

bool Abbreviation(std::string_view word) {
  // "A." (an initial), "Dr." / "Nr." (a capital and at most two small
  // letters), "z.B." / "U.S." (inner full stop).
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.size() >= 3 && word.size() <= 4 && word[0] >= 'A' && word[0] <= 'Z') {
    bool small = true;
    for (size_t k = 1; k + 1 < word.size(); ++k) small &= word[k] >= 'a' && word[k] <= 'z';
    if (small) return true;
  }
  return word.substr(0, word.size() - 1).find('.') != std::string_view::npos;
}

}  // namespace

std::vector<std::vector<WordSpan>> SplitSentences(std::string_view text) {
  std::vector<std::vector<WordSpan>> out;
  std::vector<WordSpan> cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  size_t i = 0;
  bool end_pending = false;  // a sentence-final mark was the last word
  while (i < text.size()) {
    // White space; a blank line ends the sentence.
    size_t newlines = 0;
    while (i < text.size() && util::IsAsciiSpace(text[i])) {
      if (text[i] == '\n') ++newlines;
      ++i;
    }
    if (newlines >= 2 || (newlines == 1 && end_pending)) flush();
    if (i >= text.size()) break;
    size_t e = i;
    while (e < text.size() && !util::IsAsciiSpace(text[e])) ++e;
    // Split off opening marks.
    size_t b = i;
    std::vector<WordSpan> words;
    while (b < e) {
      size_t len = 0;
      const char32_t c = util::DecodeUtf8(text, b, &len);
      if (!IsOpening(c) || len == 0) break;
      words.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(b + len)});
      b += len;
    }
    // And closing marks, from the end.
    std::vector<WordSpan> tail;
    size_t t = e;
    while (t > b) {
      size_t s = 0;
      const char32_t c = LastChar(text, t, &s);
      if (!IsClosing(c)) break;
      if (c == '.' && s > b && Abbreviation(text.substr(b, t - b))) break;
      tail.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(t)});
      t = s;
    }
    if (t > b) words.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(t)});
    for (size_t k = tail.size(); k-- > 0;) words.push_back(tail[k]);
    // A sentence ends after . ! ? when the next word starts with a capital
    // or an opening mark (decided when that word comes).
    for (const WordSpan& w : words) {
      if (end_pending) {
        const unsigned char c = static_cast<unsigned char>(text[w.start]);
        const bool capital = (c >= 'A' && c <= 'Z') || c >= 0xC3;
        size_t len = 0;
        if (capital || IsOpening(util::DecodeUtf8(text, w.start, &len))) flush();
        end_pending = false;
      }
      cur.push_back(w);
      const std::string_view word = text.substr(w.start, w.end - w.start);
      end_pending = word == "." || word == "!" || word == "?";
      if (cur.size() >= kMaxSentenceWords) flush();
    }
    i = e;
  }
  flush();
  return out;
}

}  // namespace lagebild::ner
