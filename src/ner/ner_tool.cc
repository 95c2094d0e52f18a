// ner_tool: trains the NER model and evaluates it.
//
//   ner_tool train --out MODEL [--epochs N] [--seed S] CORPUS...
//   ner_tool eval --model MODEL CORPUS...
//   ner_tool tag [--lang de|en] [--model MODEL] < TEXT
//                                  (one "TYPE<TAB>words" line a span; without
//                                  --model the shipped tagging of FindEntities)
//
// CORPUS is KIND:PATH with KIND germeval (GermEval 2014 TSV), legal (the
// LER CoNLL files, fine types mapped to PER/LOC/ORG/OTH), europeana
// (historic newspapers, PER/LOC/ORG) or smartdata (tools/ner-eval/
// smartdata.mjs output, PER/LOC/ORG). On corpora other than GermEval only
// predicted PER, LOC and ORG spans are scored. Evaluation uses the GermEval 2014
// official measure: strict match of the outer spans (same first and last
// word, same type among the 12 classes), micro precision, recall and F1
// over all spans, and per type; prints a Markdown table.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ner/corpus.h"
#include "util/output.h"
#include "ner/ner.h"
#include "ner/tokenize.h"

namespace {

using lagebild::ner::Sentence;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

const std::map<std::string, std::string>& LegalMap() {
  // LER's fine classes, as its authors group them into coarse ones; norms,
  // decisions, literature and contracts are "other" names in GermEval's sense.
  static const std::map<std::string, std::string> m = {
      {"PER", "PER"}, {"RR", "PER"}, {"AN", "PER"},  {"LD", "LOC"},  {"ST", "LOC"},
      {"STR", "LOC"}, {"LDS", "LOC"}, {"ORG", "ORG"}, {"UN", "ORG"},  {"INN", "ORG"},
      {"GRT", "ORG"}, {"MRK", "ORG"}, {"GS", "OTH"},  {"VO", "OTH"},  {"EUN", "OTH"},
      {"VS", "OTH"},  {"VT", "OTH"},  {"RS", "OTH"},  {"LIT", "OTH"}};
  return m;
}

const std::map<std::string, std::string>& EuropeanaMap() {
  static const std::map<std::string, std::string> m = {
      {"PER", "PER"}, {"LOC", "LOC"}, {"ORG", "ORG"}};
  return m;
}

bool ReadCorpus(const std::string& spec, std::vector<Sentence>* out) {
  const size_t colon = spec.find(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "ner_tool: corpus '%s' is not KIND:PATH\n", spec.c_str());
    return false;
  }
  const std::string kind = spec.substr(0, colon), path = spec.substr(colon + 1);
  std::string text;
  if (!ReadFile(path, &text)) {
    std::fprintf(stderr, "ner_tool: cannot read %s\n", path.c_str());
    return false;
  }
  size_t skipped = 0;
  std::vector<Sentence> s;
  if (kind == "germeval") {
    s = lagebild::ner::ReadGermEval(text, &skipped);
  } else if (kind == "legal") {
    s = lagebild::ner::ReadConll(text, LegalMap(), &skipped);
  } else if (kind == "europeana" || kind == "smartdata") {
    s = lagebild::ner::ReadConll(text, EuropeanaMap(), &skipped);
  } else {
    std::fprintf(stderr, "ner_tool: unknown corpus kind '%s' (germeval, legal, europeana, smartdata)\n",
                 kind.c_str());
    return false;
  }
  if (kind != "germeval") {
    for (Sentence& x : s) x.domain = kind == "legal" ? 1 : 2;
  }
  std::fprintf(stderr, "ner_tool: %s: %zu sentences%s\n", path.c_str(), s.size(),
               skipped ? (", " + std::to_string(skipped) + " malformed lines skipped").c_str() : "");
  for (Sentence& x : s) out->push_back(std::move(x));
  return true;
}

