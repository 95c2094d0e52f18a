// The clean stage on fixtures of its own: wording, names and outlets that
// do not occur in the seed articles, in German and English, with negatives.
#include "clean/clean.h"

#include <gtest/gtest.h>

#include <string>

#include "clean/lexicon.h"

namespace lagebild::clean {
namespace {

bool Removes(const CleanResult& r, const std::string& piece, const std::string& reason) {
  for (const Removed& x : r.removed) {
    if (x.text.find(piece) != std::string::npos && x.reason == reason) return true;
  }
  return false;
}

std::string Dump(const CleanResult& r) {
  std::string s = "text:\n" + r.text + "\nremoved:\n";
  for (const Removed& x : r.removed) s += "  [" + x.reason + "] " + x.text + "\n";
  return s;
}

const char kBody[] =
    "Der Stadtrat von Wernersand hat am Montag den Haushalt für das kommende Jahr "
    "beschlossen. Die Mehrheit stimmte für höhere Ausgaben bei Schulen und Straßen, die "
    "Opposition kritisierte die neuen Schulden des Stadtrats als zu hoch für den Haushalt.";
const char kBody2[] =
    "Nach der Abstimmung verließen mehrere Ratsmitglieder den Saal. Der Bürgermeister nannte "
    "den Haushalt solide und kündigte an, die Schulden des Stadtrats bis zum Ende der "
    "Wahlperiode wieder zu senken.";

TEST(LexiconsTest, LoadWithoutProblems) {
  const Lexicons& lex = GetLexicons();
  EXPECT_TRUE(lex.problems.empty()) << lex.problems.front();
  EXPECT_FALSE(lex.line_cues.empty());
  EXPECT_FALSE(lex.credit_words.empty());
  EXPECT_GT(lex.state_media.size(), 1000u);
  EXPECT_GT(lex.outlets.size(), 50u);
}

TEST(LexiconsTest, FoldHandlesUmlautsAndLatinExtended) {
  EXPECT_EQ(Fold("ÄRGER Über ŠKODA"), "ärger über škoda");
  EXPECT_EQ(Fold("İ"), "İ");  // dotted capital I has no one-byte-pair lower case here
  EXPECT_EQ(HostOf("https://www.Example.com:8080/path?q"), "example.com");
}

TEST(CleanTextTest, ReadMoreLinesAndSuffixes) {
  const std::string text = std::string(kBody) + " Weiterlesen\n\n" +
                           "Lesen Sie außerdem: Neue Buslinie ab Dezember\n\n" + kBody2 +
                           " mehr »\n\nRead more: Council approves budget";
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "Weiterlesen", "read-more")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Lesen Sie außerdem: Neue Buslinie", "read-more")) << Dump(r);
  EXPECT_TRUE(Removes(r, "mehr »", "read-more")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Read more: Council", "read-more")) << Dump(r);
  EXPECT_EQ(r.text, std::string(kBody) + "\n\n" + kBody2);
}

TEST(CleanTextTest, PhotoCreditsAndCaptions) {
  const std::string text =
      std::string(kBody) + " (Bild: Getty Images) Die Sitzung dauerte bis in den Abend.\n\n" +
      "Demonstranten vor dem Rathaus am Montagabend. Foto: Lena Beispiel/AFP\n\n" +
      "Feuerwehrleute löschen die Reste des Lagers. AFP / John Example\n\n" +
      "Image: Example Agency\n\n" + kBody;
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "(Bild: Getty Images)", "photo-credit")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Demonstranten vor dem Rathaus", "photo-caption")) << Dump(r);
  EXPECT_TRUE(Removes(r, "AFP / John Example", "photo-caption")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Image: Example Agency", "photo-credit")) << Dump(r);
  // The paragraph around an inline credit stays, only the credit goes.
  EXPECT_NE(r.text.find("Die Sitzung dauerte bis in den Abend."), std::string::npos);
  EXPECT_EQ(r.text.find("Getty"), std::string::npos);
}

TEST(CleanTextTest, EmbeddedPostWithSignature) {
  const std::string text =
      std::string("The storm reached the coast on Tuesday night and flooded the harbour district, "
                  "officials said. Thousands of homes were without power for the whole night.\n\n") +
      "Water is rising in the old town, stay safe everyone https://t.co/AbCdEf123\n\n" +
      "— Harbour Watch (@harbourwatch) March 3, 2023\n\n" +
      "Emergency services evacuated about 200 residents from the lower streets of the old "
      "town, a spokesperson for the fire brigade said on Wednesday morning.";
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "(@harbourwatch)", "social-embed")) << Dump(r);
  EXPECT_TRUE(Removes(r, "https://t.co/AbCdEf123", "social-embed")) << Dump(r);
  // The post's own words are a quoted source and stay.
  EXPECT_NE(r.text.find("Water is rising in the old town"), std::string::npos) << Dump(r);
  EXPECT_NE(r.text.find("The storm reached the coast"), std::string::npos) << Dump(r);
  EXPECT_NE(r.text.find("Emergency services evacuated"), std::string::npos);
  EXPECT_EQ(r.text.find("t.co"), std::string::npos);
}

