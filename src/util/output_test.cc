#include "util/output.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/testing.h"

namespace lagebild::util {
namespace {

using lagebild::testing::ReadAll;
using lagebild::testing::TempDir;

// The names in a directory, sorted.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

mode_t ModeOf(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
  return st.st_mode;
}

// Reads a descriptor to its end.
std::string Drain(int fd) {
  std::string out;
  char buf[65536];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  return out;
}

// Runs `body` in a child process (as user nobody when the test runs as root,
// so that directory permissions hold) and returns its exit code.
template <typename F>
int InChild(F body, bool drop_root) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (drop_root && ::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) _exit(99);
    _exit(body());
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(WriteOutputFileTest, NewFileGetsUmaskMode) {
  TempDir dir;
  const std::string path = dir.path() + "/r.json";
  const mode_t old = ::umask(002);
  const Status st = WriteOutputFile(path, "{}");
  ::umask(old);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(ReadAll(path), "{}");
  EXPECT_EQ(ModeOf(path) & 0777, 0664u);
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"r.json"});
}

TEST(WriteOutputFileTest, ReplacedFileKeepsItsMode) {
  TempDir dir;
  const std::string path = dir.Write("r.json", "old report");
  ASSERT_EQ(::chmod(path.c_str(), 0664), 0);
  const mode_t old = ::umask(022);
  const Status st = WriteOutputFile(path, "new report");
  ::umask(old);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(ReadAll(path), "new report");
  EXPECT_EQ(ModeOf(path) & 07777, 0664u);
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"r.json"});
}

TEST(WriteOutputFileTest, Issue16DevNullStaysACharacterDevice) {
  // First on a node of the test's own (so a regression harms only it), then
  // on the machine's /dev/null.
  TempDir dir;
  const std::string own = dir.path() + "/null";
  if (::mknod(own.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    ASSERT_TRUE(WriteOutputFile(own, "report").ok());
    ASSERT_TRUE(S_ISCHR(ModeOf(own))) << "a character device was replaced";
  }
  const Status st = WriteOutputFile("/dev/null", std::string(100000, 'x'));
  EXPECT_TRUE(st.ok()) << st.message();
  EXPECT_TRUE(S_ISCHR(ModeOf("/dev/null")));
}

TEST(WriteOutputFileTest, Issue16SymlinkKeepsTheLinkAndUpdatesItsTarget) {
  TempDir dir;
  const std::string target = dir.Write("reports/target.json", "old");
  const std::string link = dir.path() + "/link.json";
  ASSERT_EQ(::symlink("reports/target.json", link.c_str()), 0);  // relative
  const std::string link2 = dir.path() + "/link2.json";
  ASSERT_EQ(::symlink(link.c_str(), link2.c_str()), 0);  // a link to the link
  const Status st = WriteOutputFile(link2, "new");
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_TRUE(S_ISLNK(ModeOf(link)));
  EXPECT_TRUE(S_ISLNK(ModeOf(link2)));
  EXPECT_EQ(ReadAll(target), "new");
  EXPECT_EQ(Names(dir.path() + "/reports"), std::vector<std::string>{"target.json"});
  EXPECT_EQ(Names(dir.path()), (std::vector<std::string>{"link.json", "link2.json", "reports"}));
}

TEST(WriteOutputFileTest, DanglingSymlinkCreatesItsTarget) {
  TempDir dir;
  const std::string link = dir.path() + "/link.json";
  ASSERT_EQ(::symlink("made.json", link.c_str()), 0);
  ASSERT_TRUE(WriteOutputFile(link, "made").ok());
  EXPECT_TRUE(S_ISLNK(ModeOf(link)));
  EXPECT_EQ(ReadAll(dir.path() + "/made.json"), "made");
}

TEST(WriteOutputFileTest, SymlinkLoopIsAnError) {
  TempDir dir;
  const std::string a = dir.path() + "/a", b = dir.path() + "/b";
  ASSERT_EQ(::symlink(b.c_str(), a.c_str()), 0);
  ASSERT_EQ(::symlink(a.c_str(), b.c_str()), 0);
  const Status st = WriteOutputFile(a, "x");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("symbolic links"), std::string::npos) << st.message();
  EXPECT_TRUE(S_ISLNK(ModeOf(a)));
}

