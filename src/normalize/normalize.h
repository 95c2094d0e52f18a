// Stage: normalize
// In:    UTF-8 text from a reader (any white space, any controls, any form).
// Out:   text that satisfies the Article invariants (article.h): NFC; every
//        white-space variant (U+00A0, U+2000..U+200A, U+202F, U+3000, tabs, ...)
//        folded to one ASCII space; line separators (CR, CRLF, U+2028, NEL)
//        to "\n"; a blank line (or U+2029) between paragraphs as exactly
//        "\n\n"; lines trimmed; C0/C1 controls, zero-width spaces, soft
//        hyphens, BOMs and bidi controls removed.
// Fails: never. Ill-formed UTF-8 (which readers never hand over) becomes
//        U+FFFD.
// Cost:  one pass over the bytes with an ASCII fast path; ICU NFC only when
//        a code point >= U+0300 occurs (below it all text is already NFC).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lagebild::normalize {

struct NormalizeStats {
  size_t removed_controls = 0;  // control and invisible format characters dropped
  size_t folded_spaces = 0;     // non-ASCII or repeated white space folded
  bool nfc_applied = false;     // ICU normalisation ran (text had code points >= U+0300)
};

// Normalizes a body text (keeps line and paragraph structure).
std::string NormalizeText(std::string_view text, NormalizeStats* stats = nullptr);

// Normalizes a one-line value (title, outlet): like NormalizeText, but
// every line break becomes a space.
std::string NormalizeLine(std::string_view text);

struct MojibakeStats {
  size_t repaired = 0;    // sequences decoded once more
  std::string code_page;  // the code page the text had been misread as ("ibm-437", ...)
};

// Repairs UTF-8 that was read once more as a single-byte code page
// (Windows-1252 "Ã¼", code page 437 "├╝", 850, Mac Roman, Mac Central
// European "√ľ" for "ü"): each run of characters whose bytes in one code
// page form one valid UTF-8 sequence of a letter or common punctuation is
// replaced by it; the code page that repairs the most runs is used. Text
// without two non-ASCII characters in a row is returned as it is, at the
// cost of one scan. Fails: never.
std::string RepairMojibake(std::string_view text, MojibakeStats* stats = nullptr);

}  // namespace lagebild::normalize
