// Encoding detection and conversion. UTF-8 and Windows-1252 are handled
// here directly (the common cases, and fast); any other declared charset
// goes through ICU's converters.
#include "util/encoding.h"

#include <unicode/ucnv.h>

#include <array>
#include <cstring>
#include <memory>

#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::util {
namespace {

// Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined bytes, which
// are kept as the C1 control of the same value (the normalizer drops them).
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string FromCp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      const char16_t m = kCp1252High[c - 0x80];
      AppendUtf8(out, m ? m : c);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

// Decodes UTF-16 with the given byte order; unpaired surrogates become U+FFFD.
std::string FromUtf16(std::string_view bytes, bool little_endian, size_t* replaced) {
  std::string out;
  out.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size() / 2;
  auto unit = [&](size_t i) -> char32_t {
    return little_endian ? char32_t(p[2 * i] | (p[2 * i + 1] << 8))
                         : char32_t((p[2 * i] << 8) | p[2 * i + 1]);
  };
  for (size_t i = 0; i < n; ++i) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
      const char32_t lo = unit(i + 1);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        ++i;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      u = kReplacement;
      ++*replaced;
    }
    AppendUtf8(out, u);
  }
  if (bytes.size() % 2) {
    AppendUtf8(out, kReplacement);
    ++*replaced;
  }
  return out;
}

bool IsCp1252Name(std::string_view name) {
  return name == "windows-1252" || name == "cp1252" || name == "iso-8859-1" ||
         name == "latin1" || name == "latin-1" || name == "iso8859-1" || name == "iso_8859-1" ||
         name == "us-ascii" || name == "ascii" || name == "x-cp1252";
}

// Converts with ICU; nullopt if ICU does not know the charset.
std::optional<std::string> FromIcuCharset(std::string_view bytes, const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(name.c_str(), &err),
                                                          ucnv_close);
  if (U_FAILURE(err) || !conv) return std::nullopt;
  UErrorCode err2 = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> utf8(ucnv_open("UTF-8", &err2), ucnv_close);
  if (U_FAILURE(err2)) return std::nullopt;
  std::string out(bytes.size() * 3 + 16, '\0');
  const char* src = bytes.data();
  char* dst = out.data();
  UErrorCode err3 = U_ZERO_ERROR;
  ucnv_convertEx(utf8.get(), conv.get(), &dst, out.data() + out.size(), &src,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &err3);
  if (U_FAILURE(err3)) return std::nullopt;
  out.resize(static_cast<size_t>(dst - out.data()));
  return ReplaceInvalidUtf8(out);
}

}  // namespace

Decoded DecodeToUtf8(std::string_view bytes, std::string_view declared_charset) {
  Decoded d;
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    bytes.remove_prefix(3);
    d.replaced = CountInvalidUtf8(bytes);
    d.text = d.replaced ? ReplaceInvalidUtf8(bytes) : std::string(bytes);
    if (d.replaced) d.first_replaced = 3 + FirstInvalidUtf8(bytes);
    d.encoding = "UTF-8";
    return d;
  }
  if (bytes.size() >= 2 && (std::memcmp(bytes.data(), "\xFF\xFE", 2) == 0 ||
                            std::memcmp(bytes.data(), "\xFE\xFF", 2) == 0)) {
    const bool le = bytes[0] == '\xFF';
    d.text = FromUtf16(bytes.substr(2), le, &d.replaced);
    d.encoding = le ? "UTF-16LE" : "UTF-16BE";
    return d;
  }
  const size_t invalid = CountInvalidUtf8(bytes);
  if (invalid == 0) {
    d.text = std::string(bytes);
    d.encoding = "UTF-8";
    return d;
  }
  // Well-formed multi-byte characters present: UTF-8 with some damage.
  size_t multibyte = 0;
  for (unsigned char c : bytes) multibyte += (c >= 0xC2 && c <= 0xF4);
  multibyte = multibyte > invalid ? multibyte - invalid : 0;
  if (multibyte >= invalid) {
    d.text = ReplaceInvalidUtf8(bytes);
    d.replaced = invalid;
    d.first_replaced = FirstInvalidUtf8(bytes);
    d.encoding = "UTF-8";
    return d;
  }
  const std::string declared = AsciiLower(Trim(declared_charset));
  if (!declared.empty() && declared != "utf-8" && declared != "utf8" && !IsCp1252Name(declared)) {
    if (auto converted = FromIcuCharset(bytes, declared)) {
      d.text = std::move(*converted);
      d.encoding = declared;
      return d;
    }
  }
  d.text = FromCp1252(bytes);
  d.encoding = "windows-1252";
  return d;
}

std::optional<std::string> DetectBinary(std::string_view bytes) {
  struct Magic {
    std::string_view prefix;
    const char* name;
  };
  static constexpr Magic kMagics[] = {
      {"%PDF-", "PDF document"},         {"\x1F\x8B", "gzip data"},
      {"PK\x03\x04", "ZIP archive"},     {"\x89PNG", "PNG image"},
      {"\xFF\xD8\xFF", "JPEG image"},    {"GIF8", "GIF image"},
      {"\x7F" "ELF", "ELF executable"},  {"\x28\xB5\x2F\xFD", "zstd data"},
      {"BZh", "bzip2 data"},             {"\xFD" "7zXZ", "xz data"},
      {"SQLite format 3", "SQLite database"},
      {"\xD0\xCF\x11\xE0", "MS Office document"},
  };
  for (const auto& m : kMagics) {
    if (bytes.substr(0, m.prefix.size()) == m.prefix) return std::string(m.name);
  }
  const std::string_view head = bytes.substr(0, 4096);
  // UTF-16 text has NUL bytes but a BOM; DecodeToUtf8 handles it.
  if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF"))
    return std::nullopt;
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return std::string("binary data (NUL bytes)");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (!head.empty() && control * 10 > head.size()) return std::string("binary data");
  return std::nullopt;
}

}  // namespace lagebild::util
