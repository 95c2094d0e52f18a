#include "read/read_internal.h"

#include "read/read.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::read {

void NoteDecoding(const util::Decoded& decoded, std::string_view bytes, const std::string& source,
                  RawArticle* article, std::vector<InputError>* errors) {
  if (decoded.encoding != "UTF-8") {
    article->diagnostics.push_back(
        {"read", "converted", "read as " + decoded.encoding + " and converted to UTF-8"});
  }
  if (decoded.replaced > 0) {
    size_t line = 1;
    const size_t upto = std::min(decoded.first_replaced, bytes.size());
    for (size_t k = 0; k < upto; ++k) line += bytes[k] == '\n';
    const std::string msg = "line " + std::to_string(line) + ": invalid UTF-8 (" +
                            std::to_string(decoded.replaced) +
                            " ill-formed byte sequence(s) replaced by U+FFFD)";
    article->diagnostics.push_back({"read", "invalid-utf8", msg});
    errors->push_back({source, msg});
  }
}

void CapErrors(const std::string& source, std::vector<InputError>* errors) {
  if (errors->size() <= kMaxErrorsPerInput) return;
  const size_t more = errors->size() - kMaxErrorsPerInput;
  errors->resize(kMaxErrorsPerInput);
  errors->push_back({source, "... and " + std::to_string(more) + " more errors in this input"});
}

size_t FirstSentenceLength(std::string_view s) {
  for (size_t k = 0; k + 2 < s.size(); ++k) {
    const char c = s[k];
    if ((c != '.' && c != '!' && c != '?') || s[k + 1] != ' ') continue;
    const unsigned char next = static_cast<unsigned char>(s[k + 2]);
    const bool starts_upper = (next >= 'A' && next <= 'Z') || next == '"' || next == '\'' ||
                              next >= 0xC3;  // any non-ASCII letter or typographic quote
    if (!starts_upper) continue;
    if (c == '.') {
      // "13. Januar", "Dr. Müller", "z. B.": not a sentence end.
      size_t w = k;
      while (w > 0 && s[w - 1] != ' ') --w;
      const std::string_view word = s.substr(w, k - w);
      if (word.empty() || util::IsAsciiDigit(word.back()) || word.size() <= 2) continue;
      bool has_dot = word.find('.') != std::string_view::npos;
      if (has_dot) continue;
    }
    return k + 1;
  }
  return s.size();
}

std::string ShortenTitle(std::string_view s, size_t max_bytes) {
  s = util::Trim(s);
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = util::Utf8PrefixLength(s, max_bytes);
  const size_t space = s.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  return std::string(util::Trim(s.substr(0, cut))) + "…";
}

// " date 2022-01-13 rest" -> date "2022-01-13", rest "rest".
bool ParseDateHeader(std::string_view line, std::string* date, std::string_view* rest) {
  std::string_view s = line;
  while (!s.empty() && util::IsAsciiSpace(s.front())) s.remove_prefix(1);
  if (!util::StartsWithIgnoreCase(s, "date") || s.size() < 5 || !util::IsAsciiSpace(s[4]))
    return false;
  s.remove_prefix(4);
  while (!s.empty() && util::IsAsciiSpace(s.front())) s.remove_prefix(1);
  size_t n = 0;
  while (n < s.size() && (util::IsAsciiDigit(s[n]) || s[n] == '-')) ++n;
  const std::string_view token = s.substr(0, n);
  if (n < 7 || (n < s.size() && !util::IsAsciiSpace(s[n]))) return false;
  if (!ParseMetadataDate(token).known()) return false;
  *date = std::string(token);
  *rest = util::Trim(s.substr(n));
  return true;
}


}  // namespace lagebild::read
