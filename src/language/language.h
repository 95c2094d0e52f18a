// Stage: language
// In:    normalised UTF-8 text (title and body) and an optional declared
//        language (HTML lang attribute, JSON field).
// Out:   an ISO 639-1 code ("de", "en", ...) or "und", and whether the
//        identification is reliable.
// How:   CLD2 (compact language detector 2: naive Bayes over character
//        quadgrams, 80+ languages, fast). A declared language is taken when
//        CLD2 is not confident or the text is too short to tell.
// Fails: never.
// Limits: at most max_sample_bytes of text are looked at.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lagebild::language {

struct LanguageOptions {
  size_t max_sample_bytes = 16 * 1024;  // a prefix this long decides
};

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1, or "und" (undetermined)
  bool reliable = false;
  int percent = 0;           // share of the text in that language
};

LanguageGuess IdentifyLanguage(std::string_view text, std::string_view declared = {},
                               const LanguageOptions& options = {});

// Resource name and version, for the report's list of resources.
std::string LanguageResource();

}  // namespace lagebild::language
