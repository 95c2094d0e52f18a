#include "cli/progress.h"

#include <unistd.h>

#include <string>

namespace lagebild::cli {

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(const Progress& p) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::milliseconds(500)) return;
  if (p.done != p.total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  if (p.total == 0) {  // a count without a known end
    std::fprintf(stderr, "\r%-8s %zu", p.phase, p.done);
    std::fflush(stderr);
    drawn_ = true;
    return;
  }
  constexpr int kWidth = 30;
  const int filled = p.total ? static_cast<int>(kWidth * p.done / p.total) : kWidth;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), ' ');
  std::fprintf(stderr, "\r%-8s [%s] %zu/%zu", p.phase, bar.c_str(), p.done, p.total);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace lagebild::cli
