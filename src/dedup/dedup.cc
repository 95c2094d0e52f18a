#include "dedup/dedup.h"

#include <algorithm>
#include <unordered_set>

#include "util/binary.h"
#include "util/fold.h"
#include "util/hash.h"
#include "util/sentences.h"
#include "util/strings.h"
#include "util/words.h"

namespace lagebild::dedup {
namespace {

constexpr size_t kShingle = 5;
constexpr size_t kLeads = 3;
constexpr size_t kLongSentenceWords = 8;

using util::Mix64;

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

template <typename T>
size_t SharedCount(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// The sentence ends like a sentence: . ! ? before closing quotes or brackets.
bool EndsAsSentence(std::string_view s) {
  while (!s.empty()) {
    const unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '.' || c == '!' || c == '?') return true;
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      s.remove_suffix(1);
    } else if (c >= 0x80) {  // closing typographic quotes: “ ” ‘ ’ « » ‹ ›
      size_t k = s.size() - 1;
      while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
      const std::string_view last = s.substr(k);
      if (last != "\u201C" && last != "\u201D" && last != "\u2018" && last != "\u2019" &&
          last != "\u00AB" && last != "\u00BB" && last != "\u2039" && last != "\u203A") {
        return false;
      }
      s.remove_suffix(last.size());
    } else {
      return false;
    }
  }
  return false;
}

bool LeadsMatch(const Fingerprint& a, const Fingerprint& b, double min_shared) {
  for (const auto& x : a.leads) {
    for (const auto& y : b.leads) {
      const size_t smaller = std::min(x.size(), y.size());
      if (smaller == 0) continue;
      if (static_cast<double>(SharedCount(x, y)) >= min_shared * static_cast<double>(smaller)) {
        return true;
      }
    }
  }
  return false;
}

// Whether the words of a text are inside quotation marks, mark by mark:
// „ opens; ” closes; “ closes a quotation open, else opens one (German „…“
// and English “…”); " and « » open or close; a single quote ' or ‘ opens
// before a word after a space or a colon, and ' or ’ closes an open one
// before a space or punctuation (an apostrophe between letters is
// neither). A quotation goes on over a paragraph break (English quotes of
// several paragraphs), but one open for more than kLongQuoteWords words
// ends at the next blank line: its closing mark was lost.
class QuoteState {
 public:
  void See(std::string_view text, size_t i) {
    const std::string_view at = text.substr(i);
    const auto before = [&] { return i == 0 ? ' ' : text[i - 1]; };
    const auto after = [&](size_t len) { return i + len < text.size() ? text[i + len] : ' '; };
    if (at.starts_with("\u201E")) {
      Open(&double_);
    } else if (at.starts_with("\u201D")) {
      double_ = false;
    } else if (at.starts_with("\u201C")) {
      double_ ? void(double_ = false) : Open(&double_);
    } else if (at[0] == '"' || at.starts_with("\u00AB") || at.starts_with("\u00BB")) {
      double_ ? void(double_ = false) : Open(&double_);
    } else if (at[0] == '\'' || at.starts_with("\u2018") || at.starts_with("\u2019")) {
      const size_t len = at[0] == '\'' ? 1 : 3;
      const char b = before(), c = after(len);
      const bool word_after = util::IsAsciiAlpha(c) || util::IsAsciiDigit(c) ||
                              static_cast<unsigned char>(c) >= 0x80;
      const bool space_before = b == ' ' || b == '\n' || b == ':' || b == '(';
      if (!single_ && space_before && word_after && !at.starts_with("\u2019")) {
        Open(&single_);
      } else if (single_ && !word_after && b != ' ' && !at.starts_with("\u2018")) {
        single_ = false;
      }
    } else if (at.starts_with("\n\n") && inside() && words_ > kLongQuoteWords) {
      double_ = single_ = false;
    }
  }
  void Word() { ++words_; }
  bool inside() const { return double_ || single_; }

 private:
  static constexpr size_t kLongQuoteWords = 120;
  void Open(bool* which) {
    if (!inside()) words_ = 0;
    *which = true;
  }
  bool double_ = false, single_ = false;
  size_t words_ = 0;  // words since the quotation opened
};

}  // namespace

