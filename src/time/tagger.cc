// The temporal tagger: tokens, rule matching, normalisation. See tagger.h
// for the contract and docs/time-rules.md for the rule files.
#include "time/tagger.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include "util/calendar.h"
#include "time/grammar.h"
#include "util/embedded.h"
#include "util/fold.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::time {

using util::Day;
using util::AddDays;
using util::AddMonths;
using util::DayNumber;
using util::DaysInMonth;
using util::FormatDay;
using util::FormatMonth;
using util::FormatWeek;
using util::FormatYear;
using util::IsValidDay;
using util::Weekday;
using util::WeekOf;
namespace {

// ---- normaliser names (the rule files refer to them) ------------------------

enum Normaliser {
  kDate, kMonth, kYear, kRelDay, kRelPeriod, kWeekday, kWeekend, kLater, kAgo, kAhead,
  kRelDaypart, kWeekdayDaypart, kDaypart, kRef, kLiteral, kTime, kDuration, kSet, kWeekSet,
  kDecade, kCentury, kQuarter, kHalf, kSeason, kToday, kHoliday, kDayparts, kNormaliserCount
};
const std::vector<std::string_view>& NormaliserNames() {
  static const std::vector<std::string_view> names = {
      "date",  "month", "year",     "relday",   "relperiod", "weekday", "weekend", "later",
      "ago",   "ahead", "reldaypart", "weekdaypart", "daypart", "ref", "literal", "time",
      "duration", "set", "weekset", "decade", "century", "quarter", "half", "season",
      "today", "holiday", "dayparts"};
  return names;
}

// ---- grammars, one per language ------------------------------------------------

struct Grammars {
  Grammar de, en;
  bool has_de = false, has_en = false;
  std::vector<std::string> problems;
};

const Grammars& GetGrammars() {
  static const Grammars g = [] {
    Grammars out;
    for (auto [lang, grammar, has] : {std::tuple{"de", &out.de, &out.has_de},
                                      std::tuple{"en", &out.en, &out.has_en}}) {
      const std::string name = std::string("time/") + lang + ".rules";
      const auto file = util::EmbeddedFile(name);
      if (!file) {
        out.problems.push_back(name + ": not embedded");
        continue;
      }
      *grammar = CompileGrammar(*file, name, NormaliserNames());
      *has = true;
      for (const std::string& p : grammar->problems) out.problems.push_back(p);
    }
    return out;
  }();
  return g;
}

const Grammar* GrammarFor(std::string_view language) {
  const Grammars& g = GetGrammars();
  if (language == "de" && g.has_de) return &g.de;
  if (language == "en" && g.has_en) return &g.en;
  return nullptr;
}

// ---- tokens ------------------------------------------------------------------

struct Token {
  uint32_t start = 0, end = 0;       // bytes in the text
  uint32_t fold_at = 0, fold_len = 0;  // the folded form in Tokens::folded
  enum Kind : uint8_t { kWord, kNumber, kPunct } kind = kWord;
  bool break_before = false;  // a line break between this token and the last
  uint32_t sentence = 0;
};

struct Tokens {
  std::vector<Token> list;
  std::string folded;
  std::string_view Folded(const Token& t) const { return {folded.data() + t.fold_at, t.fold_len}; }
};

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return util::IsAsciiAlpha(static_cast<char>(cp));
  if (cp == util::kInvalid) return false;
  return !((cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF);
}

// The length of the head when the folded word is a compound the grammar
// splits (a head word, then a word of the tail class), else 0.
size_t CompoundHead(std::string_view folded, const Grammar& g) {
  for (const Grammar::Split& split : g.splits) {
    for (const std::string& head : split.heads) {
      if (folded.size() < head.size() + 3 || !folded.starts_with(head)) continue;
      const auto it = g.words.find(std::string(folded.substr(head.size())));
      if (it == g.words.end()) continue;
      for (const ClassEntry& e : it->second) {
        if (e.class_id == split.tail_class && !e.exact_case) return head.size();
      }
    }
  }
  return 0;
}

Tokens Tokenize(std::string_view text, const Grammar& g) {
  Tokens out;
  out.list.reserve(text.size() / 5);
  out.folded.reserve(text.size());
  std::string buf;
  size_t i = 0;
  bool newline = false;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      newline = true;
      ++i;
      continue;
    }
    if (util::IsAsciiSpace(static_cast<char>(c))) {
      ++i;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.break_before = newline;
    newline = false;
    if (util::IsAsciiDigit(static_cast<char>(c))) {
      t.kind = Token::kNumber;
      while (i < text.size() && util::IsAsciiDigit(text[i])) ++i;
    } else {
      size_t len = 1;
      const char32_t cp = c < 0x80 ? c : util::DecodeUtf8(text, i, &len);
      if (IsLetter(cp)) {
        t.kind = Token::kWord;
        i += std::max<size_t>(len, 1);
        while (i < text.size()) {
          const unsigned char d = static_cast<unsigned char>(text[i]);
          size_t l = 1;
          const char32_t q = d < 0x80 ? d : util::DecodeUtf8(text, i, &l);
          if (!IsLetter(q)) break;
          i += std::max<size_t>(l, 1);
        }
      } else {
        t.kind = Token::kPunct;
        i += std::max<size_t>(len, 1);
      }
    }
    t.end = static_cast<uint32_t>(i);
    util::FoldInto(text.substr(t.start, t.end - t.start), &buf);
    // A compound the grammar splits ("Donnerstagabend"): two tokens. Fold
    // keeps byte lengths, so the split point is the same in both.
    const size_t head = t.kind == Token::kWord ? CompoundHead(buf, g) : 0;
    if (head > 0) {
      Token tail = t;
      t.end = t.start + static_cast<uint32_t>(head);
      tail.start = t.end;
      tail.break_before = false;
      t.fold_at = static_cast<uint32_t>(out.folded.size());
      t.fold_len = static_cast<uint32_t>(head);
      tail.fold_at = t.fold_at + t.fold_len;
      tail.fold_len = static_cast<uint32_t>(buf.size() - head);
      out.folded += buf;
      out.list.push_back(t);
      out.list.push_back(tail);
      continue;
    }
    t.fold_at = static_cast<uint32_t>(out.folded.size());
    t.fold_len = static_cast<uint32_t>(buf.size());
    out.folded += buf;
    out.list.push_back(t);
  }
  // Sentences: a new one after ".", "!" or "?" before a capital (not after
  // a number: "13. Januar"), after ";" and after a line break.
  uint32_t sentence = 0;
  const int month = g.ClassId("month");
  for (size_t k = 0; k < out.list.size(); ++k) {
    Token& t = out.list[k];
    if (k > 0 && t.break_before) ++sentence;
    if (k >= 2) {
      const Token& p = out.list[k - 1];
      const std::string_view pf = out.Folded(p);
      // "13. Januar": a number, a full stop and a month is an ordinal day.
      bool ordinal = false;
      if (out.list[k - 2].kind == Token::kNumber && month >= 0) {
        if (auto it = g.words.find(std::string(out.Folded(t))); it != g.words.end()) {
          for (const ClassEntry& e : it->second) ordinal |= e.class_id == month;
        }
      }
      if (p.kind == Token::kPunct && (pf == "." || pf == "!" || pf == "?") && !ordinal &&
          !t.break_before && t.kind == Token::kWord &&
          util::IsAsciiAlpha(text[t.start]) == (text[t.start] >= 'A' && text[t.start] <= 'Z')) {
        ++sentence;
      } else if (p.kind == Token::kPunct && pf == ";") {
        ++sentence;  // a clause of its own for tense and dates
      }
    }
    t.sentence = sentence;
  }
  return out;
}

