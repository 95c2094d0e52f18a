// Dates as found in metadata: machine formats first (ISO 8601, RFC 2822),
// then the two common human ones. Day names and times are ignored; the
// result is validated against the calendar (no 31 February).
#include <array>
#include <cctype>
#include <string>

#include "read/read.h"
#include "util/calendar.h"
#include "util/strings.h"

namespace lagebild::read {
namespace {

PartialDate Valid(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0) return {};
  if (m == 0 && d != 0) return {};
  if (d != 0 && d > util::DaysInMonth(y, m)) return {};
  return {y, m, d};
}

// Reads exactly `digits` digits at s[*pos]; -1 if not there.
int ReadDigits(std::string_view s, size_t* pos, size_t digits) {
  if (*pos + digits > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < digits; ++k) {
    const char c = s[*pos + k];
    if (!util::IsAsciiDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  return v;
}

// Reads 1 or 2 digits.
int ReadSmall(std::string_view s, size_t* pos) {
  int v = ReadDigits(s, pos, 2);
  if (v >= 0) return v;
  return ReadDigits(s, pos, 1);
}

// Month names and abbreviations in English and German, lower case ASCII
// (umlaut spelled out and as UTF-8).
int MonthFromName(std::string_view word) {
  const std::string w = util::AsciiLower(word);
  struct Name {
    const char* name;
    int month;
  };
  static constexpr Name kNames[] = {
      {"january", 1},  {"januar", 1},    {"jänner", 1},   {"jan", 1},     {"february", 2},
      {"februar", 2},  {"feb", 2},       {"march", 3},    {"märz", 3},    {"maerz", 3},
      {"mar", 3},      {"mär", 3},       {"mrz", 3},      {"april", 4},   {"apr", 4},
      {"may", 5},      {"mai", 5},       {"june", 6},     {"juni", 6},    {"jun", 6},
      {"july", 7},     {"juli", 7},      {"jul", 7},      {"august", 8},  {"aug", 8},
      {"september", 9}, {"sept", 9},     {"sep", 9},      {"october", 10}, {"oktober", 10},
      {"oct", 10},     {"okt", 10},      {"november", 11}, {"nov", 11},   {"december", 12},
      {"dezember", 12}, {"dec", 12},     {"dez", 12},
  };
  std::string_view key = w;
  if (!key.empty() && key.back() == '.') key.remove_suffix(1);
  for (const auto& n : kNames) {
    if (key == n.name) return n.month;
  }
  return 0;
}

std::string_view NextWord(std::string_view s, size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == ',' || s[*pos] == '\t')) ++*pos;
  const size_t start = *pos;
  while (*pos < s.size() && s[*pos] != ' ' && s[*pos] != ',' && s[*pos] != '\t') ++*pos;
  return s.substr(start, *pos - start);
}

bool AllDigits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!util::IsAsciiDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view w) {
  int v = 0;
  for (char c : w) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

PartialDate ParseMetadataDate(std::string_view s) {
  s = util::Trim(s);
  if (s.size() > 200) return {};
  size_t pos = 0;
  // ISO 8601: YYYY-MM-DD..., YYYY-MM, YYYYMMDD.
  if (int y = ReadDigits(s, &pos, 4); y >= 0) {
    if (pos == s.size()) return Valid(y, 0, 0);
    if (s[pos] == '-' || s[pos] == '/') {
      const char sep = s[pos++];
      const int m = ReadDigits(s, &pos, 2);
      if (m < 0) return {};
      if (pos == s.size() || s[pos] != sep) return Valid(y, m, 0);
      ++pos;
      const int d = ReadDigits(s, &pos, 2);
      if (d < 0) return {};
      if (pos < s.size() && util::IsAsciiDigit(s[pos])) return {};
      return Valid(y, m, d);
    }
    if (util::IsAsciiDigit(s[pos])) {
      const int m = ReadDigits(s, &pos, 2);
      const int d = ReadDigits(s, &pos, 2);
      if (m < 0 || d < 0) return {};
      if (pos < s.size() && util::IsAsciiDigit(s[pos])) return {};
      return Valid(y, m, d);
    }
    return {};
  }
  // DD.MM.YYYY (German numeric).
  pos = 0;
  if (int d = ReadSmall(s, &pos); d >= 0 && pos < s.size() && s[pos] == '.') {
    size_t p2 = pos + 1;
    while (p2 < s.size() && s[p2] == ' ') ++p2;
    if (int m = ReadSmall(s, &p2); m >= 0 && p2 < s.size() && s[p2] == '.') {
      ++p2;
      while (p2 < s.size() && s[p2] == ' ') ++p2;
      const int y = ReadDigits(s, &p2, 4);
      if (y >= 0) return Valid(y, m, d);
      return {};
    }
  }
  // Word forms: "Thu, 13 Jan 2022 ...", "13. Januar 2022", "January 13, 2022".
  pos = 0;
  int day = 0, month = 0, year = 0;
  for (int k = 0; k < 6 && pos < s.size(); ++k) {
    std::string_view w = NextWord(s, &pos);
    if (w.empty()) break;
    std::string_view core = w;
    if (!core.empty() && core.back() == '.') core.remove_suffix(1);
    if (AllDigits(core)) {
      if (core.size() == 4 && year == 0) {
        year = ToInt(core);
      } else if (core.size() <= 2 && day == 0) {
        day = ToInt(core);
      } else {
        break;
      }
    } else if (const int m = MonthFromName(core); m && month == 0) {
      month = m;
    } else if (year != 0) {
      break;  // time of day or zone after the year
    }
    if (year && month && day) break;
  }
  if (year && month) return Valid(year, month, day);
  return {};
}

}  // namespace lagebild::read
