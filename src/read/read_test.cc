// File-level reading: format choice, directories, and every kind of bad
// input the issue names: empty, binary, invalid UTF-8, oversized,
// unreadable, malformed JSON line, HTML without body.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "read/read.h"
#include "tests/testing.h"

namespace lagebild::read {
namespace {

using lagebild::testing::TempDir;

TEST(ReadFileTest, DetectsFormatByExtensionThenContent) {
  EXPECT_EQ(DetectFormat("a.HTML", ""), Format::kHtml);
  EXPECT_EQ(DetectFormat("a.ndjson", ""), Format::kJsonl);
  EXPECT_EQ(DetectFormat("a.txt", "<html>"), Format::kText);
  EXPECT_EQ(DetectFormat("-", "  <!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("-", "\xEF\xBB\xBF{\"text\":1}"), Format::kJsonl);
  EXPECT_EQ(DetectFormat("noext", "Ein Titel\n\nText"), Format::kText);
}

TEST(ReadFileTest, ExpandsDirectoriesToArticleFilesOnly) {
  TempDir dir;
  dir.Write("b.txt", "Titel\nText");
  dir.Write("a/c.html", "<p>x</p>");
  dir.Write("README.md", "# not news");
  dir.Write("config.json", "{}");
  std::vector<InputError> errors;
  auto files = ExpandInputs({dir.path(), dir.path() + "/README.md", "/no/such/path"}, &errors);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], dir.path() + "/a/c.html");
  EXPECT_EQ(files[1], dir.path() + "/b.txt");
  EXPECT_EQ(files[2], dir.path() + "/README.md");  // named directly: read
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].source, "/no/such/path");
}

TEST(ReadFileTest, EmptyFileIsAnErrorNamingIt) {
  TempDir dir;
  const auto path = dir.Write("empty.txt", "");
  ReadOutput out = ReadFile(path, Format::kAuto, {});
  EXPECT_TRUE(out.articles.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].source, path);
  EXPECT_NE(out.errors[0].message.find("empty"), std::string::npos);
}

TEST(ReadFileTest, RandomBytesAreBinary) {
  TempDir dir;
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245 + 12345;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  const auto path = dir.Write("random.txt", bytes);
  ReadOutput out = ReadFile(path, Format::kAuto, {});
  EXPECT_TRUE(out.articles.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message.find("binary"), std::string::npos);
}

TEST(ReadFileTest, PdfIsRejectedEvenAsHtml) {
  TempDir dir;
  const auto path = dir.Write("doc.html", "%PDF-1.5\n...");
  ReadOutput out = ReadFile(path, Format::kAuto, {});
  EXPECT_TRUE(out.articles.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message.find("PDF"), std::string::npos);
}

TEST(ReadFileTest, HugeFileIsTruncatedWithErrorAndFlagAndBoundedMemory) {
  TempDir dir;
  const std::string path = dir.path() + "/huge.txt";
  {
    std::ofstream f(path, std::ios::binary);
    f << "Riesige Datei\n\n";
    const std::string para(1023, 'a');
    for (int i = 0; i < 200 * 1024; ++i) f << para << '\n';  // 200 MiB
  }
  ReadOptions options;
  options.max_article_bytes = 1 << 20;
  ReadOutput out = ReadFile(path, Format::kAuto, options);
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_TRUE(out.articles[0].truncated);
  EXPECT_LE(out.articles[0].body.size(), options.max_article_bytes);
  // Cut at a line break: the last line is whole.
  const std::string& body = out.articles[0].body;
  EXPECT_EQ(body.size() - body.rfind('\n') - 1, 1023u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].source, path);
  EXPECT_NE(out.errors[0].message.find("200.0 MiB"), std::string::npos);
  EXPECT_NE(out.errors[0].message.find("1.0 MiB"), std::string::npos);
}

TEST(ReadFileTest, UnreadablePathsAreErrors) {
  TempDir dir;
  const auto file = dir.Write("plain.txt", "Titel\nText");
  for (const std::string& path : {dir.path() + "/missing.txt", file + "/below-a-file.txt"}) {
    ReadOutput out = ReadFile(path, Format::kAuto, {});
    EXPECT_TRUE(out.articles.empty());
    ASSERT_EQ(out.errors.size(), 1u) << path;
    EXPECT_EQ(out.errors[0].source, path);
  }
  if (geteuid() != 0) {  // root reads anything; permissions only bind others
    const auto secret = dir.Write("secret.txt", "x");
    chmod(secret.c_str(), 0);
    ReadOutput out = ReadFile(secret, Format::kAuto, {});
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_NE(out.errors[0].message.find("Permission denied"), std::string::npos);
  }
}

TEST(ReadFileTest, JsonlFileStreamsAndNamesBadLines) {
  TempDir dir;
  const auto path = dir.Write("s.jsonl", "{\"text\":\"a\"}\n{oops}\n" +
                                             std::string("{\"text\":\"") +
                                             std::string(3000, 'x') + "\"}\n{\"text\":\"b\"}\n");
  ReadOptions options;
  options.max_article_bytes = 1000;
  ReadOutput out = ReadFile(path, Format::kAuto, options);
  ASSERT_EQ(out.articles.size(), 2u);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_EQ(out.errors[0].source, path + ":2");
  EXPECT_EQ(out.errors[1].source, path + ":3");
  EXPECT_NE(out.errors[1].message.find("over the article limit"), std::string::npos);
}

TEST(ReadFileTest, HtmlWithoutBodyIsAnError) {
  TempDir dir;
  const auto path = dir.Write("nobody.html", "<html><head><title>t</title></head></html>");
  ReadOutput out = ReadFile(path, Format::kAuto, {});
  EXPECT_TRUE(out.articles.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].source, path);
}

}  // namespace
}  // namespace lagebild::read
