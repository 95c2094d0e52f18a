#include "ner/features.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "util/embedded.h"
#include "util/fold.h"
#include "util/strings.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace lagebild::ner {
namespace {

// FNV-1a over a template id and a value.
uint64_t Hash(uint8_t tmpl, std::string_view value) {
  return util::FnvAdd((util::kFnvOffset ^ tmpl) * util::kFnvPrime, value);
}

// "Kassym-Jomart" -> "Xx-Xx" (runs collapsed); digits d, other letters x.
std::string Shape(std::string_view w, bool collapse) {
  std::string s;
  size_t i = 0;
  while (i < w.size()) {
    size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(w[i]);
    char k;
    if (c < 0x80) {
      k = util::IsAsciiDigit(static_cast<char>(c))   ? 'd'
          : (c >= 'A' && c <= 'Z')                   ? 'X'
          : util::IsAsciiAlpha(static_cast<char>(c)) ? 'x'
                                                     : static_cast<char>(c);
    } else {
      const char32_t cp = util::DecodeUtf8(w, i, &len);
      // Latin-1 and Extended-A capitals (Ä, Ö, Ü, Š ...) read as X.
      const bool upper = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
                         (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
      k = upper ? 'X' : 'x';
    }
    if (!collapse || s.empty() || s.back() != k) s.push_back(k);
    i += std::max<size_t>(len, 1);
  }
  if (!collapse && s.size() > 8) s.resize(8);
  return s;
}

// The first / last n characters (not bytes) of s.
std::string_view Prefix(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) i = util::NextCharBoundary(s, i + 1);
  return s.substr(0, i);
}
std::string_view Suffix(std::string_view s, size_t n) {
  size_t i = s.size();
  for (size_t k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return s.substr(i);
}

// data/ner/gazetteer.tsv: folded names (words joined by one space) and
// their type, loaded once.
struct Gazetteer {
  std::unordered_map<std::string, std::string> names;
  std::unordered_set<std::string> prefixes;  // every proper word prefix of a name
  size_t max_words = 0;
};

const Gazetteer& GetGazetteer() {
  static const Gazetteer g = [] {
    Gazetteer out;
    const auto file = util::EmbeddedFile("ner/gazetteer.tsv");
    if (!file) return out;
    util::ForEachTextLine(*file, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return;
      const std::string name(line.substr(tab + 1));
      out.names.emplace(name, std::string(line.substr(0, tab)));
      size_t words = 1;
      for (size_t k = 0; k < name.size(); ++k) {
        if (name[k] != ' ') continue;
        out.prefixes.insert(name.substr(0, k));
        ++words;
      }
      out.max_words = std::max(out.max_words, words);
    });
    return out;
  }();
  return g;
}

// What the word lists say of a folded word: a common noun (data/ner/
// nouns.txt, nouns-de.txt), a first name, a surname (data/ner/names.tsv).
enum LexiconFlag : uint8_t { kIsNoun = 1, kIsFirstName = 2, kIsSurname = 4 };

// data/ner/roles.txt: role and title words, lower case.
struct Roles {
  std::unordered_set<std::string> words;
  size_t max_bytes = 0;
};

const Roles& GetRoles() {
  static const Roles roles = [] {
    Roles out;
    if (const auto file = util::EmbeddedFile("ner/roles.txt")) {
      util::ForEachTextLine(*file, [&](std::string_view line) {
        if (line.empty() || line[0] == '#') return;
        const std::string w = util::Fold(line);
        out.max_bytes = std::max(out.max_bytes, w.size());
        out.words.insert(w);
      });
    }
    return out;
  }();
  return roles;
}

// A role word: one of roles.txt, or a compound ending with one (at least
// three letters of it).
bool IsRole(std::string_view lower) {
  const Roles& roles = GetRoles();
  thread_local std::string tail;
  const size_t from = lower.size() > roles.max_bytes ? lower.size() - roles.max_bytes : 0;
  for (size_t i = util::NextCharBoundary(lower, from); i + 3 <= lower.size();
       i = util::NextCharBoundary(lower, i + 1)) {
    tail.assign(lower.substr(i));
    if (roles.words.contains(tail)) return true;
  }
  return false;
}

const std::unordered_map<std::string, uint8_t>& GetLexicon() {
  static const std::unordered_map<std::string, uint8_t> lexicon = [] {
    std::unordered_map<std::string, uint8_t> out;
    out.reserve(300000);
    for (const char* name : {"ner/nouns.txt", "ner/nouns-de.txt"}) {
      const auto file = util::EmbeddedFile(name);
      if (!file) continue;
      util::ForEachTextLine(*file, [&](std::string_view line) {
        if (!line.empty() && line[0] != '#') out[util::Fold(line)] |= kIsNoun;
      });
    }
    if (const auto file = util::EmbeddedFile("ner/names.tsv")) {
      util::ForEachTextLine(*file, [&](std::string_view line) {
        const size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string_view::npos) return;
        out[util::Fold(line.substr(tab + 1))] |=
            line.substr(0, tab) == "first" ? kIsFirstName : kIsSurname;
      });
    }
    return out;
  }();
  return lexicon;
}

