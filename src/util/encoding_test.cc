#include "util/encoding.h"

#include <gtest/gtest.h>

#include "util/utf8.h"

namespace lagebild::util {
namespace {

TEST(EncodingTest, KeepsValidUtf8) {
  const Decoded d = DecodeToUtf8("Grüße", "iso-8859-1");  // a wrong declaration loses
  EXPECT_EQ(d.text, "Grüße");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.replaced, 0u);
}

TEST(EncodingTest, StripsUtf8Bom) {
  const Decoded d = DecodeToUtf8("\xEF\xBB\xBFHallo");
  EXPECT_EQ(d.text, "Hallo");
  EXPECT_EQ(d.encoding, "UTF-8");
}

TEST(EncodingTest, DecodesUtf16WithBom) {
  const std::string le("\xFF\xFEH\0\xE4\0", 6);
  EXPECT_EQ(DecodeToUtf8(le).text, "Hä");
  EXPECT_EQ(DecodeToUtf8(le).encoding, "UTF-16LE");
  const std::string be("\xFE\xFF\0H\0\xE4", 6);
  EXPECT_EQ(DecodeToUtf8(be).text, "Hä");
}

TEST(EncodingTest, ReadsLatin1AsWindows1252) {
  // "Größe – 5 €" in Windows-1252: the dash and euro sign live in 0x80..0x9F.
  const Decoded d = DecodeToUtf8("Gr\xF6\xDF" "e \x96 5 \x80");
  EXPECT_EQ(d.text, "Größe – 5 €");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(EncodingTest, UsesDeclaredCharsetForOtherEncodings) {
  // "Łódź" in ISO-8859-2.
  const Decoded d = DecodeToUtf8("\xA3\xF3\x64\xBC", "ISO-8859-2");
  EXPECT_EQ(d.text, "Łódź");
  EXPECT_EQ(d.encoding, "iso-8859-2");
}

TEST(EncodingTest, UnknownCharsetFallsBackToWindows1252) {
  const Decoded d = DecodeToUtf8("K\xF6ln", "no-such-charset");
  EXPECT_EQ(d.text, "Köln");
}

TEST(EncodingTest, MostlyUtf8WithABrokenByteIsRepairedNotReinterpreted) {
  const Decoded d = DecodeToUtf8("Grüße aus Köln \xFF und München");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.replaced, 1u);
  EXPECT_EQ(d.first_replaced, 18u);
  EXPECT_EQ(d.text, "Grüße aus Köln \xEF\xBF\xBD und München");
}

TEST(EncodingTest, DetectsBinaryData) {
  EXPECT_EQ(DetectBinary("%PDF-1.7\n..."), "PDF document");
  EXPECT_EQ(DetectBinary("\x1F\x8B\x08\x00"), "gzip data");
  EXPECT_EQ(DetectBinary(std::string("abc\0def", 7)), "binary data (NUL bytes)");
  EXPECT_EQ(DetectBinary("Ganz normaler Text.\n"), std::nullopt);
  EXPECT_EQ(DetectBinary("K\xF6ln"), std::nullopt);  // Latin-1 is text
  std::string controls(100, '\x01');
  EXPECT_EQ(DetectBinary(controls), "binary data");
}

}  // namespace
}  // namespace lagebild::util
