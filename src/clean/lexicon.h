// The clean stage's data, loaded once from the files embedded from data/
// (data/clean, data/quality, data/outlets). Internal to the stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "util/fold.h"

namespace lagebild::clean {

// Hash sets and maps of strings that look up string_views without copying.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename T>
using WordMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

enum class CueMatch { kLine, kStart, kStartShort, kEnd, kTeaserStart };

struct Cue {
  std::string folded;  // lower-cased cue
  std::string reason;
};

// An id/class cue of HTML elements (data/clean/html_cues.tsv).
struct HtmlCue {
  std::string cue;
  bool word = false;   // whole word (split at " ", "-", "_") rather than substring
  int weight = 0;      // strong 50, positive 25, negative and weak -25
  bool weak = false;   // "weak": penalises, drops text only where it holds no paragraph
  std::string reason;  // for negative cues: why text under it is dropped
};

struct Outlet {
  std::string name;
  std::vector<std::string> aliases;  // as written (case matters for short ones)
  std::vector<std::string> domains;
  std::string country, language, kind;
  std::string state;  // typology joined from state_media.tsv
};

struct StateMedia {
  std::string host, country, company, asset, typology;
};

struct Lexicons {
  // data/clean/cues.tsv
  WordMap<std::string> line_cues;    // folded line -> reason
  WordMap<std::string> teaser_cues;  // folded line -> reason
  std::vector<Cue> start_cues;        // longest first
  std::vector<Cue> start_short_cues;  // longest first
  std::vector<Cue> end_cues;          // longest first
  std::vector<Cue> contains_cues;
  // data/clean/html_cues.tsv
  std::vector<HtmlCue> html_cues;
  // data/clean/credits.tsv
  WordSet credit_words;  // folded
  WordSet providers;     // folded picture agencies
  // data/clean/date_words.tsv
  WordSet date_words;
  // data/clean/appeal.tsv
  WordSet appeal_self, appeal_media;
  WordSet appeal_formal;  // as written, e.g. "Sie"
  WordSet networks;       // social networks
  // data/quality/function_words.tsv
  WordMap<WordSet> function_words;  // lang ->
  // data/quality/spin_variants.tsv: folded variant -> the expression
  WordMap<std::string> spin_variants;
  WordSet spin_firsts;         // first word of every variant
  std::vector<uint64_t> spin_first_bits;  // SpinBit(first word): a cheap filter before spin_firsts
  WordSet spin_heads;          // first two words of every variant
  size_t spin_max_words = 0;
  // data/outlets/outlets.tsv and state_media.tsv
  std::vector<Outlet> outlets;
  std::vector<StateMedia> state_media;
  WordMap<size_t> outlet_by_domain;   // host -> outlets index
  WordMap<size_t> state_by_domain;    // host -> state_media index
  WordMap<std::vector<size_t>> outlets_by_alias;         // alias as written -> outlets it names
  WordMap<std::vector<size_t>> outlets_by_folded_alias;  // the same, folded (>= 4 bytes)
  WordMap<size_t> state_by_folded_asset;                 // folded asset name -> state_media
  std::vector<std::string> problems;  // malformed data lines (tests check it is empty)
};

// Loaded on first use; safe from any thread.
const Lexicons& GetLexicons();

using util::Fold;
using util::FoldInto;
using util::FoldedHash;

// "https://www.Example.com/a?b" -> "example.com".
std::string HostOf(std::string_view url);

// The outlets named `alias` (exact, or folded for aliases of four bytes or
// more; "RT" names two), or nullptr.
const std::vector<size_t>* OutletsNamed(const Lexicons& lex, std::string_view alias);

// The bit of spin_first_bits for a word (as written or folded).
inline size_t SpinBit(std::string_view word) { return static_cast<size_t>(FoldedHash(word) >> 48); }
inline constexpr size_t kSpinBits = size_t{1} << 16;

// The cue lexicon's view of a folded line: bullets and trailing
// punctuation (":", "»", "…", "|") gone. A view into `folded`.
std::string_view CueKeyOfFolded(std::string_view folded);

// The first outlet named `alias`, or -1.
long FindOutletByAlias(const Lexicons& lex, std::string_view alias);

// The news agency named `name` ("dpa", "The Associated Press"), or -1.
long FindAgency(const Lexicons& lex, std::string_view name);

}  // namespace lagebild::clean