TEST(CleanTextTest, LinksInsideAndAlone) {
  const std::string text = std::string(kBody) + " Details: https://example.org/haushalt.pdf\n\n" +
                           "https://example.org/a https://example.org/b\n\n" + kBody;
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "https://example.org/haushalt.pdf", "link")) << Dump(r);
  EXPECT_TRUE(Removes(r, "https://example.org/a https://example.org/b", "link")) << Dump(r);
  EXPECT_EQ(r.text.find("http"), std::string::npos);
}

TEST(CleanTextTest, BylinesAtHeadAndTail) {
  const std::string text = std::string("Von Anna Beispiel und Jan Muster · 3. Mai 2024\n\n") + kBody + "\n\n" +
                           kBody2 + "\n\nWriting by Jane Example; Editing by John Sample";
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "Von Anna Beispiel", "byline")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Writing by Jane Example", "byline")) << Dump(r);
  EXPECT_EQ(r.text, std::string(kBody) + "\n\n" + kBody2);
}

TEST(CleanTextTest, RelatedTeasersAfterHeading) {
  const std::string text = std::string(kBody) + "\n\n" + kBody2 +
                           "\n\nAbout editor\n\nRelated Articles\n\n" +
                           "Vulkanausbruch auf Island: Flüge gestrichen\n\n" +
                           "Die Behörden in Reykjavík haben am Sonntag den Luftraum über dem "
                           "Süden der Insel gesperrt …";
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "About editor", "navigation")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Related Articles", "related-teaser")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Vulkanausbruch auf Island", "related-teaser")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Reykjavík", "related-teaser")) << Dump(r);
  EXPECT_EQ(r.text, std::string(kBody) + "\n\n" + kBody2);
}

TEST(CleanTextTest, OffTopicCutOffTeaserAtTheEnd) {
  const std::string text = std::string(kBody) + "\n\n" + kBody2 +
                           "\n\nMarathon in Lissabon: Kenianerin gewinnt mit Streckenrekord …";
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(Removes(r, "Marathon in Lissabon", "related-teaser")) << Dump(r);
}

TEST(CleanTextTest, RepeatedLinesOfAListStay) {
  // A schedule, a plan or an interview series repeats lines on purpose.
  std::string text = std::string(kBody) + "\n\n";
  for (const char* day : {"Montag", "Mittwoch", "Freitag"}) {
    text += std::string(day) + "\nTreffpunkt am Rathaus um neun Uhr\nDauer etwa zwei Stunden\n\n";
  }
  const CleanResult r = CleanText(text, "");
  size_t count = 0;
  for (size_t at = 0; (at = r.text.find("Dauer etwa zwei Stunden", at)) != std::string::npos; ++at) {
    ++count;
  }
  EXPECT_EQ(count, 3u) << Dump(r);
}

