// Micro-benchmarks per stage on a corpus folder (--corpus=DIR, default
// bench/corpus/generated): bytes/s and articles/s for read, normalize,
// language, JSON writing, and read + normalize end to end from files.
// All single-threaded: per-core figures.
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "clean/clean.h"
#include "language/language.h"
#include "lagebild/pipeline.h"
#include "normalize/normalize.h"
#include "ner/ner.h"
#include "time/tagger.h"
#include "quotes/quotes.h"
#include "read/read.h"
#include "report/report_writer.h"

namespace {

std::string g_corpus = "bench/corpus/generated";

struct Corpus {
  std::vector<std::string> paths;
  std::vector<std::string> bytes;
  size_t total = 0;
};

const Corpus& GetCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(g_corpus, ec)) {
      if (!e.is_regular_file()) continue;
      c.paths.push_back(e.path().string());
    }
    std::sort(c.paths.begin(), c.paths.end());
    for (const auto& p : c.paths) {
      std::ifstream in(p, std::ios::binary);
      c.bytes.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      c.total += c.bytes.back().size();
    }
    return c;
  }();
  return corpus;
}

void SetCounters(benchmark::State& state, size_t bytes, size_t items) {
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(items) * state.iterations());
}

void BM_ReadText(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const lagebild::read::ReadOptions options;
  for (auto _ : state) {
    for (const auto& b : c.bytes) benchmark::DoNotOptimize(lagebild::read::ReadText(b, "x", options));
  }
  SetCounters(state, c.total, c.bytes.size());
}

void BM_Normalize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state) {
    for (const auto& b : c.bytes) benchmark::DoNotOptimize(lagebild::normalize::NormalizeText(b));
  }
  SetCounters(state, c.total, c.bytes.size());
}

void BM_Language(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state) {
    for (const auto& b : c.bytes) benchmark::DoNotOptimize(lagebild::language::IdentifyLanguage(b));
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Normalised texts (prepared outside the loop) -> CleanText: the cleaning
// figure of issue 3 (boilerplate removal on text, one core).
void BM_CleanText(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<std::string> texts;
  for (const auto& b : c.bytes) texts.push_back(lagebild::normalize::NormalizeText(b));
  for (auto _ : state) {
    for (const auto& t : texts) benchmark::DoNotOptimize(lagebild::clean::CleanText(t, ""));
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Cleaned articles -> AssessSource (outlet, agency, quality flags).
void BM_AssessSource(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<lagebild::Article> articles;
  for (const auto& b : c.bytes) {
    lagebild::Article a;
    a.text = lagebild::clean::CleanText(lagebild::normalize::NormalizeText(b), "").text;
    a.language = "de";
    articles.push_back(std::move(a));
  }
  for (auto _ : state) {
    for (const auto& a : articles) {
      lagebild::Article copy = a;
      lagebild::clean::AssessSource(copy);
      benchmark::DoNotOptimize(copy);
    }
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Cleaned articles -> TagTimes (temporal expressions against a DCT).
void BM_TagTimes(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<std::string> texts;
  for (const auto& b : c.bytes) {
    texts.push_back(lagebild::clean::CleanText(lagebild::normalize::NormalizeText(b), "").text);
  }
  const lagebild::PartialDate dct{2022, 1, 13};
  for (auto _ : state) {
    for (const auto& t : texts) {
      auto times = lagebild::time::TagTimes(t, "de", dct);
      benchmark::DoNotOptimize(times);
    }
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Cleaned articles -> FindEntities (sentences, words, NER tagging).
void BM_FindEntities(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<std::string> texts;
  for (const auto& b : c.bytes) {
    texts.push_back(lagebild::clean::CleanText(lagebild::normalize::NormalizeText(b), "").text);
  }
  for (auto _ : state) {
    for (const auto& t : texts) {
      auto entities = lagebild::ner::FindEntities(t, "de");
      benchmark::DoNotOptimize(entities);
    }
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Cleaned articles with their times and entities -> FindQuantities (the
// claims stage's per-article extraction).
void BM_FindQuantities(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  struct Input {
    std::string text;
    std::vector<lagebild::TimeMention> times;
    std::vector<lagebild::EntityMention> entities;
  };
  std::vector<Input> inputs;
  for (const auto& b : c.bytes) {
    Input in;
    in.text = lagebild::clean::CleanText(lagebild::normalize::NormalizeText(b), "").text;
    in.times = lagebild::time::TagTimes(in.text, "de", lagebild::PartialDate{2022, 1, 13});
    in.entities = lagebild::ner::FindEntities(in.text, "de");
    inputs.push_back(std::move(in));
  }
  for (auto _ : state) {
    for (const auto& in : inputs) {
      auto q = lagebild::claims::FindQuantities(in.text, "de", in.times, in.entities);
      benchmark::DoNotOptimize(q);
    }
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Cleaned articles with their entities -> FindQuotes (the quotes stage's
// per-article extraction).
void BM_FindQuotes(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::vector<std::pair<std::string, std::vector<lagebild::EntityMention>>> inputs;
  for (const auto& b : c.bytes) {
    std::string text = lagebild::clean::CleanText(lagebild::normalize::NormalizeText(b), "").text;
    auto entities = lagebild::ner::FindEntities(text, "de");
    inputs.emplace_back(std::move(text), std::move(entities));
  }
  for (auto _ : state) {
    for (const auto& [text, entities] : inputs) {
      auto q = lagebild::quotes::FindQuotes(text, "de", entities);
      benchmark::DoNotOptimize(q);
    }
  }
  SetCounters(state, c.total, c.bytes.size());
}

// Files on disk (page cache) -> RawArticle -> normalised text: the read +
// normalize figure of the foundation issue.
void BM_ReadNormalizeFiles(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const lagebild::read::ReadOptions options;
  for (auto _ : state) {
    for (const auto& p : c.paths) {
      auto out = lagebild::read::ReadFile(p, lagebild::read::Format::kAuto, options);
      for (auto& a : out.articles) {
        benchmark::DoNotOptimize(lagebild::normalize::NormalizeText(a.body));
      }
    }
  }
  SetCounters(state, c.total, c.paths.size());
}

// The whole per-article pipeline on one thread (read, normalize, language,
// publication dates), without writing.
void BM_AnalyzeOneCore(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  lagebild::AnalyzeOptions options;
  options.jobs = 1;
  for (auto _ : state) benchmark::DoNotOptimize(lagebild::Analyze({g_corpus}, options));
  SetCounters(state, c.total, c.paths.size());
}

void BM_WriteJson(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  lagebild::AnalyzeOptions options;
  options.jobs = 1;
  const lagebild::Report report = lagebild::Analyze({g_corpus}, options).value();
  for (auto _ : state) benchmark::DoNotOptimize(lagebild::report::WriteJson(report));
  SetCounters(state, c.total, c.paths.size());
}

BENCHMARK(BM_ReadText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Language)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AssessSource)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagTimes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindEntities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindQuantities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindQuotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadNormalizeFiles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeOneCore)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--corpus=", 9) == 0) {
      g_corpus = argv[i] + 9;
    } else {
      args.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (GetCorpus().paths.empty()) {
    std::fprintf(stderr, "stages_bench: no files in %s (run scripts/bench)\n", g_corpus.c_str());
    return 2;
  }
  std::printf("corpus: %s, %zu files, %.1f MB\n", g_corpus.c_str(), GetCorpus().paths.size(),
              static_cast<double>(GetCorpus().total) / 1e6);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
