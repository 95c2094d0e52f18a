// Day-month mentions are found by scanning for month names (German and
// English, full and abbreviated) and looking left for "D." or "D", right
// for " D" (English order) and a year. The month names are a closed list
// of 24 words, so a table beats a regex engine here.
#include "time/publication.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>

#include "time/calendar.h"
#include "time/tagger.h"
#include "util/fold.h"
#include "util/strings.h"

namespace lagebild::time {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Longest first, so "Januar" is not read as "Jan".
constexpr MonthName kMonths[] = {
    {"September", 9}, {"Dezember", 12}, {"December", 12}, {"February", 2}, {"November", 11},
    {"Februar", 2},   {"January", 1},   {"Oktober", 10},  {"October", 10}, {"Januar", 1},
    {"Jänner", 1},    {"August", 8},    {"April", 4},     {"March", 3},    {"März", 3},
    {"Juni", 6},      {"June", 6},      {"Juli", 7},      {"July", 7},     {"Mai", 5},
    {"May", 5},       {"Sept.", 9},     {"Jan.", 1},      {"Feb.", 2},     {"Aug.", 8},
    {"Sep.", 9},      {"Okt.", 10},     {"Oct.", 10},     {"Nov.", 11},    {"Dez.", 12},
    {"Dec.", 12},
};

bool IsWordByte(unsigned char c) {
  return util::IsAsciiAlpha(static_cast<char>(c)) || util::IsAsciiDigit(static_cast<char>(c)) ||
         c >= 0x80;
}

// Reads a day number (1..31) ending right before `end` (after optional "."
// and one space). Returns 0 if there is none.
int DayBefore(std::string_view text, size_t end) {
  size_t k = end;
  if (k == 0 || text[k - 1] != ' ') return 0;
  --k;
  const bool dotted = k > 0 && text[k - 1] == '.';
  if (dotted) --k;
  size_t b = k;
  while (b > 0 && util::IsAsciiDigit(text[b - 1]) && k - b < 3) --b;
  if (b == k || k - b > 2) return 0;
  if (b > 0 && IsWordByte(static_cast<unsigned char>(text[b - 1]))) return 0;
  const int day = std::stoi(std::string(text.substr(b, k - b)));
  return day >= 1 && day <= 31 ? day : 0;
}

// Reads " D" or " D," (English order) at `pos`; returns 0 if absent.
int DayAfter(std::string_view text, size_t pos, size_t* after) {
  if (pos >= text.size() || text[pos] != ' ') return 0;
  size_t b = pos + 1, e = b;
  while (e < text.size() && util::IsAsciiDigit(text[e]) && e - b < 3) ++e;
  if (e == b || e - b > 2) return 0;
  if (e < text.size() && IsWordByte(static_cast<unsigned char>(text[e]))) {
    // "13th"
    if (!(e + 1 < text.size() && util::IsAsciiAlpha(text[e]) && util::IsAsciiAlpha(text[e + 1])))
      return 0;
    e += 2;
  }
  const int day = std::stoi(std::string(text.substr(b, std::min<size_t>(2, e - b))));
  *after = e;
  return day >= 1 && day <= 31 ? day : 0;
}

// Reads a four-digit year after optional "," and one space.
int YearAfter(std::string_view text, size_t pos) {
  if (pos < text.size() && text[pos] == ',') ++pos;
  if (pos >= text.size() || text[pos] != ' ') return 0;
  ++pos;
  if (pos + 4 > text.size()) return 0;
  for (size_t k = pos; k < pos + 4; ++k) {
    if (!util::IsAsciiDigit(text[k])) return 0;
  }
  if (pos + 4 < text.size() && IsWordByte(static_cast<unsigned char>(text[pos + 4]))) return 0;
  const int year = std::stoi(std::string(text.substr(pos, 4)));
  return year >= 1800 && year <= 2200 ? year : 0;
}

}  // namespace

std::vector<DayMonth> FindDayMonthMentions(std::string_view text) {
  std::vector<DayMonth> out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 'A' || c > 'Z' || (i > 0 && IsWordByte(static_cast<unsigned char>(text[i - 1]))))
      continue;
    for (const MonthName& m : kMonths) {
      if (text.compare(i, m.name.size(), m.name) != 0) continue;
      const size_t end = i + m.name.size();
      if (m.name.back() != '.' && end < text.size() &&
          IsWordByte(static_cast<unsigned char>(text[end])))
        continue;  // "Maier", "Augusta"
      DayMonth dm;
      dm.month = m.month;
      dm.day = DayBefore(text, i);
      size_t after = end;
      if (dm.day == 0) dm.day = DayAfter(text, end, &after);
      if (dm.day != 0) {
        dm.year = YearAfter(text, after);
        out.push_back(dm);
      }
      i = end - 1;
      break;
    }
  }
  return out;
}

