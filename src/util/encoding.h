// Turning untrusted bytes into UTF-8, and telling text from binary.
//
// Decision order in DecodeToUtf8:
//  1. a byte-order mark (UTF-8, UTF-16LE/BE) wins;
//  2. bytes that are valid UTF-8 are UTF-8, whatever a page declares;
//  3. bytes that are mostly valid UTF-8 (at least as many well-formed
//     multi-byte characters as ill-formed bytes) are UTF-8 with the broken
//     bytes replaced by U+FFFD;
//  4. a declared charset (HTML meta, HTTP header) that ICU knows is used;
//  5. otherwise Windows-1252, the superset of Latin-1 that real "Latin-1"
//     pages are written in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lagebild::util {

struct Decoded {
  std::string text;      // valid UTF-8 (BOM removed)
  std::string encoding;  // what the bytes were read as: "UTF-8", "windows-1252", ...
  size_t replaced = 0;   // ill-formed sequences replaced by U+FFFD
  size_t first_replaced = 0;  // input byte offset of the first one (if replaced > 0)
};

// Never fails: the worst case is Windows-1252, which maps every byte.
Decoded DecodeToUtf8(std::string_view bytes, std::string_view declared_charset = {});

// Names the kind of binary data the bytes start with ("PDF document",
// "gzip data", ...; "binary data" for NUL bytes or mostly control bytes), or
// nullopt for bytes that may be text in some encoding. Looks at most at the
// first 4096 bytes.
std::optional<std::string> DetectBinary(std::string_view bytes);

}  // namespace lagebild::util
