// ParallelFor: runs fn(i) for i in [0, n) on up to `jobs` threads with
// dynamic scheduling (an atomic counter), the calling thread included.
// `on_progress(done)` is called on the calling thread only, after each item
// it finishes and once more at the end, so it needs no locking.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace lagebild::util {

// Number of hardware threads, at least 1.
inline unsigned HardwareJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

template <typename Fn>
void ParallelFor(size_t n, unsigned jobs, Fn&& fn,
                 const std::function<void(size_t)>& on_progress = nullptr) {
  if (jobs == 0) jobs = HardwareJobs();
  const unsigned threads = static_cast<unsigned>(std::min<size_t>(jobs, n));
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  auto work = [&](bool report) {
    for (;;) {
      const size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) break;
      fn(i);
      const size_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
      if (report && on_progress) on_progress(d);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
  work(true);
  for (auto& t : pool) t.join();
  if (on_progress) on_progress(done.load());
}

}  // namespace lagebild::util
