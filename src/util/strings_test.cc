#include "util/strings.h"

#include <gtest/gtest.h>

#include <string>

namespace lagebild::util {
namespace {

TEST(PercentTest, EncodesEverythingButUnreservedAndDecodesBack) {
  EXPECT_EQ(PercentEncode("PER vladimir putin"), "PER%20vladimir%20putin");
  EXPECT_EQ(PercentEncode("a/b?c=d&e#f"), "a%2Fb%3Fc%3Dd%26e%23f");
  EXPECT_EQ(PercentEncode("Müller"), "M%C3%BCller");
  EXPECT_EQ(PercentEncode("A-z_0.9~"), "A-z_0.9~");
  for (const std::string& s : {std::string("PER jürgen dupper"), std::string("\0\xff/%", 4), std::string()}) {
    EXPECT_EQ(PercentDecode(PercentEncode(s)).value(), s);
  }
  EXPECT_EQ(PercentDecode("a+b%2B").value(), "a+b+");
  EXPECT_FALSE(PercentDecode("%").has_value());
  EXPECT_FALSE(PercentDecode("%4").has_value());
  EXPECT_FALSE(PercentDecode("%zz").has_value());
}

}  // namespace
}  // namespace lagebild::util
