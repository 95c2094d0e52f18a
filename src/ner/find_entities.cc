// FindEntities: the shipped model over the sentences of a text.
#include <optional>
#include <string>
#include <unordered_set>

#include "ner/ner.h"
#include "util/utf8.h"
#include "util/words.h"
#include "ner/tokenize.h"
#include "util/embedded.h"
#include "util/fold.h"
#include "util/romanize.h"
#include "util/strings.h"

namespace lagebild::ner {
namespace {

struct Shipped {
  std::optional<Model> de;
  std::vector<std::string> problems;
};

const Shipped& GetShipped() {
  static const Shipped s = [] {
    Shipped out;
    const auto bytes = util::EmbeddedFile("ner/de.model");
    if (!bytes) {
      out.problems.push_back("ner/de.model: not embedded");
      return out;
    }
    auto m = Model::Load(*bytes);
    if (!m.ok()) {
      out.problems.push_back("ner/de.model: " + m.status().message());
      return out;
    }
    out.de.emplace(std::move(m.value()));
    return out;
  }();
  return s;
}

// Folded English words that are capitalised without being a name, trimmed
// from the edges of English mentions: data/ner/en-stop.txt (function and
// calendar words), en-demonyms.txt ("German Chancellor"), roles.txt
// ("President").
const std::unordered_set<std::string>& EnglishStopWords() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> out;
    for (const char* name : {"ner/en-stop.txt", "ner/en-demonyms.txt", "ner/roles.txt"}) {
      if (const auto file = util::EmbeddedFile(name)) {
        util::ForEachTextLine(*file, [&](std::string_view line) {
          if (!line.empty() && line[0] != '#') out.insert(util::Fold(line));
        });
      }
    }
    return out;
  }();
  return words;
}

}  // namespace

bool HasNerModel(std::string_view language) {
  return (language == "de" || language == "en") && GetShipped().de.has_value();
}

std::vector<std::string> NerModelProblems() { return GetShipped().problems; }

std::vector<EntityMention> FindEntities(std::string_view text, std::string_view language) {
  std::vector<EntityMention> out;
  if (!HasNerModel(language)) return out;
  // English text is tagged by the German model (no openly licensed English
  // training data yet): capitalisation carries most of the signal, and
  // English words capitalised for other reasons are trimmed.
  const Model& model = *GetShipped().de;
  const bool english = language == "en";
  std::vector<std::string_view> words;
  for (const std::vector<WordSpan>& sentence : SplitSentences(text)) {
    words.clear();
    for (const WordSpan& w : sentence) words.push_back(text.substr(w.start, w.end - w.start));
    const std::vector<std::string> labels = model.Tag(words);
    for (Span s : SpansOf(labels)) {
      if (s.type != "PER" && s.type != "LOC" && s.type != "ORG" && s.type != "OTH") continue;
      if (english) {
        const auto& stop = EnglishStopWords();
        while (s.begin < s.end && stop.contains(util::Fold(words[s.begin]))) ++s.begin;
        while (s.end > s.begin && stop.contains(util::Fold(words[s.end - 1]))) --s.end;
        if (s.begin == s.end) continue;
      }
      const auto has_alnum = [](std::string_view w) {
        for (size_t i = 0; i < w.size();) {
          size_t len = 0;
          const char32_t cp = util::DecodeUtf8(w, i, &len);
          if (util::IsLetter(cp) || (cp >= '0' && cp <= '9')) return true;
          i += len == 0 ? 1 : len;
        }
        return false;
      };
      // A name does not run over a line break ("Oktay\n#BREAKING ...") nor
      // over a dash or bar between words ("Philip – The Guardian"), nor
      // end in punctuation ("RT DE:").
      for (size_t k = s.begin + 1; k < s.end; ++k) {
        if (text.substr(sentence[k - 1].end, sentence[k].start - sentence[k - 1].end)
                .find('\n') != std::string_view::npos) {
          s.end = k;
          break;
        }
        if (k + 1 < s.end && !has_alnum(words[k]) &&
            (words[k] == "\u2013" || words[k] == "\u2014" || words[k] == "-" || words[k] == "|")) {
          s.end = k;
          break;
        }
      }
      while (s.end > s.begin && !has_alnum(words[s.end - 1])) --s.end;
      while (s.begin < s.end && !has_alnum(words[s.begin])) ++s.begin;
      if (s.begin == s.end) continue;
      // A person's name goes on over an Arabic article the tagger left
      // out ("Baschar al-Assad").
      if (s.type == "PER" && s.end < words.size() && util::NameParticleLength(words[s.end]) > 0 &&
          sentence[s.end].start == sentence[s.end - 1].end + 1) {
        ++s.end;
      }
      EntityMention m;
      m.start = sentence[s.begin].start;
      m.end = sentence[s.end - 1].end;
      m.text = std::string(text.substr(m.start, m.end - m.start));
      m.type = s.type;
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace lagebild::ner
