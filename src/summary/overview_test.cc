// The story overview: a headline-like title without dateline or lead,
// the story's days, languages and independent sources.
#include <gtest/gtest.h>

#include "summary/summary.h"

namespace lagebild::summary {
namespace {

Article Make(const std::string& outlet, const std::string& language, const std::string& text,
             PartialDate published = {}) {
  Article a;
  a.outlet = outlet;
  a.language = language;
  a.text = text;
  a.published.value = published;
  return a;
}

TEST(OverviewTest, HeadlineDropsTheDatelineAndCutsTheLead) {
  Article a = Make("a.example", "de",
                   "Passau (dpa) - Die Donau hat in Passau einen Pegel von 11,2 Metern erreicht, "
                   "die Altstadt ist überflutet und 2.300 Bewohner mussten ihre Häuser verlassen.\n\n"
                   "Mehr dazu später.");
  const Overview o = OverviewOf({&a});
  EXPECT_EQ(o.title.rfind("Die Donau hat in Passau", 0), 0u) << o.title;
  EXPECT_LE(o.title.size(), 103u) << o.title;  // 100 bytes and "…"
  EXPECT_EQ(o.title.substr(o.title.size() - 3), "\u2026") << o.title;
}

TEST(OverviewTest, AOneWordDatelineSentenceIsNoHeadline) {
  Article a = Make("a.example", "de",
                   "Melbourne. Bei einem Buschfeuer nahe Melbourne sind drei Häuser abgebrannt.");
  EXPECT_EQ(OverviewOf({&a}).title, "Bei einem Buschfeuer nahe Melbourne sind drei Häuser abgebrannt.");
}

TEST(OverviewTest, TheHeadlineIsTheOneWhoseWordsTheStoryShares) {
  // The first article opens with a picture credit and a time stamp; the
  // headline comes from the second, whose words all three share.
  Article a = Make("a.example", "de",
                   "08.09.2022 19:40 Uhr – 01:48 min\n\nDas Hochwasser der Donau hat Passau "
                   "erreicht, die Altstadt steht unter Wasser.");
  Article b = Make("b.example", "de",
                   "Hochwasser der Donau überflutet Passauer Altstadt\n\nDie Donau steigt in Passau "
                   "auf 11,2 Meter.");
  Article c = Make("c.example", "de",
                   "Interview mit einem Anwohner über seinen Keller\n\nIn Passau steht die Altstadt "
                   "nach dem Hochwasser der Donau unter Wasser.");
  EXPECT_EQ(OverviewOf({&a, &b, &c}).title, "Hochwasser der Donau überflutet Passauer Altstadt");
}

TEST(OverviewTest, DaysLanguagesAndIndependentSources) {
  Article a = Make("one.example", "de", "Text eins über das Hochwasser in Passau.", {2024, 6, 3});
  Article b = Make("one.example", "de", "Text zwei über das Hochwasser in Passau.", {2024, 6, 1});
  Article c = Make("two.example", "en", "Text three on the Passau flood.", {2024, 6, 0});
  Article d = Make("three.example", "de", "Text eins über das Hochwasser in Passau.", {2024, 6, 4});
  d.duplicate_of = "a1";
  const Overview o = OverviewOf({&a, &b, &c, &d});
  ASSERT_TRUE(o.days.has_value());
  EXPECT_EQ(o.days->first, "2024-06-01");  // the month-dated article sets no day
  EXPECT_EQ(o.days->last, "2024-06-04");
  EXPECT_EQ(o.languages, (std::vector<std::string>{"de", "en"}));
  EXPECT_EQ(o.sources.articles, 4u);
  EXPECT_EQ(o.sources.copies, 1u);
  EXPECT_EQ(o.sources.independent, 2u);  // one.example twice, two.example; the copy with its original
}

TEST(OverviewTest, NoDayWithoutADayDatedMember) {
  Article a = Make("", "de", "Ein Text ohne Datum über das Hochwasser.");
  const Overview o = OverviewOf({&a});
  EXPECT_FALSE(o.days.has_value());
  EXPECT_EQ(o.sources.independent, 1u);
}

}  // namespace
}  // namespace lagebild::summary
