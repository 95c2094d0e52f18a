#include "util/words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lagebild::util {
namespace {

TEST(WordsTest, LetterRunsStemsAndSharedFraction) {
  std::vector<std::string> runs;
  std::vector<size_t> letters;
  ForEachLetterRun("Über 3.000 Soldaten, la fête!", [&](std::string_view w, size_t n) {
    runs.emplace_back(w);
    letters.push_back(n);
  });
  EXPECT_EQ(runs, (std::vector<std::string>{"Über", "Soldaten", "la", "fête"}));
  EXPECT_EQ(letters, (std::vector<size_t>{4, 8, 2, 4}));
  EXPECT_EQ(FirstChars("übermorgen", 3), "übe");
  EXPECT_EQ(FirstChars("ab", 5), "ab");
  Interner ids;
  EXPECT_EQ(ids.Id("a"), 0u);
  EXPECT_EQ(ids.Id("b"), 1u);
  EXPECT_EQ(ids.Id("a"), 0u);
  EXPECT_DOUBLE_EQ(SharedFraction({1, 2, 3, 4}, {2, 4}), 1.0);
  EXPECT_DOUBLE_EQ(SharedFraction({1, 2, 3, 4}, {2, 5, 6, 7}), 0.25);
  EXPECT_DOUBLE_EQ(SharedFraction({}, {1}), 0.0);
}

}  // namespace
}  // namespace lagebild::util