Fingerprint MakeFingerprint(std::string_view text) {
  Fingerprint fp;
  uint64_t ring[kShingle] = {};
  size_t words = 0;
  // Whether the word is inside quotation marks (see QuoteState).
  QuoteState quotes;
  size_t after_last = 0;      // the byte after the previous word
  size_t last_quoted = 0;     // 1 + the number of the last word inside a quotation
  util::ForEachLetterRun(text, [&](std::string_view word, size_t) {
    const size_t at = size_t(word.data() - text.data());
    for (size_t i = after_last; i < at; ++i) quotes.See(text, i);
    quotes.Word();
    const bool in_quote = quotes.inside();
    after_last = at + word.size();
    ring[words % kShingle] = util::FoldedHash(word);
    ++words;
    if (in_quote) last_quoted = words;
    if (words < kShingle) return;
    uint64_t h = 0;
    for (size_t k = 0; k < kShingle; ++k) h = Mix64(h ^ ring[(words + k) % kShingle]);
    fp.shingles.push_back(static_cast<uint32_t>(h >> 32));
    if (last_quoted > words - kShingle) fp.quoted.push_back(static_cast<uint32_t>(h >> 32));
    if ((h & 3) == 0) fp.sample.push_back(h);
  });
  if (words > 0 && words < kShingle) {  // a text shorter than one 5-gram is one shingle
    uint64_t h = 0;
    for (size_t k = 0; k < words; ++k) h = Mix64(h ^ ring[k]);
    fp.shingles.push_back(static_cast<uint32_t>(h >> 32));
    fp.sample.push_back(h);
  }
  SortUnique(&fp.shingles);
  SortUnique(&fp.sample);
  SortUnique(&fp.quoted);

  for (const util::SentenceSpan& span : util::SplitSentences(text)) {
    if (fp.leads.size() == kLeads) break;
    const std::string_view sentence = text.substr(span.start, span.end - span.start);
    if (!EndsAsSentence(sentence)) continue;
    std::vector<uint64_t> lead;
    util::ForEachLetterRun(sentence, [&](std::string_view word, size_t) {
      lead.push_back(util::FoldedHash(word));
    });
    if (lead.size() < kLongSentenceWords) continue;
    SortUnique(&lead);
    fp.leads.push_back(std::move(lead));
  }
  return fp;
}

// Share of the shorter text's 5-grams found in the other.
static double Contained(const Fingerprint& a, const Fingerprint& b) {
  const size_t smaller = std::min(a.shingles.size(), b.shingles.size());
  if (smaller == 0) return 0;
  return static_cast<double>(SharedCount(a.shingles, b.shingles)) / static_cast<double>(smaller);
}

// Share of the shorter text's own 5-grams (none of their words inside
// quotation marks) found among the other's own 5-grams.
static double OwnContained(const Fingerprint& a, const Fingerprint& b) {
  const size_t own_a = a.shingles.size() - a.quoted.size(), own_b = b.shingles.size() - b.quoted.size();
  const size_t smaller = std::min(own_a, own_b);
  if (smaller == 0) return a.quoted.empty() && b.quoted.empty() ? 1 : 0;
  size_t i = 0, j = 0, n = 0;
  while (i < a.shingles.size() && j < b.shingles.size()) {
    if (a.shingles[i] < b.shingles[j]) {
      ++i;
    } else if (b.shingles[j] < a.shingles[i]) {
      ++j;
    } else {
      const uint32_t h = a.shingles[i];
      n += !std::binary_search(a.quoted.begin(), a.quoted.end(), h) &&
           !std::binary_search(b.quoted.begin(), b.quoted.end(), h);
      ++i, ++j;
    }
  }
  return static_cast<double>(n) / static_cast<double>(smaller);
}

bool IsCopy(const Fingerprint& a, const Fingerprint& b, const CopyOptions& options) {
  return Contained(a, b) >= options.min_contained && LeadsMatch(a, b, options.min_lead_shared) &&
         OwnContained(a, b) >= options.min_own_contained;
}

