#include "util/file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "tests/testing.h"

namespace lagebild::util {
namespace {

using lagebild::testing::TempDir;

TEST(FileTest, ReadsWholeSmallFile) {
  TempDir dir;
  const auto path = dir.Write("a.txt", "hello");
  auto r = ReadFilePrefix(path, 100);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().bytes, "hello");
  EXPECT_FALSE(r.value().truncated);
}

TEST(FileTest, TruncatesAtLimitAndReportsFullSize) {
  TempDir dir;
  const auto path = dir.Write("big.txt", std::string(300000, 'x'));
  auto r = ReadFilePrefix(path, 1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().bytes.size(), 1000u);
  EXPECT_TRUE(r.value().truncated);
  EXPECT_EQ(r.value().total_size, 300000u);
}

TEST(FileTest, MissingFileIsNotFoundNamingThePath) {
  auto r = ReadFilePrefix("/nonexistent/lagebild.txt", 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/lagebild.txt"), std::string::npos);
}

TEST(FileTest, DirectoryAsFileIsAnIoError) {
  TempDir dir;
  auto r = ReadFilePrefix(dir.path(), 10);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is a directory"), std::string::npos);
}

TEST(FileTest, ListsDirectoriesRecursivelySortedWithoutHiddenFiles) {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a/z.txt", "z");
  dir.Write(".hidden/x.txt", "x");
  dir.Write(".dotfile", "x");
  auto r = ListFiles(dir.path());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().size(), 2u);
  EXPECT_EQ(r.value()[0], dir.path() + "/a/z.txt");
  EXPECT_EQ(r.value()[1], dir.path() + "/b.txt");
}

TEST(FileTest, LineReaderBoundsLongLines) {
  TempDir dir;
  const auto path = dir.Write("l.jsonl", "short\r\n" + std::string(200000, 'y') + "\nlast");
  auto r = LineReader::Open(path, 1000);
  ASSERT_TRUE(r.ok());
  std::string line;
  bool too_long;
  ASSERT_TRUE(r.value()->Next(&line, &too_long));
  EXPECT_EQ(line, "short");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(r.value()->Next(&line, &too_long));
  EXPECT_TRUE(too_long);
  EXPECT_EQ(line.size(), 1000u);
  ASSERT_TRUE(r.value()->Next(&line, &too_long));
  EXPECT_EQ(line, "last");
  EXPECT_EQ(r.value()->line_number(), 3u);
  EXPECT_FALSE(r.value()->Next(&line, &too_long));
}

}  // namespace
}  // namespace lagebild::util
