// The benchmarks' random numbers: xorshift64, deterministic, so the same
// arguments give the same corpus on every machine.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lagebild::bench {

struct Rng {
  uint64_t x;
  uint64_t Next() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  double Unit() { return double(Next() >> 11) / double(1ull << 53); }  // [0, 1)
};

}  // namespace lagebild::bench
