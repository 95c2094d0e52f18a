// Writes a synthetic corpus of German news-like text articles for
// benchmarks: a date header, a title and paragraphs of sentences drawn from
// a fixed vocabulary with numbers, dates, umlauts, quotes and the odd
// non-breaking space, so every code path of read and normalize is taken.
// Deterministic: the same arguments give the same bytes.
// Usage: gen_corpus OUT_DIR COUNT
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/rng.h"
#include "util/output.h"

namespace {

const std::vector<std::string> kWords = {
    "die", "der", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für",
    "ist", "im", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat",
    "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem",
    "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis",
    "mehr", "durch", "man", "sein", "wurde", "sei", "Regierung", "Präsident", "Minister",
    "Behörden", "Soldaten", "Menschen", "Polizei", "Stadt", "Land", "Woche", "Angaben",
    "Sprecher", "Bündnis", "Truppen", "Abzug", "Einsatz", "Unruhen", "Proteste", "Gespräche",
    "Verhandlungen", "Wahlen", "Parlament", "Opposition", "Außenministerium", "Grenze",
    "Flüchtlinge", "Hilfe", "Versorgung", "Energie", "Preise", "Wirtschaft", "Straßen",
    "Flughafen", "Hauptstadt", "Bevölkerung", "Gericht", "Ermittlungen", "Anschlag", "Feuer",
    "Sturm", "Hochwasser", "Schäden", "Rettungskräfte", "Verletzte", "Tote", "festgenommen",
    "mitgeteilt", "erklärte", "sagte", "berichtete", "kündigte", "begann", "beendet",
    "abgeschlossen", "geöffnet", "geschlossen", "entsandt", "zurückgekehrt", "verhandelt",
    "kritisierte", "forderte", "lehnte", "bestätigte", "dementierte", "rund", "etwa", "fast",
    "mehr als", "knapp", "mindestens", "bereits", "zunächst", "später", "heute", "gestern",
    "morgen", "Donnerstag", "Mittwoch", "Freitag", "Januar", "Februar", "März", "größten",
    "schweren", "neuen", "ersten", "letzten", "internationalen", "russischen", "deutschen",
    "europäischen", "ukrainischen", "französischen", "Außenminister",
};

using lagebild::bench::Rng;

std::string Sentence(Rng& rng) {
  std::string s;
  const size_t n = 8 + rng.Below(18);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) s += rng.Below(60) == 0 ? "\xC2\xA0" : " ";
    std::string w = kWords[rng.Below(kWords.size())];
    if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    s += w;
    const size_t r = rng.Below(40);
    if (r == 0) s += " " + std::to_string(1 + rng.Below(12000));
    if (r == 1) s += " am " + std::to_string(1 + rng.Below(28)) + ". Januar";
    if (r == 2) s += ",";
  }
  s += rng.Below(12) == 0 ? "\xE2\x80\x9C" : ".";
  if (s.back() != '.') s = "\xE2\x80\x9E" + s;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gen_corpus OUT_DIR COUNT\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  const long count = std::atol(argv[2]);
  std::filesystem::create_directories(out);
  Rng rng{0x2545F4914F6CDD1DULL};
  uint64_t bytes = 0;
  for (long i = 0; i < count; ++i) {
    std::string text = " date 2022-0" + std::to_string(1 + rng.Below(9)) + "-1" +
                       std::to_string(rng.Below(10)) + " " + Sentence(rng) + "\n\n";
    const size_t paragraphs = 3 + rng.Below(8);
    for (size_t p = 0; p < paragraphs; ++p) {
      const size_t sentences = 1 + rng.Below(5);
      for (size_t k = 0; k < sentences; ++k) text += (k ? " " : "") + Sentence(rng);
      text += "\n\n";
    }
    char name[32];
    std::snprintf(name, sizeof name, "%06ld.txt", i);
    if (const lagebild::Status st = lagebild::util::WriteOutputFile((out / name).string(), text);
        !st.ok()) {
      std::fprintf(stderr, "gen_corpus: %s\n", st.message().c_str());
      return 3;
    }
    bytes += text.size();
  }
  std::printf("gen_corpus: %ld articles, %.1f MB in %s\n", count, static_cast<double>(bytes) / 1e6,
              out.c_str());
  return 0;
}
