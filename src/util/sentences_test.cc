#include "util/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lagebild::util {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(SplitSentencesTest, NumbersAbbreviationsQuotesAndLines) {
  EXPECT_EQ(Split("Am 13. Januar begann der Abzug. Dr. Müller sagte: „Gut.“ Dann ging er.\n\nTitel\nText hier."),
            (std::vector<std::string>{"Am 13. Januar begann der Abzug.", "Dr. Müller sagte: „Gut.“",
                                      "Dann ging er.", "Titel", "Text hier."}));
  EXPECT_EQ(Split("Is it? Yes! No."), (std::vector<std::string>{"Is it?", "Yes!", "No."}));
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n\n ").empty());
}

}  // namespace
}  // namespace lagebild::util