std::string Encode(const Fingerprint& fp) {
  util::ByteWriter w;
  w.U32(uint32_t(fp.shingles.size()));
  for (uint32_t h : fp.shingles) w.U32(h);
  w.U32(uint32_t(fp.sample.size()));
  for (uint64_t h : fp.sample) w.U64(h);
  w.U32(uint32_t(fp.leads.size()));
  for (const auto& lead : fp.leads) {
    w.U32(uint32_t(lead.size()));
    for (uint64_t h : lead) w.U64(h);
  }
  w.U32(uint32_t(fp.quoted.size()));
  for (uint32_t h : fp.quoted) w.U32(h);
  return w.Take();
}

bool Decode(std::string_view bytes, Fingerprint* fp) {
  util::ByteReader r(bytes);
  Fingerprint out;
  out.shingles.resize(r.Count(4));
  for (uint32_t& h : out.shingles) h = r.U32();
  out.sample.resize(r.Count(8));
  for (uint64_t& h : out.sample) h = r.U64();
  out.leads.resize(r.Count(4));
  for (auto& lead : out.leads) {
    lead.resize(r.Count(8));
    for (uint64_t& h : lead) h = r.U64();
  }
  // Fingerprints stored before quotations were told apart end here: none
  // of their 5-grams counts as quoted.
  if (!r.done()) {
    out.quoted.resize(r.Count(4));
    for (uint32_t& h : out.quoted) h = r.U32();
  }
  if (!r.done()) return false;
  // Quoted 5-grams are some of the text's own, sorted (for the search in
  // OwnContained).
  if (!std::is_sorted(out.quoted.begin(), out.quoted.end()) ||
      out.quoted.size() > out.shingles.size()) {
    return false;
  }
  *fp = std::move(out);
  return true;
}

CopyFinder::CopyFinder(CopyOptions options, uint64_t first_number)
    : options_(options), first_(first_number) {
  options_.window = std::max<size_t>(options_.window, 1);
}

void CopyFinder::Remember(Fingerprint fp, uint64_t original) {
  const uint64_t number = added();
  for (uint64_t h : fp.sample) {
    std::vector<uint64_t>& list = postings_[h];
    if (list.size() < options_.max_postings) list.push_back(number);
  }
  window_.push_back({std::move(fp), original});
  if (window_.size() > options_.window) Evict();
}

std::optional<uint64_t> CopyFinder::Add(Fingerprint fp) {
  const uint64_t number = added();
  // Shared sampled 5-grams per earlier article still in the window.
  std::unordered_map<uint64_t, uint32_t> shared;
  for (uint64_t h : fp.sample) {
    auto it = postings_.find(h);
    if (it == postings_.end()) continue;
    for (uint64_t other : it->second) {
      if (other >= first_) ++shared[other];
    }
  }
  std::optional<uint64_t> original;
  double best = 0;
  for (const auto& [other, count] : shared) {
    const Entry& e = window_[other - first_];
    // The sample says which are worth a look (a quarter of the needed
    // share, with room for chance); the full sets decide.
    const size_t smaller = std::min(fp.sample.size(), e.fp.sample.size());
    if (static_cast<double>(count) < 0.25 * options_.min_contained * static_cast<double>(smaller)) {
      continue;
    }
    const double contained = Contained(fp, e.fp);
    if (contained < options_.min_contained || contained < best) continue;
    if (!LeadsMatch(fp, e.fp, options_.min_lead_shared)) continue;
    if (OwnContained(fp, e.fp) < options_.min_own_contained) continue;
    if (contained == best && original && e.original > *original) continue;
    best = contained;
    original = e.original;
  }
  Remember(std::move(fp), original.value_or(number));
  return original;
}

void CopyFinder::Evict() {
  while (window_.size() > options_.window) {
    window_.pop_front();
    ++first_;
  }
  // Postings of dropped articles are skipped on lookup; sweep them out
  // once per window so the index stays bounded.
  if (first_ % options_.window != 0) return;
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(), [&](uint64_t n) { return n < first_; }),
               list.end());
    it = list.empty() ? postings_.erase(it) : std::next(it);
  }
}

}  // namespace lagebild::dedup
