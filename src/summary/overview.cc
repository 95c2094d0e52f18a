// OverviewOf: what a reader sees of a story before its details.
//
// The headline: every original member offers its title, else the first
// line of its text, else its first sentence, each with a dateline in front
// removed ("Kiew (dpa) - ", "WARSCHAU (dpa-AFX) – ", a first sentence of
// one to three words such as "Melbourne."). A line that is no headline is
// left out: fewer than three words, mostly digits or symbols (a time stamp,
// a picture's address), a web address. Of the rest, the one whose words
// the most members share wins (a title counts a little more than a first
// line, a first line more than a sentence), so that the headline names what
// the story is about rather than one article's aside. Longer than 100
// bytes, it is cut at a word and ends in "…".
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "summary/summary.h"
#include "util/fold.h"
#include "util/sentences.h"
#include "util/utf8.h"
#include "util/words.h"

namespace lagebild::summary {
namespace {

constexpr size_t kMaxHeadline = 100;  // bytes
constexpr size_t kWordsPerMember = 400;

bool IsDash(std::string_view s, size_t at, size_t* len) {
  for (std::string_view d : {"-", "\u2013", "\u2014"}) {
    if (s.substr(at, d.size()) == d) {
      *len = d.size();
      return true;
    }
  }
  return false;
}

// "Kiew (dpa) - Der …" → "Der …": up to three words, a bracket of at most
// 25 bytes, a dash between spaces.
std::string_view WithoutDateline(std::string_view s) {
  const size_t open = s.find(" (");
  if (open == std::string_view::npos || open > 40) return s;
  if (std::count(s.begin(), s.begin() + long(open), ' ') > 2) return s;
  const size_t close = s.find(')', open);
  if (close == std::string_view::npos || close - open > 27) return s;
  size_t at = close + 1, len = 0;
  if (at >= s.size() || s[at] != ' ' || !IsDash(s, at + 1, &len)) return s;
  at += 1 + len;
  if (at >= s.size() || s[at] != ' ') return s;
  const std::string_view rest = s.substr(at + 1);
  return rest.size() >= 20 ? rest : s;
}

// Letters' share of the line's characters, and its words.
bool LooksLikeHeadline(std::string_view s) {
  // Addresses and markup: "https://…", "www.…", "![](…)", "[…](…)".
  if (s.find("://") != std::string_view::npos || s.find("www.") != std::string_view::npos ||
      s.find("](") != std::string_view::npos) {
    return false;
  }
  size_t letters = 0, chars = 0, words = 0, run = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const char32_t cp = util::DecodeUtf8(s, i, &len);
    i += len == 0 ? 1 : len;
    if (cp == ' ') {
      in_word = false;
      run = 0;
      continue;
    }
    if (++run > 40) return false;  // no word of a headline is this long
    ++chars;
    if (util::IsLetter(cp)) {
      ++letters;
      if (!in_word) ++words;
      in_word = true;
    }
  }
  return words >= 3 && chars > 0 && letters * 10 >= chars * 7;
}

// Cut at a word boundary within kMaxHeadline bytes, with "…".
std::string Shorten(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ':')) s.remove_suffix(1);
  if (s.size() <= kMaxHeadline) return std::string(s);
  size_t cut = s.rfind(' ', kMaxHeadline);
  if (cut == std::string_view::npos || cut < kMaxHeadline / 2) {
    cut = kMaxHeadline;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string_view head = s.substr(0, cut);
  while (!head.empty() && (head.back() == ',' || head.back() == ' ' || head.back() == '-')) {
    head.remove_suffix(1);
  }
  return std::string(head) + "\u2026";
}

// Folded words of four letters or more.
void AddWords(std::string_view s, std::set<std::string>* out, size_t limit) {
  std::string word;
  auto flush = [&] {
    if (util::CountCodePoints(word) >= 4 && out->size() < limit) {
      std::string folded;
      util::FoldInto(word, &folded);
      out->insert(std::move(folded));
    }
    word.clear();
  };
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const char32_t cp = util::DecodeUtf8(s, i, &len);
    len = len == 0 ? 1 : len;
    if (util::IsLetter(cp)) {
      word.append(s.substr(i, len));
    } else {
      flush();
    }
    i += len;
  }
  flush();
}

