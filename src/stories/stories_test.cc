#include "stories/stories.h"

#include <gtest/gtest.h>

#include <cmath>

#include <string>
#include <vector>

namespace lagebild::stories {
namespace {

struct Item {
  std::string language, text;
  PartialDate date;
};

// Stories of items clustered as one batch, the way the pipeline does:
// stories that joined others relabelled (as analyze does).
std::vector<uint32_t> Cluster(const std::vector<Item>& items, ClusterOptions options = {},
                              const Translations* translations = nullptr) {
  std::vector<ArticleTerms> terms;
  DocumentFrequencies df;
  for (const Item& it : items) {
    terms.push_back(DescribeArticle("", it.text, it.language, it.date, translations));
    df.Add(terms.back());
  }
  StoryClusterer clusterer(options);
  std::vector<uint32_t> out;
  for (const ArticleTerms& t : terms) {
    const Placement p = clusterer.Add(Weigh(t, df));
    for (uint32_t gone : p.merged) {
      for (uint32_t& s : out) s = s == gone ? p.story : s;
    }
    out.push_back(p.story);
  }
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

TEST(StoriesTest, DayDatedMembersBoundAStoryTighterThanMonths) {
  // A story of articles dated 3 May and "May": an article of 12 May
  // with the same words is a later event, one of 5 May the same.
  Item first = kFlood1, second = kFlood2;
  first.date = {2024, 5, 3};
  Item later = kFlood3, soon = kFlood3;
  later.date = {2024, 5, 12};
  soon.date = {2024, 5, 5};
  std::vector<uint32_t> s = Cluster({first, second, later});
  EXPECT_EQ(s[1], s[0]);
  EXPECT_NE(s[2], s[0]);
  s = Cluster({first, second, soon});
  EXPECT_EQ(s[2], s[0]);
}

TEST(StoriesTest, DatesOfBothLowerTheBarForTheWords) {
  ClusterOptions options;
  options.min_similarity = 0.99;  // words alone never suffice here ...
  options.min_similarity_dated = 0.12;
  EXPECT_EQ(Cluster({kFlood1, kFlood2}, options)[1], 0u);  // ... dates of both do
  Item undated = kFlood2;
  undated.date = {};
  EXPECT_EQ(Cluster({kFlood1, undated}, options)[1], 1u);
  EXPECT_EQ(Cluster({kFlood1, kVote1}, options)[1], 1u);  // other words: still apart
}

TEST(StoriesTest, AnUndatedArticleIsAsRecentAsTheStream) {
  // A 2019 flood story, then a stream of 2024 articles (more than the
  // eight dated articles an undated one is placed among): an undated
  // report with the 2019 story's words does not join it ...
  Item old_flood = kFlood1;
  old_flood.date = {2019, 5, 0};
  Item vote_a = kVote1, vote_b = kVote2;
  vote_a.date = vote_b.date = {2024, 5, 0};
  Item undated = kFlood2;
  undated.date = {};
  std::vector<Item> stream = {old_flood};
  for (int i = 0; i < 4; ++i) stream.insert(stream.end(), {vote_a, vote_b});
  stream.push_back(undated);
  std::vector<uint32_t> s = Cluster(stream);
  EXPECT_NE(s.back(), s[0]);
  // ... while after a few of them, or among 2019 articles, it does.
  s = Cluster({old_flood, vote_a, vote_b, undated});
  EXPECT_EQ(s.back(), s[0]);
  for (Item& item : stream) {
    if (item.date.known()) item.date = {2019, 5, 0};
  }
  s = Cluster(stream);
  EXPECT_EQ(s.back(), s[0]);
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

// A few lines of an English-German dictionary of our own.
const char kDictionary[] =
    "# test\n"
    "flood\tHochwasser Flut\n"
    "firefighters\tFeuerwehr\n"
    "water\tWasser\n"
    "cellars\tKeller\n"
    "shops\tGeschäfte Läden\n"
    "disaster\tKatastrophenfall Katastrophe\n"
    "malformed line without a tab\n";

TEST(StoriesTest, TranslationsGiveEnglishWordsTheirGermanStems) {
  const Translations t(kDictionary, "en");
  EXPECT_EQ(t.size(), 6u);
  const ArticleTerms de = DescribeArticle("", "Die Feuerwehr pumpt Wasser aus dem Keller.", "de", {});
  const ArticleTerms en =
      DescribeArticle("", "firefighters pump water out of cellars.", "en", {}, &t);
  size_t shared = 0;
  for (const auto& [term, w] : de.cross) {
    for (const auto& [other, v] : en.cross) shared += term == other;
  }
  EXPECT_EQ(shared, 3u);  // Feuerwehr, Wasser, Keller
  // Without the dictionary, or for another language, nothing is translated.
  EXPECT_TRUE(DescribeArticle("", "firefighters pump water.", "en", {}).cross.empty());
  EXPECT_TRUE(DescribeArticle("", "firefighters pump water.", "fr", {}, &t).cross.empty());
}

TEST(StoriesTest, GermanCompoundsMeetTheEnglishWordsThatSayThemInSeveral) {
  // "Atomkraftwerk" is "nuclear power plant"; "Kraftwerksbetreiber" has a
  // linking s; "Hochwasser" is a word of the dictionary itself, and
  // "Kellerfenstern" has an unknown tail: neither is split.
  const Translations t(
      "nuclear\tatomar Atom\npower\tKraft Macht\nplant\tWerk Anlage\n"
      "operator\tBetreiber\nflood\tHochwasser\ncellar\tKeller\nwater\tWasser\n"
      "power station\tKraftwerk\n",
      "en");
  EXPECT_EQ(t.CompoundParts("atomkraftwerk").size(), 3u);  // atom, kraft, werk
  EXPECT_EQ(t.CompoundParts("kraftwerksbetreiber").size(), 3u);  // kraft, werk, betreiber
  EXPECT_TRUE(t.CompoundParts("hochwasser").empty());
  EXPECT_TRUE(t.CompoundParts("kellerfenstern").empty());
  EXPECT_TRUE(t.CompoundParts("atom").empty());
  const ArticleTerms de = DescribeArticle("", "Im Atomkraftwerk brennt es.", "de", {}, &t);
  const ArticleTerms en = DescribeArticle("", "The nuclear power plant is on fire.", "en", {}, &t);
  size_t shared = 0;
  for (const auto& [term, w] : de.cross) {
    for (const auto& [other, v] : en.cross) shared += term == other;
  }
  EXPECT_EQ(shared, 3u);
  // Without the dictionary a German article keeps its words whole.
  const ArticleTerms whole = DescribeArticle("", "Im Atomkraftwerk brennt es.", "de", {});
  EXPECT_LT(whole.cross.size(), de.cross.size());
}

TEST(StoriesTest, AnEnglishReportWithoutSharedNamesMeetsTheGermanOnesThroughTheDictionary) {
  const Translations t(kDictionary, "en");
  const Item english{"en",
                     "The flood keeps firefighters busy: water in cellars and shops, and "
                     "the state of disaster still applies while the flood water recedes.",
                     kMay};
  const std::vector<Item> items = {kFlood1, kFlood3, kVote1, english};
  const std::vector<uint32_t> s = Cluster(items, {}, &t);
  ASSERT_EQ(s[1], s[0]);
  EXPECT_EQ(s[3], s[0]) << s[0] << s[1] << s[2] << s[3];
  EXPECT_NE(Cluster(items)[3], Cluster(items)[0]);  // names and numbers alone do not reach
}

// Placements of items clustered as one batch.
std::vector<Placement> Place(const std::vector<Item>& items, ClusterOptions options = {}) {
  std::vector<ArticleTerms> terms;
  DocumentFrequencies df;
  for (const Item& it : items) {
    terms.push_back(DescribeArticle("", it.text, it.language, it.date));
    df.Add(terms.back());
  }
  StoryClusterer clusterer(options);
  std::vector<Placement> out;
  for (const ArticleTerms& t : terms) out.push_back(clusterer.Add(Weigh(t, df)));
  return out;
}

TEST(StoriesTest, AStoryInOneLanguageJoinsItsNearestStoryInAnother) {
  // Events that never take an article of another language (a similarity
  // no article reaches) and no story large enough to take new events:
  // only the merge across languages makes the English flood report one
  // story with the German ones, and it leaves the vote alone.
  const Translations t(kDictionary, "en");
  const Item english{"en",
                     "The flood keeps firefighters busy: water in cellars and shops, and "
                     "the state of disaster still applies while the flood water recedes.",
                     kMay};
  ClusterOptions options;
  options.min_similarity = options.min_similarity_dated = 0.99;
  options.min_story_members = 1000;
  const std::vector<Item> items = {kFlood1, kVote1, english};
  std::vector<uint32_t> s = Cluster(items, options, &t);
  EXPECT_EQ(s[2], s[0]);
  EXPECT_NE(s[1], s[0]);
  options.merge_across_languages = false;
  s = Cluster(items, options, &t);
  EXPECT_NE(s[2], s[0]);
  // Two stories of one language never merge this way.
  options.merge_across_languages = true;
  s = Cluster({kFlood1, kVote1, kFlood3}, options, &t);
  EXPECT_NE(s[2], s[0]);
}

TEST(StoriesTest, ALargeStoryTakesANewDevelopmentAsAnEventOfItsOwn) {
  // A flood covered by many articles; then the clean-up: other words, the
  // same place and river. It is a new event of the flood's story once the
  // story is large (min_story_members), a story of its own before.
  const Item cleanup{"de",
                     "In Passau beginnen die Aufräumarbeiten. Helfer schaufeln Schlamm aus der "
                     "Altstadt, die Versicherer schätzen die Schäden auf Millionen.",
                     kMay};
  std::vector<Item> items;
  for (int i = 0; i < 6; ++i) items.insert(items.end(), {kFlood1, kFlood2, kFlood3});
  items.push_back(cleanup);
  ClusterOptions options;
  options.min_story_members = 15;
  std::vector<Placement> p = Place(items, options);
  EXPECT_EQ(p.back().story, p[0].story);
  EXPECT_NE(p.back().event, p[0].event);
  for (size_t i = 1; i + 1 < p.size(); ++i) EXPECT_EQ(p[i].event, p[0].event) << i;
  options.min_story_members = 100;  // a small story: the clean-up stands alone
  p = Place(items, options);
  EXPECT_NE(p.back().story, p[0].story);
  // Words of another story do not join it however large it is.
  items.back() = kVote1;
  options.min_story_members = 15;
  p = Place(items, options);
  EXPECT_NE(p.back().story, p[0].story);
}

TEST(StoriesTest, ALargeStoryTakesInAPieceOfItThatFormedEarlier) {
  // A report a week after the first day is too far for the first day's
  // event and finds no large story yet: a story of its own. Once the
  // flood's story is large, that piece joins it.
  Item first = kFlood1, later = kFlood2, more = kFlood3;
  first.date = more.date = {2024, 5, 3};
  later.date = {2024, 5, 10};
  std::vector<Item> items = {first, later};
  for (int i = 0; i < 16; ++i) items.push_back(i % 2 ? more : first);
  const std::vector<Placement> p = Place(items);
  ASSERT_NE(p[1].story, p[0].story);
  std::vector<uint32_t> merged;
  for (const Placement& x : p) merged.insert(merged.end(), x.merged.begin(), x.merged.end());
  EXPECT_EQ(merged, std::vector<uint32_t>{p[1].story});
  EXPECT_EQ(p.back().story, p[0].story);
  // Without merges (min_merge_similarity above 1) the piece stays apart.
  ClusterOptions options;
  options.min_merge_similarity = 2;
  for (const Placement& x : Place(items, options)) EXPECT_TRUE(x.merged.empty());
}

TEST(StoriesTest, WithinOneLanguageAStoryIsJoinedByItsWordsNotByCrossTerms) {
  // A large German story, and a German article that shares one light word
  // with it and all of its cross terms (stems and compound parts, as
  // unrelated texts can share): the cross terms are how two languages
  // meet, so within one the article opens a story of its own.
  const auto unit = [](TermWeights v) {
    double n = 0;
    for (const auto& [t, w] : v) n += double(w) * double(w);
    for (auto& [t, w] : v) w = float(double(w) / std::sqrt(n));
    return v;
  };
  ArticleVectors member;
  member.language = "de";
  member.all = unit({{1, 1.0f}});
  member.cross = unit({{1, 1.0f}, {100, 1.0f}});
  ArticleVectors other = member;
  other.all = unit({{1, 0.1f}, {2, 1.0f}});
  ClusterOptions options;
  options.min_story_members = 15;
  options.merge_across_languages = false;
  StoryClusterer clusterer(options);
  const Placement first = clusterer.Add(member);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(clusterer.Add(member).story, first.story);
  const Placement placed = clusterer.Add(other);
  EXPECT_NE(placed.story, first.story);
  EXPECT_TRUE(placed.merged.empty());
  // The same article in English: its cross terms (German translations,
  // which find the German events by their words) are what it is compared
  // by.
  ArticleVectors english = other;
  english.language = "en";
  english.all = unit({{3, 1.0f}});
  english.cross = member.cross;
  StoryClusterer again(options);
  const Placement german = again.Add(member);
  for (int i = 0; i < 20; ++i) again.Add(member);
  EXPECT_EQ(again.Add(english).story, german.story);
}

TEST(StoriesTest, NamesMeetAcrossSpellingsAndLanguages) {
  // "Selenskyjs" (German genitive) and "Zelensky" (English) are one name;
  // "Präsident" at a sentence start and lower-case words are no names.
  const ArticleTerms de = DescribeArticle("", "Die Rede Selenskyjs in Kiew.", "de", {});
  const ArticleTerms en = DescribeArticle("", "A speech by Zelensky in Kyiv.", "en", {});
  size_t shared = 0;
  for (const auto& [term, w] : de.names) {
    for (const auto& [other, v] : en.names) shared += term == other;
  }
  EXPECT_EQ(shared, 1u);
  EXPECT_EQ(de.names.size(), 3u);  // Rede, Selenskyjs, Kiew: German nouns are capitalised
}

}  // namespace
}  // namespace lagebild::stories