// ---- matching ----------------------------------------------------------------

struct Capture {
  int slot;
  std::string_view value;
};

struct Match {
  int rule = -1;
  size_t first = 0, end = 0;         // tokens matched, [first, end)
  size_t ext_first = 0, ext_end = 0;  // tokens of the extent
  std::vector<Capture> captures;
};

class Matcher {
 public:
  Matcher(const Grammar& g, const Tokens& toks, std::string_view text)
      : g_(g), toks_(toks), text_(text), entries_(toks.list.size(), nullptr),
        suffix_ends_(toks.list.size(), nullptr) {
    // Each word's class entries and candidate suffix entries, looked up once.
    std::string key;
    for (size_t t = 0; t < toks.list.size(); ++t) {
      const Token& tok = toks.list[t];
      if (tok.kind != Token::kWord) continue;
      key.assign(toks.Folded(tok));
      if (auto it = g.words.find(key); it != g.words.end()) entries_[t] = &it->second;
      if (!g.suffixes.empty() && key.size() >= 2) {
        if (auto it = g.suffixes_by_end.find(key.substr(key.size() - 2));
            it != g.suffixes_by_end.end()) {
          suffix_ends_[t] = &it->second;
        }
      }
    }
  }

  const std::vector<ClassEntry>* EntriesOf(size_t t) const { return entries_[t]; }
  const std::vector<size_t>* SuffixesOf(size_t t) const { return suffix_ends_[t]; }

  // The class entry of `cls` for token t, or nullptr.
  const ClassEntry* ClassOf(size_t t, int cls) const {
    const Token& tok = toks_.list[t];
    if (tok.kind != Token::kWord) return nullptr;
    if (const std::vector<ClassEntry>* entries = entries_[t]) {
      for (const ClassEntry& e : *entries) {
        if (e.class_id != cls) continue;
        if (e.exact_case && text_.substr(tok.start, tok.end - tok.start) != e.spelling) continue;
        return &e;
      }
    }
    const std::vector<size_t>* ends = suffix_ends_[t];
    if (ends == nullptr) return nullptr;
    const std::string_view folded = toks_.Folded(tok);
    for (size_t i : *ends) {
      const auto& [suffix, e] = g_.suffixes[i];
      if (e.class_id == cls && folded.size() > suffix.size() + 2 && folded.ends_with(suffix)) {
        return &e;
      }
    }
    return nullptr;
  }

  bool IsSuffixEntry(const ClassEntry& e) const {
    return !g_.suffixes.empty() && &e >= &g_.suffixes.front().second &&
           &e <= &g_.suffixes.back().second;
  }

  // The length of the suffix entry e that matched folded, or 0.
  size_t SuffixLength(std::string_view folded, const ClassEntry& e) const {
    for (const auto& [suffix, entry] : g_.suffixes) {
      if (&entry == &e && folded.ends_with(suffix)) return suffix.size();
    }
    return 0;
  }

  bool Try(const Rule& r, size_t start, Match* m) {
    pos_.assign(r.elements.size(), SIZE_MAX);
    caps_.clear();
    size_t end = 0;
    if (!Step(r, 0, start, &end)) return false;
    m->first = start;
    m->end = end;
    m->ext_first = SIZE_MAX;
    m->ext_end = 0;
    for (size_t e = 0; e < r.elements.size(); ++e) {
      if (pos_[e] == SIZE_MAX || r.elements[e].context) continue;
      m->ext_first = std::min(m->ext_first, pos_[e]);
      m->ext_end = std::max(m->ext_end, pos_[e] + 1);
    }
    if (m->ext_first == SIZE_MAX) return false;
    m->captures = caps_;
    return true;
  }

