#include "stories/stories.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "util/binary.h"
#include "util/calendar.h"
#include "util/embedded.h"
#include "util/fold.h"
#include "util/hash.h"
#include "util/romanize.h"
#include "util/strings.h"
#include "util/utf8.h"
#include "util/words.h"

namespace lagebild::stories {
namespace {

constexpr size_t kVectorTerms = 128;    // terms kept per article
constexpr size_t kLookupTerms = 32;    // terms that find candidate stories
constexpr size_t kMembersCompared = 16;
constexpr size_t kCandidates = 24;       // stories compared in full
constexpr size_t kTermStories = 64;      // stories a term leads to: the most recent
constexpr size_t kStemCacheSize = 1 << 18;
constexpr double kLeadBoost = 4.0;
constexpr double kLeadWords = 30.0;
constexpr size_t kRetireEvery = 4096;

// A term's id: a stem (seed 0) or a number (seed 1).
uint64_t HashBytes(std::string_view s, uint64_t seed) { return util::Mix64(util::Fnv1a(s, seed)); }

// One Snowball stemmer per language and thread (stemmers keep state).
class Stemmers {
 public:
  // nullptr when Snowball has no stemmer for the language.
  sb_stemmer* For(std::string_view language) {
    for (auto& [code, stemmer] : stemmers_) {
      if (code == language) return stemmer.get();
    }
    const std::string code(language.empty() ? "de" : language);
    sb_stemmer* s = sb_stemmer_new(code.c_str(), "UTF_8");
    stemmers_.emplace_back(code, std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)>(
                                     s, [](sb_stemmer* p) { if (p) sb_stemmer_delete(p); }));
    return s;
  }

 private:
  std::vector<std::pair<std::string, std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)>>> stemmers_;
};

// A word's term id: its folded form, Snowball-stemmed when there is a
// stemmer (`folded` is scratch space).
uint64_t StemTerm(sb_stemmer* stemmer, std::string_view word, std::string* folded) {
  util::FoldInto(word, folded);
  std::string_view stem = *folded;
  if (stemmer != nullptr) {
    const sb_symbol* out = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(folded->data()), int(folded->size()));
    if (out != nullptr) {
      stem = std::string_view(reinterpret_cast<const char*>(out), size_t(sb_stemmer_length(stemmer)));
    }
  }
  return HashBytes(stem, 0);
}

bool IsYear(std::string_view digits) {
  return digits.size() == 4 && (digits.substr(0, 2) == "19" || digits.substr(0, 2) == "20");
}

double Dot(const TermWeights& a, const TermWeights& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += double(a[i].second) * double(b[j].second);
      ++i, ++j;
    }
  }
  return sum;
}

// Dot product of a short sorted vector with a long one: each term of the
// short one found by galloping through the long one.
double DotShortLong(const TermWeights& small, const TermWeights& large) {
  double sum = 0;
  size_t lo = 0;
  for (const auto& [term, w] : small) {
    size_t step = 1, hi = lo;
    while (hi < large.size() && large[hi].first < term) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = std::min(hi, large.size());
    const auto it = std::lower_bound(large.begin() + long(lo), large.begin() + long(hi), term,
                                     [](const auto& x, uint64_t t) { return x.first < t; });
    lo = size_t(it - large.begin());
    if (it != large.end() && it->first == term) sum += double(w) * double(it->second);
    if (lo >= large.size()) break;
  }
  return sum;
}

// The sum of two vectors sorted by term, sorted by term.
TermWeights AddVectors(const TermWeights& a, const TermWeights& b) {
  TermWeights out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].first < a[i].first) {
      out.push_back(b[j++]);
    } else {
      out.emplace_back(a[i].first, a[i].second + b[j].second);
      ++i, ++j;
    }
  }
  return out;
}

// A story's summed vector with `member` added, kept to its heaviest terms
// (a story of thousands of articles costs no more than one of hundreds);
// *norm2 is its squared norm.
void AddToSum(TermWeights* sum, double* norm2, const TermWeights& member) {
  constexpr size_t kKeep = 1024;
  *norm2 += 2 * DotShortLong(member, *sum) + Dot(member, member);
  *sum = AddVectors(*sum, member);
  if (sum->size() > 2 * kKeep) {
    std::partial_sort(sum->begin(), sum->begin() + kKeep, sum->end(),
                      [](const auto& x, const auto& y) {
                        return x.second != y.second ? x.second > y.second : x.first < y.first;
                      });
    sum->resize(kKeep);
    std::sort(sum->begin(), sum->end());
    *norm2 = Dot(*sum, *sum);
  }
}

