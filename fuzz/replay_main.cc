// A main() for fuzz targets in builds without libFuzzer: replays every file
// of the corpus folders named on the command line, then a fixed number of
// pseudo-random inputs built from markup-heavy bytes and corpus splices.
// Deterministic (fixed seed), so a failure reproduces. Prints the plain
// "N passed, 0 failed" line; a failed check aborts.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  std::vector<std::string> corpus;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i], ec)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  size_t runs = 0;
  for (const std::string& s : corpus) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    ++runs;
  }
  static const char kAlphabet[] =
      "<>/=\"'{}[]:,\\\n\r\t &;#!-abcdeHTMLptdivscript0123456789\xC3\xA4\xE2\x80\xA8\xF0\x9F\x98"
      "\x80\xFF\xFE\x00";
  uint64_t x = 0x9E3779B97F4A7C15ULL;
  auto next = [&x]() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    if (!corpus.empty() && next() % 2) {
      const std::string& base = corpus[next() % corpus.size()];
      s = base;
      const size_t edits = 1 + next() % 8;
      for (size_t e = 0; e < edits && !s.empty(); ++e) {
        const size_t pos = next() % s.size();
        switch (next() % 3) {
          case 0: s[pos] = kAlphabet[next() % (sizeof kAlphabet - 1)]; break;
          case 1: s.erase(pos, next() % 16); break;
          default: s.insert(pos, corpus[next() % corpus.size()].substr(0, next() % 64));
        }
      }
    } else {
      const size_t len = next() % 512;
      for (size_t k = 0; k < len; ++k) s.push_back(kAlphabet[next() % (sizeof kAlphabet - 1)]);
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    ++runs;
  }
  std::printf("fuzz replay: %zu passed, 0 failed\n", runs);
  return 0;
}
