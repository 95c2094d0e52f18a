// FindEntities: the shipped model over the sentences of a text.
#include <optional>

#include "ner/ner.h"
#include "ner/tokenize.h"
#include "util/embedded.h"

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

}  // namespace

bool HasNerModel(std::string_view language) {
  return language == "de" && GetShipped().de.has_value();
}

std::vector<std::string> NerModelProblems() { return GetShipped().problems; }

std::vector<EntityMention> FindEntities(std::string_view text, std::string_view language) {
  std::vector<EntityMention> out;
  if (!HasNerModel(language)) return out;
  const Model& model = *GetShipped().de;
  std::vector<std::string_view> words;
  for (const std::vector<WordSpan>& sentence : SplitSentences(text)) {
    words.clear();
    for (const WordSpan& w : sentence) words.push_back(text.substr(w.start, w.end - w.start));
    const std::vector<std::string> labels = model.Tag(words);
    for (const Span& s : SpansOf(labels)) {
      if (s.type != "PER" && s.type != "LOC" && s.type != "ORG" && s.type != "OTH") continue;
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
