// UTF-8 primitives: decode one code point, validate, append, cut at a
// character boundary. No domain logic; no allocation except in AppendUtf8.
//
// Decoding follows the Unicode "maximal subpart" rule: an ill-formed
// sequence yields kInvalid and consumes its maximal subpart (the bytes that
// could have begun a valid sequence, at least one), so a caller that replaces
// each kInvalid by U+FFFD gets the same result as ICU and browsers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lagebild::util {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;
inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[pos]. Sets *len to the bytes consumed (>= 1
// when pos < s.size()). Returns kInvalid for an ill-formed sequence
// (overlong, surrogate, > U+10FFFF, truncated).
inline char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const size_t avail = s.size() - pos;
  const unsigned char b0 = p[0];
  *len = 1;
  if (b0 < 0x80) return b0;
  if (b0 < 0xC2) return kInvalid;  // continuation byte or overlong 2-byte lead
  if (b0 < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return kInvalid;
    *len = 2;
    return (char32_t(b0 & 0x1F) << 6) | (p[1] & 0x3F);
  }
  // Three- and four-byte sequences: on failure, consume the longest prefix
  // that could still have been valid (Unicode's "maximal subpart").
  const unsigned char lo = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
  const unsigned char hi = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
  if (b0 >= 0xF5) return kInvalid;
  const size_t need = b0 < 0xF0 ? 3 : 4;
  if (avail < 2 || p[1] < lo || p[1] > hi) return kInvalid;
  if (avail < 3 || (p[2] & 0xC0) != 0x80) {
    *len = 2;
    return kInvalid;
  }
  if (need == 3) {
    *len = 3;
    return (char32_t(b0 & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  if (avail < 4 || (p[3] & 0xC0) != 0x80) {
    *len = 3;
    return kInvalid;
  }
  *len = 4;
  return (char32_t(b0 & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
         (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Appends the UTF-8 encoding of cp (which must be a scalar value).
inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Counts ill-formed sequences (0 means valid UTF-8). Fast on ASCII.
size_t CountInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) { return CountInvalidUtf8(s) == 0; }

// Byte offset of the first ill-formed sequence, s.size() if none.
size_t FirstInvalidUtf8(std::string_view s);

// Copies s replacing every ill-formed sequence by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view s);

// The first character boundary at or after pos (pos itself unless it points
// into a multi-byte character), at most s.size().
inline size_t NextCharBoundary(std::string_view s, size_t pos) {
  while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

// The start of the character that ends right before pos (0 < pos <=
// s.size()): pos stepped back over continuation bytes, at least one byte.
inline size_t PrevCharBoundary(std::string_view s, size_t pos) {
  size_t at = pos - 1;
  while (at > 0 && pos - at < 4 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

// The largest n <= max_bytes such that s.substr(0, n) does not end inside a
// multi-byte character. s is assumed to be valid UTF-8.
size_t Utf8PrefixLength(std::string_view s, size_t max_bytes);

// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

}  // namespace lagebild::util