 private:
  bool ElementMatches(const Element& e, size_t t) {
    const Token& tok = toks_.list[t];
    switch (e.kind) {
      case Element::kLiteral: {
        const std::string_view f = toks_.Folded(tok);
        for (const std::string& lit : e.literals) {
          if (lit == f) return true;
        }
        return false;
      }
      case Element::kNumber: {
        if (tok.kind != Token::kNumber) return false;
        const int digits = static_cast<int>(tok.end - tok.start);
        if (digits < e.min_digits || digits > e.max_digits) return false;
        caps_.push_back({e.capture, text_.substr(tok.start, tok.end - tok.start)});
        return true;
      }
      case Element::kClass: {
        const ClassEntry* c = ClassOf(t, e.class_id);
        if (c == nullptr) return false;
        // "*tägig" with value "#num:D": the word's rest before the suffix is
        // a number of class num ("acht|tägig"), the capture "8D".
        if (c->value.size() > 1 && c->value[0] == '#') {
          const size_t colon = c->value.find(':');
          if (colon == std::string::npos) return false;
          const int cls = g_.ClassId(std::string_view(c->value).substr(1, colon - 1));
          const std::string_view folded = toks_.Folded(toks_.list[t]);
          const size_t suffix = SuffixLength(folded, *c);
          if (cls < 0 || suffix == 0 || suffix >= folded.size()) return false;
          const auto it = g_.words.find(std::string(folded.substr(0, folded.size() - suffix)));
          if (it == g_.words.end()) return false;
          const ClassEntry* n = nullptr;
          for (const ClassEntry& x : it->second) {
            if (x.class_id == cls) n = &x;
          }
          if (n == nullptr) return false;
          computed_.push_back(n->value + std::string(std::string_view(c->value).substr(colon + 1)));
          caps_.push_back({e.capture, computed_.back()});
          return true;
        }
        caps_.push_back({e.capture, c->value});
        return true;
      }
      case Element::kCapitalised: {
        if (tok.kind != Token::kWord) return false;
        const unsigned char c = static_cast<unsigned char>(text_[tok.start]);
        if (c >= 'A' && c <= 'Z') return true;
        // Latin-1 capitals (Ä, Ö, Ü): C3 80..9E.
        const unsigned char c2 = tok.start + 1 < text_.size() ? static_cast<unsigned char>(text_[tok.start + 1]) : 0;
        return c == 0xC3 && c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97;
      }
      case Element::kSentenceStart:
        return false;
    }
    return false;
  }

  // Matches elements [e, ...) from token t; *end gets the token after.
  bool Step(const Rule& r, size_t e, size_t t, size_t* end) {
    if (e == r.elements.size()) {
      *end = t;
      return true;
    }
    const Element& el = r.elements[e];
    if (el.kind == Element::kSentenceStart) {
      if (t < toks_.list.size() && t > 0 && toks_.list[t].sentence == toks_.list[t - 1].sentence) {
        return false;
      }
      return Step(r, e + 1, t, end);
    }
    if (el.negated) {
      // Zero-width: fails when the next token (on the same line) matches.
      if (t < toks_.list.size() && !toks_.list[t].break_before) {
        const size_t mark = caps_.size();
        const bool hit = ElementMatches(el, t);
        caps_.resize(mark);
        if (hit) return false;
      }
      return Step(r, e + 1, t, end);
    }
    const bool joinable = t < toks_.list.size() && (e == 0 || !toks_.list[t].break_before);
    if (joinable) {
      const size_t mark = caps_.size();
      if (ElementMatches(el, t)) {
        pos_[e] = t;
        if (Step(r, e + 1, t + 1, end)) return true;
        pos_[e] = SIZE_MAX;
      }
      caps_.resize(mark);
    }
    if (el.optional) return Step(r, e + 1, t, end);
    return false;
  }

  const Grammar& g_;
  const Tokens& toks_;
  std::string_view text_;
  std::vector<size_t> pos_;
  std::vector<Capture> caps_;
  std::deque<std::string> computed_;  // capture values made from word parts
  std::vector<const std::vector<ClassEntry>*> entries_;  // per token
  std::vector<const std::vector<size_t>*> suffix_ends_;   // per token
};

// ---- normalisation -------------------------------------------------------------

constexpr int64_t kNarrativeBackDays = 366;  // how far a narrative steps back within its year
constexpr int kNarrativeYearJump = 5;       // farther years mentioned alone do not move it

// What a normaliser knows besides the captures.
struct Anchor {
  PartialDate date;  // the anchor (DCT, or the last date in a narrative)
  bool narrative = false;
  int tense = 0;     // -1 past, +1 future, 0 unknown (the sentence's cues)
  std::optional<Day> sentence_day;  // a full date mentioned earlier in the sentence
  bool full() const { return date.year != 0 && date.month != 0 && date.day != 0; }
  Day day() const { return {date.year, date.month, date.day}; }
};

struct Captures {
  const Grammar& g;
  const std::vector<Capture>& caps;
  const std::vector<FixedCapture>& fixed;
  std::string_view Get(std::string_view name) const {
    const int slot = g.Slot(name);
    if (slot < 0) return {};
    for (const FixedCapture& f : fixed) {
      if (f.slot == slot) return f.value;
    }
    for (const Capture& c : caps) {
      if (c.slot == slot) return c.value;
    }
    return {};
  }
  bool Has(std::string_view name) const { return !Get(name).empty(); }
  // An integer capture, or `fallback`.
  int Int(std::string_view name, int fallback = -1) const {
    const std::string_view v = Get(name);
    if (v.empty() || v.size() > 9) return fallback;
    int n = 0;
    for (char c : v) {
      if (c == '+') continue;
      if (c == '-') return -Int2(v.substr(1));
      if (!util::IsAsciiDigit(c)) return fallback;
      n = n * 10 + (c - '0');
    }
    return n;
  }
  static int Int2(std::string_view v) {
    int n = 0;
    for (char c : v) {
      if (!util::IsAsciiDigit(c)) return 0;
      n = n * 10 + (c - '0');
    }
    return n;
  }
};

