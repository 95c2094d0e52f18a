// A one-line progress bar on standard error, drawn only when standard error
// is a terminal and the work has run for more than half a second.
#pragma once

#include <chrono>
#include <cstdio>

#include "lagebild/pipeline.h"

namespace lagebild::cli {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  void Update(const Progress& p);
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace lagebild::cli