enum Template : uint8_t {
  kBias, kWord, kLower, kPre1, kPre2, kPre3, kPre4, kSuf1, kSuf2, kSuf3, kSuf4, kShape,
  kShortShape, kCap, kInit, kPrev1, kPrev2, kNext1, kNext2, kPrevShape, kNextShape, kBigramL,
  kBigramR, kPrevSuf3, kNextSuf3, kLowerInit, kLength, kTrigram, kGazetteer, kGazetteerWord,
  kGazetteerPrev, kGazetteerNext, kNoun, kNounPrev, kNounNext, kName, kNamePrev, kNameNext, kRolePrev, kRolePrev2,
};

}  // namespace

namespace {

// Feature hashes are combinations of value hashes (FNV-1a of the strings)
// with a template id, mixed by splitmix64's finaliser.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
uint64_t F(uint8_t tmpl, uint64_t v) { return Mix(v + 0x9e3779b97f4a7c15ull * (tmpl + 1)); }
uint64_t F(uint8_t tmpl, uint64_t a, uint64_t b) { return Mix(F(tmpl, a) ^ b); }
uint64_t F(uint8_t tmpl, uint64_t a, uint64_t b, uint64_t c) { return Mix(F(tmpl, a, b) ^ c); }
uint64_t V(std::string_view s) { return Hash(0, s); }

// What the features need of one word, whatever its sentence: computed once
// per distinct word form and thread, then cached.
struct WordInfo {
  std::string lower;
  uint64_t word = 0, low = 0, pre[4] = {}, suf[4] = {}, long_shape = 0, shape = 0, length = 0;
  bool cap = false;
  uint64_t noun = 0, name = 0;  // value hashes of "noun"/"cap"/"-", "f"/"l"/"fl"/"-"
  const std::string* gaz_type = nullptr;  // the word alone is a gazetteer name
  bool gaz_prefix = false;                // the word begins a longer name
  bool role = false;                      // a role or title word (roles.txt)
};

// The cache of one thread; its entries stay put (node-based) until cleared.
using WordCache = std::unordered_map<std::string, WordInfo>;
inline constexpr size_t kMaxCachedWords = 65536;

const WordInfo& Info(WordCache& cache, std::string_view w) {
  thread_local std::string key;
  key.assign(w);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  WordInfo x;
  x.lower = util::Fold(w);
  const std::string_view l = x.lower;
  const std::string shape = Shape(w, true);
  x.word = V(w);
  x.low = V(l);
  for (size_t k = 0; k < 4; ++k) {
    x.pre[k] = V(Prefix(l, k + 1));
    x.suf[k] = V(Suffix(l, k + 1));
  }
  x.long_shape = V(Shape(w, false));
  x.shape = V(shape);
  const size_t chars = util::CountCodePoints(w);
  x.length = V(chars <= 2 ? "s" : chars <= 4 ? "m" : "l");
  x.cap = !shape.empty() && shape[0] == 'X';
  static const uint64_t kDash = V("-");
  x.noun = x.name = kDash;
  if (x.cap) {
    // Capitalised words: a known common noun or not, a known first name or
    // surname or not.
    const auto& lexicon = GetLexicon();
    const auto it = lexicon.find(x.lower);
    const uint8_t flags = it == lexicon.end() ? 0 : it->second;
    x.noun = V(flags & kIsNoun ? "noun" : "cap");
    static const char* const kName[] = {"-", "f", "l", "fl"};
    x.name = V(kName[(flags >> 1) & 3]);
  }
  x.role = IsRole(x.lower);
  const Gazetteer& gz = GetGazetteer();
  if (auto it = gz.names.find(x.lower); it != gz.names.end()) x.gaz_type = &it->second;
  x.gaz_prefix = gz.prefixes.contains(x.lower);
  return cache.emplace(key, std::move(x)).first->second;
}

}  // namespace

