// Stage: dedup (copies of one text)
// In:    the cleaned text of each article, in stream order (the order the
//        articles were published or read).
// Out:   MakeFingerprint: what the comparison needs of one text.
//        CopyFinder::Add: for the next article of the stream, the stream
//        number of the earliest article it is a copy of, or nothing.
// How:   B is a copy of an earlier A when both are versions of one text —
//        an agency item republished, truncated, lightly edited or updated:
//        (1) more than half (55 %) of the shorter text's word 5-grams re-appear in
//        the other (letters only, case and accents folded, so changed
//        numbers, punctuation, quote marks and line breaks do not count),
//        and (2) they open with the same lead: one of the first three long
//        sentences (eight words or more, ending in . ! ?) of each shares
//        three fifths of its words with one of the other's. (2) keeps out
//        an item re-used as the second paragraph of a new article, and
//        rewrites of the same agency material with a new lead. (3) A copy
//        repeats the writer's words, not only the words both quote: of
//        the shorter text's 5-grams outside quotation marks, at least a
//        third re-appear outside quotation marks in the other (two
//        reports of one palace statement quote it alike and are not
//        copies).
//        Candidates come from an index from sampled 5-grams (one in four,
//        chosen by hash, the same ones in every text) to the articles
//        holding them, where a 5-gram held by more than
//        `max_postings` articles (boilerplate) stops being indexed.
//        A copy points to the original of the article it copies, so a
//        copy group has one original: its earliest member.
// Fails: never; an empty text has no 5-grams and copies nothing.
// Cost:  linear in the text; the index holds the last `window` articles
//        (about 1.5 KB each for a text of 250 words), older ones are dropped from it.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lagebild::dedup {

struct Fingerprint {
  std::vector<uint32_t> shingles;            // sorted unique hashes (32 bits) of all 5-grams
  std::vector<uint64_t> sample;              // sorted unique hashes of the sampled 5-grams
  std::vector<std::vector<uint64_t>> leads;  // sorted unique word hashes of the first long sentences
  // The shingles with a word inside quotation marks (a sorted subset of
  // `shingles`).
  std::vector<uint32_t> quoted;
};

Fingerprint MakeFingerprint(std::string_view text);

// A fingerprint as bytes for the store, and back (false for damaged bytes).
std::string Encode(const Fingerprint& fp);
bool Decode(std::string_view bytes, Fingerprint* fp);

struct CopyOptions {
  double min_contained = 0.55;  // share of the shorter text's 5-grams found in the other
  double min_lead_shared = 0.6;
  double min_own_contained = 1.0 / 3;  // the same for the 5-grams outside quotation marks
  size_t window = 50000;       // articles kept in the index
  size_t max_postings = 256;   // a 5-gram in more articles is boilerplate
};

// Whether b is a copy of a (or a of b) by the rule above.
bool IsCopy(const Fingerprint& a, const Fingerprint& b, const CopyOptions& options = {});

class CopyFinder {
 public:
  // `first_number`: the stream number of the first article added (an
  // index reloaded from a store starts where the store's window starts).
  explicit CopyFinder(CopyOptions options = {}, uint64_t first_number = 0);

  // Adds the next article of the stream (stream numbers count from 0 in
  // the order of Add); returns the number of the earliest article of the
  // copy group it belongs to, or nothing when it is an original.
  std::optional<uint64_t> Add(Fingerprint fp);

  // Adds the next article with what is already known of it (reloading a
  // store): `original` is its copy group's earliest member, or its own number.
  void Remember(Fingerprint fp, uint64_t original);

  uint64_t added() const { return first_ + window_.size(); }

 private:
  struct Entry {
    Fingerprint fp;
    uint64_t original;
  };
  void Evict();

  CopyOptions options_;
  std::deque<Entry> window_;
  uint64_t first_ = 0;  // stream number of window_.front()
  std::unordered_map<uint64_t, std::vector<uint64_t>> postings_;
};

}  // namespace lagebild::dedup