TEST(WriteOutputFileTest, Issue16FifoReaderReceivesTheWholeReport) {
  TempDir dir;
  const std::string fifo = dir.path() + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string report(3 << 20, 'r');  // far more than a pipe holds
  for (size_t i = 0; i < report.size(); i += 4096) report[i] = static_cast<char>('a' + i % 26);
  std::string received;
  std::thread reader([&] {
    const int fd = ::open(fifo.c_str(), O_RDONLY);
    received = Drain(fd);
    ::close(fd);
  });
  const Status st = WriteOutputFile(fifo, report);
  reader.join();
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_TRUE(received == report) << received.size() << " of " << report.size() << " bytes";
  EXPECT_TRUE(S_ISFIFO(ModeOf(fifo)));
}

TEST(WriteOutputFileTest, Issue16DevFullIsAClearErrorAndLeavesNoFile) {
  const Status st = WriteOutputFile("/dev/full", "report");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIoError);
  EXPECT_NE(st.message().find("'/dev/full'"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("No space left"), std::string::npos) << st.message();
  EXPECT_TRUE(S_ISCHR(ModeOf("/dev/full")));
}

TEST(WriteOutputFileTest, Issue16ReadOnlyDirectoryIsAClearErrorAndLeavesNoFile) {
  TempDir dir;
  const std::string ro = dir.path() + "/ro";
  ASSERT_EQ(::mkdir(ro.c_str(), 0555), 0);
  ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);  // so that user nobody reaches `ro`
  const int code = InChild(
      [&] {
        const Status st = WriteOutputFile(ro + "/r.json", "report");
        if (st.ok()) return 1;
        if (st.message().find("Permission denied") == std::string::npos) return 2;
        if (st.message().find(ro + "/r.json") == std::string::npos) return 3;
        return 0;
      },
      /*drop_root=*/true);
  EXPECT_EQ(code, 0) << "1: written, 2: not 'Permission denied', 3: path not named";
  EXPECT_TRUE(Names(ro).empty());
}

TEST(WriteOutputFileTest, FullDiskKeepsTheOldFileAndLeavesNoTemporaryFile) {
  // A file-size limit makes the write fail as a full disk would, midway.
  TempDir dir;
  const std::string path = dir.Write("r.json", "the old report");
  const int code = InChild(
      [&] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 9;
        const Status st = WriteOutputFile(path, std::string(1 << 20, 'x'));
        return st.ok() ? 1 : st.message().find("r.json") == std::string::npos ? 2 : 0;
      },
      /*drop_root=*/false);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(ReadAll(path), "the old report");
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"r.json"});
}

TEST(WriteOutputFileTest, DirectoryIsAnError) {
  TempDir dir;
  const Status st = WriteOutputFile(dir.path(), "x");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("is a directory"), std::string::npos) << st.message();
  EXPECT_TRUE(Names(dir.path()).empty());
}

TEST(WriteOutputFileTest, BlockDeviceIsRefusedUntouched) {
  TempDir dir;
  const std::string node = dir.path() + "/disk";
  if (::mknod(node.c_str(), S_IFBLK | 0600, makedev(7, 0)) != 0) {
    GTEST_SKIP() << "cannot make a block device node here";
  }
  const Status st = WriteOutputFile(node, "x");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("block device"), std::string::npos) << st.message();
  EXPECT_TRUE(S_ISBLK(ModeOf(node)));
}

TEST(WriteOutputFileTest, HardLinkedFileIsRewrittenForEveryLink) {
  TempDir dir;
  const std::string a = dir.Write("a.json", "old");
  const std::string b = dir.path() + "/b.json";
  ASSERT_EQ(::link(a.c_str(), b.c_str()), 0);
  ASSERT_TRUE(WriteOutputFile(a, "new and longer").ok());
  EXPECT_EQ(ReadAll(a), "new and longer");
  EXPECT_EQ(ReadAll(b), "new and longer");
}

TEST(WriteOutputFileTest, OpenDescriptorPathsWriteToTheDescriptor) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const Status st = WriteOutputFile("/dev/fd/" + std::to_string(fds[1]), "through the pipe");
  ::close(fds[1]);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(Drain(fds[0]), "through the pipe");
  ::close(fds[0]);
}

TEST(WriteOutputFileTest, UnixSocketReceivesTheReport) {
  TempDir dir;
  const std::string path = dir.path() + "/sock";
  const int server = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
  ASSERT_EQ(::bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(server, 1), 0);
  std::string received;
  std::thread reader([&] {
    const int c = ::accept(server, nullptr, nullptr);
    received = Drain(c);
    ::close(c);
  });
  const Status st = WriteOutputFile(path, "over the socket");
  reader.join();
  ::close(server);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(received, "over the socket");
  EXPECT_TRUE(S_ISSOCK(ModeOf(path)));
}

}  // namespace
}  // namespace lagebild::util
