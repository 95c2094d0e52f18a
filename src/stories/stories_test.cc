#include "stories/stories.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lagebild::stories {
namespace {

struct Item {
  std::string language, text;
  PartialDate date;
};

// Clusters items as one batch, the way the pipeline does.
std::vector<uint32_t> Cluster(const std::vector<Item>& items) {
  std::vector<ArticleTerms> terms;
  DocumentFrequencies df;
  for (const Item& it : items) {
    terms.push_back(DescribeArticle("", it.text, it.language, it.date));
    df.Add(terms.back());
  }
  StoryClusterer clusterer;
  std::vector<uint32_t> out;
  for (const ArticleTerms& t : terms) out.push_back(clusterer.Add(Weigh(t, df)));
  return out;
}

const PartialDate kMay{2024, 5, 0};

// Two events of our own, worded differently by each outlet.
const Item kFlood1{"de",
                   "Hochwasser in Passau: Die Donau hat am Sonntag einen Pegel von 11,2 Metern "
                   "erreicht. Die Altstadt wurde überflutet, 2.300 Bewohner mussten ihre Häuser "
                   "verlassen. Oberbürgermeister Jürgen Dupper rief den Katastrophenfall aus.",
                   kMay};
const Item kFlood2{"de",
                   "Die Lage in Passau bleibt angespannt. Nach dem Rekordpegel der Donau von 11,2 "
                   "Metern sind weiter 2.300 Menschen evakuiert. Dupper sprach von der "
                   "schlimmsten Flut seit Jahren, der Katastrophenfall gilt weiter.",
                   kMay};
const Item kFlood3{"de",
                   "Katastrophenfall in Passau: Feuerwehr und Technisches Hilfswerk kämpfen gegen "
                   "das Hochwasser der Donau. In der überfluteten Altstadt stehen Keller und "
                   "Geschäfte unter Wasser.",
                   kMay};
const Item kFloodEn{"en",
                    "Flooding in Passau: the Danube reached 11.2 metres on Sunday and 2,300 "
                    "residents were evacuated from the old town. Mayor Jürgen Dupper declared a "
                    "state of disaster.",
                    kMay};
const Item kVote1{"de",
                  "Die Stadt Görlitz hat einen neuen Oberbürgermeister: Octavian Ursu setzte sich "
                  "in der Stichwahl mit 55,2 Prozent gegen seinen Herausforderer durch. Die "
                  "Wahlbeteiligung lag bei 58 Prozent.",
                  kMay};
const Item kVote2{"de",
                  "Octavian Ursu bleibt Oberbürgermeister von Görlitz. In der Stichwahl am Sonntag "
                  "kam er auf 55,2 Prozent der Stimmen, teilte die Stadtverwaltung mit.",
                  kMay};

TEST(StoriesTest, ArticlesOnOneEventFormOneStoryAndOtherEventsOthers) {
  const std::vector<uint32_t> s = Cluster({kFlood1, kVote1, kFlood2, kVote2, kFlood3});
  EXPECT_EQ(s[0], s[2]);
  EXPECT_EQ(s[0], s[4]);
  EXPECT_EQ(s[1], s[3]);
  EXPECT_NE(s[0], s[1]);
}

TEST(StoriesTest, AnEnglishReportMeetsTheGermanOnesThroughNamesAndNumbers) {
  const std::vector<uint32_t> s = Cluster({kFlood1, kFlood2, kVote1, kFloodEn});
  EXPECT_EQ(s[3], s[0]);
  EXPECT_NE(s[2], s[0]);
}

TEST(StoriesTest, TheSameWordsYearsApartAreTwoStories) {
  Item later = kFlood2;
  later.date = {2029, 5, 0};
  const std::vector<uint32_t> s = Cluster({kFlood1, later});
  EXPECT_NE(s[0], s[1]);
  Item undated = kFlood2;
  undated.date = {};
  EXPECT_EQ(Cluster({kFlood1, undated})[1], 0u);  // no date: words decide
}

TEST(StoriesTest, EmptyArticlesStartTheirOwnStories) {
  const std::vector<uint32_t> s = Cluster({{"de", "", {}}, {"de", "", {}}, kFlood1});
  EXPECT_NE(s[0], s[1]);
  EXPECT_NE(s[1], s[2]);
}

TEST(StoriesTest, DaysOfDatesAtEachPrecision) {
  EXPECT_FALSE(DaysOf({}).known());
  const DayRange day = DaysOf({2022, 2, 17});
  EXPECT_EQ(day.first, day.last);
  const DayRange month = DaysOf({2022, 2, 0});
  EXPECT_EQ(month.last - month.first, 27);
  const DayRange year = DaysOf({2024, 0, 0});
  EXPECT_EQ(year.last - year.first, 365);
}

TEST(StoriesTest, NumbersButNotYearsAreTerms) {
  const ArticleTerms a = DescribeArticle("", "Im Jahr 2022 kamen 1.045 Stimmen", "de", {});
  const ArticleTerms b = DescribeArticle("", "Im Jahr 2017 kamen 1045 Stimmen", "de", {});
  EXPECT_EQ(a.terms.size(), b.terms.size());  // 2022 and 2017 are not terms; 1.045 = 1045
  for (size_t i = 0; i < a.terms.size(); ++i) EXPECT_EQ(a.terms[i].first, b.terms[i].first);
}

}  // namespace
}  // namespace lagebild::stories
