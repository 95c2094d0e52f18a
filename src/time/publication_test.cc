#include "time/publication.h"

#include <gtest/gtest.h>

namespace lagebild::time {
namespace {

TEST(DayMonthTest, FindsGermanAndEnglishMentions) {
  const auto found = FindDayMonthMentions(
      "Am 19. Januar zogen sie ab; am 3. Okt. 2021 begann es. On January 13, 2022 and on "
      "5 March it rained. Frau Maier kam im Mai. Der 1. Mai.");
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].day, 19);
  EXPECT_EQ(found[0].month, 1);
  EXPECT_EQ(found[0].year, 0);
  EXPECT_EQ(found[1].day, 3);
  EXPECT_EQ(found[1].month, 10);
  EXPECT_EQ(found[1].year, 2021);
  EXPECT_EQ(found[2].day, 13);
  EXPECT_EQ(found[2].month, 1);
  EXPECT_EQ(found[2].year, 2022);
  EXPECT_EQ(found[3].day, 5);
  EXPECT_EQ(found[3].month, 3);
  EXPECT_EQ(found[4].day, 1);
  EXPECT_EQ(found[4].month, 5);
}

TEST(InferFromPeersTest, YearFromPeersMonthFromText) {
  const std::vector<PartialDate> peers = {{2022, 1, 0}, {2022, 1, 13}};
  const PartialDate d =
      InferFromPeers("Am 11. Januar sagte er dies, am 19. Januar das. Am 13. April anderes.", peers);
  EXPECT_EQ(d.ToString(), "2022-01");
}

TEST(InferFromPeersTest, YearBoundary) {
  // Peers dated early January; the article speaks of 28 December.
  const std::vector<PartialDate> peers = {{2022, 1, 3}};
  EXPECT_EQ(InferFromPeers("Seit dem 28. Dezember wird gesucht.", peers).ToString(), "2021-12");
}

TEST(InferFromPeersTest, NoEvidenceOrScatteredPeersGiveUnknown) {
  EXPECT_FALSE(InferFromPeers("Am 19. Januar.", {}).known());
  EXPECT_FALSE(InferFromPeers("Kein Datum hier.", {{2022, 1, 0}}).known());
  // Peers from different seasons do not make a story period.
  EXPECT_FALSE(InferFromPeers("Am 19. Januar.", {{2022, 1, 0}, {2022, 7, 0}}).known());
  // A month far from the peers' period.
  EXPECT_FALSE(InferFromPeers("Am 19. Juli.", {{2022, 1, 0}}).known());
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
}  // namespace lagebild::time
