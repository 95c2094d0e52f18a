// The claims stage on sentences of its own: numbers in their forms, hedges
// as bounds, counted things and predicates, attribution, what is not a
// count, and claims aligned across articles.
#include "claims/claims.h"

#include <gtest/gtest.h>

#include "time/tagger.h"

namespace lagebild::claims {
namespace {

std::vector<Quantity> Find(const std::string& text, const std::string& lang) {
  const auto times = time::TagTimes(text, lang, PartialDate{2023, 3, 14});
  return FindQuantities(text, lang, times, {});
}

const Quantity* With(const std::vector<Quantity>& qs, const std::string& text) {
  for (const Quantity& q : qs) {
    if (q.text == text) return &q;
  }
  return nullptr;
}

TEST(ClaimLexiconTest, LoadsWithoutProblems) {
  for (const std::string& p : ClaimLexiconProblems()) ADD_FAILURE() << p;
  EXPECT_TRUE(HasClaimLexicon("de"));
  EXPECT_TRUE(HasClaimLexicon("en"));
  EXPECT_FALSE(HasClaimLexicon("fr"));
}

TEST(FindQuantitiesTest, GermanNumbersHedgesThingsAndPredicates) {
  const std::string text =
      "Bei dem Erdbeben starben nach Angaben des Innenministeriums mindestens 1.250 Menschen, "
      "knapp 4 000 wurden verletzt. Die Polizei nahm rund zwölftausend Demonstranten fest. "
      "Dutzende Häuser stürzten ein. Die Regierung schickte 2,5 Tausend Soldaten in die Region.";
  const auto qs = Find(text, "de");
  for (const Quantity& q : qs) EXPECT_EQ(text.substr(q.start, q.end - q.start), q.text);
  const Quantity* dead = With(qs, "mindestens 1.250");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->value, 1250);
  EXPECT_EQ(dead->low, 1250);
  EXPECT_FALSE(dead->high.has_value());
  EXPECT_EQ(dead->counted, "people");
  EXPECT_EQ(dead->predicate, "killed");
  EXPECT_EQ(dead->source, "des Innenministeriums");
  const Quantity* hurt = With(qs, "knapp 4 000");
  ASSERT_NE(hurt, nullptr);
  EXPECT_EQ(hurt->value, 4000);
  EXPECT_EQ(hurt->low, 3600);
  EXPECT_EQ(hurt->high, 4000);
  EXPECT_EQ(hurt->counted, "people");  // the noun of the quantity before it
  EXPECT_EQ(hurt->predicate, "injured");
  const Quantity* held = With(qs, "rund zwölftausend");
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->value, 12000);
  EXPECT_EQ(held->counted, "protesters");
  EXPECT_EQ(held->predicate, "arrested");  // "nahm ... fest"
  const Quantity* houses = With(qs, "Dutzende");
  ASSERT_NE(houses, nullptr);
  EXPECT_FALSE(houses->value.has_value());
  EXPECT_EQ(houses->low, 24);
  EXPECT_EQ(houses->high, 99);
  EXPECT_EQ(houses->unit, "Häuser");
  const Quantity* troops = With(qs, "2,5 Tausend");
  ASSERT_NE(troops, nullptr);
  EXPECT_EQ(troops->value, 2500);
  EXPECT_EQ(troops->counted, "soldiers");
  EXPECT_EQ(troops->predicate, "sent");
}

TEST(FindQuantitiesTest, EnglishNumbersHedgesAndVagueAmounts) {
  const std::string text =
      "More than 3,000 people were evacuated, the regional governor said. Nearly two hundred "
      "fifty were injured and hundreds of thousands of residents lost power. Police arrested "
      "a dozen protesters. Between 40 and 60 troops were deployed.";
  const auto qs = Find(text, "en");
  const Quantity* evac = With(qs, "More than 3,000");
  ASSERT_NE(evac, nullptr);
  EXPECT_EQ(evac->value, 3000);
  EXPECT_EQ(evac->predicate, "evacuated");
  EXPECT_EQ(evac->counted, "people");
  const Quantity* hurt = With(qs, "Nearly two hundred fifty");
  ASSERT_NE(hurt, nullptr);
  EXPECT_EQ(hurt->value, 250);
  EXPECT_EQ(hurt->high, 250);
  EXPECT_EQ(hurt->predicate, "injured");
  const Quantity* many = With(qs, "hundreds of thousands");
  ASSERT_NE(many, nullptr);
  EXPECT_EQ(many->low, 200000);
  EXPECT_EQ(many->counted, "people");  // residents
  const Quantity* dozen = With(qs, "a dozen");
  ASSERT_NE(dozen, nullptr);
  EXPECT_EQ(dozen->value, 12);
  EXPECT_EQ(dozen->counted, "protesters");
  EXPECT_EQ(dozen->predicate, "arrested");
  const Quantity* range = With(qs, "40 and 60");
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->low, 40);
  EXPECT_EQ(range->high, 60);
  EXPECT_EQ(range->counted, "soldiers");
}

