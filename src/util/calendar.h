// Proleptic Gregorian calendar arithmetic: days since 1970-01-01,
// weekdays, ISO weeks, month steps. Pure functions, no state. Used by the
// readers (metadata dates) and the time stage.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace lagebild::util {

struct Day {
  int y = 0, m = 0, d = 0;
};

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

inline bool IsValidDay(const Day& day) {
  return day.y >= 1 && day.y <= 9999 && day.m >= 1 && day.m <= 12 && day.d >= 1 &&
         day.d <= DaysInMonth(day.y, day.m);
}

// Days since 1970-01-01 (negative before). The era arithmetic counts years
// from March, so that the leap day ends a year.
inline int64_t DayNumber(const Day& day) {
  const int64_t y = day.y - (day.m <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                   // [0, 399]
  const int64_t mp = (day.m + 9) % 12;                                 // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + day.d - 1;                  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

inline Day FromDayNumber(int64_t n) {
  n += 719468;
  const int64_t era = (n >= 0 ? n : n - 146096) / 146097;
  const int64_t doe = n - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

inline Day AddDays(const Day& day, int64_t n) { return FromDayNumber(DayNumber(day) + n); }

// ISO weekday: Monday 1 ... Sunday 7. 1970-01-01 was a Thursday.
inline int Weekday(const Day& day) {
  const int64_t n = DayNumber(day);
  return static_cast<int>(((n + 3) % 7 + 7) % 7) + 1;
}

// ISO 8601 week: the week with the year's first Thursday is week 1.
struct IsoWeek {
  int year = 0, week = 0;
};
inline IsoWeek WeekOf(const Day& day) {
  const Day thursday = AddDays(day, 4 - Weekday(day));
  const int64_t first = DayNumber({thursday.y, 1, 1});
  return {thursday.y, static_cast<int>((DayNumber(thursday) - first) / 7 + 1)};
}

// The month `months` steps away (day clamped to the month's length).
inline Day AddMonths(const Day& day, int months) {
  int index = day.y * 12 + (day.m - 1) + months;
  Day out{index / 12, index % 12 + 1, day.d};
  const int last = DaysInMonth(out.y, out.m);
  if (out.d > last) out.d = last;
  return out;
}

inline std::string FormatDay(const Day& day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day.y, day.m, day.d);
  return buf;
}
inline std::string FormatMonth(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}
inline std::string FormatYear(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}
inline std::string FormatWeek(const IsoWeek& w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
  return buf;
}

}  // namespace lagebild::util
