// The NER tagger on small data of its own: it learns a pattern, survives a
// save/load round trip, rejects malformed models, and reads corpora.
#include "ner/ner.h"

#include <gtest/gtest.h>

#include <map>

#include "ner/corpus.h"
#include "ner/tokenize.h"

namespace lagebild::ner {
namespace {

std::vector<Sentence> Toy() {
  // "Präsident X sagte" with X a person; "in Y" with Y a place.
  const std::vector<std::string> people = {"Tokajew", "Putin", "Lukaschenko", "Selenskyj", "Macron"};
  const std::vector<std::string> places = {"Almaty", "Moskau", "Minsk", "Kiew", "Paris"};
  std::vector<Sentence> out;
  for (int round = 0; round < 4; ++round) {
    for (size_t i = 0; i < people.size(); ++i) {
      out.push_back({{"Präsident", people[i], "sagte", "in", places[(i + round) % places.size()], "."},
                     {"O", "B-PER", "O", "O", "B-LOC", "O"}});
      out.push_back({{"Der", "Besuch", "von", "Kassym-Jomart", people[i], "endete", "."},
                     {"O", "O", "O", "B-PER", "I-PER", "O", "O"}});
    }
  }
  return out;
}

TEST(NerTest, LearnsAndGeneralisesToUnseenNames) {
  TrainOptions o;
  o.epochs = 5;
  const Model m = Model::Train(Toy(), o);
  EXPECT_EQ(m.labels()[0], "O");
  const auto got = m.Tag({"Präsident", "Erdogan", "sagte", "in", "Ankara", "."});
  ASSERT_EQ(got.size(), 6u);
  EXPECT_EQ(got[1], "B-PER");
  EXPECT_EQ(got[0], "O");
  EXPECT_EQ(got[2], "O");
  EXPECT_TRUE(m.Tag({}).empty());
}

TEST(NerTest, SaveLoadRoundTripTagsTheSame) {
  TrainOptions o;
  o.epochs = 3;
  const Model m = Model::Train(Toy(), o);
  const std::string bytes = m.Save();
  auto loaded = Model::Load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const std::vector<std::string_view> s = {"Der", "Besuch", "von", "Kassym-Jomart", "Putin", "."};
  EXPECT_EQ(loaded.value().Tag(s), m.Tag(s));
  EXPECT_EQ(loaded.value().Save(), bytes);
  // Malformed models are errors, never crashes.
  EXPECT_FALSE(Model::Load("").ok());
  EXPECT_FALSE(Model::Load("LGNER1").ok());
  EXPECT_FALSE(Model::Load(bytes.substr(0, bytes.size() - 3)).ok());
  EXPECT_FALSE(Model::Load(bytes + "x").ok());
  std::string bad = bytes;
  bad[0] = 'X';
  EXPECT_FALSE(Model::Load(bad).ok());
  // A feature count far beyond the data is an error, not a huge allocation.
  std::string lie("LGNER1\x01\x00\x00\x00\x01O", 12);
  lie.append(8, '\0');  // 2 x 1 transition weights
  lie.append("\xff\xff\xff\xff", 4);
  const auto r = Model::Load(lie);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("feature count"), std::string::npos) << r.status().message();
}

TEST(NerTest, DecodingKeepsBioConsistent) {
  TrainOptions o;
  o.epochs = 2;
  const Model m = Model::Train(Toy(), o);
  const auto got = m.Tag({"Kassym-Jomart", "Kassym-Jomart", "und", "Kiew", "Kiew", "Kiew"});
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i][0] != 'I') continue;
    ASSERT_GT(i, 0u);
    EXPECT_EQ(got[i - 1].substr(2), got[i].substr(2));
    EXPECT_NE(got[i - 1], "O");
  }
}

TEST(NerSpansTest, OuterSpansStrict) {
  const std::vector<Span> s = SpansOf({"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"});
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], (Span{0, 2, "PER"}));
  EXPECT_EQ(s[1], (Span{3, 4, "LOC"}));  // a stray I- starts a span
  EXPECT_EQ(s[2], (Span{4, 5, "ORG"}));
  EXPECT_EQ(s[3], (Span{5, 7, "ORG"}));
}

TEST(NerCorpusTest, GermEvalAndConll) {
  size_t skipped = 0;
  const auto g = ReadGermEval(
      "#\tsource\n1\tIn\tO\tO\n2\tAlmaty\tB-LOC\tO\n\n#\tx\n1\tbroken\n1\tOVKS\tB-ORG\tO\n", &skipped);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].words, (std::vector<std::string>{"In", "Almaty"}));
  EXPECT_EQ(g[0].labels[1], "B-LOC");
  EXPECT_EQ(skipped, 1u);
  skipped = 0;
  const auto c = ReadConll("Das O\nBGH B-GRT\nurteilt O\n\r\nX\n", {{"GRT", "ORG"}}, &skipped);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].labels[1], "B-ORG");
  EXPECT_EQ(skipped, 1u);
}

