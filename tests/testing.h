// Test helpers: a temporary directory removed at the end of the test, and
// paths to the project's source tree and to ../shared beside the checkout.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace lagebild::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lagebild-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes bytes to path()/name (creating folders) and returns the full path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

 private:
  std::string path_;
};

inline std::string SourceDir() { return LAGEBILD_SOURCE_DIR; }
inline std::string SharedDir() { return std::string(LAGEBILD_SOURCE_DIR) + "/../shared"; }

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace lagebild::testing