std::string UnknownDay(int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d);
  return buf;
}

// The year of a day-month without one: nearest to the anchor, or the
// latest before it (past tense), or the earliest after it (future).
int YearFor(const Anchor& a, int m, int d) {
  const Day ref{a.date.year, a.date.month != 0 ? a.date.month : 7,
                a.date.day != 0 ? a.date.day : (a.date.month != 0 ? 15 : 1)};
  const int64_t r = DayNumber(ref);
  if (a.narrative) {
    // A narrative stays in its year, and moves on to the next one only for
    // a day well before the last one (a story told forward).
    if (a.date.month == 0) return a.date.year;
    const int64_t n = DayNumber({a.date.year, m, std::min(d, DaysInMonth(a.date.year, m))});
    return n >= r - kNarrativeBackDays ? a.date.year : a.date.year + 1;
  }
  int best = a.date.year;
  int64_t best_dist = INT64_MAX;
  for (int y = a.date.year - 1; y <= a.date.year + 1; ++y) {
    const int dd = std::min(d, DaysInMonth(y, m));
    const int64_t n = DayNumber({y, m, dd});
    // Within the anchor's month (when the anchor has no day) any day fits.
    const bool same_month = a.date.day == 0 && a.date.month == m && y == a.date.year;
    if (!same_month) {
      if (a.tense < 0 && n > r) continue;
      if (a.tense > 0 && n < r) continue;
    }
    const int64_t dist = same_month ? 0 : std::llabs(n - r);
    if (dist < best_dist) {
      best_dist = dist;
      best = y;
    }
  }
  return best;
}

int YearForMonth(const Anchor& a, int m) {
  if (a.date.month == 0) return a.date.year;
  if (a.narrative) return m >= a.date.month - kNarrativeBackDays / 30 ? a.date.year : a.date.year + 1;
  const int ref = a.date.year * 12 + a.date.month - 1;
  int best = a.date.year, best_dist = INT32_MAX;
  for (int y = a.date.year - 1; y <= a.date.year + 1; ++y) {
    const int idx = y * 12 + m - 1;
    if (a.tense < 0 && idx > ref) continue;
    if (a.tense > 0 && idx < ref) continue;
    const int dist = std::abs(idx - ref);
    if (dist < best_dist) {
      best_dist = dist;
      best = y;
    }
  }
  return best;
}

// A weekday relative to the anchor day: the anchor itself when it is that
// weekday, else the last one before (past) or the next one after
// (future); without tense cues, the last one before (news reports).
Day ResolveWeekday(const Day& anchor, int wd, int tense) {
  const int aw = Weekday(anchor);
  if (aw == wd) return anchor;
  if (tense > 0) return AddDays(anchor, (wd - aw + 7) % 7);
  return AddDays(anchor, -((aw - wd + 7) % 7));
}

std::string UnitCode(std::string_view unit, bool* time_unit) {
  *time_unit = unit == "H" || unit == "TM" || unit == "S";
  if (unit == "TM") return "M";
  return std::string(unit);
}

// "2.5" -> "2.5", "1.0" -> "1".
std::string Amount(std::string_view count, std::string_view frac) {
  std::string s(count);
  if (!frac.empty()) s += "." + std::string(frac);
  return s;
}

struct Value {
  std::string value;
  std::string type;  // empty: the rule's type
};

