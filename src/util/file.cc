#include "util/file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace lagebild::util {
namespace fs = std::filesystem;

namespace {

std::string SysError(int err) { return std::strerror(err); }

}  // namespace

Result<FilePrefix> ReadFilePrefix(const std::string& path, size_t max_bytes) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    if (err == ENOENT) return NotFound("cannot open '" + path + "': no such file");
    return IoError("cannot open '" + path + "': " + SysError(err));
  }
  FilePrefix out;
  // Grow the buffer as data arrives instead of trusting the file size:
  // /proc files and pipes report 0, and files can change while read.
  size_t cap = 64 * 1024;
  std::string& buf = out.bytes;
  for (;;) {
    if (buf.size() == cap && cap <= max_bytes) cap = std::min(cap * 2, max_bytes + 1);
    const size_t want = std::min(cap, max_bytes + 1) - buf.size();
    if (want == 0) break;
    const size_t old = buf.size();
    buf.resize(old + want);
    const size_t got = std::fread(buf.data() + old, 1, want, f);
    buf.resize(old + got);
    if (got < want) break;
  }
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  out.total_size = buf.size();
  if (buf.size() > max_bytes) {
    out.truncated = true;
    buf.resize(max_bytes);
    // Learn the full size for the message without reading it all.
    if (f != stdin) {
      std::error_code ec;
      const auto size = fs::file_size(path, ec);
      if (!ec) out.total_size = size;
    }
  }
  if (f != stdin) std::fclose(f);
  if (failed) {
    if (err == EISDIR) return IoError("cannot read '" + path + "': is a directory");
    return IoError("cannot read '" + path + "': " + SysError(err));
  }
  return out;
}

Result<std::vector<std::string>> ListFiles(const std::string& path) {
  if (path == "-") return std::vector<std::string>{path};
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory)
      return IoError("cannot access '" + path + "': " + ec.message());
    return NotFound("cannot open '" + path + "': no such file or directory");
  }
  if (!fs::is_directory(status)) return std::vector<std::string>{path};
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
  if (ec) return IoError("cannot list '" + path + "': " + ec.message());
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) return IoError("cannot list '" + path + "': " + ec.message());
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path, size_t max_line) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    if (err == ENOENT) return NotFound("cannot open '" + path + "': no such file");
    return IoError("cannot open '" + path + "': " + SysError(err));
  }
  return std::unique_ptr<LineReader>(new LineReader(f, path != "-", path, max_line));
}

LineReader::LineReader(FILE* f, bool owned, std::string path, size_t max_line)
    : file_(f), owned_(owned), path_(std::move(path)), max_line_(max_line), buf_(1 << 16) {}

LineReader::~LineReader() {
  if (owned_) std::fclose(file_);
}

bool LineReader::Fill() {
  if (eof_) return false;
  pos_ = 0;
  len_ = std::fread(buf_.data(), 1, buf_.size(), file_);
  if (len_ == 0) {
    eof_ = true;
    if (std::ferror(file_)) error_ = "cannot read '" + path_ + "': " + SysError(errno);
    return false;
  }
  return true;
}

bool LineReader::Next(std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == len_ && !Fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', len_ - pos_);
    const size_t n = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : len_ - pos_;
    const size_t room = max_line_ > line->size() ? max_line_ - line->size() : 0;
    if (n > room) *too_long = true;
    line->append(start, std::min(n, room));
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  ++line_number_;
  return true;
}

}  // namespace lagebild::util