int64_t DaysApart(const DayRange& a, const DayRange& b) {
  return std::max<int64_t>({0, a.first - b.last, b.first - a.last});
}

// Terms by weight, heaviest first.
std::vector<std::pair<uint64_t, float>> ByWeight(const TermWeights& v, size_t n) {
  std::vector<std::pair<uint64_t, float>> out(v.begin(), v.end());
  const size_t keep = std::min(n, out.size());
  std::partial_sort(out.begin(), out.begin() + keep, out.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  out.resize(keep);
  return out;
}

// Document counts of stems in general German and English text
// (data/stories/background-df.tsv), so that a small batch can tell a
// story's words from everyday ones.
struct Background {
  std::unordered_map<uint64_t, uint32_t> counts;
  uint64_t documents = 0;
};

const Background& TheBackground() {
  static const Background* background = [] {
    auto* b = new Background;
    const auto data = util::EmbeddedFile("stories/background-df.tsv");
    if (!data) return b;
    util::ForEachTextLine(*data, [&](std::string_view line) {
      const std::vector<std::string_view> cols = util::Split(line, '\t');
      if (cols.size() != 2) return;
      uint32_t n = 0;
      for (char c : cols[1]) {
        if (!util::IsAsciiDigit(c)) return;
        n = n * 10 + uint32_t(c - '0');
      }
      if (cols[0] == "#documents") {
        b->documents = n;
      } else if (!cols[0].empty() && cols[0][0] != '#') {
        b->counts[HashBytes(cols[0], 0)] = n;
      }
    });
    return b;
  }();
  return *background;
}

// Occurrences summed per term, sorted by term.
TermWeights SumByTerm(std::vector<std::pair<uint64_t, float>> v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++out) {
    v[out] = v[i];
    for (++i; i < v.size() && v[i].first == v[out].first; ++i) v[out].second += v[i].second;
  }
  v.resize(out);
  v.shrink_to_fit();
  return v;
}

}  // namespace

DayRange DaysOf(const PartialDate& date) {
  if (!date.known()) return {};
  if (date.day != 0) {
    const int64_t n = util::DayNumber({date.year, date.month, date.day});
    return {n, n};
  }
  if (date.month != 0) {
    return {util::DayNumber({date.year, date.month, 1}),
            util::DayNumber({date.year, date.month, util::DaysInMonth(date.year, date.month)})};
  }
  return {util::DayNumber({date.year, 1, 1}), util::DayNumber({date.year, 12, 31})};
}

Translations::Translations(std::string_view tsv, std::string language)
    : language_(std::move(language)) {
  thread_local Stemmers stemmers;
  sb_stemmer* german = stemmers.For("de");
  std::string folded;
  util::ForEachTextLine(tsv, [&](std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) return;
    std::vector<uint64_t> stems;
    for (std::string_view word : util::Split(line.substr(tab + 1), ' ')) {
      if (word.empty()) continue;
      const uint64_t h = StemTerm(german, word, &folded);  // leaves the word folded in `folded`
      if (std::find(stems.begin(), stems.end(), h) == stems.end()) stems.push_back(h);
      if (folded.size() >= 3) german_.insert(folded);
    }
    if (!stems.empty()) words_[util::FoldedHash(line.substr(0, tab))] = std::move(stems);
  });
}

