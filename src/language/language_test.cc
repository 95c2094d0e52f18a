#include "language/language.h"

#include <gtest/gtest.h>

namespace lagebild::language {
namespace {

TEST(LanguageTest, IdentifiesGermanAndEnglishNews) {
  const LanguageGuess de = IdentifyLanguage(
      "Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen. Nach Angaben des "
      "Ministeriums sollen die Regeln ab kommender Woche gelten.");
  EXPECT_EQ(de.code, "de");
  EXPECT_TRUE(de.reliable);
  const LanguageGuess en = IdentifyLanguage(
      "The government announced new measures on Wednesday. According to the ministry, the "
      "rules will apply from next week.");
  EXPECT_EQ(en.code, "en");
}

TEST(LanguageTest, OtherLanguagesByDesign) {
  EXPECT_EQ(IdentifyLanguage("Le gouvernement a annoncé mercredi de nouvelles mesures pour "
                             "lutter contre la hausse des prix de l'énergie.")
                .code,
            "fr");
  EXPECT_EQ(IdentifyLanguage("Правительство в среду объявило о новых мерах по борьбе с ростом "
                             "цен на энергоносители.")
                .code,
            "ru");
}

TEST(LanguageTest, UndeterminedWithoutTextUsesDeclaredLanguage) {
  EXPECT_EQ(IdentifyLanguage("").code, "und");
  EXPECT_EQ(IdentifyLanguage("", "de-CH").code, "de");
  EXPECT_EQ(IdentifyLanguage("12345", "EN_us").code, "en");
  EXPECT_EQ(IdentifyLanguage("", "not a tag").code, "und");
}

TEST(LanguageTest, IllFormedUtf8IsNotPassedToTheDetector) {
  EXPECT_EQ(IdentifyLanguage("abc \xFF\xFE def").code, "und");
}

}  // namespace
}  // namespace lagebild::language
