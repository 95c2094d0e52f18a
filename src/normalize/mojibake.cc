// RepairMojibake: UTF-8 text that some earlier program read once more as a
// single-byte code page turns "über" into "Ã¼ber" (Windows-1252), "├╝ber"
// (code page 437) or "√ľber" (Mac Central European). Each such character
// stands for one byte of a UTF-8 sequence. The repair maps the characters
// back to their bytes in one code page and keeps the result only where the
// bytes form one valid UTF-8 sequence that decodes to a letter or common
// punctuation; of the code pages tried, the one that repairs the most
// sequences is used. Text that is right is never changed: a real "ü" maps
// to a byte that does not start a UTF-8 sequence followed by continuation
// bytes, and letters such as "ã" in "São" are followed by ASCII.
#include <unicode/ucnv.h>

#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "normalize/normalize.h"
#include "util/utf8.h"
#include "util/words.h"

namespace lagebild::normalize {
namespace {

struct CodePage {
  const char* name;                              // as reported
  std::unordered_map<char32_t, uint8_t> bytes;   // code point -> byte 0x80..0xFF
};

// The code pages whose misreadings are common in news text.
const std::vector<CodePage>& CodePages() {
  static const std::vector<CodePage>* pages = [] {
    auto* out = new std::vector<CodePage>;
    for (const char* name : {"windows-1252", "ibm-437", "ibm-850", "macintosh", "x-mac-ce"}) {
      UErrorCode err = U_ZERO_ERROR;
      std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(name, &err), ucnv_close);
      if (U_FAILURE(err)) continue;
      CodePage page{name, {}};
      for (int b = 0x80; b <= 0xFF; ++b) {
        const char byte = static_cast<char>(b);
        UChar units[4];
        err = U_ZERO_ERROR;
        const int32_t n = ucnv_toUChars(conv.get(), units, 4, &byte, 1, &err);
        if (U_FAILURE(err) || n != 1 || units[0] == 0xFFFD || units[0] == 0x1A) continue;
        if (units[0] >= 0xD800 && units[0] <= 0xDFFF) continue;
        page.bytes.emplace(char32_t(units[0]), static_cast<uint8_t>(b));
      }
      out->push_back(std::move(page));
    }
    return out;
  }();
  return *pages;
}

// What a repair may produce: the characters of Latin-1 ("ü", "é", "ß",
// "«"), typographic punctuation and the euro sign (`strong`: one such
// repair is evidence enough), and the other Latin, Greek and Cyrillic
// letters (two repairs needed: "Ä«" could be meant).
bool Plausible(char32_t cp, bool* strong) {
  *strong = (cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x2010 && cp <= 0x2027) ||
            (cp >= 0x2030 && cp <= 0x203A) || cp == 0x20AC;
  if (*strong) return true;
  return ((cp >= 0x100 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x4FF) ||
          (cp >= 0x1E00 && cp <= 0x1EFF)) &&
         util::IsLetter(cp);
}

struct Decoded {
  std::vector<char32_t> cps;
  std::vector<uint32_t> starts;  // byte offset of each code point
};

Decoded DecodeAll(std::string_view text) {
  Decoded d;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    d.starts.push_back(uint32_t(i));
    d.cps.push_back(util::DecodeUtf8(text, i, &len));
    i += len == 0 ? 1 : len;
  }
  d.starts.push_back(uint32_t(text.size()));
  return d;
}

// Repairs `text` with one code page; returns the number of sequences
// repaired (and the text in *out when out is not null); *strong counts the
// repairs that are evidence alone.
size_t Repair(std::string_view text, const Decoded& d, const CodePage& page, std::string* out,
              size_t* strong) {
  size_t repaired = 0;
  *strong = 0;
  size_t copied = 0;  // bytes of text already in *out
  const size_t n = d.cps.size();
  for (size_t k = 0; k < n; ++k) {
    const auto lead = page.bytes.find(d.cps[k]);
    if (lead == page.bytes.end() || lead->second < 0xC2 || lead->second > 0xF4) continue;
    const size_t length = lead->second < 0xE0 ? 2 : lead->second < 0xF0 ? 3 : 4;
    if (k + length > n) continue;
    std::string bytes(1, char(lead->second));
    for (size_t j = 1; j < length; ++j) {
      const auto c = page.bytes.find(d.cps[k + j]);
      if (c == page.bytes.end() || c->second < 0x80 || c->second > 0xBF) break;
      bytes.push_back(char(c->second));
    }
    if (bytes.size() != length) continue;
    size_t len = 0;
    const char32_t cp = util::DecodeUtf8(bytes, 0, &len);
    bool sure = false;
    if (len != length || !Plausible(cp, &sure)) continue;
    ++repaired;
    *strong += sure;
    if (out) {
      out->append(text.substr(copied, d.starts[k] - copied));
      out->append(bytes);
      copied = d.starts[k + length];
    }
    k += length - 1;
  }
  if (out) out->append(text.substr(copied));
  return repaired;
}

}  // namespace

std::string RepairMojibake(std::string_view text, MojibakeStats* stats) {
  // Fast exit: a misread sequence is two or more characters beyond ASCII
  // in a row.
  bool suspect = false;
  for (size_t i = 0; i < text.size() && !suspect;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    util::DecodeUtf8(text, i, &len);
    i += len == 0 ? 1 : len;
    suspect = i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80;
  }
  if (!suspect) return std::string(text);
  const Decoded d = DecodeAll(text);
  const CodePage* best = nullptr;
  size_t most = 0;
  size_t strong = 0;
  for (const CodePage& page : CodePages()) {
    const size_t n = Repair(text, d, page, nullptr, &strong);
    if (n > most && (strong > 0 || n >= 2)) most = n, best = &page;
  }
  if (!best) return std::string(text);
  std::string out;
  out.reserve(text.size());
  Repair(text, d, *best, &out, &strong);
  if (stats) {
    stats->repaired = most;
    stats->code_page = best->name;
  }
  return out;
}

}  // namespace lagebild::normalize