TEST(NerShippedModelTest, FindsPeoplePlacesAndOrganisationsInNews) {
  ASSERT_TRUE(HasNerModel("de"));
  for (const std::string& p : NerModelProblems()) ADD_FAILURE() << p;
  const std::string text =
      "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten "
      "Emmanuel Macron. Die NATO berieten in Brüssel.";
  const auto got = FindEntities(text, "de");
  auto has = [&](const std::string& name, const std::string& type) {
    for (const EntityMention& e : got) {
      EXPECT_EQ(text.substr(e.start, e.end - e.start), e.text);
      if (e.text == name) return e.type == type;
    }
    return false;
  };
  EXPECT_TRUE(has("Olaf Scholz", "PER"));
  EXPECT_TRUE(has("Emmanuel Macron", "PER"));
  EXPECT_TRUE(has("Berlin", "LOC"));
  EXPECT_TRUE(has("Brüssel", "LOC"));
  EXPECT_TRUE(has("NATO", "ORG"));
  // A role before a name is not part of the mention.
  bool putin = false;  // (the model leaves "Präsident" out by itself)
  for (const EntityMention& e : FindEntities("Am Montag sagte Präsident Wladimir Putin in Moskau, "
                                             "der Krieg gehe weiter.", "de")) {
    EXPECT_EQ(e.text.find("Präsident"), std::string::npos) << e.text;
    putin |= e.text == "Wladimir Putin" && e.type == "PER";
  }
  EXPECT_TRUE(putin);
  // "französischen" is a derived form, not a mention.
  for (const EntityMention& e : got) EXPECT_EQ(e.text.find("französisch"), std::string::npos);
  EXPECT_TRUE(FindEntities(text, "xx").empty());
  EXPECT_TRUE(FindEntities("", "de").empty());
}

TEST(NerShippedModelTest, ArabicArticlesAndDashesBetweenNames) {
  // The name goes on over "al-"; it stops at a dash between words.
  bool assad = false;
  for (const EntityMention& e : FindEntities(
           "Die Gebiete stehen nicht unter der Kontrolle der Regierung von Präsident Baschar "
           "al-Assad.", "de")) {
    EXPECT_EQ(e.text.find("Baschar") != std::string::npos, e.text == "Baschar al-Assad") << e.text;
    assad |= e.text == "Baschar al-Assad" && e.type == "PER";
  }
  EXPECT_TRUE(assad);
  for (const EntityMention& e : FindEntities(
           "Queen's state funeral to be followed by Windsor service and burial next to Philip "
           "\u2013 The Guardian\n\nWestminster Abbey ceremony", "en")) {
    EXPECT_EQ(e.text.find("\u2013"), std::string::npos) << e.text;
    EXPECT_EQ(e.text.find("Guardian") != std::string::npos, e.text == "Guardian") << e.text;
  }
}

TEST(NerShippedModelTest, EnglishTextWithoutCalendarWordsTitlesOrNationalities) {
  ASSERT_TRUE(HasNerModel("en"));
  const std::string text =
      "On Tuesday, President Joe Biden met German Chancellor Olaf Scholz in Washington. "
      "The two leaders discussed sanctions against Russia. In March, the European Union "
      "agreed on new measures. There was no comment from Moscow.";
  std::map<std::string, std::string> got;
  for (const EntityMention& e : FindEntities(text, "en")) {
    EXPECT_EQ(text.substr(e.start, e.end - e.start), e.text);
    got[e.text] = e.type;
  }
  EXPECT_EQ(got["Joe Biden"], "PER");
  EXPECT_EQ(got["Olaf Scholz"], "PER");
  EXPECT_EQ(got["Washington"], "LOC");
  EXPECT_EQ(got["Russia"], "LOC");
  EXPECT_EQ(got["Moscow"], "LOC");
  EXPECT_EQ(got["European Union"], "ORG");
  for (const char* no : {"Tuesday", "On Tuesday", "President", "German Chancellor", "German",
                         "The", "March", "In March", "There"}) {
    EXPECT_FALSE(got.contains(no)) << no;
  }
}

TEST(NerTokenizeTest, WordsAndSentences) {
  const std::string text =
      "„Wir sind bereit“, sagte Dr. Müller (CDU). Die EU-Kommission tagt z.B. heute!\n\nNeu";
  const auto s = SplitSentences(text);
  ASSERT_EQ(s.size(), 3u);
  std::vector<std::string> first;
  for (const WordSpan& w : s[0]) first.push_back(text.substr(w.start, w.end - w.start));
  EXPECT_EQ(first, (std::vector<std::string>{"„", "Wir", "sind", "bereit", "“", ",", "sagte",
                                              "Dr.", "Müller", "(", "CDU", ")", "."}));
  std::vector<std::string> second;
  for (const WordSpan& w : s[1]) second.push_back(text.substr(w.start, w.end - w.start));
  EXPECT_EQ(second, (std::vector<std::string>{"Die", "EU-Kommission", "tagt", "z.B.", "heute", "!"}));
}

}  // namespace
}  // namespace lagebild::ner
