#include "dedup/dedup.h"

#include <gtest/gtest.h>

#include <string>

namespace lagebild::dedup {
namespace {

// An agency item of our own, five sentences.
const char* kItem =
    "Bei einem Brand in einer Lagerhalle im Hafen von Rostock sind in der Nacht zum Dienstag "
    "drei Feuerwehrleute verletzt worden. Die Flammen griffen nach Angaben der Polizei auf zwei "
    "benachbarte Gebäude über, die Anwohner mussten ihre Fenster geschlossen halten. Rund "
    "hundert Einsatzkräfte waren bis zum Morgen im Einsatz, um den Brand unter Kontrolle zu "
    "bringen. Die Ursache des Feuers ist noch unklar, ein technischer Defekt wird nicht "
    "ausgeschlossen. Der Schaden wird auf mehrere Millionen Euro geschätzt, teilte die "
    "Hafengesellschaft am Vormittag mit.";

TEST(DedupTest, ACopyWithOtherNumbersQuotesAndLineBreaksIsACopy) {
  std::string copy = kItem;
  copy.replace(copy.find("drei"), 4, "vier");
  copy.replace(copy.find("hundert"), 7, "150");
  copy.replace(copy.find(". Die Ursache"), 2, ".\n\n");
  EXPECT_TRUE(IsCopy(MakeFingerprint(kItem), MakeFingerprint(copy)));
}

TEST(DedupTest, ATruncatedCopyIsACopy) {
  const std::string item = kItem;
  const std::string shorter = item.substr(0, item.find(" Die Ursache"));
  EXPECT_TRUE(IsCopy(MakeFingerprint(item), MakeFingerprint(shorter)));
}

TEST(DedupTest, TheSameLeadWithAnotherContinuationIsNoCopy) {
  const std::string item = kItem;
  const std::string lead = item.substr(0, item.find(" Die Flammen"));
  const std::string other =
      lead +
      " Wie ein Sprecher der Stadt sagte, soll die Halle abgerissen werden. Die Hafenbetreiber "
      "hatten schon im vergangenen Jahr vor dem Zustand der alten Lager gewarnt. Eine "
      "Bürgerinitiative fordert seit Monaten einen Neubau, der Stadtrat berät im Frühjahr über "
      "die Pläne. Die Gewerkschaft verlangt mehr Personal für die Feuerwache am Hafen.";
  EXPECT_FALSE(IsCopy(MakeFingerprint(item), MakeFingerprint(other)));
}

TEST(DedupTest, AnItemReusedAsTheSecondParagraphOfANewArticleIsNoCopy) {
  const std::string article =
      std::string(
          "Der Landtag in Schwerin hat am Mittwoch über die Sicherheit in den Häfen des "
          "Landes debattiert. Anlass war ein Feuer, das in der Nacht große Schäden "
          "angerichtet hatte. Die Opposition warf der Regierung vor, Warnungen überhört zu "
          "haben.\n\n") +
      kItem;
  EXPECT_FALSE(IsCopy(MakeFingerprint(kItem), MakeFingerprint(article)));
}

// A statement of our own that two reports quote in full.
const char* kStatement =
    "Die Hafengesellschaft bedauert den Brand in der Lagerhalle zutiefst und dankt den "
    "Einsatzkräften der Feuerwehr für ihren unermüdlichen Einsatz in der Nacht. Wir werden "
    "gemeinsam mit den Behörden alles tun, um die Ursache des Feuers rasch aufzuklären, und "
    "die Anwohner über jeden Schritt unterrichten. Der Betrieb der übrigen Terminals geht "
    "weiter, die Schiffe werden wie geplant abgefertigt, und für die Beschäftigten der "
    "zerstörten Halle werden in den nächsten Tagen neue Arbeitsplätze auf dem Gelände "
    "eingerichtet.";

TEST(DedupTest, TwoReportsQuotingOneStatementAreNoCopies) {
  // The same lead sentence and the same long quotation, in German and
  // English quotation marks and across a paragraph break, but the
  // reporters' own words differ: no copy. The same text with the quote is.
  const std::string a =
      "Nach dem Brand im Hafen von Rostock hat sich die Hafengesellschaft am Dienstag mit "
      "einer Erklärung an die Öffentlichkeit gewandt. In der Mitteilung hieß es: \u201E" +
      std::string(kStatement) +
      "\u201C Drei Feuerwehrleute liegen weiter im Krankenhaus, einer von ihnen schwer "
      "verletzt, wie die Polizei am Mittag bestätigte.";
  std::string statement = kStatement;
  statement.replace(statement.find(" Wir werden"), 1, "\n\n\u201C");
  const std::string b =
      "Die Hafengesellschaft von Rostock hat sich am Dienstag nach dem Brand im Hafen an die "
      "Öffentlichkeit gewandt. Eine Sprecherin las vor dem Tor vor: \u201C" + statement +
      "\u201D Die Zufahrt bleibt nach Angaben der Stadt bis Donnerstag gesperrt.";
  const Fingerprint fa = MakeFingerprint(a), fb = MakeFingerprint(b);
  EXPECT_FALSE(fa.quoted.empty());
  EXPECT_FALSE(IsCopy(fa, fb));
  EXPECT_TRUE(IsCopy(fa, MakeFingerprint(a + " Die Ermittlungen dauern an.")));
  // What tells them apart is the rule on the words outside quotation marks.
  CopyOptions without;
  without.min_own_contained = 0;
  EXPECT_TRUE(IsCopy(fa, fb, without));
}

TEST(DedupTest, FingerprintsRoundTripAndOldOnesWithoutQuotationsDecode) {
  const Fingerprint fp = MakeFingerprint(std::string("Sie sagte: \"") + kStatement + "\" " + kItem);
  ASSERT_FALSE(fp.quoted.empty());
  Fingerprint back;
  ASSERT_TRUE(Decode(Encode(fp), &back));
  EXPECT_EQ(back.shingles, fp.shingles);
  EXPECT_EQ(back.quoted, fp.quoted);
  EXPECT_EQ(back.leads, fp.leads);
  // A fingerprint stored before quotations were told apart: the bytes end
  // after the leads.
  Fingerprint old = fp;
  old.quoted.clear();
  std::string bytes = Encode(old);
  bytes.resize(bytes.size() - 4);
  ASSERT_TRUE(Decode(bytes, &back));
  EXPECT_TRUE(back.quoted.empty());
  EXPECT_EQ(back.shingles, fp.shingles);
  // Damaged: quoted hashes out of order.
  ASSERT_GT(fp.quoted.size(), 1u);
  Fingerprint bad = fp;
  std::swap(bad.quoted.front(), bad.quoted.back());
  EXPECT_FALSE(Decode(Encode(bad), &back));
}

TEST(DedupTest, CopiesOfCopiesPointToTheEarliest) {
  CopyFinder finder;
  std::string second = kItem;
  second.replace(second.find("drei"), 4, "vier");
  std::string third = second;
  third.replace(third.find("Rund hundert"), 12, "Mehr als hundert");
  EXPECT_EQ(finder.Add(MakeFingerprint("Ganz andere Nachricht über das Wetter morgen in Bayern, "
                                       "wo es regnen soll und kühl bleibt.")),
            std::nullopt);
  EXPECT_EQ(finder.Add(MakeFingerprint(kItem)), std::nullopt);
  EXPECT_EQ(finder.Add(MakeFingerprint(second)), std::optional<uint64_t>(1));
  EXPECT_EQ(finder.Add(MakeFingerprint(third)), std::optional<uint64_t>(1));
  EXPECT_EQ(finder.added(), 4u);
}

TEST(DedupTest, EmptyAndTinyTextsCopyNothing) {
  CopyFinder finder;
  EXPECT_EQ(finder.Add(MakeFingerprint("")), std::nullopt);
  EXPECT_EQ(finder.Add(MakeFingerprint("")), std::nullopt);
  EXPECT_EQ(finder.Add(MakeFingerprint("Kurz.")), std::nullopt);
  EXPECT_TRUE(MakeFingerprint("").shingles.empty());
}

TEST(DedupTest, TheWindowForgetsOldArticles) {
  CopyOptions options;
  options.window = 2;
  CopyFinder finder(options);
  EXPECT_EQ(finder.Add(MakeFingerprint(kItem)), std::nullopt);
  finder.Add(MakeFingerprint("Erste andere Meldung über einen Verkehrsunfall auf der Autobahn bei Kassel mit zwei Verletzten."));
  finder.Add(MakeFingerprint("Zweite andere Meldung über eine Ausstellung im Museum der Stadt Bremen mit alten Karten."));
  EXPECT_EQ(finder.Add(MakeFingerprint(kItem)), std::nullopt);  // the first one left the window
}

}  // namespace
}  // namespace lagebild::dedup