TEST(CleanTextTest, PublisherAppealsGermanAndEnglish) {
  const std::string de = std::string(kBody) + "\n\n" + kBody2 +
                         "\n\nGefällt Ihnen dieser Artikel? Dann unterstützen Sie unsere Redaktion "
                         "mit einem Abo oder einer Spende. Vielen Dank an unsere Leser.";
  const CleanResult r1 = CleanText(de, "");
  EXPECT_TRUE(Removes(r1, "Gefällt Ihnen dieser Artikel?", "publisher-appeal")) << Dump(r1);
  const std::string en =
      std::string("The council approved the budget on Monday after a long debate about new "
                  "debt, officials said. The opposition voted against the plan.\n\n") +
      "We rely on readers like you. Support our independent journalism and subscribe to our "
      "newsletter today.";
  const CleanResult r2 = CleanText(en, "");
  EXPECT_TRUE(Removes(r2, "We rely on readers like you.", "publisher-appeal")) << Dump(r2);
}

TEST(CleanTextTest, RepeatedTitleWithSubtitleOrCredit) {
  const std::string title = "Haushalt beschlossen";
  const CleanResult r1 =
      CleanText("Haushalt beschlossen Opposition kritisiert neue Schulden\n\n" +
                    std::string(kBody),
                title);
  EXPECT_TRUE(Removes(r1, "Haushalt beschlossen", "repeated-title")) << Dump(r1);
  EXPECT_EQ(r1.text.rfind("Opposition kritisiert neue Schulden\n\n", 0), 0u) << Dump(r1);
  const CleanResult r2 =
      CleanText("Haushalt beschlossenFoto: Stadt Wernersand © Lena Beispiel\n\n" +
                    std::string(kBody),
                title);
  EXPECT_TRUE(Removes(r2, "Foto: Stadt Wernersand", "photo-credit")) << Dump(r2);
  EXPECT_EQ(r2.text, kBody);
}