void Translations::SplitCompound(std::string_view w, int depth,
                                 std::vector<std::string_view>* parts) const {
  constexpr size_t kMinPart = 3, kMinTail = 4, kMinCompound = 8;
  std::string scratch;
  const auto known = [&](std::string_view x) {
    scratch.assign(x);
    return german_.count(scratch) > 0;
  };
  if (depth < 4 && w.size() >= kMinCompound) {
    // The shortest head that leaves a known word: German compounds put the
    // word they are a kind of last.
    for (size_t i = kMinPart; i + kMinTail <= w.size(); ++i) {
      if ((static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) continue;  // inside a character
      const std::string_view tail = w.substr(i);
      if (!known(tail)) continue;
      std::string_view head = w.substr(0, i);
      bool found = known(head);
      for (std::string_view link : {"s", "es", "n", "en"}) {
        if (found) break;
        if (head.size() >= kMinPart + link.size() && head.ends_with(link) &&
            known(head.substr(0, head.size() - link.size()))) {
          head.remove_suffix(link.size());
          found = true;
        }
      }
      if (!found) continue;
      SplitCompound(head, depth + 1, parts);
      SplitCompound(tail, depth + 1, parts);
      return;
    }
  }
  if (depth > 0) parts->push_back(w);
}

std::vector<uint64_t> Translations::CompoundParts(std::string_view folded) const {
  std::vector<std::string_view> parts;
  SplitCompound(folded, 0, &parts);
  std::vector<uint64_t> out;
  if (parts.size() < 2) return out;
  thread_local Stemmers stemmers;
  sb_stemmer* german = stemmers.For("de");
  std::string scratch;
  for (std::string_view part : parts) {
    const uint64_t h = StemTerm(german, part, &scratch);
    if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
  }
  return out;
}

const std::vector<uint64_t>* Translations::Find(uint64_t folded_word) const {
  const auto it = words_.find(folded_word);
  return it == words_.end() ? nullptr : &it->second;
}

ArticleTerms DescribeArticle(std::string_view title, std::string_view text,
                             std::string_view language, const PartialDate& published,
                             const Translations* translations) {
  thread_local Stemmers stemmers;
  // Stems cached per word form (by its folded hash) and language.
  thread_local std::unordered_map<std::string, std::unordered_map<uint64_t, uint64_t>> caches;
  // Romanisation keys of name forms, the same in every language.
  thread_local std::unordered_map<uint64_t, uint64_t> name_keys;
  sb_stemmer* stemmer = stemmers.For(language);
  auto& cache = caches[std::string(language)];
  std::vector<std::pair<uint64_t, float>> counts, names, cross;  // one entry per occurrence
  counts.reserve(text.size() / 6);
  const bool pivot = language == kPivotLanguage;
  // German compounds are split by the German words of the translations.
  const Translations* compounds = pivot ? translations : nullptr;
  thread_local std::unordered_map<uint64_t, std::vector<uint64_t>> compound_parts;  // by form
  if (translations != nullptr && translations->language() != language) translations = nullptr;
  size_t position = 0;
  bool sentence_start = true;
  std::string folded, digits;
  // `name`: the term's name key (one across languages), or 0.
  // `translated`: the word's German stems (other languages), or null.
  // `parts`: a German compound's parts (see Translations), or null.
  auto add = [&](uint64_t term, uint64_t name, const std::vector<uint64_t>* translated,
                 const std::vector<uint64_t>* parts = nullptr) {
    static const std::array<float, 256> kLead = [] {
      std::array<float, 256> t{};
      for (size_t p = 0; p < t.size(); ++p) {
        t[p] = float(1.0 + kLeadBoost * std::exp(-double(p) / kLeadWords));
      }
      return t;
    }();
    const float w = position < kLead.size() ? kLead[position] : 1.0f;
    counts.emplace_back(term, w);
    if (name != 0) {
      names.emplace_back(name, w);
      cross.emplace_back(name, w);
    }
    if (pivot) {
      if (name != term) cross.emplace_back(term, w);
      if (parts != nullptr && !parts->empty()) {
        const float share = w / float(parts->size());
        for (uint64_t stem : *parts) cross.emplace_back(stem, share);
      }
    } else if (translated != nullptr) {
      const float share = w / float(translated->size());
      for (uint64_t stem : *translated) cross.emplace_back(stem, share);
    }
    ++position;
  };
  auto scan = [&](std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      size_t len = 0;
      const char32_t cp = util::DecodeUtf8(s, i, &len);
      len = len == 0 ? 1 : len;
      if (util::IsAsciiDigit(s[i])) {
        // A number, its group separators dropped: 1.045 = 1045.
        digits.clear();
        size_t j = i;
        while (j < s.size() && (util::IsAsciiDigit(s[j]) ||
                                ((s[j] == '.' || s[j] == ',') && j + 1 < s.size() &&
                                 util::IsAsciiDigit(s[j + 1]) && j > i))) {
          if (util::IsAsciiDigit(s[j])) digits.push_back(s[j]);
          ++j;
        }
        if (digits.size() >= 2 && !IsYear(digits)) {
          const uint64_t number = HashBytes(digits, 1);
          add(number, number, nullptr);
        }
        else ++position;
        sentence_start = false;
        i = j;
        continue;
      }
      if (!util::IsLetter(cp)) {
        if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':' || s[i] == '\n') {
          sentence_start = true;
        }
        i += len;
        continue;
      }
      const bool capital = (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
      const bool name = capital && !sentence_start;
      sentence_start = false;
      size_t j = i, letters = 0;
      while (j < s.size()) {
        size_t l = 0;
        if (!util::IsLetter(util::DecodeUtf8(s, j, &l))) break;
        j += l == 0 ? 1 : l;
        ++letters;
      }
      if (letters >= 3) {
        const std::string_view word = s.substr(i, j - i);
        const uint64_t form = util::FoldedHash(word);
        auto cached = cache.find(form);
        if (cached == cache.end()) {
          if (cache.size() >= kStemCacheSize) cache.clear();
          cached = cache.emplace(form, StemTerm(stemmer, word, &folded)).first;
        }
        uint64_t key = 0;
        if (name) {
          auto known = name_keys.find(form);
          if (known == name_keys.end()) {
            // "Selenskyj", "Zelensky" and "Selenskyjs" have one key.
            std::string k = util::RomanisationKey(word);
            if (k.size() > 4 && k.back() == 's') k.pop_back();
            if (name_keys.size() >= kStemCacheSize) name_keys.clear();
            known = name_keys.emplace(form, HashBytes(k, 2)).first;
          }
          key = known->second;
        }
        const std::vector<uint64_t>* parts = nullptr;
        if (compounds != nullptr && word.size() >= 8) {
          // By form and dictionary (a test may bring another).
          const uint64_t id = form ^ util::Mix64(reinterpret_cast<uintptr_t>(compounds));
          auto known = compound_parts.find(id);
          if (known == compound_parts.end()) {
            if (compound_parts.size() >= kStemCacheSize) compound_parts.clear();
            util::FoldInto(word, &folded);
            known = compound_parts.emplace(id, compounds->CompoundParts(folded)).first;
          }
          parts = &known->second;
        }
        add(cached->second, key, translations ? translations->Find(form) : nullptr, parts);
      } else {
        ++position;
      }
      i = j;
    }
  };
  scan(title);
  sentence_start = true;
  scan(text);
  ArticleTerms out;
  out.terms = SumByTerm(std::move(counts));
  out.names = SumByTerm(std::move(names));
  out.cross = SumByTerm(std::move(cross));
  out.language = std::string(language);
  out.days = DaysOf(published);
  return out;
}

