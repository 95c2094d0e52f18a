// UTF-8 validation with an ASCII fast path: eight bytes at a time are
// checked for the high bit before falling back to the scalar decoder.
#include "util/utf8.h"

#include <cstring>

namespace lagebild::util {
namespace {

// Returns the length of the leading ASCII run of s starting at pos.
inline size_t AsciiRun(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i - pos;
}

}  // namespace

size_t CountInvalidUtf8(std::string_view s) {
  size_t bad = 0;
  size_t i = 0;
  while (i < s.size()) {
    i += AsciiRun(s, i);
    if (i >= s.size()) break;
    size_t len;
    if (DecodeUtf8(s, i, &len) == kInvalid) ++bad;
    i += len;
  }
  return bad;
}

size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    i += AsciiRun(s, i);
    if (i >= s.size()) break;
    size_t len;
    if (DecodeUtf8(s, i, &len) == kInvalid) return i;
    i += len;
  }
  return s.size();
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t run = AsciiRun(s, i);
    out.append(s.data() + i, run);
    i += run;
    if (i >= s.size()) break;
    size_t len;
    const char32_t cp = DecodeUtf8(s, i, &len);
    if (cp == kInvalid) {
      AppendUtf8(out, kReplacement);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

size_t Utf8PrefixLength(std::string_view s, size_t max_bytes) {
  if (max_bytes >= s.size()) return s.size();
  size_t n = max_bytes;
  // Step back over continuation bytes to the lead byte of the cut character.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace lagebild::util
