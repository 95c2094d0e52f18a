// The claims stage's word lists (data/claims/<lang>.tsv, format in its
// header), loaded once per language. Internal to the claims stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lagebild::claims {

enum class Hedge : uint8_t { kNone, kApprox, kAlmost, kOver, kAtLeast, kUpTo, kUnder };

// What a phrase of the lexicon is; a phrase may be several of these.
struct Entry {
  std::optional<double> number;      // number word
  std::optional<double> multiplier;  // "Millionen"
  std::optional<double> dozen;       // "Dutzend"
  std::optional<std::pair<double, double>> vague;  // "Dutzende" -> 24..99
  Hedge hedge = Hedge::kNone;
  std::string thing;            // counted class
  std::string thing_predicate;  // "Tote" -> killed
  std::string predicate;        // predicate class
  bool unit = false;            // a measure: the number is no head count
  bool ident = false;           // "Nr." before a number: an identifier
  int source = 0;               // 1: cue before its source, 2: after
  std::string event;            // an event noun's class ("withdrawal")
  std::string event_predicate;  // "completed", "began", "lasts"
  bool range = false;           // "bis", "to" between two numbers
};

struct Lexicon {
  // Folded phrases (words joined by one space) -> entry; phrases of up to
  // max_words words; every proper prefix of a phrase in prefixes.
  std::unordered_map<std::string, Entry> phrases;
  std::unordered_set<std::string> prefixes;
  size_t max_words = 1;
  // German compound heads: "friedenstruppen" ends with "truppen".
  std::vector<std::pair<std::string, std::string>> suffixes;  // head, class
  // Separable verbs: particle -> (verb forms, class).
  std::unordered_map<std::string, std::pair<std::unordered_set<std::string>, std::string>> separable;
  // Words that end in a full stop ("ca.", "Mio.").
  std::unordered_set<std::string> abbreviations;
  // The classes of counted things ("people", "soldiers").
  std::unordered_set<std::string> thing_classes;
  // Class -> how it reads in this language ("people" -> "Menschen").
  std::unordered_map<std::string, std::string> labels;
  // Number words as whole words (German compounds are parsed from these).
  std::unordered_map<std::string, double> number_words;
  std::vector<std::string> problems;
};

// The lexicon of a language, or nullptr.
const Lexicon* GetLexicon(std::string_view language);

}  // namespace lagebild::claims