DocumentFrequencies::DocumentFrequencies() {
  const Background& background = TheBackground();
  counts_ = background.counts;
}

void DocumentFrequencies::Load(const std::vector<std::pair<uint64_t, uint32_t>>& counts,
                               uint64_t documents) {
  counts_ = TheBackground().counts;
  counts_.reserve(counts_.size() + counts.size());
  for (const auto& [term, n] : counts) counts_[term] += n;
  documents_ = documents;
}

void DocumentFrequencies::Add(const ArticleTerms& article) {
  for (const auto& [term, count] : article.terms) ++counts_[term];
  ++documents_;
}

double DocumentFrequencies::Idf(uint64_t term) const {
  // counts_ holds the background counts too (see the constructor).
  const auto it = counts_.find(term);
  const double df = it == counts_.end() ? 0.0 : double(it->second);
  const double n = double(documents_ + TheBackground().documents);
  // Words in more than three in ten articles say nothing about the story
  // (function words, the words of every report), once there are enough
  // articles to tell.
  if (n >= 20 && df > 0.3 * n) return 0;
  return std::log((n + 1.0) / (df + 0.5));
}

StoryClusterer::StoryClusterer(ClusterOptions options, uint32_t first_story,
                               uint32_t first_event)
    : options_(options), next_story_(first_story), next_event_(first_event) {}