PartialDate InferFromPeers(std::string_view text, const std::vector<PartialDate>& peer_dates) {
  int lo = 0, hi = 0;
  bool any = false;
  for (const PartialDate& d : peer_dates) {
    if (d.year == 0 || d.month == 0) continue;
    const int idx = d.year * 12 + (d.month - 1);
    lo = any ? std::min(lo, idx) : idx;
    hi = any ? std::max(hi, idx) : idx;
    any = true;
  }
  if (!any || hi - lo > kMaxPeerSpanMonths) return {};
  // The month the article speaks of most, among mentions without a year.
  std::map<int, int> count;
  for (const DayMonth& dm : FindDayMonthMentions(text)) {
    if (dm.year == 0) ++count[dm.month];
  }
  int best_month = 0, best_count = 0;
  for (const auto& [month, n] : count) {
    if (n > best_count) {
      best_month = month;
      best_count = n;
    }
  }
  if (best_month == 0) return {};
  // The year that puts that month within one month of the peers' span.
  for (int year = lo / 12 - 1; year <= hi / 12 + 1; ++year) {
    const int idx = year * 12 + (best_month - 1);
    if (idx >= lo - 1 && idx <= hi + 1) return {year, best_month, 0};
  }
  return {};
}

namespace {

std::optional<Day> FullDay(std::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!util::IsAsciiDigit(value[i])) return std::nullopt;
  }
  const Day d{std::stoi(std::string(value.substr(0, 4))), std::stoi(std::string(value.substr(5, 2))),
              std::stoi(std::string(value.substr(8, 2)))};
  if (!IsValidDay(d)) return std::nullopt;
  return d;
}

bool Fits(const PartialDate& known, const Day& d) {
  return (known.year == 0 || known.year == d.y) && (known.month == 0 || known.month == d.m);
}

}  // namespace

PublishedDate DayFromContent(std::string_view text, std::string_view language,
                             const PartialDate& known) {
  if (known.day != 0 || known.year == 0) return {};
  const std::vector<TimeMention> times = TagTimes(text, language, known);
  // A dateline: a date near the start of one of the first paragraphs,
  // after at most a place name, right before "(Agency)" or a dash.
  for (const TimeMention& t : times) {
    if (t.start > kDatelineBytes) break;
    const std::optional<Day> d = FullDay(t.value);
    if (!d || !Fits(known, *d)) continue;
    const size_t line = text.rfind('\n', t.start);
    const size_t line_start = line == std::string_view::npos ? 0 : line + 1;
    if (t.start - line_start > kDatelinePlaceBytes) continue;
    // Before the date at most a place: capitalised words ending in a comma.
    const std::string_view place = util::Trim(text.substr(line_start, t.start - line_start));
    if (!place.empty()) {
      if (place.back() != ',') continue;
      bool capitalised = true;
      size_t w = 0;
      while (w < place.size()) {
        while (w < place.size() && (place[w] == ' ' || place[w] == '-' || place[w] == '/')) ++w;
        if (w < place.size() && place[w] >= 'a' && place[w] <= 'z') capitalised = false;
        while (w < place.size() && place[w] != ' ' && place[w] != '-' && place[w] != '/') ++w;
      }
      if (!capitalised) continue;
    }
    std::string_view after = util::Trim(text.substr(t.end, 24));
    if (after.starts_with("(") || after.starts_with("–") || after.starts_with("—") ||
        after.starts_with("-")) {
      return {{d->y, d->m, d->d}, DateBasis::kDateline};
    }
  }
  // "heute, am 13. Januar": the day named as today.
  for (const TimeMention& t : times) {
    const std::optional<Day> d = FullDay(t.value);
    if (!d || !Fits(known, *d)) continue;
    const std::string folded = util::Fold(t.text.substr(0, 6));
    if (folded.starts_with("heute") || folded.starts_with("today")) {
      return {{d->y, d->m, d->d}, DateBasis::kContent};
    }
  }
  // The latest explicit date, when the article names its weekday.
  std::optional<Day> latest;
  std::vector<int> weekdays;
  for (const TimeMention& t : times) {
    if (t.value.starts_with("XXXX-WXX-") && t.value.size() == 10) {
      weekdays.push_back(t.value[9] - '0');
      continue;
    }
    const std::optional<Day> d = FullDay(t.value);
    if (!d || !Fits(known, *d)) continue;
    if (!latest || DayNumber(*d) > DayNumber(*latest)) latest = d;
  }
  if (latest && std::find(weekdays.begin(), weekdays.end(), Weekday(*latest)) != weekdays.end()) {
    return {{latest->y, latest->m, latest->d}, DateBasis::kContent};
  }
  return {};
}

PartialDate DayFromPeers(const PartialDate& known, const std::vector<PartialDate>& peer_days) {
  if (known.year == 0 || known.month == 0 || known.day != 0) return {};
  std::map<int, int> votes;
  for (const PartialDate& p : peer_days) {
    if (p.year == known.year && p.month == known.month && p.day != 0) ++votes[p.day];
  }
  int best = 0, best_votes = 0;
  for (const auto& [day, n] : votes) {
    if (n > best_votes) {
      best = day;
      best_votes = n;
    }
  }
  if (best == 0) return {};
  return {known.year, known.month, best};
}

}  // namespace lagebild::time
