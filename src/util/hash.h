// Non-cryptographic hashes for interning terms and fingerprints: FNV-1a
// over bytes, and the splitmix64 finaliser to spread bits (FNV's low bits
// are weak). Stable across builds and machines: stored fingerprints and
// model feature ids depend on them.
#pragma once

#include <cstdint>
#include <string_view>

namespace lagebild::util {

inline constexpr uint64_t kFnvOffset = 1469598103934665603ull;
inline constexpr uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a: h extended by the bytes of s.
inline uint64_t FnvAdd(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
}

inline uint64_t Fnv1a(std::string_view s, uint64_t seed = 0) { return FnvAdd(kFnvOffset ^ seed, s); }

// splitmix64's finaliser (Steele, Lea, Flood 2014).
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace lagebild::util
