#include "normalize/normalize.h"
#include "util/utf8.h"

#include <gtest/gtest.h>

namespace lagebild::normalize {
namespace {

struct Case {
  const char* name;
  std::string in;
  std::string want;
};

TEST(NormalizeTest, TableOfCases) {
  const Case cases[] = {
      {"empty", "", ""},
      {"plain", "Hallo Welt.", "Hallo Welt."},
      {"nbsp and friends fold to one space",
       "Olaf\xC2\xA0Scholz \xE2\x80\x89und\xE2\x80\xAF" "2\xE3\x80\x80" "000", "Olaf Scholz und 2 000"},
      {"runs of spaces and tabs", "a  \t b", "a b"},
      {"lines trimmed", "  erste Zeile  \n\tzweite Zeile\t", "erste Zeile\nzweite Zeile"},
      {"blank lines make one paragraph break", "Absatz 1\n\n\n\n  \nAbsatz 2",
       "Absatz 1\n\nAbsatz 2"},
      {"CRLF and CR", "a\r\nb\rc", "a\nb\nc"},
      {"unicode line and paragraph separators", "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", "a\nb\n\nc"},
      {"leading and trailing breaks dropped", "\n\n\nText\n\n\n", "Text"},
      {"C0 and C1 controls removed", "a\x01" "b\x7F" "c\xC2\x85" "d\xC2\x9F" "e", "abc\nde"},
      {"zero-width, soft hyphen, BOM, bidi removed",
       "Ver\xC2\xAD" "tei\xE2\x80\x8B" "digung\xEF\xBB\xBF\xE2\x80\x8E\xE2\x80\xAE", "Verteidigung"},
      {"ZWJ kept (emoji sequences)", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
       "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"},
      {"NFC composes combining marks", "Mu\xCC\x88nchen", "M\xC3\xBCnchen"},
      {"NFC in Cyrillic: й from и + breve", "\xD0\xB8\xCC\x86", "\xD0\xB9"},
      {"ill-formed bytes become U+FFFD", "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(NormalizeText(c.in), c.want);
  }
}

TEST(NormalizeTest, LineModeJoinsLines) {
  EXPECT_EQ(NormalizeLine("  Titel\nmit\r\nUmbruch  "), "Titel mit Umbruch");
}

TEST(NormalizeTest, ReportsStats) {
  NormalizeStats stats;
  NormalizeText("a\x01\xC2\xA0" "b" "e\xCC\x81", &stats);
  EXPECT_EQ(stats.removed_controls, 1u);
  EXPECT_EQ(stats.folded_spaces, 1u);
  EXPECT_TRUE(stats.nfc_applied);
}

TEST(NormalizeTest, IsIdempotent) {
  const std::string messy = " A\xC2\xA0\xC2\xA0" "b \n\n\n c\xCC\x88\r\n\x01 d \xE2\x80\xA9 e ";
  const std::string once = NormalizeText(messy);
  EXPECT_EQ(NormalizeText(once), once);
}

// UTF-8 read once more as a code page, and text that must stay as it is.
TEST(RepairMojibakeTest, TableOfCases) {
  struct MojibakeCase {
    const char* in;
    const char* out;
    const char* code_page;  // "" when nothing is repaired
  };
  const MojibakeCase cases[] = {
      {"Zahl der Toten steigt auf \u2514\u00fcber", "Zahl der Toten steigt auf \u2514\u00fcber", ""},
      {"steigt auf \u251c\u255dber 20 000 im t\u251c\u255drkisch-syrischen Grenzgebiet",
       "steigt auf \u00fcber 20 000 im t\u00fcrkisch-syrischen Grenzgebiet", "ibm-437"},
      {"f\u00c3\u00bcr die Stra\u00c3\u0178e \u00e2\u20ac\u017eHauptstra\u00c3\u0178e\u00e2\u20ac\u0153",
       "f\u00fcr die Stra\u00dfe \u201eHauptstra\u00dfe\u201c", "windows-1252"},
      {"Gr\u221a\u013e\u221a\u00fce aus M\u221a\u013enchen", "Gr\u00fc\u00dfe aus M\u00fcnchen", "x-mac-ce"},
      {"Gr\u221a\u00ba\u221a\u00fce aus M\u221a\u00banchen", "Gr\u00fc\u00dfe aus M\u00fcnchen", "macintosh"},
      {"Gr\u251c\u255d\u251c\u0192e aus M\u251c\u255dnchen", "Gr\u00fc\u00dfe aus M\u00fcnchen", ""},  // code pages 437 and 850 agree here
      // Right as it is: umlauts, accents before ASCII, box drawing, Cyrillic.
      {"\u00dcber die Stra\u00dfe nach S\u00e3o Paulo", "\u00dcber die Stra\u00dfe nach S\u00e3o Paulo", ""},
      {"SÃO PAULO", "SÃO PAULO", ""},
      {"sagte: \u201eDie Stra\u00df\u201c", "sagte: \u201eDie Stra\u00df\u201c", ""},  // ß“ is no sequence
      {"\u00c4\u00ab und mehr", "\u00c4\u00ab und mehr", ""},  // one weak repair is not enough
      {"\u251c\u2500\u2500 docs", "\u251c\u2500\u2500 docs", ""},
      {"\u041c\u0430\u0440\u0438\u0443\u043f\u043e\u043b\u044c", "\u041c\u0430\u0440\u0438\u0443\u043f\u043e\u043b\u044c", ""},
      {"", "", ""},
  };
  for (const MojibakeCase& c : cases) {
    MojibakeStats stats;
    EXPECT_EQ(RepairMojibake(c.in, &stats), c.out) << "input: " << c.in;
    if (*c.code_page) {
      EXPECT_EQ(stats.code_page, c.code_page) << "input: " << c.in;
    }
    if (std::string(c.in) == c.out) {
      EXPECT_EQ(stats.repaired, 0u) << "input: " << c.in;
    }
  }
}

TEST(RepairMojibakeTest, AnyBytesGiveValidUtf8) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 151 + 7) % 256));
  const std::string valid = NormalizeText(bytes);  // valid UTF-8, as readers hand it over
  const std::string out = RepairMojibake(valid);
  size_t i = 0;
  while (i < out.size()) {
    size_t len = 0;
    const char32_t cp = util::DecodeUtf8(out, i, &len);
    ASSERT_GT(len, 0u);
    if (cp == 0xFFFD) {  // a decoding error, unless the text holds U+FFFD itself
      ASSERT_EQ(out.compare(i, 3, "\xEF\xBF\xBD"), 0);
    }
    i += len;
  }
}

}  // namespace
}  // namespace lagebild::normalize
