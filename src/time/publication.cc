// Publication dates from the peers and the content; the mentions come
// from the temporal tagger (tagger.h), so month names live only in
// data/time/<lang>.rules.
#include "time/publication.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "util/calendar.h"
#include "time/tagger.h"
#include "util/fold.h"
#include "util/strings.h"

namespace lagebild::time {

using util::Day;
using util::DayNumber;
using util::IsValidDay;
using util::Weekday;
PartialDate InferFromPeers(std::string_view text, std::string_view language,
                           const std::vector<PartialDate>& peer_dates) {
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
  // The month the article speaks of most, among day-month mentions
  // without a year (resolved without an anchor: "XXXX-01-19").
  std::map<int, int> count;
  for (const TimeMention& t : TagTimes(text, language, {})) {
    if (t.type != "DATE" || t.value.size() != 10 || !t.value.starts_with("XXXX-")) continue;
    if (!util::IsAsciiDigit(t.value[5]) || !util::IsAsciiDigit(t.value[6])) continue;
    ++count[(t.value[5] - '0') * 10 + (t.value[6] - '0')];
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

// "15.02.2022", "Di, 1.2.2022": day and month in digits, dots, the year.
bool IsNumericDate(std::string_view text, int year) {
  const std::string y = std::to_string(year);
  if (!text.ends_with(y)) return false;
  size_t i = text.size() - y.size();
  for (int part = 0; part < 2; ++part) {
    if (i == 0 || text[i - 1] != '.') return false;
    --i;
    size_t digits = 0;
    while (i > 0 && util::IsAsciiDigit(text[i - 1]) && digits < 3) --i, ++digits;
    if (digits == 0 || digits > 2) return false;
  }
  return i == 0 || !util::IsAsciiDigit(text[i - 1]);
}

// Between a page stamp's date and its time: spaces, commas, bars,
// slashes, dashes and bullets only.
bool OnlyStampSeparators(std::string_view s) {
  static constexpr std::string_view kMarks[] = {"\u2022", "\u00b7", "\u2013", "\u2014"};
  while (!s.empty()) {
    if (std::string_view(" ,|/-").find(s.front()) != std::string_view::npos) {
      s.remove_prefix(1);
      continue;
    }
    const auto mark = std::find_if(std::begin(kMarks), std::end(kMarks),
                                   [&](std::string_view m) { return s.starts_with(m); });
    if (mark == std::end(kMarks)) return false;
    s.remove_prefix(mark->size());
  }
  return true;
}

bool Fits(const PartialDate& known, const Day& d) {
  return (known.year == 0 || known.year == d.y) && (known.month == 0 || known.month == d.m);
}

}  // namespace

PublishedDate DayFromContent(std::string_view text, std::string_view language,
                             const PartialDate& known) {
  if (known.day != 0) return {};
  // Without a year only a page stamp can date the article: the head is enough.
  if (known.year == 0 && text.size() > kDatelineBytes + kStampTailBytes) {
    const size_t cut = text.find_last_of(" \n", kDatelineBytes + kStampTailBytes);
    text = text.substr(0, cut == std::string_view::npos ? 0 : cut);
  }
  const std::vector<TimeMention> times = TagTimes(text, language, known);
  // A page stamp: a date written with its year in digits, then, after
  // nothing but separators, a clock time ("Stand: 22.02.2022 11:26 Uhr",
  // "Di, 15.02.2022, 12.27 Uhr", "13.02.2022 • 22:40").
  for (size_t i = 0; i + 1 < times.size(); ++i) {
    const TimeMention& t = times[i];
    if (t.start > kDatelineBytes) break;
    const std::optional<Day> d = FullDay(t.value);
    if (!d || !Fits(known, *d) || !IsNumericDate(t.text, d->y)) continue;
    const TimeMention& clock = times[i + 1];
    if (clock.start < t.end || clock.start - t.end > kStampGapBytes) continue;
    if (!clock.value.starts_with(t.value + "T")) continue;
    if (OnlyStampSeparators(text.substr(t.end, clock.start - t.end))) {
      return {{d->y, d->m, d->d}, DateBasis::kDateline};
    }
  }
  if (known.year == 0) return {};
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

namespace {

// A run of ASCII digits at `i` (its length; 0 when none).
size_t DigitRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && util::IsAsciiDigit(s[j])) ++j;
  return j - i;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool IsAddressSeparator(char c) { return c == '/' || c == '-' || c == '_' || c == '.'; }

// The date at `i`, a digit run that starts after a separator (or the
// path's start), ending before a separator, a letter-free end or the end.
std::optional<PartialDate> AddressDateAt(std::string_view p, size_t i) {
  const auto boundary_after = [&](size_t k) {
    return k >= p.size() || IsAddressSeparator(p[k]) || p[k] == '?' || p[k] == '#';
  };
  const auto year_ok = [](int y) { return y >= 1990 && y <= 2099; };
  const size_t a = DigitRun(p, i);
  if (a == 8 && boundary_after(i + 8)) {  // 20170509
    const PartialDate d{Number(p.substr(i, 4)), Number(p.substr(i + 4, 2)),
                        Number(p.substr(i + 6, 2))};
    if (year_ok(d.year) && IsValidDay({d.year, d.month, d.day})) return d;
    return std::nullopt;
  }
  if (a == 4 && i + 4 < p.size() && IsAddressSeparator(p[i + 4])) {  // 2022/02[/13]
    const int year = Number(p.substr(i, 4));
    const size_t m = i + 5;
    const size_t b = DigitRun(p, m);
    if (!year_ok(year) || (b != 1 && b != 2) || !boundary_after(m + b)) return std::nullopt;
    const int month = Number(p.substr(m, b));
    if (month < 1 || month > 12) return std::nullopt;
    const size_t d = m + b + 1;
    const size_t c = d < p.size() && IsAddressSeparator(p[m + b]) ? DigitRun(p, d) : 0;
    if ((c == 1 || c == 2) && boundary_after(d + c)) {
      const int day = Number(p.substr(d, c));
      if (IsValidDay({year, month, day})) return PartialDate{year, month, day};
      return std::nullopt;
    }
    return PartialDate{year, month, 0};
  }
  if (a == 2 && i + 10 <= p.size() && (p[i + 2] == '-' || p[i + 2] == '.') &&
      p[i + 5] == p[i + 2] && DigitRun(p, i + 3) == 2 && DigitRun(p, i + 6) == 4 &&
      boundary_after(i + 10)) {  // 27-02-2022
    const PartialDate d{Number(p.substr(i + 6, 4)), Number(p.substr(i + 3, 2)),
                        Number(p.substr(i, 2))};
    if (year_ok(d.year) && IsValidDay({d.year, d.month, d.day})) return d;
  }
  return std::nullopt;
}

}  // namespace

PartialDate DateFromAddress(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  const std::string_view path = url.substr(start);
  for (size_t i = 0; i < path.size(); ++i) {
    if (!util::IsAsciiDigit(path[i]) || (i > 0 && !IsAddressSeparator(path[i - 1]))) continue;
    if (std::optional<PartialDate> d = AddressDateAt(path, i)) return *d;
    i += DigitRun(path, i);  // past this run
  }
  return {};
}

}  // namespace lagebild::time
