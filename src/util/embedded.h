// Data files built into the binary (data/ at build time; see
// cmake/embed_files.cmake). Stages read their lexicons and tables through
// this, so the binary needs no data directory beside it.
#pragma once

#include <optional>
#include <string_view>

namespace lagebild::util {

// The bytes of data/<name> (e.g. "clean/cues.tsv") as they were at build
// time, or nullopt when no such file was embedded. The view lives as long
// as the program.
std::optional<std::string_view> EmbeddedFile(std::string_view name);

}  // namespace lagebild::util
