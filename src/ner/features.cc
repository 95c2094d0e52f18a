#include "ner/features.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "util/embedded.h"
#include "util/fold.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::ner {
namespace {

// FNV-1a over a template id and a value.
uint64_t Hash(uint8_t tmpl, std::string_view value) {
  uint64_t h = 1469598103934665603ull ^ tmpl;
  h *= 1099511628211ull;
  for (char c : value) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Hash of tmpl and several values separated by '|', without joining them.
uint64_t Hash(uint8_t tmpl, std::string_view a, std::string_view b) {
  uint64_t h = Hash(tmpl, a);
  h = (h ^ static_cast<unsigned char>('|')) * 1099511628211ull;
  for (char c : b) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}
uint64_t Hash(uint8_t tmpl, std::string_view a, std::string_view b, std::string_view c3) {
  uint64_t h = Hash(tmpl, a, b);
  h = (h ^ static_cast<unsigned char>('|')) * 1099511628211ull;
  for (char c : c3) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
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

// data/ner/nouns.txt: German common nouns, lower case.
const std::unordered_set<std::string>& GetNouns() {
  static const std::unordered_set<std::string> nouns = [] {
    std::unordered_set<std::string> out;
    const auto file = util::EmbeddedFile("ner/nouns.txt");
    if (!file) return out;
    util::ForEachTextLine(*file, [&](std::string_view line) {
      if (!line.empty() && line[0] != '#') out.emplace(line);
    });
    return out;
  }();
  return nouns;
}

enum Template : uint8_t {
  kBias, kWord, kLower, kPre1, kPre2, kPre3, kPre4, kSuf1, kSuf2, kSuf3, kSuf4, kShape,
  kShortShape, kCap, kInit, kPrev1, kPrev2, kNext1, kNext2, kPrevShape, kNextShape, kBigramL,
  kBigramR, kPrevSuf3, kNextSuf3, kLowerInit, kLength, kTrigram, kGazetteer, kGazetteerWord,
  kGazetteerPrev, kGazetteerNext, kNoun, kNounPrev, kNounNext,
};

}  // namespace

void ExtractFeatures(const std::vector<std::string_view>& words,
                     std::vector<std::vector<uint64_t>>* feats) {
  const size_t n = words.size();
  std::vector<std::string> lower(n), shape(n);
  for (size_t i = 0; i < n; ++i) {
    lower[i] = util::Fold(words[i]);
    shape[i] = Shape(words[i], true);
  }
  static const std::string kStart = "<s>", kEnd = "</s>";
  auto low = [&](long i) -> std::string_view {
    if (i < 0) return kStart;
    if (static_cast<size_t>(i) >= n) return kEnd;
    return lower[static_cast<size_t>(i)];
  };
  auto shp = [&](long i) -> std::string_view {
    if (i < 0) return kStart;
    if (static_cast<size_t>(i) >= n) return kEnd;
    return shape[static_cast<size_t>(i)];
  };
  // Capitalised words: a known common noun, or not.
  const std::unordered_set<std::string>& nouns = GetNouns();
  std::vector<const char*> noun(n, "-");
  for (size_t i = 0; i < n; ++i) {
    if (shape[i].empty() || shape[i][0] != 'X') continue;
    noun[i] = nouns.contains(lower[i]) ? "noun" : "cap";
  }
  // Gazetteer matches, longest first from left to right: "B-LOC", "I-LOC".
  const Gazetteer& gz = GetGazetteer();
  std::vector<std::string> gaz(n);
  {
    std::string key;
    for (size_t i = 0; i < n;) {
      size_t best = 0;
      const std::string* type = nullptr;
      key.clear();
      for (size_t len = 1; len <= gz.max_words && i + len <= n; ++len) {
        if (len > 1) key += ' ';
        key += lower[i + len - 1];
        if (auto it = gz.names.find(key); it != gz.names.end()) {
          best = len;
          type = &it->second;
        }
        if (!gz.prefixes.contains(key)) break;
      }
      if (best == 0) {
        ++i;
        continue;
      }
      for (size_t k = 0; k < best; ++k) gaz[i + k] = (k == 0 ? "B-" : "I-") + *type;
      i += best;
    }
  }
  // Reuse the per-word vectors' storage across calls.
  if (feats->size() < n) feats->resize(n);
  feats->resize(n);
  for (auto& v : *feats) v.clear();
  for (size_t k = 0; k < n; ++k) {
    const long i = static_cast<long>(k);
    std::vector<uint64_t>& f = (*feats)[k];
    f.reserve(32);
    const std::string_view w = words[k], l = lower[k];
    f.push_back(Hash(kBias, ""));
    f.push_back(Hash(kWord, w));
    f.push_back(Hash(kLower, l));
    f.push_back(Hash(kPre1, Prefix(l, 1)));
    f.push_back(Hash(kPre2, Prefix(l, 2)));
    f.push_back(Hash(kPre3, Prefix(l, 3)));
    f.push_back(Hash(kPre4, Prefix(l, 4)));
    f.push_back(Hash(kSuf1, Suffix(l, 1)));
    f.push_back(Hash(kSuf2, Suffix(l, 2)));
    f.push_back(Hash(kSuf3, Suffix(l, 3)));
    f.push_back(Hash(kSuf4, Suffix(l, 4)));
    f.push_back(Hash(kShape, Shape(w, false)));
    f.push_back(Hash(kShortShape, shape[k]));
    const bool cap = !shape[k].empty() && shape[k][0] == 'X';
    f.push_back(Hash(kCap, cap ? (k == 0 ? "first" : "mid") : "no"));
    if (k == 0) f.push_back(Hash(kInit, l));
    f.push_back(Hash(kPrev1, low(i - 1)));
    f.push_back(Hash(kPrev2, low(i - 2)));
    f.push_back(Hash(kNext1, low(i + 1)));
    f.push_back(Hash(kNext2, low(i + 2)));
    f.push_back(Hash(kPrevShape, shp(i - 1)));
    f.push_back(Hash(kNextShape, shp(i + 1)));
    f.push_back(Hash(kBigramL, low(i - 1), l));
    f.push_back(Hash(kBigramR, l, low(i + 1)));
    f.push_back(Hash(kPrevSuf3, Suffix(low(i - 1), 3)));
    f.push_back(Hash(kNextSuf3, Suffix(low(i + 1), 3)));
    f.push_back(Hash(kTrigram, shp(i - 1), shape[k], shp(i + 1)));
    if (!gaz[k].empty()) {
      f.push_back(Hash(kGazetteer, gaz[k]));
      f.push_back(Hash(kGazetteerWord, gaz[k], l));
    }
    f.push_back(Hash(kNoun, noun[k]));
    f.push_back(Hash(kNounPrev, k > 0 ? noun[k - 1] : "<s>"));
    f.push_back(Hash(kNounNext, k + 1 < n ? noun[k + 1] : "</s>"));
    f.push_back(Hash(kGazetteerPrev, k > 0 ? gaz[k - 1] : std::string_view("<s>")));
    f.push_back(Hash(kGazetteerNext, k + 1 < n ? gaz[k + 1] : std::string_view("</s>")));
    const size_t chars = util::CountCodePoints(w);
    f.push_back(Hash(kLength, chars <= 2 ? "s" : chars <= 4 ? "m" : "l"));
  }
}

}  // namespace lagebild::ner