std::optional<Value> Normalise(int normaliser, const Captures& c, const Anchor& anchor) {
  // A story told before Christ (negative anchor year) anchors bare years
  // only; everything else resolves as without an anchor.
  Anchor a = anchor;
  if (a.date.year < 0 && normaliser != kYear) a.date = {};
  const bool full = a.full();
  const Day ad = a.day();
  switch (normaliser) {
    case kDate: {
      const int m = c.Int("month"), d = c.Int("day");
      if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
      int y = c.Int("year");
      if (y < 0 && c.Has("year2")) {
        const int y2 = c.Int("year2");
        const int century = a.date.year != 0 ? a.date.year / 100 * 100 : 2000;
        y = century + y2;
        if (a.date.year != 0 && y > a.date.year + 10) y -= 100;
      }
      if (c.Has("offset") && full) {
        // "gestern, am 12. Januar": the day names the date; the offset checks it.
        y = ad.y;
      }
      if (y < 0) {
        if (a.date.year == 0) {
          if (m == 2 && d > 29) return std::nullopt;
          if (d > DaysInMonth(2001, m) && m != 2) return std::nullopt;
          return Value{UnknownDay(m, d), ""};
        }
        y = YearFor(a, m, d);
      }
      if (y < 1000 || y > 2999) return std::nullopt;
      const Day day{y, m, d};
      if (!IsValidDay(day)) return std::nullopt;
      return Value{FormatDay(day), ""};
    }
    case kMonth: {
      const int m = c.Int("month");
      if (m < 1 || m > 12) return std::nullopt;
      int y = c.Int("year");
      if (y < 0 && c.Has("rel") && a.date.year != 0) y = a.date.year + c.Int("rel", 0);
      if (y < 0) {
        if (a.date.year == 0) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "XXXX-%02d", m);
          return Value{buf, ""};
        }
        y = YearForMonth(a, m);
      }
      if (y < 1000 || y > 2999) return std::nullopt;
      return Value{FormatMonth(y, m), ""};
    }
    case kYear: {
      int y = c.Int("year");
      if (y < 0 && c.Has("year2") && c.Has("yearbase")) {
        // "1912/13": the second year in the first one's century.
        const int base = c.Int("yearbase");
        y = base / 100 * 100 + c.Int("year2");
        if (y <= base) y += 100;
      }
      if (y >= 0 && c.Has("rel")) y += c.Int("rel", 0);
      // In a story told before Christ, a bare year below 1000 is one too.
      if (c.Has("bc") || (a.narrative && a.date.year < 0 && y >= 1 && y < 1000)) {
        if (y < 1 || y > 9999) return std::nullopt;
        char buf[16];
        std::snprintf(buf, sizeof buf, "BC%04d", y);
        return Value{buf, ""};
      }
      if (y < 1 || y > 2100) return std::nullopt;
      return Value{FormatYear(y), ""};
    }
    case kRelDay: {
      if (!full) return Value{"XXXX-XX-XX", ""};
      return Value{FormatDay(AddDays(ad, c.Int("offset", 0))), ""};
    }
    case kRelPeriod: {
      const int rel = c.Int("rel", 0);
      const std::string_view unit = c.Get("unit");
      if (a.date.year == 0) return std::nullopt;
      if (unit == "Y") return Value{FormatYear(a.date.year + rel), ""};
      if (unit == "CE") {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d", a.date.year / 100 + rel);
        return Value{buf, ""};
      }
      if (unit == "YE") return Value{FormatYear(a.date.year + rel), ""};
      if (a.date.month == 0) return std::nullopt;
      if (unit == "M") {
        const Day d = AddMonths({a.date.year, a.date.month, 1}, rel);
        return Value{FormatMonth(d.y, d.m), ""};
      }
      if (!full) return std::nullopt;
      if (unit == "W") return Value{FormatWeek(WeekOf(AddDays(ad, 7 * rel))), ""};
      if (unit == "WE") return Value{FormatWeek(WeekOf(AddDays(ad, 7 * rel))) + "-WE", ""};
      if (unit == "D") return Value{FormatDay(AddDays(ad, rel)), ""};
      return std::nullopt;
    }
    case kWeekday: {
      const int wd = c.Int("weekday");
      if (wd < 1 || wd > 7) return std::nullopt;
      if (!full) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd);
        return Value{buf, ""};
      }
      if (c.Has("weekunit") || c.Has("rel")) {
        const int rel = c.Int("rel", 0);
        if (c.Has("weekunit")) {
          // "Mittwoch kommender Woche": that weekday in the anchor's week + rel.
          const Day monday = AddDays(ad, 1 - Weekday(ad) + 7 * rel);
          return Value{FormatDay(AddDays(monday, wd - 1)), ""};
        }
        // "nächsten Mittwoch" / "letzten Mittwoch" / "diesen Mittwoch".
        if (rel > 0) {
          const int ahead = (wd - Weekday(ad) + 7) % 7;
          return Value{FormatDay(AddDays(ad, ahead == 0 ? 7 : ahead)), ""};
        }
        if (rel < 0) {
          const int back = (Weekday(ad) - wd + 7) % 7;
          return Value{FormatDay(AddDays(ad, back == 0 ? -7 : -back)), ""};
        }
        return Value{FormatDay(AddDays(ad, wd - Weekday(ad))), ""};
      }
      return Value{FormatDay(ResolveWeekday(ad, wd, a.tense)), ""};
    }
    case kWeekend: {
      if (!full) return Value{"XXXX-WXX-WE", ""};
      const int aw = Weekday(ad);
      Day d = ad;
      if (a.tense > 0) {
        if (aw == 7) d = AddDays(ad, 6);
      } else if (aw < 6) {
        d = AddDays(ad, -7);
      }
      return Value{FormatWeek(WeekOf(d)) + "-WE", ""};
    }
    case kLater:
    case kAgo:
    case kAhead: {
      const std::string_view unit = c.Get("unit");
      const std::string_view count = c.Get("count");
      if (count == "X") {
        return Value{normaliser == kAgo ? "PAST_REF" : "FUTURE_REF", ""};
      }
      const std::string_view u = unit;
      if (a.date.year == 0 || (a.date.month == 0 && u != "Y") ||
          (!full && (u == "D" || u == "W"))) {
        return std::nullopt;
      }
      int n = c.Int("count", -1);
      if (n < 0) {
        const double v = std::atof(std::string(count).c_str());
        if (v <= 0 || v != std::floor(v)) return std::nullopt;
        n = static_cast<int>(v);
      }
      if (n > 10000) return std::nullopt;
      const int sign = normaliser == kAgo ? -1 : 1;
      if (unit == "D") return Value{FormatDay(AddDays(ad, sign * n)), ""};
      if (unit == "W") return Value{FormatWeek(WeekOf(AddDays(ad, sign * 7 * n))), ""};
      if (unit == "M") {
        const Day d = AddMonths({a.date.year, a.date.month, 1}, sign * n);
        return Value{FormatMonth(d.y, d.m), ""};
      }
      if (unit == "Y") return Value{FormatYear(a.date.year + sign * n), ""};
      return std::nullopt;
    }
    case kRelDaypart:
    case kWeekdayDaypart:
    case kDaypart: {
      std::string part(c.Get("daypart"));
      if (part.empty()) {
        // "heute Abend" written as a literal: the literal is the part word.
        return std::nullopt;
      }
      if (!full) return Value{"XXXX-XX-XXT" + part, "TIME"};
      Day d = a.sentence_day.value_or(ad);
      if (normaliser == kRelDaypart) {
        d = AddDays(ad, c.Has("offset") ? c.Int("offset", 0) : c.Int("rel", 0));
      } else if (normaliser == kWeekdayDaypart) {
        const int wd = c.Int("weekday");
        if (wd < 1 || wd > 7) return std::nullopt;
        d = ResolveWeekday(ad, wd, a.tense);
      }
      return Value{FormatDay(d) + "T" + part, "TIME"};
    }
    case kRef:
      return Value{std::string(c.Get("ref")), ""};
    case kLiteral:
      return Value{std::string(c.Get("value")), ""};
    case kTime: {
      int h = c.Int("hour"), mi = c.Has("minute") ? c.Int("minute") : 0;
      if (h < 0 || h > 24 || mi < 0 || mi > 59) return std::nullopt;
      const std::string_view part = c.Get("daypart");
      if ((part == "AF" || part == "EV" || part == "NI") && h < 12 && h >= 1 &&
          !(part == "NI" && h <= 5)) {
        h += 12;
      }
      if (c.Get("ampm") == "PM" && h < 12) h += 12;
      if (c.Get("ampm") == "AM" && h == 12) h = 0;
      char hm[16];
      std::snprintf(hm, sizeof hm, "T%02d:%02d", h, mi);
      if (!full && !a.sentence_day) return Value{std::string("XXXX-XX-XX") + hm, ""};
      return Value{FormatDay(a.sentence_day.value_or(ad)) + hm, ""};
    }
    case kDuration: {
      if (c.Has("amount")) {
        const std::string_view amount = c.Get("amount");
        const char last = amount.back();
        const bool t = last == 'H' || last == 'S';
        return Value{std::string(t ? "PT" : "P") + std::string(amount), ""};
      }
      bool time_unit = false;
      const std::string unit = UnitCode(c.Get("unit"), &time_unit);
      if (unit.empty()) return std::nullopt;
      std::string count = Amount(c.Get("count"), c.Get("frac"));
      if (count.empty()) return std::nullopt;
      if (count != "X") {
        const double v = std::atof(count.c_str());
        if (v <= 0 || v > 100000) return std::nullopt;
      }
      if (unit == "DEY") {  // decades written as years (English TimeML practice)
        if (count != "X") {
          const double v = std::atof(count.c_str()) * 10;
          char buf[32];
          std::snprintf(buf, sizeof buf, "%g", v);
          count = buf;
        }
        return Value{"P" + count + "Y", ""};
      }
      std::string value = std::string(time_unit ? "PT" : "P") + count + unit;
      // "drei Jahre und vier Monate": P3Y4M (a time unit after a date unit gets its T).
      if (c.Has("unit2") && c.Has("count2") && c.Get("count2") != "X") {
        bool time2 = false;
        const std::string unit2 = UnitCode(c.Get("unit2"), &time2);
        if (unit2.empty() || unit2 == "DE" || unit2 == "CE" || unit2 == "DEY") return std::nullopt;
        value += (time2 && !time_unit ? "T" : "") + std::string(c.Get("count2")) + unit2;
      }
      return Value{value, ""};
    }
    case kSet: {
      bool time_unit = false;
      const std::string unit = UnitCode(c.Get("unit"), &time_unit);
      if (unit.empty() || unit == "DE" || unit == "CE") return std::nullopt;
      std::string count = c.Has("count") ? std::string(c.Get("count")) : "1";
      return Value{std::string(time_unit ? "PT" : "P") + count + unit, ""};
    }
    case kWeekSet: {
      const int wd = c.Int("weekday");
      if (wd < 1 || wd > 7) return std::nullopt;
      return Value{"XXXX-WXX-" + std::to_string(wd), ""};
    }
    case kDecade: {
      int y = c.Has("decade_year") ? c.Int("decade_year") : c.Int("year");
      if (y < 0 && c.Has("decade2")) {
        const int d2 = c.Int("decade2");
        if (d2 % 10 != 0) return std::nullopt;
        // "die zwanziger Jahre": the last such decade that is over.
        const int century = a.date.year != 0 ? a.date.year / 100 * 100 : 1900;
        y = century + d2;
        if (a.date.year != 0 && y + 10 > a.date.year) y -= 100;
      }
      if (y < 1000 || y > 2999 || y % 10 != 0) return std::nullopt;
      return Value{std::to_string(y / 10), ""};
    }
    case kCentury: {
      const int n = c.Int("century");
      if (n < 1 || n > 30) return std::nullopt;
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02d", n - 1);
      return Value{buf, ""};
    }
    case kQuarter:
    case kHalf:
    case kSeason: {
      int y = c.Int("year");
      if (y < 0) {
        if (a.date.year == 0) return std::nullopt;
        y = a.date.year + c.Int("rel", 0);
      }
      if (y < 1000 || y > 2999) return std::nullopt;
      if (normaliser == kSeason) {
        const std::string_view s = c.Get("season");
        if (s.empty()) return std::nullopt;
        return Value{FormatYear(y) + "-" + std::string(s), ""};
      }
      const int n = c.Int(normaliser == kQuarter ? "quarter" : "half");
      if (n < 1 || n > (normaliser == kQuarter ? 4 : 2)) return std::nullopt;
      return Value{FormatYear(y) + (normaliser == kQuarter ? "-Q" : "-H") + std::to_string(n), ""};
    }
    case kToday: {
      // "heute": the day when the sentence reports or plans an event,
      // "nowadays" (PRESENT_REF) when it states what holds, and always in
      // a narrative.
      if (a.tense == 0 || a.narrative) return Value{"PRESENT_REF", ""};
      if (!full) return Value{"XXXX-XX-XX", ""};
      return Value{FormatDay(ad), ""};
    }
    case kHoliday: {
      // Fixed days "MM-DD"; Easter-based ones "E+n" / "E-n" (Gregorian computus).
      const std::string_view h = c.Get("holiday");
      if (h.empty()) return std::nullopt;
      int y = c.Int("year");
      if (y < 0) {
        if (a.date.year == 0) return std::nullopt;
        y = a.date.year;
        if (a.date.month != 0 && h[0] != 'E' && h.size() == 5) {
          const int m = Captures::Int2(h.substr(0, 2)), d = Captures::Int2(h.substr(3, 2));
          if (m >= 1 && m <= 12 && d >= 1 && d <= 31) y = YearFor(a, m, d);
        }
      }
      if (y < 1583 || y > 4000) return std::nullopt;
      if (h[0] == 'E') {
        const int yy = y, g = yy % 19, cc = yy / 100, hh = (cc - cc / 4 - (8 * cc + 13) / 25 + 19 * g + 15) % 30;
        const int ii = hh - (hh / 28) * (1 - (29 / (hh + 1)) * ((21 - g) / 11));
        const int jj = (yy + yy / 4 + ii + 2 - cc + cc / 4) % 7;
        const int ll = ii - jj;
        const int em = 3 + (ll + 40) / 44, ed = ll + 28 - 31 * (em / 4);
        const int offset = std::atoi(std::string(h.substr(1)).c_str());
        return Value{FormatDay(AddDays({yy, em, ed}, offset)), ""};
      }
      if (h.size() != 5 || h[2] != '-') return std::nullopt;
      const Day d{y, Captures::Int2(h.substr(0, 2)), Captures::Int2(h.substr(3, 2))};
      if (!IsValidDay(d)) return std::nullopt;
      return Value{FormatDay(d), ""};
    }
    case kDayparts: {
      // "morgens", "nachts": every morning, every night.
      const std::string_view part = c.Get("daypart");
      if (part.empty()) return std::nullopt;
      return Value{"XXXX-XX-XXT" + std::string(part), "SET"};
    }
    default:
      return std::nullopt;
  }
}

