// Timeline and summary on articles of their own: days in order with every
// article that dates something to them; the summary prefers what several
// sources say, skips repetition, cites, and states conflicts.
#include "summary/summary.h"

#include <gtest/gtest.h>

namespace lagebild::summary {
namespace {

Article Make(const std::string& id, const std::string& text,
             const std::vector<std::pair<std::string, std::string>>& dates) {
  Article a;
  a.id = id;
  a.language = "de";
  a.text = text;
  for (const auto& [words, value] : dates) {
    TimeMention t;
    t.start = static_cast<uint32_t>(text.find(words));
    t.end = static_cast<uint32_t>(t.start + words.size());
    t.text = words;
    t.type = "DATE";
    t.value = value;
    a.times.push_back(t);
  }
  return a;
}

TEST(BuildTimelineTest, DaysInOrderWithTheirArticles) {
  Article a = Make("a1", "Die Brücke wurde am 5. März gesperrt. Am 9. März soll sie wieder öffnen.",
                   {{"5. März", "2024-03-05"}, {"9. März", "2024-03-09"}});
  Article b = Make("a2", "Seit dem 5. März ist die Brücke über den Fluss gesperrt.", {{"5. März", "2024-03-05"}});
  const auto t = DigestStory({&a, &b}, {}).timeline;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].date, "2024-03-05");
  EXPECT_EQ(t[0].articles, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(t[1].date, "2024-03-09");
  EXPECT_EQ(t[1].text, "Am 9. März soll sie wieder öffnen.");
  EXPECT_EQ(t[1].articles, (std::vector<std::string>{"a1"}));
}

TEST(SummarizeTest, ConfirmedFirstNoRepetitionConflictsStated) {
  Article a = Make("a1",
                   "Ein Sturm beschädigte in der Nacht zahlreiche Dächer in der Hafenstadt Kiel. "
                   "Der Bürgermeister lobte die freiwilligen Helfer ausdrücklich. "
                   "Zahlreiche Dächer in der Hafenstadt Kiel wurden durch den Sturm beschädigt.",
                   {});
  Article b = Make("a2", "In der Nacht beschädigte ein schwerer Sturm zahlreiche Dächer der Hafenstadt Kiel.", {});
  Article c = Make("a3", "Ein Sturm hat zahlreiche Dächer in Kiel beschädigt, meldete die Feuerwehr heute.", {});
  c.duplicate_of = "a2";
  Claim conflict;
  conflict.about = "people injured";
  conflict.status = "conflicting";
  conflict.values = {{"a1", "neun", 9.0, 9.0, 9.0, "", "", ""}, {"a2", "elf", 11.0, 11.0, 11.0, "", "", ""}};
  const auto s = DigestStory({&a, &b, &c}, {conflict}).summary;
  ASSERT_GE(s.size(), 3u);
  // The storm, which every article tells, comes first; it cites the
  // articles that say nearly all of it (a3 leaves out the night and the
  // port: it confirms the sentence, but is not cited for it).
  EXPECT_NE(s[0].text.find("Sturm"), std::string::npos);
  EXPECT_EQ(s[0].articles, (std::vector<std::string>{"a1", "a2"}));
  // Its repetition in a1 is left out; the praise (one source) follows.
  size_t storms = 0;
  for (const CitedText& x : s) storms += x.text.find("Dächer") != std::string::npos;
  EXPECT_EQ(storms, 1u);
  EXPECT_EQ(s.back().text, "Widersprüchliche Angaben (people injured): „neun (9)“ gegenüber „elf (11)“.");
  EXPECT_EQ(s.back().articles, (std::vector<std::string>{"a1", "a2"}));
  // A figure updated as the days passed is said so, with its days.
  a.published = {{2023, 2, 6}, DateBasis::kMetadata};
  b.published = {{2023, 2, 9}, DateBasis::kMetadata};
  Claim update = conflict;
  update.status = "updated";
  update.values = {{"a1", "neun", 9.0, 9.0, 9.0, "", "", ""}, {"a2", "elf", 11.0, 11.0, 11.0, "", "", ""}};
  const auto u = DigestStory({&a, &b, &c}, {update}).summary;
  ASSERT_FALSE(u.empty());
  EXPECT_EQ(u.back().text,
            "Angaben, die sich mit den Tagen änderten (people injured): „neun“ (2023-02-06) → „elf“ (2023-02-09).");
}

}  // namespace
}  // namespace lagebild::summary
