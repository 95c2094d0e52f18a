#include "ner/corpus.h"

#include "util/strings.h"

namespace lagebild::ner {
namespace {


constexpr size_t kLongSentence = 60;
constexpr size_t kMaxSentence = 250;

bool ValidLabel(std::string_view l) {
  return l == "O" || (l.size() > 2 && (l[0] == 'B' || l[0] == 'I') && l[1] == '-');
}

void Flush(Sentence* s, std::vector<Sentence>* out) {
  if (!s->words.empty()) out->push_back(std::move(*s));
  *s = {};
}

}  // namespace

std::vector<Sentence> ReadGermEval(std::string_view text, size_t* skipped) {
  std::vector<Sentence> out;
  Sentence s;
  util::ForEachTextLine(text, [&](std::string_view line) {
    if (line.empty()) {
      Flush(&s, &out);
      return;
    }
    if (line[0] == '#') return;
    std::vector<std::string_view> cols;
    size_t pos = 0;
    while (true) {
      const size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (cols.size() < 3 || cols[1].empty() || !ValidLabel(cols[2])) {
      ++*skipped;
      return;
    }
    s.words.emplace_back(cols[1]);
    s.labels.emplace_back(cols[2]);
  });
  Flush(&s, &out);
  return out;
}

std::vector<Sentence> ReadConll(std::string_view text, const std::map<std::string, std::string>& map,
                                size_t* skipped) {
  std::vector<Sentence> out;
  Sentence s;
  util::ForEachTextLine(text, [&](std::string_view line) {
    const std::string_view t = util::Trim(line);
    if (t.empty()) {
      Flush(&s, &out);
      return;
    }
    const size_t sep = t.find_last_of(" \t");
    if (sep == std::string_view::npos || sep == 0) {
      ++*skipped;
      return;
    }
    const std::string_view word = util::Trim(t.substr(0, sep));
    std::string_view tag = t.substr(sep + 1);
    if (word.empty() || !ValidLabel(tag)) {
      ++*skipped;
      return;
    }
    std::string label = "O";
    if (tag != "O") {
      const auto it = map.find(std::string(tag.substr(2)));
      if (it != map.end() && !it->second.empty()) label = std::string(tag.substr(0, 2)) + it->second;
    }
    s.words.emplace_back(word);
    s.labels.push_back(std::move(label));
    // Corpora without reliable blank lines (OCR'd newspapers): long runs are
    // cut after a sentence end outside an entity, very long ones anywhere.
    const bool end = word == "." || word == "!" || word == "?";
    if ((s.words.size() >= kLongSentence && end && s.labels.back() == "O") ||
        s.words.size() >= kMaxSentence) {
      Flush(&s, &out);
    }
  });
  Flush(&s, &out);
  return out;
}

}  // namespace lagebild::ner