// The tense of the sentence around tokens [first, end): the nearest past
// or future cue word in it. A future cue (a modal, "wird") governs its
// clause over a weak past cue: one found by its ending or marked "weak"
// (forms that are also participles: "will be held").
int TenseAround(const Matcher& m, const Tokens& toks, size_t first, size_t end, int past,
                int future) {
  if (past < 0 && future < 0) return 0;
  const uint32_t s = toks.list[first].sentence;
  size_t future_at = SIZE_MAX, past_at = SIZE_MAX, suffix_past_at = SIZE_MAX;
  for (size_t dist = 1; dist < 40; ++dist) {
    bool inside = false;
    for (const size_t t : {first >= dist ? first - dist : SIZE_MAX, end - 1 + dist}) {
      if (t == SIZE_MAX || t >= toks.list.size() || toks.list[t].sentence != s) continue;
      inside = true;
      if (future >= 0 && future_at == SIZE_MAX && m.ClassOf(t, future)) future_at = dist;
      if (past >= 0 && past_at == SIZE_MAX && suffix_past_at == SIZE_MAX) {
        if (const ClassEntry* e = m.ClassOf(t, past)) {
          (m.IsSuffixEntry(*e) || e->value == "weak" ? suffix_past_at : past_at) = dist;
        }
      }
    }
    if (!inside) break;
  }
  if (future_at != SIZE_MAX && future_at <= past_at) return 1;
  if (past_at != SIZE_MAX) return -1;
  if (future_at != SIZE_MAX) return 1;
  if (suffix_past_at != SIZE_MAX) return -1;
  return 0;
}

