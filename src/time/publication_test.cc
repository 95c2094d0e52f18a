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

}  // namespace
}  // namespace lagebild::time
