#include "util/file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lagebild::util {
namespace fs = std::filesystem;

namespace {

std::string SysError(int err) { return std::strerror(err); }

}  // namespace

Result<FilePrefix> ReadFilePrefix(const std::string& path, size_t max_bytes) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return NotFound("cannot open '" + path + "': no such file");
    return IoError("cannot open '" + path + "': " + SysError(err));
  }
  FilePrefix out;
  std::string& buf = out.bytes;
  struct stat st;
  uint64_t file_size = 0;
  bool regular = false;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (!is_stdin) ::close(fd);
      return IoError("cannot read '" + path + "': is a directory");
    }
    regular = S_ISREG(st.st_mode);
    file_size = static_cast<uint64_t>(st.st_size);
  }
  // Size the buffer from the file size when there is one (one allocation,
  // one read for a small file); grow as data arrives for pipes and /proc
  // files, which report 0, and for files that grow while read.
  const size_t limit = max_bytes + 1;  // one byte more tells "truncated"
  size_t cap = regular ? static_cast<size_t>(std::min<uint64_t>(file_size + 1, limit)) : 65536;
  cap = std::min(std::max<size_t>(cap, 1), limit);
  int err = 0;
  for (;;) {
    if (buf.size() == cap) {
      if (cap >= limit) break;
      cap = std::min(cap * 2, limit);
    }
    const size_t old = buf.size();
    buf.resize(cap);
    const ssize_t got = ::read(fd, buf.data() + old, cap - old);
    if (got < 0) {
      if (errno == EINTR) {
        buf.resize(old);
        continue;
      }
      err = errno;
      buf.resize(old);
      break;
    }
    buf.resize(old + static_cast<size_t>(got));
    if (got == 0) break;
  }
  if (!is_stdin) ::close(fd);
  if (err != 0) {
    if (err == EISDIR) return IoError("cannot read '" + path + "': is a directory");
    return IoError("cannot read '" + path + "': " + SysError(err));
  }
  out.total_size = buf.size();
  if (buf.size() > max_bytes) {
    out.truncated = true;
    buf.resize(max_bytes);
    if (regular && file_size > max_bytes) out.total_size = file_size;
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
