// One pass over the code points, classifying each as visible, white space,
// line break, paragraph break or dropped. Separators are not written when
// seen but remembered as "pending" and written only before the next visible
// character, which trims every line and collapses runs in one go.
#include "normalize/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/bytestream.h>

#include <algorithm>
#include <cstring>

#include "util/utf8.h"

namespace lagebild::normalize {
namespace {

enum class Kind { kVisible, kSpace, kLineBreak, kParagraphBreak, kDrop };

Kind Classify(char32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t') return Kind::kSpace;
    if (cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r') return Kind::kLineBreak;
    if (cp < 0x20 || cp == 0x7F) return Kind::kDrop;
    return Kind::kVisible;
  }
  if (cp == 0x85) return Kind::kLineBreak;  // NEL
  if (cp < 0xA0) return Kind::kDrop;        // C1 controls
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000)
    return Kind::kSpace;
  if (cp == 0x2028) return Kind::kLineBreak;
  if (cp == 0x2029) return Kind::kParagraphBreak;
  // Invisible format characters that only get in the way of matching:
  // soft hyphen, zero-width space, LRM/RLM, bidi embeddings and isolates,
  // word joiner and invisible operators, BOM/ZWNBSP, noncharacters.
  // ZWJ/ZWNJ (U+200C/D) stay: they change spelling in Persian, Indic
  // scripts and emoji.
  if (cp == 0xAD || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
      (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
      cp == 0xFFFE || cp == 0xFFFF)
    return Kind::kDrop;
  return Kind::kVisible;
}

std::string Normalize(std::string_view in, bool keep_lines, NormalizeStats* stats) {
  NormalizeStats local;
  NormalizeStats& st = stats ? *stats : local;
  std::string out;
  out.reserve(in.size());
  bool pending_space = false;
  int pending_breaks = 0;  // 1 = line break, 2 = paragraph break
  bool needs_nfc = false;
  // Blank-line detection: a second line break with nothing visible between.
  int breaks_in_row = 0;

  const char* data = in.data();
  const size_t n = in.size();
  size_t i = 0;
  auto flush = [&]() {
    if (!out.empty()) {
      if (pending_breaks >= 2) {
        out.append("\n\n");
      } else if (pending_breaks == 1) {
        out.push_back('\n');
      } else if (pending_space) {
        out.push_back(' ');
      }
    }
    pending_space = false;
    pending_breaks = 0;
    breaks_in_row = 0;
  };
  while (i < n) {
    // Fast path: copy a run of characters that need no change in one go:
    // printable ASCII, a single space between two of them, Latin-1 letters
    // (U+00C0..U+00FF, lead byte 0xC3) and the dashes, quotes and bullets of
    // U+2010..U+2027. All of these are visible and below U+0300 or NFC-inert.
    size_t j = i;
    while (j < n) {
      const unsigned char c = static_cast<unsigned char>(data[j]);
      if (c > 0x20 && c < 0x7F) {
        ++j;
      } else if (c == ' ' && j > i && j + 1 < n &&
                 static_cast<unsigned char>(data[j + 1]) > 0x20 &&
                 static_cast<unsigned char>(data[j + 1]) < 0x7F) {
        j += 2;
      } else if (c == 0xC3 && j + 1 < n && (static_cast<unsigned char>(data[j + 1]) & 0xC0) == 0x80) {
        j += 2;
      } else if (c == 0xE2 && j + 2 < n && static_cast<unsigned char>(data[j + 1]) == 0x80 &&
                 static_cast<unsigned char>(data[j + 2]) >= 0x90 &&
                 static_cast<unsigned char>(data[j + 2]) <= 0xA7) {
        j += 3;
      } else {
        break;
      }
    }
    if (j > i) {
      flush();
      out.append(data + i, j - i);
      i = j;
      continue;
    }
    size_t len;
    char32_t cp = util::DecodeUtf8(in, i, &len);
    if (cp == util::kInvalid) cp = util::kReplacement;
    if (cp == '\r' && i + 1 < n && data[i + 1] == '\n') {
      i += 1;  // CRLF: let the '\n' count as the one break
      continue;
    }
    switch (Classify(cp)) {
      case Kind::kVisible:
        flush();
        if (cp >= 0x300) needs_nfc = true;
        if (len == 1 || cp == util::kReplacement) {
          util::AppendUtf8(out, cp);
        } else {
          out.append(data + i, len);
        }
        break;
      case Kind::kSpace:
        if (cp != ' ' || pending_space) ++st.folded_spaces;
        pending_space = true;
        break;
      case Kind::kLineBreak:
        if (!keep_lines) {
          pending_space = true;
          break;
        }
        ++breaks_in_row;
        pending_space = false;
        pending_breaks = breaks_in_row >= 2 ? 2 : std::max(pending_breaks, 1);
        break;
      case Kind::kParagraphBreak:
        if (!keep_lines) {
          pending_space = true;
          break;
        }
        pending_space = false;
        pending_breaks = 2;
        breaks_in_row = 2;
        break;
      case Kind::kDrop:
        ++st.removed_controls;
        break;
    }
    i += len;
  }
  if (needs_nfc) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_SUCCESS(err) && !nfc->isNormalizedUTF8(out, err) && U_SUCCESS(err)) {
      std::string composed;
      composed.reserve(out.size());
      icu::StringByteSink<std::string> sink(&composed);
      nfc->normalizeUTF8(0, out, sink, nullptr, err);
      if (U_SUCCESS(err)) {
        out.swap(composed);
        st.nfc_applied = true;
      }
    }
  }
  return out;
}

}  // namespace

std::string NormalizeText(std::string_view text, NormalizeStats* stats) {
  return Normalize(text, /*keep_lines=*/true, stats);
}

std::string NormalizeLine(std::string_view text) { return Normalize(text, false, nullptr); }

}  // namespace lagebild::normalize