TEST(FindQuantitiesTest, YearsDatesPercentagesMoneyPhonesAreNoHeadCounts) {
  const std::string de =
      "Im Jahr 2021 stieg die Zahl um 12 Prozent. Am 13. Januar kostete das 2.000 Euro. "
      "Der 3. Platz ging an Köln. Die Hotline 030/1234567 ist zwei Tage lang erreichbar. "
      "Das Spiel endete 2:1. Seit 2019 wurde nichts gebaut. Um 14.30 Uhr begann es. "
      "Der Bus Nr. 5 fährt.";
  EXPECT_TRUE(Find(de, "de").empty()) << Find(de, "de").front().text;
  const std::string en =
      "In 2021 the rate rose by 12 percent. On January 13 it cost $2,000. Call 555-1234 for "
      "two days. The score was 2:1. He was 48 years old.";
  EXPECT_TRUE(Find(en, "en").empty()) << Find(en, "en").front().text;
  // A denied number is no claim; the one that replaces it is.
  const auto fixed = Find("Elf Menschen seien verletzt worden, nicht neun, wie gemeldet.", "de");
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].text, "Elf");
  EXPECT_EQ(fixed[0].predicate, "injured");
  // A year-like number before a known noun is a count.
  const auto qs = Find("Die Allianz hat 2000 Soldaten entsandt.", "de");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].value, 2000);
}

TEST(AlignClaimsTest, GroupsBySynonymsAndJudgesBounds) {
  auto article = [](const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.language = "de";
    a.text = text;
    a.quantities = FindQuantities(a.text, "de", {}, {});
    return a;
  };
  Article a = article("a1", "Rund 800 Menschen wurden verhaftet. Über 300 Soldaten wurden entsandt.");
  Article b = article("b1", "Die Behörden nahmen fast 700 Personen fest. Etwa 350 Armeeangehörige "
                            "waren im Einsatz. Es gab 12 Flüge.");
  Article c = article("c1", "Nach Angaben der Armee wurden 320 Soldaten entsandt.");
  Article d = article("d1", "Fast 700 Personen wurden festgenommen.");
  d.duplicate_of = "b1";  // a copy of b1: one source with it
  const auto claims = AlignClaims({&a, &b, &c, &d});
  auto find = [&](const std::string& about) -> const Claim* {
    for (const Claim& cl : claims) {
      if (cl.about == about) return &cl;
    }
    return nullptr;
  };
  const Claim* arrested = find("people arrested");
  ASSERT_NE(arrested, nullptr);
  EXPECT_EQ(arrested->status, "conflicting");  // 720-880 vs 630-700
  EXPECT_EQ(arrested->values.size(), 3u);
  EXPECT_EQ(arrested->label, "Menschen festgenommen");  // in the articles' language
  const Claim* sent = find("soldiers sent");
  ASSERT_NE(sent, nullptr);
  EXPECT_EQ(sent->status, "consistent");  // over 300, 315-385, 320
  EXPECT_EQ(sent->values.size(), 3u);
  EXPECT_EQ(sent->values.back().source, "der Armee");
  const Claim* flights = find("flights");
  ASSERT_NE(flights, nullptr);
  EXPECT_EQ(flights->status, "single-source");
  EXPECT_EQ(flights->label, "Flüge");
  // The copy alone does not make a claim multi-source.
  Article e = article("e1", "Fast 700 Personen wurden festgenommen.");
  e.duplicate_of = "d0";
  Article f = article("f1", "Rund 900 Menschen wurden verhaftet.");
  f.duplicate_of = "d0";
  const auto two = AlignClaims({&e, &f});
  ASSERT_FALSE(two.empty());
  for (const Claim& cl : two) EXPECT_EQ(cl.status, "single-source") << cl.values.size();
  for (const Quantity& q : a.quantities) EXPECT_FALSE(q.claim.empty()) << q.text;
}

