#include "normalize/normalize.h"

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

}  // namespace
}  // namespace lagebild::normalize
