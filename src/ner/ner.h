// Stage: ner (named entity recognition)
// In:    a sentence as words (tokenised text); a trained model.
// Out:   one BIO label per word over the GermEval 2014 classes PER, LOC,
//        ORG, OTH and their "deriv" (deutsche -> LOCderiv) and "part"
//        (EU-Kommission -> ORGpart) variants: "B-PER", "I-LOC", "O".
// How:   a structured averaged perceptron: sparse hashed features of each
//        word and its neighbours (forms, affixes, shapes), label-pair
//        transition weights, Viterbi decoding under the BIO constraint
//        (an I- label continues its own type). Trained by `Train` on
//        labelled sentences; models are saved as compact binary data
//        (data/ner/, docs/ner.md).
// Fails: LoadModel returns an error for malformed bytes; tagging never
//        fails.
// Cost:  per word, ~40 feature look-ups and a 25x25 Viterbi step.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/status.h"

namespace lagebild::ner {

// A labelled sentence for training and evaluation.
struct Sentence {
  std::vector<std::string> words;
  std::vector<std::string> labels;  // BIO, same length as words
  // The training corpus's domain: 0 is the target (news, the domain the
  // model tags); others (legal, historic newspapers) add their features
  // twice, once shared and once of their own ("frustratingly easy" domain
  // adaptation), so they help without pulling the target's weights.
  int domain = 0;
};

class Model;

struct TrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  // Called after every epoch with (epoch, errors on the training data).
  std::function<void(int, size_t)> on_epoch;
};

// The trained weights; immutable after training or loading, safe to share
// between threads.
class Model {
 public:
  Model();
  ~Model();
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;

  // The labels of one sentence.
  std::vector<std::string> Tag(const std::vector<std::string_view>& words) const;

  const std::vector<std::string>& labels() const;
  size_t feature_count() const;

  // Compact binary form (docs/ner.md) and back.
  std::string Save() const;
  static Result<Model> Load(std::string_view bytes);

  static Model Train(const std::vector<Sentence>& data, const TrainOptions& options);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The entity mentions of an article's text with the shipped model
// (data/ner/<lang>.model; German only so far; other languages give none):
// PER, LOC, ORG and OTH spans with byte offsets; the deriv and part forms
// ("deutsche", "EU-Kommission") are not mentions of an entity and are left
// out.
std::vector<EntityMention> FindEntities(std::string_view text, std::string_view language);

// Whether a model is shipped for the language; problems loading it.
bool HasNerModel(std::string_view language);
std::vector<std::string> NerModelProblems();

// Entity spans of a BIO sequence: [begin, end) word indexes and the type
// ("PER", "LOCderiv"). An I- label without a B- before it starts a span.
struct Span {
  size_t begin = 0, end = 0;
  std::string type;
  bool operator==(const Span&) const = default;
};
std::vector<Span> SpansOf(const std::vector<std::string>& labels);

}  // namespace lagebild::ner