TEST(AlignClaimsTest, AFigureThatChangesAsTheDaysPassIsAnUpdateNotAConflict) {
  auto article = [](const std::string& id, const std::string& text, int day) {
    Article a;
    a.id = id;
    a.language = "de";
    a.text = text;
    a.published = {{2023, 2, day}, DateBasis::kMetadata};
    a.quantities = FindQuantities(a.text, "de", {}, {});
    return a;
  };
  // A toll of our own: 164 dead on the 6th (two sources), 225 on the 9th.
  Article a = article("a1", "Bei dem Beben wurden 164 Menschen getötet.", 6);
  Article b = article("b1", "Die Behörden zählen rund 160 Tote.", 6);
  Article c = article("c1", "Inzwischen wurden 225 Menschen getötet.", 9);
  const auto later_first = AlignClaims({&c, &a, &b});
  ASSERT_EQ(later_first.size(), 1u);
  EXPECT_EQ(later_first[0].status, "updated");
  ASSERT_EQ(later_first[0].values.size(), 3u);
  EXPECT_EQ(later_first[0].values.back().article, "c1");  // in day order
  // Sources that disagree on the same day stay conflicting.
  Article d = article("d1", "Es wurden 225 Menschen getötet.", 6);
  const auto same_day = AlignClaims({&a, &d, &c});
  ASSERT_EQ(same_day.size(), 1u);
  EXPECT_EQ(same_day[0].status, "conflicting");
  // A figure that goes up and down again is no update.
  Article e = article("e1", "Es wurden 150 Menschen getötet.", 12);
  const auto back = AlignClaims({&a, &c, &e});
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].status, "conflicting");
  // Without days to go by, a conflict.
  Article f = a, g = c;
  f.published = {};
  g.published = {};
  const auto undated = AlignClaims({&f, &g});
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].status, "conflicting");
}

TEST(AlignClaimsTest, DatesOfAnEventPlannedAndReported) {
  auto article = [](const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.language = "de";
    a.text = text;
    a.published = {PartialDate{2024, 3, 1}, DateBasis::kMetadata};
    a.times = time::TagTimes(a.text, "de", a.published.value);
    a.quantities = FindQuantities(a.text, "de", a.times, {});
    return a;
  };
  Article a = article("a1", "Der Abzug soll binnen zehn Tagen abgeschlossen sein.");
  Article b = article("a2", "Der Minister sagte am Freitag, der Abzug werde am 5. März abgeschlossen.");
  const auto two = AlignClaims({&a, &b});
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].kind, "date");
  EXPECT_EQ(two[0].about, "withdrawal completed");
  EXPECT_EQ(two[0].status, "consistent");  // the 5th is within ten days of the 1st
  EXPECT_EQ(two[0].values[0].date_low, "2024-03-01");
  EXPECT_EQ(two[0].values[0].date_high, "2024-03-11");
  EXPECT_EQ(two[0].values[1].date_low, "2024-03-05");  // not the Friday he spoke
  Article c = article("a3", "Der Abzug hat am 1. März begonnen und wird zwei Wochen andauern.");
  const auto three = AlignClaims({&a, &b, &c});
  const Claim* done = nullptr;
  for (const Claim& x : three) {
    if (x.about == "withdrawal completed") done = &x;
  }
  ASSERT_NE(done, nullptr);
  EXPECT_EQ(done->status, "conflicting");  // ends on the 15th vs the 5th
  EXPECT_EQ(done->values.back().date_low, "2024-03-15");
}

TEST(AlignClaimsTest, OneSourceWithTwoValuesMakesTwoSlots) {
  auto article = [](const std::string& id, const std::string& text) {
    Article a;
    a.id = id;
    a.language = "de";
    a.text = text;
    a.quantities = FindQuantities(a.text, "de", {}, {});
    return a;
  };
  Article a = article("a1", "In Köln wurden 30 Menschen festgenommen. In Bonn wurden 12 Menschen "
                            "festgenommen.");
  Article b = article("b1", "In Bonn nahm die Polizei 12 Menschen fest.");
  Article c = article("c1", "In Köln wurden 45 Menschen festgenommen.");
  const auto claims = AlignClaims({&a, &b, &c});
  ASSERT_EQ(claims.size(), 2u);
  for (const Claim& cl : claims) {
    ASSERT_EQ(cl.values.size(), 2u) << cl.about;
    if (cl.values[0].text == "12") {
      EXPECT_EQ(cl.status, "consistent");
      EXPECT_EQ(cl.values[1].article, "b1");
    } else {
      EXPECT_EQ(cl.status, "conflicting");  // 30 vs 45 in Köln
      EXPECT_EQ(cl.values[1].article, "c1");
    }
  }
  // A count of an unknown kind without a predicate is listed, not claimed.
  Article d = article("d1", "Steinmeier erhielt 931 Stimmen.");
  ASSERT_EQ(d.quantities.size(), 1u);
  EXPECT_TRUE(AlignClaims({&d}).empty());
  EXPECT_TRUE(d.quantities[0].claim.empty());
}

}  // namespace
}  // namespace lagebild::claims
