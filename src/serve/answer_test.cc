#include "serve/answer.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace lagebild::serve {
namespace {

std::string Gunzip(const std::string& gz) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(Answer, AcceptsGzipReadsCodingsAndWeights) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP ;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("deflate,gzip;q=0.001"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("x-gzip2, gzipx"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000, identity"));
}

TEST(Answer, CompressibleTypes) {
  EXPECT_TRUE(Compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(Compressible("application/json"));
  EXPECT_TRUE(Compressible("text/csv; charset=utf-8"));
  EXPECT_FALSE(Compressible("text/event-stream"));
  EXPECT_FALSE(Compressible("image/png"));
  EXPECT_FALSE(Compressible(""));
}

TEST(Answer, GzipRoundTripsAndKeepsOnlyWhatPays) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += "Das Hochwasser hat die Dämme überflutet. " + std::to_string(i) + "\n";
  const auto big = MakeAnswer(text, "text/html; charset=utf-8", "", "", /*compress=*/true);
  ASSERT_FALSE(big->gzip.empty());
  EXPECT_LT(big->gzip.size(), text.size() / 4);
  EXPECT_EQ(Gunzip(big->gzip), text);
  EXPECT_EQ(big->body, text);
  // Not asked, too small, or not text: no gzip.
  EXPECT_TRUE(MakeAnswer(text, "text/html", "", "", false)->gzip.empty());
  EXPECT_TRUE(MakeAnswer("short", "text/html", "", "", true)->gzip.empty());
  EXPECT_TRUE(MakeAnswer(text, "image/png", "", "", true)->gzip.empty());
  // The tag follows the body.
  EXPECT_EQ(big->etag, MakeAnswer(text, "application/json", "", "", false)->etag);
  EXPECT_NE(big->etag, MakeAnswer(text + "!", "text/html", "", "", false)->etag);
  EXPECT_EQ(big->etag.front(), '"');
  EXPECT_EQ(big->etag.back(), '"');
}

}  // namespace
}  // namespace lagebild::serve
