// Small ASCII string helpers. Locale-independent; no domain logic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lagebild::util {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline char AsciiToLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

std::string AsciiLower(std::string_view s);
std::string_view Trim(std::string_view s);
// Runs of non-space bytes (ASCII white space separates).
size_t CountWords(std::string_view s);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool EndsWith(std::string_view s, std::string_view suffix);
// The pieces of s between the separators (empty pieces kept): the column
// and list splitter of the data files.
std::vector<std::string_view> Split(std::string_view s, char sep);
// "1.5 MiB", "200.0 MB"-style size for messages (binary units).
std::string HumanBytes(uint64_t n);

// Every byte but A-Z a-z 0-9 - . _ ~ as %XX: safe as one path segment or
// query value of a URL.
std::string PercentEncode(std::string_view s);
// %XX decoded ('+' stays '+'); nothing when a % is not followed by two hex digits.
std::optional<std::string> PercentDecode(std::string_view s);

// Calls f(line) for every line of text (without its "\n" or "\r\n"), the
// empty ones too: the reader of the data files and corpora.
template <typename F>
void ForEachTextLine(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
    pos = nl + 1;
  }
}

}  // namespace lagebild::util