std::optional<Day> ParseDay(std::string_view v) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return std::nullopt;
  const int y = Captures::Int2(v.substr(0, 4)), m = Captures::Int2(v.substr(5, 2)),
            d = Captures::Int2(v.substr(8, 2));
  const Day day{y, m, d};
  if (!IsValidDay(day)) return std::nullopt;
  return day;
}

// The rules that may match from token t (each once).
void CandidatesAt(const Grammar& g, const Tokens& toks, const Matcher& matcher, size_t t,
                  std::vector<int>* seen, std::vector<int>* candidates, std::string* key) {
  candidates->clear();
  const Token& tok = toks.list[t];
  auto add = [&](const std::vector<int>& rules) {
    for (int r : rules) {
      int& mark = (*seen)[static_cast<size_t>(r)];
      if (mark == static_cast<int>(t)) continue;
      mark = static_cast<int>(t);
      candidates->push_back(r);
    }
  };
  if (tok.kind == Token::kNumber) {
    add(g.by_number);
    return;
  }
  key->assign(toks.Folded(tok));
  if (auto it = g.by_literal.find(*key); it != g.by_literal.end()) add(it->second);
  if (tok.kind == Token::kWord) {
    if (const std::vector<ClassEntry>* entries = matcher.EntriesOf(t)) {
      for (const ClassEntry& e : *entries) add(g.by_class[static_cast<size_t>(e.class_id)]);
    }
    if (const std::vector<size_t>* ends = matcher.SuffixesOf(t)) {
      for (size_t i : *ends) {
        const auto& [suffix, e] = g.suffixes[i];
        if (key->size() > suffix.size() + 2 && key->ends_with(suffix)) {
          add(g.by_class[static_cast<size_t>(e.class_id)]);
        }
      }
    }
  }
}

}  // namespace

bool HasTimeRules(std::string_view language) { return GrammarFor(language) != nullptr; }

std::vector<std::string> TimeRuleProblems() { return GetGrammars().problems; }

