// WriteOutputFile: looks at what the path names (lstat, following symbolic
// links by hand so that the final target's directory is known), then writes
// in the one way that leaves it what it was: an atomic rename for regular
// files and new paths, a plain write for devices, FIFOs and open
// descriptors, a connection for sockets.
#include "util/output.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <cerrno>
#include <cstring>
#include <string>

namespace lagebild::util {
namespace {

constexpr int kMaxLinks = 40;  // as the kernel's own limit for one lookup

std::string Reason(int err) { return std::strerror(err); }

// Writes all of data to fd; returns 0 or the errno of the failing write.
int WriteAll(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    done += static_cast<size_t>(n);
  }
  return 0;
}

// The descriptor a path names directly ("/dev/stdout", "/dev/fd/3",
// "/proc/self/fd/3", "/proc/<this pid>/fd/3"), or -1.
int DescriptorOf(const std::string& path) {
  if (path.empty() || path == "-" || path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  std::string rest;
  for (const std::string& prefix :
       {std::string("/dev/fd/"), std::string("/proc/self/fd/"), std::string("/proc/thread-self/fd/"),
        "/proc/" + std::to_string(::getpid()) + "/fd/"}) {
    if (path.compare(0, prefix.size(), prefix) == 0) {
      rest = path.substr(prefix.size());
      break;
    }
  }
  if (rest.empty() || rest.size() > 9 || rest.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  return std::stoi(rest);
}

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "cannot write 'link'" or "cannot write 'link' (its target 'file')".
std::string Cannot(const std::string& path, const std::string& target) {
  std::string m = "cannot write '" + path + "'";
  if (target != path) m += " (its target '" + target + "')";
  return m + ": ";
}

Status WriteDescriptor(const std::string& path, int fd, std::string_view data) {
  const int err = WriteAll(fd, data);
  if (err != 0) {
    return IoError(fd == 1 && (path.empty() || path == "-")
                       ? "cannot write to standard output: " + Reason(err)
                       : "cannot write '" + path + "' (descriptor " + std::to_string(fd) +
                             "): " + Reason(err));
  }
  return Status::Ok();
}

// A character device or a FIFO: opened for writing only, never created or
// replaced.
Status WriteInPlace(const std::string& path, const std::string& target, std::string_view data,
                    int extra_flags) {
  const int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | extra_flags);
  if (fd < 0) return IoError(Cannot(path, target) + Reason(errno));
  int err = WriteAll(fd, data);
  if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
  if (err != 0) return IoError(Cannot(path, target) + Reason(err));
  return Status::Ok();
}

Status WriteSocket(const std::string& path, const std::string& target, std::string_view data) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (target.size() >= sizeof addr.sun_path) {
    return IoError(Cannot(path, target) + "socket path too long");
  }
  std::memcpy(addr.sun_path, target.c_str(), target.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return IoError(Cannot(path, target) + Reason(errno));
  int err = 0;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    err = errno;
  } else {
    err = WriteAll(fd, data);
  }
  ::close(fd);
  if (err != 0) return IoError(Cannot(path, target) + Reason(err));
  return Status::Ok();
}

// A new file, or a regular file replaced: temporary file beside it, flushed,
// renamed into place. `existing` is the old file's stat, or null.
Status WriteAtomically(const std::string& path, const std::string& target, std::string_view data,
                       const struct stat* existing) {
  static std::atomic<unsigned> counter{0};
  const std::string dir = DirName(target);
  const std::string base = BaseName(target).substr(0, 200);  // stays under NAME_MAX
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    tmp = dir + "/." + base + ".tmp-" + std::to_string(::getpid()) + "-" +
          std::to_string(counter.fetch_add(1));
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    return IoError(Cannot(path, target) + "cannot create a file in '" + dir + "': " +
                   Reason(errno));
  }
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return IoError(Cannot(path, target) + Reason(err));
  };
  if (existing) {
    // Owner first: a change of owner clears set-id bits that fchmod restores.
    if (::geteuid() == 0 || ::geteuid() == existing->st_uid) {
      [[maybe_unused]] const int ignored = ::fchown(fd, existing->st_uid, existing->st_gid);
    }
    if (::fchmod(fd, existing->st_mode & 07777) != 0) return fail(errno);
  }
  if (const int err = WriteAll(fd, data); err != 0) return fail(err);
  if (::fdatasync(fd) != 0 && errno != EINVAL) return fail(errno);
  if (::close(fd) != 0 && errno != EINTR) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return IoError(Cannot(path, target) + Reason(err));
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return IoError(Cannot(path, target) + Reason(err));
  }
  return Status::Ok();
}

}  // namespace

Status WriteOutputFile(const std::string& path, std::string_view data) {
  std::string target = path;
  for (int links = 0;; ++links) {
    if (const int fd = DescriptorOf(target); fd >= 0) return WriteDescriptor(path, fd, data);
    struct stat st;
    if (::lstat(target.c_str(), &st) != 0) {
      if (errno == ENOENT) return WriteAtomically(path, target, data, nullptr);
      return IoError(Cannot(path, target) + Reason(errno));
    }
    if (S_ISLNK(st.st_mode)) {
      if (links == kMaxLinks) {
        return InvalidArgument(Cannot(path, target) + "too many levels of symbolic links");
      }
      std::string to(PATH_MAX, '\0');
      const ssize_t n = ::readlink(target.c_str(), to.data(), to.size());
      if (n < 0) return IoError(Cannot(path, target) + Reason(errno));
      to.resize(static_cast<size_t>(n));
      target = !to.empty() && to[0] == '/' ? to : DirName(target) + "/" + to;
      continue;
    }
    if (S_ISREG(st.st_mode)) {
      if (st.st_nlink > 1) return WriteInPlace(path, target, data, O_TRUNC | O_NOFOLLOW);
      return WriteAtomically(path, target, data, &st);
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return WriteInPlace(path, target, data, 0);
    if (S_ISSOCK(st.st_mode)) return WriteSocket(path, target, data);
    if (S_ISDIR(st.st_mode)) return InvalidArgument(Cannot(path, target) + "it is a directory");
    if (S_ISBLK(st.st_mode)) {
      return InvalidArgument(Cannot(path, target) + "it is a block device; lagebild writes no disk");
    }
    return InvalidArgument(Cannot(path, target) + "not a file, device, FIFO or socket");
  }
}

}  // namespace lagebild::util