struct Candidate {
  std::string text;
  double preference = 1;  // title 1, first line 0.9, first sentence 0.75
};

void CandidatesOf(const Article& a, std::vector<Candidate>* out) {
  auto offer = [&](std::string_view s, double preference) {
    s = WithoutDateline(s);
    while (!s.empty() && (s.front() == ' ' || s.front() == '#')) s.remove_prefix(1);
    if (s.size() < 12 || !LooksLikeHeadline(s)) return false;
    out->push_back({Shorten(s), s.size() > kMaxHeadline ? preference * 0.8 : preference});
    return true;
  };
  if (a.title) offer(*a.title, 1.0);
  const std::string_view text = a.text;
  const size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl);
  const bool is_sentence = !line.empty() && (line.back() == '.' || line.back() == '!');
  if (!is_sentence && line.size() <= 140 && offer(line, 0.9)) return;
  // The first sentence that is not a dateline ("Melbourne.").
  for (const util::SentenceSpan& span : util::SplitSentences(text.substr(0, 2000))) {
    const std::string_view sentence = text.substr(span.start, span.end - span.start);
    if (sentence.size() <= 30 && std::count(sentence.begin(), sentence.end(), ' ') <= 2) continue;
    offer(sentence, 0.75);
    break;
  }
}

std::string DayOf(const PartialDate& d) { return d.ToString(); }

}  // namespace

Overview OverviewOf(const std::vector<Article*>& articles) {
  Overview o;
  // Sources: a copy counts with its original; originals by outlet.
  std::set<std::string> outlets;
  size_t unnamed = 0;
  std::map<std::string, size_t> languages;
  std::vector<std::string> days;
  for (const Article* a : articles) {
    ++o.sources.articles;
    if (a->duplicate_of) {
      ++o.sources.copies;
    } else if (a->outlet.empty()) {
      ++unnamed;
    } else {
      outlets.insert(a->outlet);
    }
    if (!a->language.empty()) ++languages[a->language];
    if (a->published.value.day != 0) days.push_back(DayOf(a->published.value));
  }
  o.sources.independent = outlets.size() + unnamed;
  std::vector<std::pair<std::string, size_t>> by_count(languages.begin(), languages.end());
  std::stable_sort(by_count.begin(), by_count.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (const auto& [code, n] : by_count) o.languages.push_back(code);
  if (!days.empty()) {
    std::sort(days.begin(), days.end());
    o.days = DaySpan{days.front(), days.back()};
  }

  // Headline: the candidate whose words most members share. Each word's
  // count of members holding it is counted once for the story.
  std::unordered_map<std::string, size_t> holders;
  std::vector<Candidate> candidates;
  std::set<std::string> words;
  for (const Article* a : articles) {
    words.clear();
    if (a->title) AddWords(*a->title, &words, kWordsPerMember);
    AddWords(std::string_view(a->text).substr(0, 3000), &words, kWordsPerMember);
    for (const std::string& w : words) ++holders[w];
    if (!a->duplicate_of && candidates.size() < 200) CandidatesOf(*a, &candidates);
  }
  double best = -1;
  for (const Candidate& c : candidates) {
    words.clear();
    AddWords(c.text, &words, 64);
    if (words.empty()) continue;
    double shared = 0;
    for (const std::string& w : words) {
      const auto it = holders.find(w);
      if (it != holders.end()) shared += double(it->second);
    }
    const double score = c.preference * shared / double(words.size() * articles.size());
    if (score > best) {
      best = score;
      o.title = c.text;
    }
  }
  if (o.title.empty() && !articles.empty()) {
    const Article& a = *articles.front();
    o.title = Shorten(a.title && !a.title->empty() ? std::string_view(*a.title)
                                                    : std::string_view(a.text).substr(
                                                          0, std::string_view(a.text).find('\n')));
  }
  return o;
}

}  // namespace lagebild::summary
