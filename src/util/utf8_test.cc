#include "util/utf8.h"

#include <gtest/gtest.h>

namespace lagebild::util {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("Grüße aus Köln – „Zitat“ 😀 Ωμέγα"));
}

TEST(Utf8Test, CountsEachIllFormedSequence) {
  struct Case {
    std::string bytes;
    size_t invalid;
  } cases[] = {
      {"\xC3", 1},                 // truncated 2-byte
      {"\xC0\xAF", 2},             // overlong '/': two bytes, neither can start
      {"\xED\xA0\x80", 3},         // surrogate U+D800
      {"\xF4\x90\x80\x80", 4},     // > U+10FFFF
      {"\xF0\x9F\x98", 1},         // emoji cut after three bytes: one subpart
      {"ok \xFF ok", 1},           // never valid
      {"\xE2\x82", 1},             // truncated 3-byte at end: one sequence
      {"abc\x80", 1},              // stray continuation
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::PrintToString(c.bytes));
    EXPECT_EQ(CountInvalidUtf8(c.bytes), c.invalid);
    const std::string fixed = ReplaceInvalidUtf8(c.bytes);
    EXPECT_TRUE(IsValidUtf8(fixed));
    EXPECT_NE(fixed.find("\xEF\xBF\xBD"), std::string::npos);
  }
}

TEST(Utf8Test, FindsFirstInvalidOffset) {
  EXPECT_EQ(FirstInvalidUtf8("abcdefghij\xFFz"), 10u);
  EXPECT_EQ(FirstInvalidUtf8("fine"), 4u);
}

TEST(Utf8Test, PrefixNeverSplitsACharacter) {
  const std::string s = "aä€😀";  // 1 + 2 + 3 + 4 bytes
  EXPECT_EQ(Utf8PrefixLength(s, 2), 1u);
  EXPECT_EQ(Utf8PrefixLength(s, 3), 3u);
  EXPECT_EQ(Utf8PrefixLength(s, 5), 3u);
  EXPECT_EQ(Utf8PrefixLength(s, 9), 6u);
  EXPECT_EQ(Utf8PrefixLength(s, 100), s.size());
}

TEST(Utf8Test, AppendRoundTripsEveryPlane) {
  for (char32_t cp : {char32_t{0x41}, char32_t{0xE4}, char32_t{0x20AC}, char32_t{0x1F600}}) {
    std::string s;
    AppendUtf8(s, cp);
    size_t len;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(len, s.size());
  }
}

}  // namespace
}  // namespace lagebild::util
