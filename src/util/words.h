// Words of running text for comparing sentences and quotes: runs of
// letters, folded, cut to a stem; interned as sorted ids; and the share of
// content two such sets have in common. Used by the story-level stages
// (quotes, summary).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lagebild::util {

// A letter: ASCII letters and the code points from U+00C0 to U+1FFF (Latin
// supplements, Greek, Cyrillic ...), × and ÷ excepted.
bool IsLetter(char32_t cp);

// Calls f(word, letters) for every run of letters in text, with its count
// of letters (code points).
void ForEachLetterRun(std::string_view text, const std::function<void(std::string_view, size_t)>& f);

// The first n characters (code points) of s.
std::string_view FirstChars(std::string_view s, size_t n);

// Sorted unique ids of words, interned in *ids.
class Interner {
 public:
  uint32_t Id(const std::string& word);
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};
using WordIds = std::vector<uint32_t>;  // sorted, unique

// Shared ids of a and b over the size of the smaller; 0 if one is empty.
double SharedFraction(const WordIds& a, const WordIds& b);

}  // namespace lagebild::util
