#include "language/language.h"

#include <cld2/public/compact_lang_det.h>

#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::language {
namespace {

// ISO 639-1 from a declared tag: "de-AT" -> "de", "EN_us" -> "en".
std::string PrimarySubtag(std::string_view tag) {
  std::string code;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!util::IsAsciiAlpha(c)) return "";
    code.push_back(util::AsciiToLower(c));
  }
  return code.size() == 2 ? code : "";
}

constexpr int kMinScoredBytes = 12;

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text, std::string_view declared,
                               const LanguageOptions& options) {
  LanguageGuess guess;
  const size_t n = util::Utf8PrefixLength(text, options.max_sample_bytes);
  const std::string_view sample = text.substr(0, n);
  const std::string declared_code = PrimarySubtag(declared);
  // CLD2 must never see ill-formed UTF-8.
  if (!util::IsValidUtf8(sample)) {
    guess.code = declared_code.empty() ? "und" : declared_code;
    return guess;
  }
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang =
      CLD2::DetectLanguageSummary(sample.data(), static_cast<int>(sample.size()), true, top3,
                                  percent3, &text_bytes, &reliable);
  std::string code = CLD2::LanguageCode(lang);
  code = PrimarySubtag(code);
  // CLD2 answers ENGLISH for text without letters; too little text to score
  // is undetermined.
  if (lang == CLD2::UNKNOWN_LANGUAGE || code.empty() || text_bytes < kMinScoredBytes) {
    guess.code = declared_code.empty() ? "und" : declared_code;
    return guess;
  }
  if (!reliable && !declared_code.empty()) {
    guess.code = declared_code;
    return guess;
  }
  guess.code = code;
  guess.reliable = reliable;
  guess.percent = percent3[0];
  return guess;
}

std::string LanguageResource() { return "CLD2 (Debian libcld2 0.0.0-git20150806)"; }

}  // namespace lagebild::language
