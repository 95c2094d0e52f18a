#include "util/fold.h"

#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::util {
namespace {

// The folded code point of a Latin-1 or Latin Extended-A capital (see
// FoldInto), cp itself otherwise.
char32_t FoldCodePoint(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;  // Latin-1 capitals
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 &&
      cp != 0x17F) {
    // Latin Extended-A alternates capital/small in pairs; the parity of
    // the pair start flips at U+0139 and back at U+014A.
    const bool odd_pairs = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    const bool is_capital = odd_pairs ? (cp % 2 == 1) : (cp % 2 == 0);
    if (is_capital) return cp + 1;
  }
  return cp;
}

}  // namespace

uint64_t FoldedHash(std::string_view s) {
  uint64_t h = kFnvOffset;
  auto add = [&h](unsigned char c) { h = (h ^ c) * kFnvPrime; };
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      add(static_cast<unsigned char>(util::AsciiToLower(static_cast<char>(c))));
      ++i;
      continue;
    }
    size_t len = 1;
    const char32_t cp = util::DecodeUtf8(s, i, &len);
    if (cp == util::kInvalid) {
      for (size_t k = 0; k < len; ++k) add(static_cast<unsigned char>(s[i + k]));
    } else {
      std::string buf;
      util::AppendUtf8(buf, FoldCodePoint(cp));
      for (char b : buf) add(static_cast<unsigned char>(b));
    }
    i += len;
  }
  return h;
}

void FoldInto(std::string_view s, std::string* out_ptr) {
  std::string& out = *out_ptr;
  out.resize(s.size());
  // ASCII runs: one table-free pass writing in place.
  size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) break;
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (i == s.size()) return;
  out.resize(i);
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(util::AsciiToLower(static_cast<char>(c)));
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = util::DecodeUtf8(s, i, &len);
    if (cp == util::kInvalid) {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    cp = FoldCodePoint(cp);
    util::AppendUtf8(out, cp);
    i += len;
  }
}

std::string Fold(std::string_view s) {
  std::string out;
  FoldInto(s, &out);
  return out;
}

}  // namespace lagebild::util