int Train(int argc, char** argv) {
  std::string out;
  lagebild::ner::TrainOptions options;
  std::vector<Sentence> data;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (a == "--epochs" && i + 1 < argc) {
      options.epochs = std::atoi(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      options.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (!ReadCorpus(a, &data)) {
      return 2;
    }
  }
  if (out.empty() || data.empty()) {
    std::fprintf(stderr, "usage: ner_tool train --out MODEL [--epochs N] [--seed S] KIND:PATH...\n");
    return 2;
  }
  options.on_epoch = [&](int epoch, size_t errors) {
    std::fprintf(stderr, "ner_tool: epoch %d: %zu of %zu sentences wrong\n", epoch, errors,
                 data.size());
  };
  const auto t0 = std::chrono::steady_clock::now();
  const lagebild::ner::Model model = lagebild::ner::Model::Train(data, options);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string bytes = model.Save();
  if (const lagebild::Status st = lagebild::util::WriteOutputFile(out, bytes); !st.ok()) {
    std::fprintf(stderr, "ner_tool: %s\n", st.message().c_str());
    return 3;
  }
  std::fprintf(stderr, "ner_tool: %zu features, %zu labels, %zu bytes written to %s in %.1f s\n",
               model.feature_count(), model.labels().size(), bytes.size(), out.c_str(), secs);
  return 0;
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
};

void Row(const std::string& name, const Counts& c) {
  const double p = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 0;
  const double r = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("| %s | %zu | %zu | %.2f | %.2f | **%.2f** |\n", name.c_str(), c.tp + c.fn,
              c.tp + c.fp, 100 * p, 100 * r, 100 * f);
}

int Eval(int argc, char** argv) {
  std::string model_path;
  std::vector<std::string> corpora;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) {
      model_path = argv[++i];
    } else {
      corpora.push_back(a);
    }
  }
  std::string bytes;
  if (model_path.empty() || corpora.empty() || !ReadFile(model_path, &bytes)) {
    std::fprintf(stderr, "usage: ner_tool eval --model MODEL KIND:PATH...\n");
    return 2;
  }
  auto loaded = lagebild::ner::Model::Load(bytes);
  if (!loaded.ok()) {
    std::fprintf(stderr, "ner_tool: %s: %s\n", model_path.c_str(), loaded.status().message().c_str());
    return 2;
  }
  const lagebild::ner::Model& model = loaded.value();
  // The word lists load at the first sentence: not part of the timing.
  (void)model.Tag({"Warm", "up"});
  for (const std::string& spec : corpora) {
    std::vector<Sentence> data;
    if (!ReadCorpus(spec, &data)) return 2;
    const bool coarse = spec.rfind("germeval:", 0) != 0;
    std::map<std::string, Counts> by_type;
    Counts all;
    size_t bytes_tagged = 0;
    double secs = 0;
    for (const Sentence& s : data) {
      std::vector<std::string_view> words(s.words.begin(), s.words.end());
      for (const auto& w : words) bytes_tagged += w.size() + 1;
      const auto t0 = std::chrono::steady_clock::now();
      const std::vector<std::string> pred = model.Tag(words);
      secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const auto gold_spans = lagebild::ner::SpansOf(s.labels);
      auto pred_spans = lagebild::ner::SpansOf(pred);
      if (coarse) {
        // Corpora with PER, LOC, ORG only: other predictions are not counted.
        std::erase_if(pred_spans, [](const lagebild::ner::Span& sp) {
          return sp.type != "PER" && sp.type != "LOC" && sp.type != "ORG";
        });
      }
      for (const auto& g : gold_spans) {
        const bool hit = std::find(pred_spans.begin(), pred_spans.end(), g) != pred_spans.end();
        (hit ? by_type[g.type].tp : by_type[g.type].fn)++;
        (hit ? all.tp : all.fn)++;
      }
      for (const auto& p : pred_spans) {
        if (std::find(gold_spans.begin(), gold_spans.end(), p) == gold_spans.end()) {
          by_type[p.type].fp++;
          all.fp++;
        }
      }
    }
    std::printf("\n%s (%zu sentences)\n\n", spec.c_str(), data.size());
    std::printf("| type | gold | found | P | R | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (const auto& [type, c] : by_type) Row(type, c);
    Row("all (strict, outer spans)", all);
    std::printf("\ntagging: %.2f MB in %.2f s = %.1f MB/s (one core, tokenised input)\n",
                static_cast<double>(bytes_tagged) / 1e6, secs,
                secs > 0 ? static_cast<double>(bytes_tagged) / 1e6 / secs : 0.0);
  }
  return 0;
}

int Tag(int argc, char** argv) {
  std::string model_path, lang = "de";
  for (int i = 0; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--model") model_path = argv[i + 1];
    if (std::string(argv[i]) == "--lang") lang = argv[i + 1];
  }
  std::stringstream ss;
  ss << std::cin.rdbuf();
  const std::string text = ss.str();
  if (model_path.empty()) {
    for (const auto& m : lagebild::ner::FindEntities(text, lang)) {
      std::printf("%s\t%s\n", m.type.c_str(), m.text.c_str());
    }
    return 0;
  }
  std::string bytes;
  if (!ReadFile(model_path, &bytes)) {
    std::fprintf(stderr, "ner_tool: cannot read %s\n", model_path.c_str());
    return 2;
  }
  auto loaded = lagebild::ner::Model::Load(bytes);
  if (!loaded.ok()) {
    std::fprintf(stderr, "ner_tool: %s: %s\n", model_path.c_str(), loaded.status().message().c_str());
    return 2;
  }
  for (const auto& sentence : lagebild::ner::SplitSentences(text)) {
    std::vector<std::string_view> words;
    for (const auto& w : sentence) words.push_back(std::string_view(text).substr(w.start, w.end - w.start));
    const auto labels = loaded.value().Tag(words);
    for (const auto& span : lagebild::ner::SpansOf(labels)) {
      std::string s;
      for (size_t k = span.begin; k < span.end; ++k) s += (k > span.begin ? " " : "") + std::string(words[k]);
      std::printf("%s\t%s\n", span.type.c_str(), s.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "train") return Train(argc - 2, argv + 2);
  if (argc >= 2 && std::string(argv[1]) == "eval") return Eval(argc - 2, argv + 2);
  if (argc >= 2 && std::string(argv[1]) == "tag") return Tag(argc - 2, argv + 2);
  std::fprintf(stderr, "usage: ner_tool train|eval|tag ... (see the comment at the top of ner_tool.cc)\n");
  return 2;
}
