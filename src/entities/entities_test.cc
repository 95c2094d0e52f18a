// Linking on mentions of its own: spellings of one person joined, different
// people kept apart, abbreviations and place names joined by alias.
#include "entities/entities.h"

#include <gtest/gtest.h>

namespace lagebild::entities {
namespace {

Article Make(const std::string& lang, const std::vector<std::pair<std::string, std::string>>& ms) {
  Article a;
  a.language = lang;
  for (const auto& [text, type] : ms) {
    EntityMention m;
    m.start = static_cast<uint32_t>(a.text.size());
    a.text += text;
    m.end = static_cast<uint32_t>(a.text.size());
    a.text += " sagte etwas. ";
    m.text = text;
    m.type = type;
    a.entities.push_back(m);
  }
  return a;
}

const StoryEntity* With(const std::vector<StoryEntity>& es, const std::string& variant) {
  for (const StoryEntity& e : es) {
    for (const std::string& v : e.variants) {
      if (v == variant) return &e;
    }
  }
  return nullptr;
}

TEST(LinkEntitiesTest, SpellingsOfOnePersonAreOneEntity) {
  Article a = Make("de", {{"Wolodymyr Selenskyj", "PER"}, {"Selenskyj", "PER"},
                          {"Alexander Lukaschenko", "PER"}, {"Recep Tayyip Erdoğan", "PER"}});
  Article b = Make("en", {{"Volodymyr Zelensky", "PER"}, {"Zelenskyy", "PER"},
                          {"Alexander Lukashenko", "PER"}, {"Lukashenko's", "PER"},
                          {"Recep Tayyip Erdogan", "PER"}, {"Erdogan", "PER"}});
  const auto es = LinkEntities({&a, &b});
  const StoryEntity* z = With(es, "Selenskyj");
  ASSERT_NE(z, nullptr);
  for (const char* v : {"Wolodymyr Selenskyj", "Volodymyr Zelensky", "Zelenskyy"}) {
    EXPECT_EQ(With(es, v), z) << v;
  }
  EXPECT_EQ(z->type, "PER");
  EXPECT_EQ(z->name, "Wolodymyr Selenskyj");  // the full form of the German article
  EXPECT_EQ(With(es, "Alexander Lukashenko"), With(es, "Alexander Lukaschenko"));
  EXPECT_EQ(With(es, "Recep Tayyip Erdogan"), With(es, "Recep Tayyip Erdoğan"));
  EXPECT_EQ(With(es, "Erdogan"), With(es, "Recep Tayyip Erdoğan"));
  EXPECT_NE(With(es, "Erdogan"), z);
  // Every mention carries its entity's id.
  for (const Article* x : {&a, &b}) {
    for (const EntityMention& m : x->entities) EXPECT_FALSE(m.entity.empty()) << m.text;
  }
}

TEST(LinkEntitiesTest, ALoneSurnameTypedAsAPlaceIsThePersonOfTheStory) {
  // The tagger's type of a lone word loses to the story: the surname of
  // one person is that person; a major place keeps its type; a surname two
  // people share is a person, but neither of them.
  Article a = Make("de", {{"Olschas Bektenow", "PER"}, {"Bektenow", "LOC"},
                          {"George Washington", "PER"}, {"Washington", "LOC"},
                          {"Anna Kowalczyk", "PER"}, {"Piotr Kowalczyk", "PER"},
                          {"Kowalczyk", "ORG"}});
  Article b = Make("de", {{"Olzhas Bektenov", "PER"}, {"Bektenows", "ORG"}});
  const auto es = LinkEntities({&a, &b});
  const StoryEntity* p = With(es, "Olschas Bektenow");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "PER");
  EXPECT_EQ(With(es, "Bektenow"), p);
  EXPECT_EQ(With(es, "Olzhas Bektenov"), p);
  EXPECT_EQ(a.entities[1].type, "PER");
  ASSERT_NE(With(es, "Washington"), nullptr);
  EXPECT_EQ(With(es, "Washington")->type, "LOC");
  EXPECT_NE(With(es, "Washington"), With(es, "George Washington"));
  ASSERT_NE(With(es, "Kowalczyk"), nullptr);
  EXPECT_EQ(With(es, "Kowalczyk")->type, "PER");
  EXPECT_NE(With(es, "Kowalczyk"), With(es, "Anna Kowalczyk"));
  EXPECT_NE(With(es, "Kowalczyk"), With(es, "Piotr Kowalczyk"));
}

TEST(LinkEntitiesTest, SurnamesInTwoRomanisationsWithTheSameFirstName) {
  // Ч written "tsch" in German and "ch" in English.
  Article a = Make("de", {{"Oleksandr Tkatschenko", "PER"}});
  Article b = Make("en", {{"Oleksandr Tkachenko", "PER"}, {"Tkachenko", "PER"},
                          {"Olga Tkachenko", "PER"}});
  const auto es = LinkEntities({&a, &b});
  EXPECT_EQ(With(es, "Oleksandr Tkatschenko"), With(es, "Oleksandr Tkachenko"));
  // Another first name is another person.
  EXPECT_NE(With(es, "Olga Tkachenko"), With(es, "Oleksandr Tkachenko"));
}

TEST(LinkEntitiesTest, DifferentPeopleSharingASurnameStayApart) {
  Article a = Make("de", {{"Thomas Müller", "PER"}, {"Gerd Müller", "PER"}, {"Müller", "PER"},
                          {"George H. W. Bush", "PER"}, {"George W. Bush", "PER"},
                          {"Bush", "PER"}});
  const auto es = LinkEntities({&a});
  EXPECT_NE(With(es, "Thomas Müller"), With(es, "Gerd Müller"));
  // "Müller" alone could be either: it joins neither.
  EXPECT_NE(With(es, "Müller"), With(es, "Thomas Müller"));
  EXPECT_NE(With(es, "Müller"), With(es, "Gerd Müller"));
  // Bush senior and junior: no evidence that they are one person.
  EXPECT_NE(With(es, "George H. W. Bush"), With(es, "George W. Bush"));
  EXPECT_NE(With(es, "Bush"), With(es, "George W. Bush"));
}

TEST(LinkEntitiesTest, AbbreviationsAndPlaceNamesByAlias) {
  Article a = Make("de", {{"IWF", "ORG"}, {"Weißrussland", "LOC"}, {"Lemberg", "LOC"}});
  Article b = Make("en", {{"IMF", "ORG"}, {"Belarus", "LOC"}, {"Lviv", "LOC"}});
  const auto es = LinkEntities({&a, &b});
  ASSERT_NE(With(es, "IWF"), nullptr);
  EXPECT_EQ(With(es, "IWF"), With(es, "IMF"));
  EXPECT_EQ(With(es, "IWF")->name, "Internationaler Währungsfonds");
  EXPECT_EQ(With(es, "Weißrussland"), With(es, "Belarus"));
  EXPECT_EQ(With(es, "Lemberg"), With(es, "Lviv"));
  EXPECT_NE(With(es, "Lemberg"), With(es, "Belarus"));
}

TEST(LinkEntitiesTest, KnownNamesTheTaggerMissedAreFound) {
  Article a = Make("de", {{"Annalena Baerbock", "PER"}});
  a.text += "Baerbocks Sprecher und später Baerbock selbst.";
  const auto es = LinkEntities({&a});
  const StoryEntity* s = With(es, "Annalena Baerbock");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(With(es, "Baerbock"), s);
  EXPECT_EQ(With(es, "Baerbocks"), s);
  for (const EntityMention& m : a.entities) {
    EXPECT_EQ(a.text.substr(m.start, m.end - m.start), m.text);
    EXPECT_EQ(m.entity, s->id);
  }
}

TEST(LinkEntitiesTest, AMajorPlaceNameIsThePersonWhenTheStoryNamesThePersonMore) {
  // "Elizabeth" is a city of New Jersey, but beside three mentions of
  // Elizabeth II it is the Queen; "Washington" beside one "George
  // Washington" and two of the city stays the city.
  Article a = Make("de", {{"Elizabeth II", "PER"}, {"Elizabeth II", "PER"},
                          {"Queen Elizabeth II", "PER"}, {"Elizabeth", "LOC"}});
  Article b = Make("de", {{"George Washington", "PER"}, {"Washington", "LOC"},
                          {"Washington", "LOC"}});
  LinkEntities({&a});
  EXPECT_EQ(a.entities[3].type, "PER");
  LinkEntities({&b});
  EXPECT_EQ(b.entities[1].type, "LOC");
}

TEST(LinkEntitiesTest, ArabicArticlesCompoundsAndSwappedLetters) {
  // "al-Assad" is "Assad"; "Assad-Regime" names him; "Selneskyj" is a
  // slip for "Selenskyj"; "Selnskyj" is not (a letter left out may be
  // another name).
  Article a = Make("de", {{"Baschar al-Assad", "PER"}, {"Wolodymyr Selenskyj", "PER"},
                          {"Thomas Müller", "PER"}});
  a.text += "Das Assad-Regime und Bashar Assad. Selneskyj sprach. Selnskyj kam.";
  Article b = Make("en", {{"Bashar Assad", "PER"}});
  const auto es = LinkEntities({&a, &b});
  const StoryEntity* assad = With(es, "Baschar al-Assad");
  ASSERT_NE(assad, nullptr);
  EXPECT_EQ(With(es, "Bashar Assad"), assad);
  EXPECT_EQ(With(es, "Assad"), assad);  // from the compound
  EXPECT_EQ(With(es, "Selneskyj"), With(es, "Wolodymyr Selenskyj"));
  EXPECT_EQ(With(es, "Selnskyj"), nullptr);
  for (const EntityMention& m : a.entities) {
    EXPECT_EQ(a.text.substr(m.start, m.end - m.start), m.text);
  }
}

TEST(AddKnownNamesTest, AFullNameTaggedElsewhereIsFoundWhereTheTaggerMissedIt) {
  Article a = Make("de", {{"Olaf Scholz", "PER"}});
  Article b = Make("de", {{"Olaf Scholz", "PER"}, {"Nancy Faeser", "PER"}});
  Article c;
  c.language = "de";
  c.text = "Bundeskanzler Olaf Scholz (SPD) und Nancy Faeser reisten, sagte Olaf.";
  AddKnownNames({&a, &b, &c});
  // Scholz is tagged twice: found in c; Faeser once: not enough to go on.
  ASSERT_EQ(c.entities.size(), 1u);
  EXPECT_EQ(c.entities[0].text, "Olaf Scholz");
  EXPECT_EQ(c.entities[0].type, "PER");
  EXPECT_EQ(c.text.substr(c.entities[0].start, c.entities[0].end - c.entities[0].start),
            "Olaf Scholz");
  // Nothing is added twice.
  AddKnownNames({&a, &b, &c});
  EXPECT_EQ(c.entities.size(), 1u);
  EXPECT_EQ(a.entities.size(), 1u);
}

TEST(GeocodeTest, CountriesCitiesAndAmbiguity) {
  // "Moskau" in a story about Russia is Moscow, Russia (not Moscow, Idaho).
  Article a = Make("de", {{"Moskau", "LOC"}, {"Russland", "LOC"}, {"Kasachstan", "LOC"},
                          {"Almaty", "LOC"}, {"Nirgendheim", "LOC"}});
  const auto es = LinkEntities({&a});
  const StoryEntity* m = With(es, "Moskau");
  ASSERT_NE(m, nullptr);
  ASSERT_TRUE(m->geo.has_value());
  EXPECT_NEAR(m->geo->lat, 55.75, 0.1);
  EXPECT_NEAR(m->geo->lon, 37.62, 0.1);
  ASSERT_TRUE(With(es, "Kasachstan")->geo.has_value());
  EXPECT_NEAR(With(es, "Kasachstan")->geo->lat, 48.0, 0.5);
  EXPECT_NEAR(With(es, "Almaty")->geo->lon, 76.93, 0.1);
  EXPECT_FALSE(With(es, "Nirgendheim")->geo.has_value());
  // In a story about Idaho, Moscow is the one there.
  Article b = Make("en", {{"Moscow", "LOC"}, {"United States", "LOC"}});
  const auto us = LinkEntities({&b});
  ASSERT_TRUE(With(us, "Moscow")->geo.has_value());
  EXPECT_NEAR(With(us, "Moscow")->geo->lon, -117.0, 0.1);
  // German exonyms reach the GeoNames names through the alias table.
  Article d = Make("de", {{"Wien", "LOC"}, {"Tiflis", "LOC"}});
  const auto ex = LinkEntities({&d});
  ASSERT_TRUE(With(ex, "Wien")->geo.has_value());
  EXPECT_NEAR(With(ex, "Wien")->geo->lat, 48.21, 0.1);
  ASSERT_TRUE(With(ex, "Tiflis")->geo.has_value());
  EXPECT_NEAR(With(ex, "Tiflis")->geo->lon, 44.83, 0.1);
  // People are not geocoded.
  Article c = Make("de", {{"Georgia Meloni", "PER"}});
  EXPECT_FALSE(LinkEntities({&c}).front().geo.has_value());
}

}  // namespace
}  // namespace lagebild::entities