std::vector<TimeMention> TagTimes(std::string_view text, std::string_view language,
                                  const PartialDate& dct, const TagOptions& options) {
  std::vector<TimeMention> out;
  const Grammar* g = GrammarFor(language);
  if (g == nullptr || text.empty()) return out;
  const Tokens toks = Tokenize(text, *g);
  Matcher matcher(*g, toks, text);
  const int past = g->ClassId("past"), future = g->ClassId("future");
  std::vector<int> seen(g->rules.size(), -1);
  std::vector<int> candidates;
  std::vector<Match> matches;
  PartialDate narrative_anchor = dct;
  bool anchored_by_text = false;  // a date of the text has become the anchor
  size_t taken_end = 0;           // tokens before this belong to a found expression
  std::optional<Day> sentence_day;
  uint32_t sentence_of_day = UINT32_MAX;
  std::string key;
  for (size_t t = 0; t < toks.list.size();) {
    const Token& tok = toks.list[t];
    (void)tok;
    CandidatesAt(*g, toks, matcher, t, &seen, &candidates, &key);
    if (candidates.empty()) {
      ++t;
      continue;
    }
    matches.clear();
    // A rule found by its first required element at t may start up to
    // `lead` tokens before (optional leading words: "den vergangenen
    // Jahren"), not before the end of the last expression.
    auto try_at = [&](int r, size_t at) {
      const Rule& rule = g->rules[static_cast<size_t>(r)];
      for (size_t back = std::min<size_t>(static_cast<size_t>(rule.lead), at - taken_end); ; --back) {
        Match m;
        m.rule = r;
        if (matcher.Try(rule, at - back, &m)) {
          matches.push_back(std::move(m));
          break;
        }
        if (back == 0) break;
      }
    };
    for (int r : candidates) try_at(r, t);
    // A match whose extent starts after leading context ("um 20.30") competes
    // with the rules that start where its extent does ("20.30 Uhr").
    size_t ext = SIZE_MAX;
    for (const Match& m : matches) ext = std::min(ext, m.ext_first);
    if (ext != SIZE_MAX && ext > t) {
      CandidatesAt(*g, toks, matcher, ext, &seen, &candidates, &key);
      for (int r : candidates) try_at(r, ext);
    }
    // Trailing punctuation is not part of an expression, except the full
    // stop of an abbreviation ("Jan.", "Sept.").
    for (Match& m : matches) {
      while (m.ext_end - m.ext_first > 1) {
        const Token& last = toks.list[m.ext_end - 1];
        if (last.kind != Token::kPunct) break;
        const Token& prev = toks.list[m.ext_end - 2];
        // "Jan. 13", "a.m.": kept when the text goes on in lower case or
        // with a number; "5 May. The": a sentence end.
        if (toks.Folded(last) == "." && prev.kind == Token::kWord && prev.end == last.start &&
            prev.end - prev.start <= 4) {
          const bool more = m.ext_end < toks.list.size() &&
                            toks.list[m.ext_end].sentence == last.sentence &&
                            (toks.list[m.ext_end].kind == Token::kNumber ||
                             !(text[toks.list[m.ext_end].start] >= 'A' &&
                               text[toks.list[m.ext_end].start] <= 'Z'));
          if (more) break;
        }
        --m.ext_end;
      }
    }
    // The longest match first (extent, then all tokens), earlier rules
    // before later ones.
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      if (a.ext_first != b.ext_first) return a.ext_first < b.ext_first;
      const size_t ea = a.ext_end - a.ext_first, eb = b.ext_end - b.ext_first;
      if (ea != eb) return ea > eb;
      if (a.end - a.first != b.end - b.first) return a.end - a.first > b.end - b.first;
      return a.rule < b.rule;
    });
    bool taken = false;
    for (const Match& m : matches) {
      const Rule& rule = g->rules[static_cast<size_t>(m.rule)];
      if (m.ext_first < taken_end || m.ext_end <= m.ext_first) continue;
      Anchor anchor;
      anchor.date = options.narrative ? narrative_anchor : dct;
      anchor.narrative = options.narrative;
      anchor.tense = TenseAround(matcher, toks, m.ext_first, m.ext_end, past, future);
      if (sentence_of_day == toks.list[m.ext_first].sentence) anchor.sentence_day = sentence_day;
      const Captures caps{*g, m.captures, rule.fixed};
      const std::optional<Value> v = Normalise(rule.normaliser, caps, anchor);
      if (!v || v->value.empty()) continue;
      TimeMention tm;
      tm.start = toks.list[m.ext_first].start;
      tm.end = toks.list[m.ext_end - 1].end;
      tm.text = std::string(text.substr(tm.start, tm.end - tm.start));
      tm.type = v->type.empty() ? rule.type : v->type;
      tm.value = v->value;
      if (tm.type == "DATE" || tm.type == "TIME") {
        if (const std::optional<Day> d = ParseDay(tm.value)) {
          sentence_day = d;
          sentence_of_day = toks.list[m.ext_first].sentence;
          if (options.narrative) {
            narrative_anchor = {d->y, d->m, d->d};
            anchored_by_text = true;
          }
        } else if (options.narrative && tm.value.size() == 7 && tm.value[4] == '-' &&
                   tm.value[0] != 'X') {
          narrative_anchor = {Captures::Int2(tm.value.substr(0, 4)),
                              Captures::Int2(tm.value.substr(5, 2)), 0};
          anchored_by_text = true;
        } else if (options.narrative && tm.value.size() == 6 && tm.value.starts_with("BC")) {
          narrative_anchor = {-Captures::Int2(tm.value.substr(2)), 0, 0};
          anchored_by_text = true;
        } else if (options.narrative && tm.value.size() == 4 && tm.value[0] != 'X' &&
                   util::IsAsciiDigit(tm.value[0])) {
          // A year far from the story's ("die Grenze von 1370") is a side
          // remark, not where the story goes on.
          const int y = Captures::Int2(tm.value);
          if (!anchored_by_text || std::abs(y - narrative_anchor.year) <= kNarrativeYearJump) {
            narrative_anchor = {y, 0, 0};
            anchored_by_text = true;
          }
        }
      }
      out.push_back(std::move(tm));
      t = m.ext_end;
      taken_end = m.ext_end;
      taken = true;
      break;
    }
    if (!taken) ++t;
  }
  return out;
}

}  // namespace lagebild::time