TEST(CleanTextTest, FollowUsAndSubscribeLinesAtTheEnd) {
  const CleanResult r = CleanText(std::string(kBody) + "\n\n" + kBody2 +
                                      "\n\nFollow the Harbour Times on Instagram and Telegram."
                                      "\n\nSubscribe now to our weekend edition.",
                                  "");
  EXPECT_TRUE(Removes(r, "Follow the Harbour Times", "publisher-appeal")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Subscribe now", "publisher-appeal")) << Dump(r);
  // A news sentence about a network stays.
  const std::string news = std::string(kBody) + "\n\nDie Polizei teilte auf Twitter mit, dass "
                           "die Straße wieder frei ist.";
  EXPECT_TRUE(CleanText(news, "").removed.empty());
  // Nor does a quoted post of a politician that speaks in the first person.
  const std::string quoted = std::string(kBody) +
                             "\n\n\"Wir trauern um die Bürgermeisterin\", schrieb der Minister "
                             "am Abend auf Twitter.\n\n" + kBody2;
  EXPECT_TRUE(CleanText(quoted, "").removed.empty()) << Dump(CleanText(quoted, ""));
}

TEST(CleanTextTest, GalleryAndPageCounters) {
  const CleanResult r = CleanText(std::string(kBody) + "\n\nBild 3 von 5\n\n" + kBody2 +
                                      "\n\n1 2 3 4 5\n\n1 of 6",
                                  "");
  EXPECT_EQ(r.text, std::string(kBody) + "\n\n" + kBody2) << Dump(r);
  // Numbers inside a sentence are text.
  EXPECT_TRUE(CleanText("Von 5 Bewerbern wurden 3 eingeladen.", "").removed.empty());
}

TEST(CleanTextTest, DisclosuresContactAndCreditLines) {
  const CleanResult r = CleanText(
      std::string("Photo by Jane Example on Pixabay\n\n") + kBody +
          "\n\nDieser Beitrag enthält Werbung für ein Beispielprodukt.\n\n" + kBody2 +
          "\n\nTelefon: +49 30 1234567\n\nE-Mail: presse@example.org",
      "");
  EXPECT_TRUE(Removes(r, "Photo by Jane Example", "photo-credit")) << Dump(r);
  EXPECT_TRUE(Removes(r, "enthält Werbung", "advertisement")) << Dump(r);
  EXPECT_TRUE(Removes(r, "Telefon:", "navigation")) << Dump(r);
  EXPECT_TRUE(Removes(r, "E-Mail:", "navigation")) << Dump(r);
  EXPECT_EQ(r.text, std::string(kBody) + "\n\n" + kBody2) << Dump(r);
}

TEST(CleanTextTest, AgencyStyleCaptions) {
  const CleanResult r = CleanText(
      std::string(kBody) + "\n\nIn this March 3, 2021, file photo, rescue workers search the "
                           "harbour after the storm.\n\n" + kBody2,
      "");
  EXPECT_TRUE(Removes(r, "In this March 3, 2021, file photo", "photo-caption")) << Dump(r);
  // A sentence that starts the same way but names no photo stays.
  EXPECT_TRUE(CleanText("In this case the court ruled against the city council.", "").removed.empty());
}

TEST(CleanTextTest, CopyrightFooter) {
  const CleanResult r =
      CleanText(std::string(kBody) + "\n\n© 2024 Wernersander Anzeiger. All rights reserved.", "");
  EXPECT_TRUE(Removes(r, "© 2024 Wernersander Anzeiger", "navigation")) << Dump(r);
  EXPECT_EQ(r.text, kBody);
}

TEST(CleanTextTest, NewsTextThatLooksLikeCuesStays) {
  const std::string text =
      "About 300 people were evacuated.\n\n"
      "Share prices fell.\n\n"
      "Mehr als 100 Menschen wurden verletzt.\n\n"
      "Quelle der Zahlen ist das Innenministerium, das am Abend eine Bilanz zog.\n\n"
      "Von Berlin aus reiste die Ministerin weiter nach Paris.\n\n"
      "„Wir haben unsere Arbeit gemacht, unsere Leser und unsere Website sind uns egal“, sagte "
      "der Sprecher.\n\n"
      "Teilen Sie diese Ansicht?\n\n"
      "Die Partei sprach von einem Erfolg. Die Polizei nannte die Lage ruhig.";
  const CleanResult r = CleanText(text, "");
  EXPECT_TRUE(r.removed.empty()) << Dump(r);
  EXPECT_EQ(r.text, text);
}

TEST(CleanTextTest, EmptyAndOddInput) {
  EXPECT_TRUE(CleanText("", "").text.empty());
  EXPECT_TRUE(CleanText("", "Titel").removed.empty());
  const CleanResult r = CleanText("Weiterlesen", "");
  EXPECT_TRUE(r.text.empty());
  EXPECT_EQ(r.removed.size(), 1u);
  // Unbalanced parentheses, lone slashes and copyright signs do not trip it.
  const std::string odd = "( / © ) (Foto: ( / ©\n\n/ / /\n\n©";
  const CleanResult r2 = CleanText(odd, "(");
  EXPECT_LE(r2.text.size(), odd.size());
}

TEST(CleanTextTest, OutputKeepsTextInvariants) {
  const std::string text = std::string(kBody) + "\nZeile zwei (Foto: dpa)\n\n\nWeiterlesen\n\n" +
                           kBody;
  const CleanResult r = CleanText(text, "");
  EXPECT_EQ(r.text.find("\n\n\n"), std::string::npos);
  EXPECT_NE(r.text.back(), '\n');
  EXPECT_EQ(r.text.find(" \n"), std::string::npos);
  EXPECT_EQ(r.text.find("\n "), std::string::npos);
}

// ---- AssessSource -------------------------------------------------------------

Article Make(std::string text, std::string language = "de") {
  Article a;
  a.text = std::move(text);
  a.language = std::move(language);
  return a;
}

bool HasFlag(const Article& a, const std::string& flag) {
  for (const std::string& f : a.flags) {
    if (f == flag) return true;
  }
  return false;
}

std::string Evidence(const Article& a) {
  std::string s;
  for (const FlagEvidence& e : a.flag_evidence) s += e.flag + ": " + e.evidence + "\n";
  return s;
}

TEST(AssessSourceTest, AgencyDatelinesAndSignatures) {
  Article a = Make("Berlin (dpa) - Der Bundestag hat am Donnerstag das Gesetz beschlossen.");
  AssessSource(a);
  EXPECT_TRUE(HasFlag(a, "agency-copy"));
  EXPECT_EQ(a.agency, "dpa");

  Article b = Make("LONDON, March 3 (AP) — The storm hit the coast on Tuesday.", "en");
  AssessSource(b);
  EXPECT_EQ(b.agency, "AP");

  Article c = Make("Die Regierung in Wien hat das Budget vorgelegt.\n\n(APA/dpa)");
  AssessSource(c);
  EXPECT_EQ(c.agency, "APA") << Evidence(c);

  // "(Reuters)" inside a sentence is an attribution, not a dateline.
  Article d = Make("Der Konzern meldete nach Angaben der Agentur (Reuters) einen Gewinn, hieß "
                   "es am Abend in der Mitteilung.");
  AssessSource(d);
  EXPECT_FALSE(HasFlag(d, "agency-copy")) << Evidence(d);
}

TEST(AssessSourceTest, SpunTextByTorturedPhrases) {
  // German: fixed expressions with one word swapped for a synonym.
  Article a = Make(
      "Die Generalversammlung der geeinten Nationen tagte am Montag in New York. Mehrere "
      "Staaten haben scharfe Beanstandung geübt, weil das Abkommen noch immer nicht in "
      "Beschwingtheit getreten ist.");
  AssessSource(a);
  EXPECT_TRUE(HasFlag(a, "spun")) << Evidence(a);
  EXPECT_NE(Evidence(a).find("'geeinten Nationen' for 'Vereinten Nationen'"), std::string::npos)
      << Evidence(a);

  // English, across a line break inside one sentence.
  Article b = Make(
      "The premier minister told the agreed nations on Tuesday that manlike\nrights "
      "were not negotiable.", "en");
  AssessSource(b);
  EXPECT_TRUE(HasFlag(b, "spun")) << Evidence(b);

  // The same texts as edited: nothing.
  Article c = Make(
      "Die Generalversammlung der Vereinten Nationen tagte am Montag in New York. Mehrere "
      "Staaten haben scharfe Kritik geübt, weil das Abkommen noch immer nicht in Kraft "
      "getreten ist.");
  AssessSource(c);
  EXPECT_FALSE(HasFlag(c, "spun")) << Evidence(c);
  Article d = Make(
      "The prime minister told the United Nations on Tuesday that human rights were not "
      "negotiable. The business minister and the home minister agreed.", "en");
  AssessSource(d);
  EXPECT_FALSE(HasFlag(d, "spun")) << Evidence(d);

  // One odd phrase is not enough; nor are two words that meet across a
  // sentence end.
  Article e = Make("Die geeinten Nationen tagten. Das Haus ist alt. Weiß. Haus.");
  AssessSource(e);
  EXPECT_FALSE(HasFlag(e, "spun")) << Evidence(e);
  Article f = Make("Sie hat die Kritik am Klavier. Geübt wurde nie. Die geeinten. Nationen.");
  AssessSource(f);
  EXPECT_FALSE(HasFlag(f, "spun")) << Evidence(f);
}

TEST(AssessSourceTest, AgencyNameAloneOnTheLastLine) {
  const CleanResult r = CleanText(std::string(kBody) + "\n\nThe Associated Press", "");
  EXPECT_TRUE(Removes(r, "The Associated Press", "byline")) << Dump(r);
  Article a = Make(r.text);
  a.removed = r.removed;
  AssessSource(a);
  EXPECT_EQ(a.agency, "AP") << Evidence(a);
}

TEST(AssessSourceTest, StateAffiliationFromUrlSiteNameOrAgency) {
  Article a = Make("Ein Text.");
  a.url = "https://de.rt.com/international/12345-beispiel/";
  AssessSource(a);
  EXPECT_TRUE(HasFlag(a, "state-affiliated")) << Evidence(a);
  EXPECT_EQ(a.outlet_info.state, "SC");
  EXPECT_EQ(a.outlet_info.basis, "url");

  Article b = Make("MOSKAU (TASS) - Ein Text über ein Treffen.");
  AssessSource(b);
  EXPECT_TRUE(HasFlag(b, "state-affiliated")) << Evidence(b);
  EXPECT_EQ(b.agency, "TASS");

  // Independent public media are listed but not editorially controlled.
  Article c = Make("Ein Text.");
  c.url = "https://www.dw.com/de/beispiel/a-1";
  AssessSource(c);
  EXPECT_FALSE(HasFlag(c, "state-affiliated")) << Evidence(c);
  EXPECT_EQ(c.outlet_info.name, "Deutsche Welle");

  Article d = Make("Ein Text.");
  d.outlet = "Xinhua";
  AssessSource(d);
  EXPECT_TRUE(HasFlag(d, "state-affiliated")) << Evidence(d);
}

TEST(AssessSourceTest, MachineTranslationSignals) {
  // One name in two romanisations, plus a broken fragment.
  Article a = Make(
      "Präsident Wolodymyr Selenskyj traf am Montag den Kanzler. Zelensky sagte, die Lage sei "
      "ernst . verhandeln.\n\nDer Präsident Lukaschenko und Lukashenko wurden genannt.");
  AssessSource(a);
  EXPECT_TRUE(HasFlag(a, "machine-translated")) << Evidence(a);
  // English function words left inside German sentences.
  Article b = Make(
      "Die Regierung hat die power of decision an die Region abgegeben, und die Lage ist "
      "nach Angaben der Behörden stabil. Die Behörden sagten, die situation of the city sei "
      "unter Kontrolle und die Polizei ist vor Ort.");
  AssessSource(b);
  EXPECT_TRUE(HasFlag(b, "machine-translated")) << Evidence(b);
}

TEST(AssessSourceTest, CleanGermanTextIsNotMachineTranslated) {
  Article a = Make(
      "Die Bank of America hat ihre Zahlen vorgelegt, und der Gewinn ist gestiegen. "
      "Der Chef sagte: „We are very happy with the results of the year“, und die Aktie stieg. "
      "Präsident Selenskyj traf den Kanzler; Selenskyjs Berater nannte das Treffen gut.");
  AssessSource(a);
  EXPECT_FALSE(HasFlag(a, "machine-translated")) << Evidence(a);
}

TEST(AssessSourceTest, Truncation) {
  Article a = Make("Der Rat tagte bis in die Nacht und beschloss am Ende, dass die …");
  AssessSource(a);
  EXPECT_TRUE(HasFlag(a, "truncated")) << Evidence(a);
  Article b = Make("Der Rat tagte bis in die Nacht. „Das war gut“, sagte sie.");
  AssessSource(b);
  EXPECT_FALSE(HasFlag(b, "truncated")) << Evidence(b);
}

TEST(AssessSourceTest, OutletFromCopyrightLine) {
  Article a = Make("Ein Text.");
  a.removed.push_back({"© 2024 Der Standard", "navigation"});
  AssessSource(a);
  EXPECT_EQ(a.outlet_info.name, "Der Standard");
  EXPECT_EQ(a.outlet_info.basis, "self-reference");
}

}  // namespace
}  // namespace lagebild::clean
