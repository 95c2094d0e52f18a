#include <gtest/gtest.h>

#include "read/read.h"

namespace lagebild::read {
namespace {

ReadOutput Read(const std::string& bytes) { return ReadText(bytes, "t.txt", ReadOptions{}); }

TEST(TextReaderTest, DateHeaderWithTitleOnTheSameLine) {
  ReadOutput out = Read(" date 2022-01 Lage beruhigt sich\n\nErster Absatz.\n\nZweiter.\n");
  ASSERT_EQ(out.articles.size(), 1u);
  const RawArticle& a = out.articles[0];
  EXPECT_EQ(a.published, "2022-01");
  EXPECT_EQ(a.published_date.ToString(), "2022-01");
  ASSERT_TRUE(a.title);
  EXPECT_EQ(*a.title, "Lage beruhigt sich");
  EXPECT_EQ(a.title_basis, "first-line");
  EXPECT_EQ(a.body, "\nErster Absatz.\n\nZweiter.\n");
  EXPECT_TRUE(out.errors.empty());
}

TEST(TextReaderTest, DateHeaderAloneOnItsLineWithFullDay) {
  ReadOutput out = Read("date 2024-02-29\nTitel\nText.");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].published_date.ToString(), "2024-02-29");
  EXPECT_EQ(*out.articles[0].title, "Titel");
}

TEST(TextReaderTest, ImpossibleDateIsNotAHeader) {
  ReadOutput out = Read("date 2023-02-29 Titel\nText.");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_FALSE(out.articles[0].published_date.known());
  EXPECT_EQ(*out.articles[0].title, "date 2023-02-29 Titel");
}

TEST(TextReaderTest, NoHeaderFirstNonEmptyLineIsTitle) {
  ReadOutput out = Read("\n\n  Sturm über Hamburg  \n\nDer Sturm kam am Morgen.");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(*out.articles[0].title, "Sturm über Hamburg");
  EXPECT_FALSE(out.articles[0].published_date.known());
  EXPECT_NE(out.articles[0].body.find("Der Sturm kam am Morgen."), std::string::npos);
  EXPECT_EQ(out.articles[0].body.find("Sturm über Hamburg"), std::string::npos);
}

TEST(TextReaderTest, SectionLabelBeforeTitleIsSetAside) {
  ReadOutput out = Read("Wirtschaft\n\nInflation sinkt auf zwei Prozent\n\nDie Teuerung ließ nach.");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(*out.articles[0].title, "Inflation sinkt auf zwei Prozent");
  ASSERT_EQ(out.articles[0].removed.size(), 1u);
  EXPECT_EQ(out.articles[0].removed[0].text, "Wirtschaft");
  EXPECT_EQ(out.articles[0].removed[0].reason, "section-label");
}

TEST(TextReaderTest, ShortTitleFollowedByParagraphIsNotALabel) {
  ReadOutput out = Read("Waldbrand gelöscht\n\nDie Feuerwehr meldete am Abend das Ende der Arbeiten.");
  EXPECT_EQ(*out.articles[0].title, "Waldbrand gelöscht");
  EXPECT_TRUE(out.articles[0].removed.empty());
}

TEST(TextReaderTest, LeadParagraphAsFirstLineGivesFirstSentenceAndStaysInBody) {
  const std::string lead =
      "Der Präsident hat am 13. Januar das Vorgehen der Regierung gelobt und als Modell "
      "bezeichnet. \"Alles lief gut\", sagte er am Donnerstag. Er hoffe auf mehr.";
  ReadOutput out = Read(" date 2022-01 " + lead + "\n\nZweiter Absatz.");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(*out.articles[0].title,
            "Der Präsident hat am 13. Januar das Vorgehen der Regierung gelobt und als Modell "
            "bezeichnet.");
  EXPECT_EQ(out.articles[0].title_basis, "first-sentence");
  EXPECT_NE(out.articles[0].body.find(lead), std::string::npos);
}

TEST(TextReaderTest, EmptyAndBlankInputAreErrors) {
  for (const std::string& bytes : {std::string(), std::string(" \n\t\n")}) {
    ReadOutput out = Read(bytes);
    EXPECT_TRUE(out.articles.empty());
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_EQ(out.errors[0].source, "t.txt");
  }
}

TEST(TextReaderTest, BinaryInputIsAnErrorNamingTheKind) {
  ReadOutput out = Read("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj");
  EXPECT_TRUE(out.articles.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message.find("PDF document"), std::string::npos);
}

TEST(TextReaderTest, InvalidUtf8IsRepairedAndReportedWithLine) {
  ReadOutput out = Read("Titel über\nZeile zwei\nKaputt: \xFF hier, äöü.");
  ASSERT_EQ(out.articles.size(), 1u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message.find("line 3"), std::string::npos);
  EXPECT_NE(out.errors[0].message.find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(out.articles[0].body.find("Kaputt: \xEF\xBF\xBD hier"), std::string::npos);
}

TEST(TextReaderTest, Latin1IsConvertedWithADiagnostic) {
  ReadOutput out = Read("K\xF6ln meldet Rekord\n\nDie Stra\xDF" "e ist gesperrt.");
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(*out.articles[0].title, "Köln meldet Rekord");
  EXPECT_EQ(out.articles[0].encoding, "windows-1252");
  EXPECT_TRUE(out.errors.empty());
  ASSERT_FALSE(out.articles[0].diagnostics.empty());
  EXPECT_EQ(out.articles[0].diagnostics[0].code, "converted");
}

}  // namespace
}  // namespace lagebild::read
