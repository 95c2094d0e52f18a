// How alike the clusterer's article vectors are: the cosine of the `all`
// and of the `cross` TF-IDF vectors (stories::Weigh) of article pairs of one gold event and
// of two, in a labelled stream (JSON Lines with text, title, event and an
// optional language; pairs of one language only), as quantiles. Tells
// whether a synthetic stream's unrelated articles are as far apart as
// real news' are, and where a threshold on the average link between an
// article and a story's members would fall.
//
// Usage: pair_cosines STREAM.jsonl [MAX_PAIRS]   (default 2,000,000: all
//        pairs of a stream of 2,000 articles; more are sampled evenly)
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "src/stories/stories.h"

namespace {

using lagebild::stories::TermWeights;

double Dot(const TermWeights& a, const TermWeights& b) {
  double d = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      d += double(a[i++].second) * double(b[j++].second);
    }
  }
  return d;
}

void Print(const char* what, std::vector<double> v) {
  if (v.empty()) return;
  std::sort(v.begin(), v.end());
  const auto q = [&](double p) { return v[std::min(v.size() - 1, size_t(p * double(v.size())))]; };
  double mean = 0;
  for (double x : v) mean += x;
  mean /= double(v.size());
  std::printf("| %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", what, v.size(), mean, q(0.10), q(0.50),
              q(0.90), q(0.99), q(0.999));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pair_cosines STREAM.jsonl [MAX_PAIRS]\n");
    return 2;
  }
  const size_t max_pairs = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2000000;
  simdjson::ondemand::parser parser;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(argv[1]).get(json)) {
    std::fprintf(stderr, "pair_cosines: cannot read %s\n", argv[1]);
    return 1;
  }
  struct Article {
    std::string event, language;
    lagebild::stories::ArticleTerms terms;
    lagebild::stories::ArticleVectors vectors;
  };
  std::vector<Article> articles;
  lagebild::stories::DocumentFrequencies df;
  simdjson::ondemand::document_stream docs;
  if (parser.iterate_many(json).get(docs)) return 1;
  for (auto doc : docs) {
    std::string_view text, title, event, language = "de";
    simdjson::ondemand::object o;
    if (doc.get_object().get(o)) continue;
    if (o["text"].get_string().get(text)) continue;
    if (o["title"].get_string().get(title)) title = {};
    if (o["event"].get_string().get(event)) continue;
    if (o["language"].get_string().get(language)) language = "de";
    Article a;
    a.event = std::string(event);
    a.language = std::string(language);
    a.terms = lagebild::stories::DescribeArticle(title, text, language, lagebild::PartialDate{});
    df.Add(a.terms);
    articles.push_back(std::move(a));
  }
  for (Article& a : articles) a.vectors = lagebild::stories::Weigh(a.terms, df);
  const size_t n = articles.size();
  const size_t pairs = n * (n - 1) / 2;
  const size_t step = std::max<size_t>(1, pairs / std::max<size_t>(1, max_pairs));
  std::vector<double> same, other, same_cross, other_cross;
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j, ++k) {
      if (k % step != 0 || articles[i].language != articles[j].language) continue;
      const double c = Dot(articles[i].vectors.all, articles[j].vectors.all);
      const double x = Dot(articles[i].vectors.cross, articles[j].vectors.cross);
      const bool one = articles[i].event == articles[j].event;
      (one ? same : other).push_back(c);
      (one ? same_cross : other_cross).push_back(x);
    }
  }
  std::printf("%s: %zu articles\n\n", argv[1], n);
  std::printf("| pairs | count | mean | p10 | p50 | p90 | p99 | p99.9 |\n|---|---|---|---|---|---|---|---|\n");
  Print("one event", same);
  Print("two events", other);
  Print("one event, cross", same_cross);
  Print("two events, cross", other_cross);
  return 0;
}