namespace lagebild::entities {
namespace {

StoryEntity Named(const std::string& type, const std::string& name) {
  StoryEntity e;
  e.type = type;
  e.name = name;
  e.variants = {name};
  return e;
}

// Keys of entities of several stories, story by story.
std::vector<std::vector<std::string>> Keys(std::vector<std::vector<StoryEntity>> stories) {
  std::vector<std::vector<StoryEntity>*> all;
  for (auto& s : stories) all.push_back(&s);
  AssignKeys(all);
  std::vector<std::vector<std::string>> out;
  for (const auto& s : stories) {
    out.emplace_back();
    for (const StoryEntity& e : s) out.back().push_back(e.key);
  }
  return out;
}

TEST(AssignKeysTest, OnePersonAcrossStoriesSpellingsTypesAndGenitives) {
  const auto k = Keys({{Named("PER", "Wladimir Putin")},
                       {Named("PER", "Vladimir Putin"), Named("PER", "Putin")},
                       {Named("LOC", "Putins"), Named("LOC", "Mariupol Wladimir Putin")}});
  EXPECT_EQ(k[0][0], "PER vladimir putin");
  EXPECT_EQ(k[1][0], k[0][0]);
  EXPECT_EQ(k[1][1], k[0][0]);  // the surname alone
  EXPECT_EQ(k[2][0], k[0][0]);  // a genitive typed as a place
  EXPECT_EQ(k[2][1], k[0][0]);  // a place glued to the name
}

TEST(AssignKeysTest, TwoPeopleWhoShareASurnameStayTwo) {
  const auto k = Keys({{Named("PER", "Thomas Müller")}, {Named("PER", "Gerd Müller")},
                       {Named("PER", "Müller")}});
  EXPECT_NE(k[0][0], k[1][0]);
  EXPECT_NE(k[2][0], k[0][0]);  // which Müller is not known
  EXPECT_NE(k[2][0], k[1][0]);
}

TEST(AssignKeysTest, RomanisationsRegnalNamesAndPunctuation) {
  const auto k = Keys({{Named("PER", "Wadym Bojtschenko"), Named("PER", "Elizabeth II")},
                       {Named("PER", "Wadim Boichenko"), Named("PER", "Elizabeth"),
                        Named("ORG", "RT DE:")},
                       {Named("PER", "Boichenko"), Named("PER", "Elizabeth II.»."),
                        Named("ORG", "RT DE")}});
  EXPECT_EQ(k[1][0], k[0][0]);  // a surname a letter apart, the same first name
  EXPECT_EQ(k[2][0], k[0][0]);
  EXPECT_EQ(k[1][1], k[0][1]);  // a monarch by name alone
  EXPECT_EQ(k[2][1], k[0][1]);
  EXPECT_EQ(k[2][2], k[1][2]);  // punctuation is no part of a name
}

TEST(AssignKeysTest, RegnalNamesInTwoLanguagesAndFirstNamesInTwoRomanisations) {
  const auto k = Keys({{Named("PER", "Charles III"), Named("PER", "Serhij Orlow"),
                        Named("PER", "Petro Andruschtschenko")},
                       {Named("PER", "Karl III."), Named("PER", "Sergei Orlov"),
                        Named("PER", "Petr Andryushchenko"), Named("PER", "Dmytro Orlow")},
                       {Named("PER", "Karl Lauterbach"), Named("PER", "Charles Michel")}});
  EXPECT_EQ(k[1][0], k[0][0]);  // Karl III. = Charles III
  EXPECT_EQ(k[1][1], k[0][1]);  // Ukrainian h, Russian g
  EXPECT_EQ(k[1][2], k[0][2]);  // Щ as schtsch and shch, Petro and Petr
  EXPECT_NE(k[1][3], k[0][1]);  // another Orlov
  // Without a regnal number a first name is never translated.
  EXPECT_EQ(k[2][0], "PER karl lauterbah");
  EXPECT_NE(k[2][1], k[2][0]);
}

}  // namespace
}  // namespace lagebild::entities
