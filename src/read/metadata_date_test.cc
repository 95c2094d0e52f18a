#include <gtest/gtest.h>

#include "read/read.h"

namespace lagebild::read {
namespace {

TEST(MetadataDateTest, TableOfFormats) {
  const struct {
    const char* in;
    const char* want;  // "" = unknown
  } cases[] = {
      {"2022-01-13T10:00:00+01:00", "2022-01-13"},
      {"2022-01-13", "2022-01-13"},
      {"2022-01", "2022-01"},
      {"2022", "2022"},
      {"20220113", "2022-01-13"},
      {"2022/01/13 10:00", "2022-01-13"},
      {"Thu, 13 Jan 2022 10:00:00 +0100", "2022-01-13"},
      {"13.01.2022", "2022-01-13"},
      {"13. 1. 2022", "2022-01-13"},
      {"13. Januar 2022", "2022-01-13"},
      {"3. März 2021, 14:00 Uhr", "2021-03-03"},
      {"January 13, 2022", "2022-01-13"},
      {"Dezember 2021", "2021-12"},
      {"2024-02-29", "2024-02-29"},  // leap year
      {"2023-02-29", ""},            // not a leap year
      {"2022-13-01", ""},
      {"2022-01-32", ""},
      {"gestern", ""},
      {"", ""},
      {"1642032000", ""},  // epoch seconds are not a date string
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(ParseMetadataDate(c.in).ToString(), c.want);
  }
}

}  // namespace
}  // namespace lagebild::read
