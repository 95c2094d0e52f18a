// The temporal tagger on sentences of its own: every expression class,
// tense-dependent weekdays, year boundaries and leap years.
#include "time/tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/calendar.h"

namespace lagebild::time {

using util::AddDays;
using util::DayNumber;
using util::FormatDay;
using util::FormatWeek;
using util::FromDayNumber;
using util::IsValidDay;
using util::Weekday;
using util::WeekOf;
namespace {

struct Want {
  std::string text, type, value;
};

std::vector<TimeMention> Tag(const std::string& text, const std::string& lang, PartialDate dct,
                             bool narrative = false) {
  TagOptions o;
  o.narrative = narrative;
  return TagTimes(text, lang, dct, o);
}

std::string Dump(const std::vector<TimeMention>& ts) {
  std::string s;
  for (const TimeMention& t : ts) s += t.type + " " + t.value + " '" + t.text + "'\n";
  return s;
}

// Every wanted expression is found (its text inside a mention's text or
// the other way round) with the wanted type and value.
void ExpectTimes(const std::string& text, const std::string& lang, PartialDate dct,
                 const std::vector<Want>& wants) {
  const std::vector<TimeMention> got = Tag(text, lang, dct);
  for (const Want& w : wants) {
    bool found = false;
    // The mention with exactly this text, else one that contains it or is
    // contained in it.
    std::vector<const TimeMention*> order;
    for (const TimeMention& t : got) {
      if (t.text == w.text) order.insert(order.begin(), &t);
      else order.push_back(&t);
    }
    for (const TimeMention* tp : order) {
      const TimeMention& t = *tp;
      if (t.text.find(w.text) == std::string::npos && w.text.find(t.text) == std::string::npos) {
        continue;
      }
      EXPECT_EQ(t.value, w.value) << w.text << " in: " << text << "\n" << Dump(got);
      EXPECT_EQ(t.type, w.type) << w.text << "\n" << Dump(got);
      EXPECT_EQ(text.substr(t.start, t.end - t.start), t.text);
      found = true;
      break;
    }
    EXPECT_TRUE(found) << "'" << w.text << "' not found in: " << text << "\n" << Dump(got);
  }
}

TEST(CalendarTest, WeekdaysWeeksAndLeapYears) {
  EXPECT_EQ(Weekday({2022, 1, 13}), 4);  // a Thursday
  EXPECT_EQ(Weekday({2000, 2, 29}), 2);
  EXPECT_EQ(FormatWeek(WeekOf({2022, 1, 13})), "2022-W02");
  EXPECT_EQ(FormatWeek(WeekOf({2021, 1, 3})), "2020-W53");   // Sunday of 2020's last week
  EXPECT_EQ(FormatWeek(WeekOf({2024, 12, 30})), "2025-W01");
  EXPECT_TRUE(IsValidDay({2024, 2, 29}));
  EXPECT_FALSE(IsValidDay({2023, 2, 29}));
  EXPECT_FALSE(IsValidDay({1900, 2, 29}));
  EXPECT_TRUE(IsValidDay({2000, 2, 29}));
  EXPECT_EQ(FormatDay(AddDays({2024, 2, 28}, 1)), "2024-02-29");
  EXPECT_EQ(FormatDay(AddDays({2023, 2, 28}, 1)), "2023-03-01");
  for (int64_t n = -800000; n < 800000; n += 997) {
    EXPECT_EQ(DayNumber(FromDayNumber(n)), n);
  }
}

TEST(TimeRulesTest, CompileWithoutProblems) {
  for (const std::string& p : TimeRuleProblems()) ADD_FAILURE() << p;
  EXPECT_TRUE(HasTimeRules("de"));
  EXPECT_FALSE(HasTimeRules("xx"));
}

const PartialDate kThu{2022, 1, 13};  // Thursday, 13 January 2022

TEST(TagTimesGermanTest, AbsoluteDatesInEveryFormat) {
  ExpectTimes(
      "Die Sitzung war am 13. Januar 2022, die nächste ist am 13.1.2023 geplant, eine weitere "
      "am 2023-02-01. Im März 2021 und im Jahr 1999 gab es Vorläufer, am 3. Okt. 1990 auch.",
      "de", kThu,
      {{"13. Januar 2022", "DATE", "2022-01-13"},
       {"13.1.2023", "DATE", "2023-01-13"},
       {"2023-02-01", "DATE", "2023-02-01"},
       {"März 2021", "DATE", "2021-03"},
       {"1999", "DATE", "1999"},
       {"3. Okt. 1990", "DATE", "1990-10-03"}});
}

TEST(TagTimesGermanTest, RelativeDays) {
  ExpectTimes("Heute trat er zurück, gestern hatte er noch gezögert, morgen folgt die Wahl, "
              "vorgestern war Ruhe und übermorgen beginnt der Prozess.",
              "de", kThu,
              {{"Heute", "DATE", "2022-01-13"},
               {"gestern", "DATE", "2022-01-12"},
               {"morgen", "DATE", "2022-01-14"},
               {"vorgestern", "DATE", "2022-01-11"},
               {"übermorgen", "DATE", "2022-01-15"}});
}

TEST(TagTimesGermanTest, WeekdaysByTense) {
  // Reported past: the last such weekday; planned future: the next one.
  ExpectTimes("Der Abzug begann am Dienstag.", "de", kThu, {{"Dienstag", "DATE", "2022-01-11"}});
  ExpectTimes("Der Abzug soll am Dienstag abgeschlossen sein.", "de", kThu,
              {{"Dienstag", "DATE", "2022-01-18"}});
  ExpectTimes("Das teilte das Ministerium am Donnerstag mit.", "de", kThu,
              {{"Donnerstag", "DATE", "2022-01-13"}});
  ExpectTimes("Der Abzug werde am Mittwoch kommender Woche abgeschlossen sein.", "de", kThu,
              {{"Mittwoch kommender Woche", "DATE", "2022-01-19"}});
  ExpectTimes("Er kommt am nächsten Montag, war aber schon letzten Freitag da.", "de", kThu,
              {{"nächsten Montag", "DATE", "2022-01-17"}, {"letzten Freitag", "DATE", "2022-01-07"}});
}

TEST(TagTimesGermanTest, WeeksMonthsYearsAndParts) {
  ExpectTimes("Letzte Woche gab es Proteste, diese Woche ist es ruhig, kommende Woche wird "
              "gewählt. Im vergangenen Monat und im nächsten Jahr. Anfang Januar, Mitte März "
              "und Ende Dezember. Am Wochenende ebbten die Proteste ab.",
              "de", kThu,
              {{"Letzte Woche", "DATE", "2022-W01"},
               {"diese Woche", "DATE", "2022-W02"},
               {"kommende Woche", "DATE", "2022-W03"},
               {"vergangenen Monat", "DATE", "2021-12"},
               {"nächsten Jahr", "DATE", "2023"},
               {"Anfang Januar", "DATE", "2022-01"},
               {"Mitte März", "DATE", "2022-03"},
               {"Ende Dezember", "DATE", "2021-12"},
               {"Wochenende", "DATE", "2022-W01-WE"}});
}

TEST(TagTimesGermanTest, DurationsAndOffsets) {
  ExpectTimes("Der Abzug dauert zehn Tage und soll binnen zehn Tagen abgeschlossen sein, "
              "innerhalb von drei Tagen beginnt er. Seit 30 Jahren herrscht er; die einwöchige "
              "Frist läuft. In zwei Tagen ist Schluss, vor einer Woche begann es, vor drei "
              "Tagen auch. Zweieinhalb Stunden später.",
              "de", kThu,
              {{"zehn Tage", "DURATION", "P10D"},
               {"zehn Tagen", "DURATION", "P10D"},
               {"drei Tagen", "DURATION", "P3D"},
               {"30 Jahren", "DURATION", "P30Y"},
               {"einwöchige", "DURATION", "P1W"},
               {"In zwei Tagen", "DATE", "2022-01-15"},
               // "vor einer Woche" is a duration before the anchor, as It-TimeML
               // (and KRAUTS) annotate German; "a week ago" is a date in English.
               {"einer Woche", "DURATION", "P1W"},
               {"vor drei Tagen", "DURATION", "P3D"},
               {"Zweieinhalb Stunden", "DURATION", "PT2.5H"}});
}

TEST(TagTimesGermanTest, TimesAndPartsOfTheDay) {
  ExpectTimes("Am Morgen begann die Zeremonie, um 20.30 Uhr endete sie, gegen 9 Uhr kamen "
              "die ersten. Gestern Abend war es laut. In der Nacht blieb es ruhig.",
              "de", kThu,
              {{"Morgen", "TIME", "2022-01-13TMO"},
               {"20.30 Uhr", "TIME", "2022-01-13T20:30"},
               {"9 Uhr", "TIME", "2022-01-13T09:00"},
               {"Gestern Abend", "TIME", "2022-01-12TEV"},
               {"Nacht", "TIME", "2022-01-13TNI"}});
}

TEST(TagTimesGermanTest, WeekdayAndPartOfTheDayAsOneWord) {
  ExpectTimes("Am Sonntagnachmittag kam es zu Protesten, in der Samstagnacht blieb es ruhig. "
              "Am Donnerstagabend wurde abgestimmt. Der Feierabend kam am Vorabend.",
              "de", kThu,
              {{"Sonntagnachmittag", "TIME", "2022-01-09TAF"},
               {"Samstagnacht", "TIME", "2022-01-08TNI"},
               {"Donnerstagabend", "TIME", "2022-01-13TEV"}});
}

TEST(TagTimesGermanTest, QuartersSeasonsDecadesCenturiesAndSets) {
  ExpectTimes("Im dritten Quartal 2021 und im Frühjahr 2020, in den 90er Jahren und im "
              "20. Jahrhundert. Die Züge fahren täglich, der Markt ist jeden Montag.",
              "de", kThu,
              {{"dritten Quartal 2021", "DATE", "2021-Q3"},
               {"Frühjahr 2020", "DATE", "2020-SP"},
               {"90er Jahren", "DATE", "199"},
               {"20. Jahrhundert", "DATE", "19"},
               {"täglich", "SET", "P1D"},
               {"jeden Montag", "SET", "XXXX-WXX-1"}});
}

TEST(TagTimesGermanTest, YearBoundariesAndLeapYears) {
  // An article of 3 January speaks of 28 December: the year before.
  ExpectTimes("Am 28. Dezember hatte die Regierung gewarnt.", "de", {2022, 1, 3},
              {{"28. Dezember", "DATE", "2021-12-28"}});
  // And one of 30 December of an event planned for 2 January: the year after.
  ExpectTimes("Die Wahl soll am 2. Januar stattfinden.", "de", {2021, 12, 30},
              {{"2. Januar", "DATE", "2022-01-02"}});
  // "letzte Woche" across a year boundary: ISO week 52 of the old year.
  ExpectTimes("Letzte Woche war es ruhig.", "de", {2022, 1, 5}, {{"Letzte Woche", "DATE", "2021-W52"}});
  ExpectTimes("Morgen ist der 29. Februar.", "de", {2024, 2, 28},
              {{"Morgen", "DATE", "2024-02-29"}, {"29. Februar", "DATE", "2024-02-29"}});
  // 29 February in a year that has none is no date.
  const auto none = Tag("Am 29. Februar 2023 war nichts.", "de", kThu);
  for (const TimeMention& t : none) EXPECT_NE(t.value, "2023-02-29") << Dump(none);
  ExpectTimes("Übermorgen ist Dienstag.", "de", {2024, 2, 28}, {{"Übermorgen", "DATE", "2024-03-01"}});
}

TEST(TagTimesGermanTest, NoFalseAlarms) {
  // Numbers, money, quantities and words that look like dates but are not.
  const auto got = Tag("Mehr als 2500 Soldaten und 3,5 Millionen Euro. Er sagte, so sei es. "
                       "Die Partei hat 12.000 Mitglieder. Tür 5. Mai ist ein Name.",
                       "de", kThu);
  for (const TimeMention& t : got) {
    EXPECT_NE(t.text, "2500") << Dump(got);
    EXPECT_EQ(t.text.find("12.000"), std::string::npos) << Dump(got);
    EXPECT_NE(t.text, "so") << Dump(got);
  }
}

TEST(TagTimesGermanTest, UnknownAnchorGivesPlaceholders) {
  ExpectTimes("Am 19. Januar und am Mittwoch.", "de", {},
              {{"19. Januar", "DATE", "XXXX-01-19"}, {"Mittwoch", "DATE", "XXXX-WXX-3"}});
}

TEST(TagTimesGermanTest, NarrativesAnchorToTheLastDate) {
  const auto got = Tag("Am 1. September 1939 begann der Krieg. Zwei Tage später erklärten "
                       "Frankreich und Großbritannien den Krieg. Im Juni folgte der Angriff.",
                       "de", {2011, 2, 16}, true);
  bool later = false, june = false;
  for (const TimeMention& t : got) {
    later |= t.value == "1939-09-03";
    june |= t.value == "1940-06" || t.value == "1939-06";
  }
  EXPECT_TRUE(later) << Dump(got);
  EXPECT_TRUE(june) << Dump(got);
}

TEST(TagTimesEnglishTest, AbsoluteDatesInEveryFormat) {
  ExpectTimes("The summit was held on January 13, 2022; the next one is set for 13 January "
              "2023, a third on 2023-02-01 and a fourth on Feb. 3. In March 2021 and in 1999 "
              "there were others, and on 1/15/2020 too.",
              "en", kThu,
              {{"January 13, 2022", "DATE", "2022-01-13"},
               {"13 January 2023", "DATE", "2023-01-13"},
               {"2023-02-01", "DATE", "2023-02-01"},
               {"Feb. 3", "DATE", "2022-02-03"},
               {"March 2021", "DATE", "2021-03"},
               {"1999", "DATE", "1999"},
               {"1/15/2020", "DATE", "2020-01-15"}});
}

TEST(TagTimesEnglishTest, RelativeDaysWeekdaysAndWeeks) {
  ExpectTimes("The withdrawal began on Tuesday.", "en", kThu, {{"Tuesday", "DATE", "2022-01-11"}});
  ExpectTimes("It will end on Tuesday.", "en", kThu, {{"Tuesday", "DATE", "2022-01-18"}});
  ExpectTimes("Today the minister resigned; yesterday he had hesitated and tomorrow the vote "
              "follows. Last week "
              "there were protests, this week it is calm, next week there is a vote. Talks "
              "resume next Friday; they last met last Monday. Last year was hard.",
              "en", kThu,
              {{"Today", "DATE", "2022-01-13"},
               {"yesterday", "DATE", "2022-01-12"},
               {"tomorrow", "DATE", "2022-01-14"},
               {"Last week", "DATE", "2022-W01"},
               {"this week", "DATE", "2022-W02"},
               {"next week", "DATE", "2022-W03"},
               {"next Friday", "DATE", "2022-01-14"},
               {"last Monday", "DATE", "2022-01-10"},
               {"Last year", "DATE", "2021"}});
}

TEST(TagTimesEnglishTest, DurationsOffsetsTimesAndSets) {
  ExpectTimes("The mission lasted ten days, about three weeks in all, and two years ago a "
              "similar one ended. The troops left at 9:30 p.m. on Tuesday night; three days "
              "later more followed. The ceremony began at noon this morning. Flights leave daily and every "
              "Monday, twice a week in winter.",
              "en", kThu,
              {{"ten days", "DURATION", "P10D"},
               {"three weeks", "DURATION", "P3W"},
               {"two years ago", "DATE", "2020"},
               {"three days later", "DATE", "2022-01-16"},
               {"9:30 p.m.", "TIME", "2022-01-13T21:30"},
               {"Tuesday night", "TIME", "2022-01-11TNI"},
               {"noon", "TIME", "2022-01-13T12:00"},
               {"this morning", "TIME", "2022-01-13TMO"},
               {"daily", "SET", "P1D"},
               {"every Monday", "SET", "XXXX-WXX-1"},
               {"twice a week", "SET", "P1W"}});
}

TEST(TagTimesEnglishTest, QuartersSeasonsDecadesAndCenturies) {
  ExpectTimes("In the third quarter of 2021 and in spring 2020, in the 1990s and in the 20th "
              "century, and this summer, and for a decade.",
              "en", kThu,
              {{"third quarter of 2021", "DATE", "2021-Q3"},
               {"spring 2020", "DATE", "2020-SP"},
               {"the 1990s", "DATE", "199"},
               {"20th century", "DATE", "19"},
               {"this summer", "DATE", "2022-SU"},
               {"a decade", "DURATION", "P10Y"}});
}

TEST(TagTimesEnglishTest, YearBoundariesAndLeapYears) {
  ExpectTimes("On December 28 the government had warned.", "en", {2022, 1, 3},
              {{"December 28", "DATE", "2021-12-28"}});
  ExpectTimes("The election will be held on January 2.", "en", {2021, 12, 30},
              {{"January 2", "DATE", "2022-01-02"}});
  ExpectTimes("Tomorrow is February 29.", "en", {2024, 2, 28},
              {{"Tomorrow", "DATE", "2024-02-29"}, {"February 29", "DATE", "2024-02-29"}});
  ExpectTimes("Last week was quiet.", "en", {2021, 1, 6}, {{"Last week", "DATE", "2020-W53"}});
}

TEST(TagTimesEnglishTest, NoFalseAlarms) {
  // "May" the verb, "March" the verb, quantities, money.
  const auto got = Tag("You may go. They march on. 2,500 soldiers and $1.5 million. "
                       "He said it was 100 percent.", "en", kThu);
  EXPECT_TRUE(got.empty()) << Dump(got);
}

TEST(TagTimesGermanTest, HolidaysAndDecadeWords) {
  ExpectTimes("Zu Ostern 2024 und an Pfingsten 2024, an Weihnachten und in den zwanziger Jahren.",
              "de", kThu,  // in 2022, "die zwanziger Jahre" are the 1920s
              {{"Ostern 2024", "DATE", "2024-03-31"},
               {"Pfingsten 2024", "DATE", "2024-05-19"},
               {"Weihnachten", "DATE", "2021-12-24"},
               {"zwanziger Jahren", "DATE", "192"}});
  ExpectTimes("Ostern 1995 fiel auf den 16. April, Ostern 2000 auf den 23. April.", "de", kThu,
              {{"Ostern 1995", "DATE", "1995-04-16"}, {"Ostern 2000", "DATE", "2000-04-23"}});
}

}  // namespace
}  // namespace lagebild::time
