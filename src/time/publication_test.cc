#include "time/publication.h"

#include <gtest/gtest.h>

namespace lagebild::time {
namespace {

TEST(InferFromPeersTest, YearFromPeersMonthFromText) {
  const std::vector<PartialDate> peers = {{2022, 1, 0}, {2022, 1, 13}};
  const PartialDate d =
      InferFromPeers("Am 11. Januar sagte er dies, am 19. Januar das. Am 13. April anderes.", "de", peers);
  EXPECT_EQ(d.ToString(), "2022-01");
}

TEST(InferFromPeersTest, YearBoundary) {
  // Peers dated early January; the article speaks of 28 December.
  const std::vector<PartialDate> peers = {{2022, 1, 3}};
  EXPECT_EQ(InferFromPeers("Seit dem 28. Dezember wird gesucht.", "de", peers).ToString(), "2021-12");
}

TEST(InferFromPeersTest, EnglishMentions) {
  EXPECT_EQ(InferFromPeers("On January 19 they left; on January 20 others.", "en", {{2022, 1, 13}})
                .ToString(),
            "2022-01");
}

TEST(InferFromPeersTest, NoEvidenceOrScatteredPeersGiveUnknown) {
  EXPECT_FALSE(InferFromPeers("Am 19. Januar.", "de", {}).known());
  EXPECT_FALSE(InferFromPeers("Kein Datum hier.", "de", {{2022, 1, 0}}).known());
  // Peers from different seasons do not make a story period.
  EXPECT_FALSE(InferFromPeers("Am 19. Januar.", "de", {{2022, 1, 0}, {2022, 7, 0}}).known());
  // A month far from the peers' period.
  EXPECT_FALSE(InferFromPeers("Am 19. Juli.", "de", {{2022, 1, 0}}).known());
}

TEST(DayFromContentTest, DatelineTodayAndNamedWeekday) {
  const PartialDate month{2023, 3, 0};
  PublishedDate d = DayFromContent(
      "Unruhen im Norden\n\nLYON, 7. März (AFP) – Die Proteste gingen am Dienstag weiter.", "de",
      month);
  EXPECT_EQ(d.value.ToString(), "2023-03-07");
  EXPECT_EQ(d.basis, DateBasis::kDateline);

  d = DayFromContent("Der Streik hat heute, am 9. März, begonnen.", "de", month);
  EXPECT_EQ(d.value.ToString(), "2023-03-09");
  EXPECT_EQ(d.basis, DateBasis::kContent);

  // 15 March 2023 was a Wednesday: the article names it.
  d = DayFromContent("Am 2. März begann es. Am 15. März endete der Streik. Am Mittwoch "
                     "unterschrieben beide Seiten.", "de", month);
  EXPECT_EQ(d.value.ToString(), "2023-03-15");

  // A weekday that fits no explicit date, a date in another month: nothing.
  EXPECT_FALSE(DayFromContent("Am 15. März endete es. Am Freitag kam er.", "de", month)
                   .value.known());
  EXPECT_FALSE(DayFromContent("PARIS, 7. April (AFP) – Text.", "de", month).value.known());
  // A date inside a sentence is no dateline.
  EXPECT_FALSE(DayFromContent("Die Regierung in Paris hat am 7. März (einem Dienstag) "
                              "entschieden.", "de", month)
                   .value.known());
  // English.
  d = DayFromContent("LONDON, March 7 (Reuters) - Shares fell.", "en", month);
  EXPECT_EQ(d.value.ToString(), "2023-03-07");
  // A known day is left alone.
  EXPECT_FALSE(DayFromContent("LYON, 7. März (AFP) – Text.", "de", {2023, 3, 8}).value.known());
}

TEST(DayFromContentTest, PageStampWithDateAndClockTime) {
  // Also for an article with no date at all.
  PublishedDate d = DayFromContent(
      "Kanada verlängert Notstand Stand: 22.02.2022 11:26 Uhr Nur mit knapper Mehrheit.", "de", {});
  EXPECT_EQ(d.value.ToString(), "2022-02-22");
  EXPECT_EQ(d.basis, DateBasis::kDateline);
  d = DayFromContent("Notstandsgesetz  Di, 15.02.2022, 12.27 Uhr  Der Premier setzt es ein.", "de",
                     {2022, 2, 0});
  EXPECT_EQ(d.value.ToString(), "2022-02-15");
  // A meeting announced for a date and an hour is no stamp; nor is a
  // stamp of another month than the article's.
  EXPECT_FALSE(DayFromContent("Die Sitzung beginnt am 15.02.2022 um 12:00 Uhr im Rathaus.", "de",
                              {})
                   .value.known());
  EXPECT_FALSE(
      DayFromContent("Stand: 22.02.2022 11:26 Uhr Die Lage.", "de", {2022, 3, 0}).value.known());
}

TEST(DayFromPeersTest, MostCommonDayInTheMonth) {
  const std::vector<PartialDate> peers = {{2022, 1, 13}, {2022, 1, 19}, {2022, 1, 13},
                                          {2022, 2, 1}, {2022, 1, 0}};
  EXPECT_EQ(DayFromPeers({2022, 1, 0}, peers).ToString(), "2022-01-13");
  EXPECT_FALSE(DayFromPeers({2022, 3, 0}, peers).known());
  EXPECT_FALSE(DayFromPeers({2022, 1, 5}, peers).known());
  // A tie: the earliest day.
  EXPECT_EQ(DayFromPeers({2022, 1, 0}, {{2022, 1, 20}, {2022, 1, 4}}).ToString(), "2022-01-04");
}

}  // namespace
TEST(DateFromAddressTest, DaysAndMonthsInTheCommonPathForms) {
  const auto at = [](const char* url) { return DateFromAddress(url).ToString(); };
  EXPECT_EQ(at("https://www.vn.at/politik/2022/02/13/steinmeier-wiedergewaehlt.vn"), "2022-02-13");
  EXPECT_EQ(at("http://www.zeit.de/news/2017-05/07/deutschland-merkel-gratuliert-07221805"),
            "2017-05-07");
  EXPECT_EQ(at("https://verbraucherschutzforum.berlin/2017-05-07/macron-neuer-praesident"),
            "2017-05-07");
  EXPECT_EQ(at("https://www.pressreader.com/germany/morgenpost/20170509/281543700837596"),
            "2017-05-09");
  EXPECT_EQ(at("https://www.evangelisch.de/inhalte/197702/27-02-2022/scholz-kuendigt"),
            "2022-02-27");
  EXPECT_EQ(at("https://www.zeit.de/politik/ausland/2017-05/reaktionen-praesidentenwahl"),
            "2017-05");
  EXPECT_EQ(at("https://example.org/2022/4/slug?id=1"), "2022-04");
  EXPECT_EQ(at("https://example.org/archiv/2023/11/05.html"), "2023-11-05");
}

TEST(DateFromAddressTest, IdsYearsHostsAndImpossibleDatesAreNoDate) {
  const auto at = [](const char* url) { return DateFromAddress(url).ToString(); };
  EXPECT_EQ(at("http://www.spiegel.de/politik/steinmeier-gewaehlt-a-1134204.html"), "");
  EXPECT_EQ(at("https://example.org/wahl-2017/ergebnisse"), "");       // a bare year
  EXPECT_EQ(at("https://example.org/artikel/2021-12345/"), "");        // a year and an id
  EXPECT_EQ(at("https://example.org/news/20221345/"), "");             // month 13
  EXPECT_EQ(at("https://example.org/2022/02/30/slug"), "");            // 30 February
  EXPECT_EQ(at("https://example.org/item/12345678901/"), "");          // a long number
  EXPECT_EQ(at("https://example.org/x1999/01/02/"), "");               // glued to a word
  EXPECT_EQ(at("https://2022.example.org/"), "");                      // the host is not read
  EXPECT_EQ(at("https://example.org/1850/03/04/"), "");                // out of range
  EXPECT_EQ(at(""), "");
  EXPECT_EQ(at("nonsense"), "");
  EXPECT_EQ(at("https://example.org/2022/02?page=13"), "2022-02");    // a query is no day
}

}  // namespace lagebild::time
