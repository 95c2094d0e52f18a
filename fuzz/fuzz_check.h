// Invariant checks shared by the fuzz targets: a failed check aborts, which
// libFuzzer and the replay driver both report with the input that did it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "util/utf8.h"

#define LAGEBILD_FUZZ_CHECK(cond)                                          \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

namespace lagebild::fuzz {

// The Article invariants on a normalised text (article.h).
inline void CheckNormalised(std::string_view text) {
  LAGEBILD_FUZZ_CHECK(lagebild::util::IsValidUtf8(text));
  LAGEBILD_FUZZ_CHECK(text.find("\n\n\n") == std::string_view::npos);
  LAGEBILD_FUZZ_CHECK(text.find('\r') == std::string_view::npos);
  LAGEBILD_FUZZ_CHECK(text.find(" \n") == std::string_view::npos);
  LAGEBILD_FUZZ_CHECK(text.find("\n ") == std::string_view::npos);
  LAGEBILD_FUZZ_CHECK(text.empty() || (text.front() != ' ' && text.front() != '\n'));
  LAGEBILD_FUZZ_CHECK(text.empty() || (text.back() != ' ' && text.back() != '\n'));
}

}  // namespace lagebild::fuzz