void ExtractFeatures(const std::vector<std::string_view>& words,
                     std::vector<std::vector<uint64_t>>* feats) {
  const size_t n = words.size();
  thread_local WordCache cache;
  // Cleared only between sentences, so that the pointers below stay valid.
  if (cache.size() + n > kMaxCachedWords) cache.clear();
  thread_local std::vector<const WordInfo*> info;
  info.resize(n);
  for (size_t i = 0; i < n; ++i) info[i] = &Info(cache, words[i]);
  static const uint64_t kStart = V("<s>"), kEnd = V("</s>");
  auto low = [&](long i) -> uint64_t {
    if (i < 0) return kStart;
    if (static_cast<size_t>(i) >= n) return kEnd;
    return info[static_cast<size_t>(i)]->low;
  };
  auto shp = [&](long i) -> uint64_t {
    if (i < 0) return kStart;
    if (static_cast<size_t>(i) >= n) return kEnd;
    return info[static_cast<size_t>(i)]->shape;
  };
  auto suf3 = [&](long i) -> uint64_t {
    if (i < 0) return kStart;
    if (static_cast<size_t>(i) >= n) return kEnd;
    return info[static_cast<size_t>(i)]->suf[2];
  };
  // Gazetteer matches, longest first from left to right: "B-LOC", "I-LOC".
  const Gazetteer& gz = GetGazetteer();
  thread_local std::vector<uint64_t> gaz;  // value hash of "B-LOC" ..., 0: none
  gaz.assign(n, 0);
  {
    std::string key;
    for (size_t i = 0; i < n;) {
      size_t best = info[i]->gaz_type ? 1 : 0;
      const std::string* type = info[i]->gaz_type;
      if (info[i]->gaz_prefix) {
        key = info[i]->lower;
        for (size_t len = 2; len <= gz.max_words && i + len <= n; ++len) {
          key += ' ';
          key += info[i + len - 1]->lower;
          if (auto it = gz.names.find(key); it != gz.names.end()) {
            best = len;
            type = &it->second;
          }
          if (!gz.prefixes.contains(key)) break;
        }
      }
      if (best == 0) {
        ++i;
        continue;
      }
      for (size_t k = 0; k < best; ++k) gaz[i + k] = V((k == 0 ? "B-" : "I-") + *type);
      i += best;
    }
  }
  static const uint64_t kFirst = V("first"), kMid = V("mid"), kNo = V("no");
  // Reuse the per-word vectors' storage across calls.
  feats->resize(n);
  for (size_t k = 0; k < n; ++k) {
    const long i = static_cast<long>(k);
    const WordInfo& x = *info[k];
    std::vector<uint64_t>& f = (*feats)[k];
    f.clear();
    f.reserve(40);
    f.push_back(F(kBias, 0));
    f.push_back(F(kWord, x.word));
    f.push_back(F(kLower, x.low));
    f.push_back(F(kPre1, x.pre[0]));
    f.push_back(F(kPre2, x.pre[1]));
    f.push_back(F(kPre3, x.pre[2]));
    f.push_back(F(kPre4, x.pre[3]));
    f.push_back(F(kSuf1, x.suf[0]));
    f.push_back(F(kSuf2, x.suf[1]));
    f.push_back(F(kSuf3, x.suf[2]));
    f.push_back(F(kSuf4, x.suf[3]));
    f.push_back(F(kShape, x.long_shape));
    f.push_back(F(kShortShape, x.shape));
    f.push_back(F(kCap, x.cap ? (k == 0 ? kFirst : kMid) : kNo));
    if (k == 0) f.push_back(F(kInit, x.low));
    f.push_back(F(kPrev1, low(i - 1)));
    f.push_back(F(kPrev2, low(i - 2)));
    f.push_back(F(kNext1, low(i + 1)));
    f.push_back(F(kNext2, low(i + 2)));
    f.push_back(F(kPrevShape, shp(i - 1)));
    f.push_back(F(kNextShape, shp(i + 1)));
    f.push_back(F(kBigramL, low(i - 1), x.low));
    f.push_back(F(kBigramR, x.low, low(i + 1)));
    f.push_back(F(kPrevSuf3, suf3(i - 1)));
    f.push_back(F(kNextSuf3, suf3(i + 1)));
    f.push_back(F(kTrigram, shp(i - 1), x.shape, shp(i + 1)));
    if (gaz[k] != 0) {
      f.push_back(F(kGazetteer, gaz[k]));
      f.push_back(F(kGazetteerWord, gaz[k], x.low));
    }
    f.push_back(F(kNoun, x.noun));
    f.push_back(F(kName, x.name));
    f.push_back(F(kNamePrev, k > 0 ? info[k - 1]->name : kStart));
    f.push_back(F(kNameNext, k + 1 < n ? info[k + 1]->name : kEnd));
    f.push_back(F(kNounPrev, k > 0 ? info[k - 1]->noun : kStart));
    f.push_back(F(kNounNext, k + 1 < n ? info[k + 1]->noun : kEnd));
    f.push_back(F(kGazetteerPrev, k > 0 ? gaz[k - 1] : kStart));
    f.push_back(F(kGazetteerNext, k + 1 < n ? gaz[k + 1] : kEnd));
    f.push_back(F(kLength, x.length));
    if (k > 0 && info[k - 1]->role) f.push_back(F(kRolePrev, x.cap ? kMid : kNo));
    if (k > 1 && info[k - 2]->role) f.push_back(F(kRolePrev2, x.cap ? kMid : kNo));
  }
}

}  // namespace lagebild::ner
