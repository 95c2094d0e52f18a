// Bounded file input: read a file or standard input up to a byte limit, or
// line by line with a limit per line. All failures are Status values whose
// message names the path and the system's reason.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "lagebild/status.h"

namespace lagebild::util {

struct FilePrefix {
  std::string bytes;        // at most max_bytes bytes
  uint64_t total_size = 0;  // bytes in the whole file (as far as read for streams)
  bool truncated = false;   // the file had more than max_bytes
};

// Reads at most max_bytes of `path` ("-" is standard input).
Result<FilePrefix> ReadFilePrefix(const std::string& path, size_t max_bytes);

// Expands a path into regular files: a file is itself; a directory is listed
// recursively (sorted by path, hidden entries skipped, symlinks to
// directories not followed); "-" is itself.
Result<std::vector<std::string>> ListFiles(const std::string& path);

// Reads lines ("\n"-terminated; a trailing "\r" is dropped) from an open
// file, keeping at most max_line bytes of each line in memory.
class LineReader {
 public:
  static Result<std::unique_ptr<LineReader>> Open(const std::string& path, size_t max_line);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Returns false at end of input. *too_long is set when the line had more
  // than max_line bytes; *line then holds only the first max_line bytes.
  bool Next(std::string* line, bool* too_long);
  // 1-based number of the line last returned by Next.
  uint64_t line_number() const { return line_number_; }
  // Set if reading failed (not at end of file); empty otherwise.
  const std::string& error() const { return error_; }

 private:
  LineReader(FILE* f, bool owned, std::string path, size_t max_line);
  bool Fill();

  FILE* file_;
  bool owned_;
  std::string path_;
  size_t max_line_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
  std::string error_;
};

}  // namespace lagebild::util