namespace {

TermWeights Weigh(const TermWeights& counts, const DocumentFrequencies& df) {
  TermWeights v;
  v.reserve(counts.size());
  for (const auto& [term, count] : counts) {
    const double w = (1.0 + std::log(double(count))) * df.Idf(term);
    if (w > 0) v.emplace_back(term, float(w));
  }
  v = ByWeight(v, kVectorTerms);
  double norm = 0;
  for (const auto& [term, w] : v) norm += double(w) * double(w);
  norm = std::sqrt(norm);
  for (auto& [term, w] : v) w = float(double(w) / norm);
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

ArticleVectors Weigh(const ArticleTerms& article, const DocumentFrequencies& df) {
  return {Weigh(article.terms, df), Weigh(article.names, df), Weigh(article.cross, df),
          article.language, article.days};
}

namespace {
void EncodeTerms(const TermWeights& v, util::ByteWriter* w) {
  w->U32(uint32_t(v.size()));
  for (const auto& [term, weight] : v) {
    w->U64(term);
    w->F32(weight);
  }
}
void DecodeTerms(util::ByteReader* r, TermWeights* v) {
  v->resize(r->Count(12));
  for (auto& [term, weight] : *v) {
    term = r->U64();
    weight = r->F32();
  }
}
}  // namespace

// Format 2 starts with kFormatMark (no count of format 1 is that large) and
// its number and adds `cross`; format 1 (all, names, language, days) is
// still read.
constexpr uint32_t kFormatMark = 0xFFFFFFFFu;
constexpr uint32_t kFormat = 2;

std::string Encode(const ArticleVectors& v) {
  util::ByteWriter w;
  w.U32(kFormatMark);
  w.U32(kFormat);
  EncodeTerms(v.all, &w);
  EncodeTerms(v.names, &w);
  EncodeTerms(v.cross, &w);
  w.Str(v.language);
  w.I64(v.days.first);
  w.I64(v.days.last);
  return w.Take();
}

bool Decode(std::string_view bytes, ArticleVectors* v) {
  util::ByteReader r(bytes);
  ArticleVectors out;
  const bool marked = bytes.substr(0, 4) == std::string_view("\xff\xff\xff\xff", 4);
  if (marked) {
    r.U32();
    if (r.U32() != kFormat) return false;
  }
  DecodeTerms(&r, &out.all);
  DecodeTerms(&r, &out.names);
  if (marked) DecodeTerms(&r, &out.cross);
  out.language = r.Str();
  out.days.first = r.I64();
  out.days.last = r.I64();
  if (!r.done()) return false;
  // Days within ±20,000 years of 1970, or none: day arithmetic cannot overflow.
  constexpr int64_t kFarDays = 20000LL * 366;
  if (out.days.known() && (out.days.first < -kFarDays || out.days.last > kFarDays)) return false;
  if (!out.days.known()) out.days = {};
  // Vectors must be sorted by term for the merge in Dot.
  auto sorted = [](const TermWeights& t) {
    return std::is_sorted(t.begin(), t.end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
  };
  if (!sorted(out.all) || !sorted(out.names) || !sorted(out.cross)) return false;
  *v = std::move(out);
  return true;
}

std::optional<uint32_t> StoryClusterer::NearestStory(const ArticleVectors& m,
                                                     const std::vector<uint32_t>& events) const {
  std::optional<uint32_t> chosen;
  double best = 0;
  for (uint32_t id : events) {
    const auto e = active_.find(id);
    if (e == active_.end()) continue;
    const auto it = stories_.find(e->second.story);
    if (it == stories_.end() || it->second.members < options_.min_story_members) continue;
    const Story& st = it->second;
    if (m.days.known() && st.compared_days().known() &&
        DaysApart(m.days, st.compared_days()) > options_.story_window_days) {
      continue;
    }
    // Its own words, or (another language) its German translations: the
    // cross terms only where a language differs, as within one language
    // they add stems and compound parts that unrelated texts share.
    double cosine = st.all_norm2 > 0 ? DotShortLong(m.all, st.all) / std::sqrt(st.all_norm2) : 0;
    if (st.cross_norm2 > 0 && (st.mixed || st.language != m.language)) {
      cosine = std::max(cosine, DotShortLong(m.cross, st.cross) / std::sqrt(st.cross_norm2));
    }
    if (cosine >= options_.min_story_similarity && cosine > best) {
      best = cosine;
      chosen = e->second.story;
    }
  }
  return chosen;
}

Placement StoryClusterer::Add(const ArticleVectors& m) {
  // The days an article is compared by: its own, or, without a date, the
  // stream's recent ones.
  DayRange days = m.days;
  if (!days.known() && !stream_dates_.empty()) {
    days = stream_dates_.front();
    for (const DayRange& d : stream_dates_) {
      days = {std::min(days.first, d.first), std::max(days.last, d.last)};
    }
    days.first -= options_.undated_slack_days;
    days.last += options_.undated_slack_days;
  }
  // Events sharing heavy terms, by the article's weight of the terms they
  // share; only the most promising are compared in full.
  std::vector<std::pair<uint32_t, float>> hits;  // at most 32 × 64
  auto look_up = [&](const TermWeights& terms) {
    for (const auto& [term, w] : ByWeight(terms, kLookupTerms)) {
      const auto it = index_.find(term);
      if (it == index_.end()) continue;
      for (uint32_t story : it->second) hits.emplace_back(story, w);
    }
  };
  look_up(m.all);
  // An article in another language than German also looks up its German
  // translations (and German events find it by theirs: see Join).
  if (m.language != kPivotLanguage) look_up(m.cross);
  std::sort(hits.begin(), hits.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<float, uint32_t>> ranked;
  for (size_t i = 0; i < hits.size();) {
    size_t j = i;
    float sum = 0;
    for (; j < hits.size() && hits[j].first == hits[i].first; ++j) sum += hits[j].second;
    ranked.emplace_back(sum, hits[i].first);
    i = j;
  }
  const size_t keep = std::min(ranked.size(), kCandidates);
  std::partial_sort(ranked.begin(), ranked.begin() + long(keep), ranked.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  ranked.resize(keep);
  std::vector<uint32_t> candidates;
  for (const auto& [score, story] : ranked) candidates.push_back(story);
  double best = 0;
  uint32_t chosen = 0;
  bool found = false;
  for (uint32_t id : candidates) {
    const auto it = active_.find(id);
    if (it == active_.end()) continue;
    const Event& s = it->second;
    const DayRange& story_days = s.exact_days.known() ? s.exact_days : s.days;
    if (days.known() && story_days.known() &&
        DaysApart(days, story_days) > options_.window_days) {
      continue;
    }
    double sum = 0;
    for (const auto& [language, total] : s.sums) {
      if (language == m.language) sum += DotShortLong(m.all, total);
    }
    for (const ArticleVectors& member : s.recent) {
      if (member.language == m.language) continue;
      // Names and numbers, plus the translated words: in one language the
      // cosine of all terms holds both.
      sum += Dot(m.names, member.names) + Dot(m.cross, member.cross);
    }
    const double similarity = sum / double(s.recent.size());
    // Dates of both within the window already say "same days": the words
    // need to agree a little less.
    const double threshold = m.days.known() && story_days.known()
                                 ? options_.min_similarity_dated
                                 : options_.min_similarity;
    if (similarity >= threshold && (!found || similarity > best)) {
      best = similarity;
      chosen = id;
      found = true;
    }
  }
  Placement placed;
  if (found) {
    placed = {active_.at(chosen).story, chosen, {}};
  } else {
    // A new event: of a story that is large enough and close enough, else
    // of a new story.
    const std::optional<uint32_t> story = NearestStory(m, candidates);
    placed = {story ? *story : next_story_++, next_event_++, {}};
  }
  Join(placed, m, added_);
  placed.merged = MergeInto(placed.story, candidates);
  if (placed.merged.empty()) MergeAcrossLanguages(candidates, &placed);
  return placed;
}

std::vector<uint32_t> StoryClusterer::MergeInto(uint32_t story, const std::vector<uint32_t>& events) {
  std::vector<uint32_t> merged;
  if (options_.min_merge_similarity <= 0 || options_.min_merge_similarity > 1) return merged;
  const auto self = stories_.find(story);
  if (self == stories_.end() || self->second.members < options_.min_story_members) return merged;
  // Each smaller story of the candidates once.
  std::vector<uint32_t> others;
  for (uint32_t id : events) {
    const auto e = active_.find(id);
    if (e == active_.end() || e->second.story == story) continue;
    if (std::find(others.begin(), others.end(), e->second.story) == others.end()) {
      others.push_back(e->second.story);
    }
  }
  for (uint32_t other : others) {
    const auto it = stories_.find(other);
    if (it == stories_.end()) continue;
    Story& big = stories_.at(story);
    const Story& small = it->second;
    if (small.members >= big.members) continue;
    if (big.compared_days().known() && small.compared_days().known() &&
        DaysApart(big.compared_days(), small.compared_days()) > options_.story_window_days) {
      continue;
    }
    // The smaller sum is the shorter vector: found in the larger by galloping.
    const auto cosine = [](const TermWeights& a, double na, const TermWeights& b, double nb) {
      if (na <= 0 || nb <= 0) return 0.0;
      const double d = a.size() <= b.size() ? DotShortLong(a, b) : DotShortLong(b, a);
      return d / std::sqrt(na * nb);
    };
    // Cross terms only where a language differs (see NearestStory).
    const bool across = big.mixed || small.mixed || big.language != small.language;
    const double c = std::max(cosine(big.all, big.all_norm2, small.all, small.all_norm2),
                              across ? cosine(big.cross, big.cross_norm2, small.cross, small.cross_norm2) : 0.0);
    if (c < options_.min_merge_similarity) continue;
    Absorb(story, other);
    merged.push_back(other);
  }
  return merged;
}

void StoryClusterer::Absorb(uint32_t into, uint32_t other) {
  const auto it = stories_.find(other);
  Story& big = stories_.at(into);
  const Story& small = it->second;
  for (auto& [event_id, event] : active_) {
    if (event.story == other) event.story = into;
  }
  AddToSum(&big.all, &big.all_norm2, small.all);
  if (!small.cross.empty()) AddToSum(&big.cross, &big.cross_norm2, small.cross);
  big.members += small.members;
  const auto widen_by = [](DayRange& range, const DayRange& by) {
    if (!by.known()) return;
    range = range.known() ? DayRange{std::min(range.first, by.first), std::max(range.last, by.last)}
                          : by;
  };
  widen_by(big.days, small.days);
  widen_by(big.exact_days, small.exact_days);
  big.last_added = std::max(big.last_added, small.last_added);
  big.mixed = big.mixed || small.mixed || big.language != small.language;
  stories_.erase(it);
}

namespace {
double StoryCosine(const TermWeights& a, double na, const TermWeights& b, double nb) {
  if (na <= 0 || nb <= 0) return 0;
  const double d = a.size() <= b.size() ? DotShortLong(a, b) : DotShortLong(b, a);
  return d / std::sqrt(na * nb);
}
}  // namespace

void StoryClusterer::MergeAcrossLanguages(const std::vector<uint32_t>& events, Placement* placed) {
  if (!options_.merge_across_languages) return;
  // The nearest story in another language, of those the events lead to
  // (and, for the check that it is mutual, of those its own events lead
  // to: the same list, looked up once).
  const auto nearest = [&](uint32_t id, const std::vector<uint32_t>& pool,
                           double* cosine) -> std::optional<uint32_t> {
    const Story& self = stories_.at(id);
    std::optional<uint32_t> best;
    *cosine = 0;
    for (uint32_t e : pool) {
      const auto ev = active_.find(e);
      if (ev == active_.end() || ev->second.story == id) continue;
      const auto st = stories_.find(ev->second.story);
      if (st == stories_.end() || st->second.mixed || st->second.language == self.language) continue;
      const Story& other = st->second;
      if (self.compared_days().known() && other.compared_days().known() &&
          DaysApart(self.compared_days(), other.compared_days()) > options_.story_window_days) {
        continue;
      }
      const double c = StoryCosine(self.cross, self.cross_norm2, other.cross, other.cross_norm2);
      if (c > *cosine) *cosine = c, best = st->first;
    }
    return best;
  };
  const auto self = stories_.find(placed->story);
  if (self == stories_.end() || self->second.mixed) return;
  double cosine = 0;
  const std::optional<uint32_t> other = nearest(placed->story, events, &cosine);
  if (!other || cosine < options_.min_story_similarity) return;
  // Mutual: no story of this one's language is nearer to the other.
  for (uint32_t e : events) {
    const auto ev = active_.find(e);
    if (ev == active_.end()) continue;
    const auto st = stories_.find(ev->second.story);
    if (st == stories_.end() || st->first == placed->story || st->second.mixed ||
        st->second.language != self->second.language) {
      continue;
    }
    const Story& o = stories_.at(*other);
    if (StoryCosine(st->second.cross, st->second.cross_norm2, o.cross, o.cross_norm2) > cosine) return;
  }
  const uint32_t mine = placed->story;
  if (stories_.at(*other).members >= self->second.members) {
    Absorb(*other, mine);
    placed->story = *other;
    placed->merged.push_back(mine);
  } else {
    Absorb(mine, *other);
    placed->merged.push_back(*other);
  }
}

void StoryClusterer::AddTo(const Placement& placement, const ArticleVectors& article) {
  Join(placement, article, added_);
}

void StoryClusterer::Restore(const Placement& placement, const ArticleVectors& article,
                             uint64_t stream_number) {
  Join(placement, article, stream_number);
}

void StoryClusterer::Join(const Placement& placement, const ArticleVectors& member,
                          uint64_t stream_number) {
  next_story_ = std::max(next_story_, placement.story + 1);
  next_event_ = std::max(next_event_, placement.event + 1);
  const uint32_t story = placement.event;  // the index and `active_` hold events
  const DayRange& days = member.days;
  Event& s = active_[story];
  s.story = placement.story;
  auto index = [&](const TermWeights& terms) {
    for (const auto& [term, w] : ByWeight(terms, kLookupTerms)) {
      std::vector<uint32_t>& list = index_[term];
      const auto at = std::find(list.begin(), list.end(), story);
      if (at != list.end()) list.erase(at);  // moves to the end: most recent last
      list.push_back(story);
      if (list.size() > kTermStories) list.erase(list.begin());
    }
  };
  index(member.all);
  if (member.language != kPivotLanguage) index(member.cross);
  s.recent.push_back(member);
  std::string evicted_language;
  if (s.recent.size() > kMembersCompared) {
    evicted_language = s.recent.front().language;
    s.recent.erase(s.recent.begin());
  }
  const std::string* languages[] = {&member.language, &evicted_language};
  for (const std::string* language : languages) {
    if (language == &evicted_language && (evicted_language.empty() || evicted_language == member.language)) {
      continue;
    }
    TermWeights total;
    for (const ArticleVectors& r : s.recent) {
      if (r.language == *language) total.insert(total.end(), r.all.begin(), r.all.end());
    }
    std::sort(total.begin(), total.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t out = 0;
    for (size_t i = 0; i < total.size(); ++out) {
      total[out] = total[i];
      for (++i; i < total.size() && total[i].first == total[out].first; ++i) {
        total[out].second += total[i].second;
      }
    }
    total.resize(out);
    auto it = std::find_if(s.sums.begin(), s.sums.end(),
                           [&](const auto& x) { return x.first == *language; });
    if (total.empty()) {
      if (it != s.sums.end()) s.sums.erase(it);
    } else if (it != s.sums.end()) {
      it->second = std::move(total);
    } else {
      s.sums.emplace_back(*language, std::move(total));
    }
  }
  const auto widen = [](DayRange& range, const DayRange& by) {
    range = range.known() ? DayRange{std::min(range.first, by.first), std::max(range.last, by.last)}
                          : by;
  };
  if (days.known()) {
    widen(s.days, days);
    stream_dates_.push_back(days);
    if (stream_dates_.size() > options_.stream_dates) stream_dates_.erase(stream_dates_.begin());
  }
  if (days.known() && days.first == days.last) widen(s.exact_days, days);
  s.last_added = stream_number;
  Story& whole = stories_[placement.story];
  if (whole.members == 0) whole.language = member.language;
  whole.mixed = whole.mixed || whole.language != member.language;
  AddToSum(&whole.all, &whole.all_norm2, member.all);
  if (!member.cross.empty()) AddToSum(&whole.cross, &whole.cross_norm2, member.cross);
  ++whole.members;
  if (days.known()) widen(whole.days, days);
  if (days.known() && days.first == days.last) widen(whole.exact_days, days);
  whole.last_added = stream_number;
  added_ = std::max(added_, stream_number + 1);
  if (added_ % kRetireEvery == 0) Retire();
}

void StoryClusterer::Retire() {
  if (added_ <= options_.window_articles) return;
  const uint64_t oldest = added_ - options_.window_articles;
  for (auto it = active_.begin(); it != active_.end();) {
    it = it->second.last_added < oldest ? active_.erase(it) : std::next(it);
  }
  for (auto it = stories_.begin(); it != stories_.end();) {
    it = it->second.last_added < oldest ? stories_.erase(it) : std::next(it);
  }
  for (auto it = index_.begin(); it != index_.end();) {
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](uint32_t id) { return active_.count(id) == 0; }),
               list.end());
    it = list.empty() ? index_.erase(it) : std::next(it);
  }
}

}  // namespace lagebild::stories
