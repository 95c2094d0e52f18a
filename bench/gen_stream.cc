// Writes a synthetic news stream for the store's scale benchmark: events
// that happen on a day, each reported by several articles over the next
// two days, some of them copies of an earlier article with small edits.
// Articles are JSON Lines records {url, title, published, text, event,
// dup_of} in stream order, `per_file` to a file (stream-00001.jsonl, ...).
//
// The event model: a vocabulary of made-up German-looking content words
// (Zipf-distributed, as word use is) and names; an event draws its own
// names, place, numbers and a handful of topic words; an article on it
// mixes German function words, the event's words and general vocabulary
// in 8–20 sentences of 8–22 words (about 2 KB); ~2,000 articles a day; event sizes 1–40
// (geometric, mean ~10); 8 % of articles are copies of an earlier one of
// their event with a changed number and a word or two replaced, some
// truncated. Deterministic: the same arguments give the same bytes.
//
// Usage: gen_stream OUT_DIR COUNT [PER_FILE]
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/rng.h"
#include "util/output.h"

namespace {

using lagebild::bench::Rng;

const std::vector<std::string> kFunction = {
    "die", "der", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "für",
    "ist", "im", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat",
    "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem",
    "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis",
    "mehr", "durch", "man", "sein", "wurde", "sei", "hatte", "seit", "gegen", "unter", "nun"};
const char* kOnsets[] = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w",
                         "z", "br", "st", "sch", "gr", "kl", "tr", "pf", "fl", "spr"};
const char* kVowels[] = {"a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie"};
const char* kCodas[] = {"", "n", "r", "l", "st", "ng", "ch", "t", "s", "m", "nd", "rt"};

std::string Syllables(Rng& rng, size_t n) {
  std::string w;
  for (size_t i = 0; i < n; ++i) {
    w += kOnsets[rng.Below(std::size(kOnsets))];
    w += kVowels[rng.Below(std::size(kVowels))];
    w += kCodas[rng.Below(std::size(kCodas))];
  }
  return w;
}

std::string Capital(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = char(w[0] - 'a' + 'A');
  return w;
}

// Zipf rank over n items (exponent ~1), by inverse transform of a log law.
size_t Zipf(Rng& rng, size_t n) {
  const double r = std::exp(rng.Unit() * std::log(double(n) + 1.0)) - 1.0;
  return std::min(n - 1, size_t(r));
}

struct Event {
  uint32_t id = 0;
  int day = 0;
  std::vector<std::string> words;  // names, place, numbers, topic words
  uint32_t left = 0;               // articles still to come
  std::vector<std::string> texts;  // articles so far (for copies)
  std::vector<uint64_t> numbers;   // their stream numbers
};

void JsonString(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += '"';
}

std::string Day(int day) {
  // 2020-01-01 + day, civil from days (Howard Hinnant's algorithm).
  long z = 18262 + day + 719468;
  const long era = z / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_stream OUT_DIR COUNT [PER_FILE]\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  const uint64_t count = std::strtoull(argv[2], nullptr, 10);
  const uint64_t per_file = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 10000;
  std::filesystem::create_directories(out);
  Rng rng{0x9E3779B97F4A7C15ull};
  std::vector<std::string> vocabulary(30000), names(60000);
  for (auto& w : vocabulary) w = Syllables(rng, 2 + rng.Below(2));
  for (size_t i = 0; i < vocabulary.size(); i += 3) vocabulary[i] = Capital(vocabulary[i]);
  for (auto& w : names) w = Capital(Syllables(rng, 2 + rng.Below(2)));

  constexpr uint64_t kPerDay = 2000;
  std::vector<Event> active;
  uint32_t next_event = 0;
  uint64_t written = 0;
  std::string file_name, file;  // the file being filled, written when full
  auto flush = [&]() {
    if (file_name.empty()) return true;
    const lagebild::Status st = lagebild::util::WriteOutputFile(file_name, file);
    if (!st.ok()) std::fprintf(stderr, "gen_stream: %s\n", st.message().c_str());
    file.clear();
    return st.ok();
  };
  std::string line;
  while (written < count) {
    const int day = int(written / kPerDay);
    // New events until enough articles are pending for the day.
    uint64_t pending = 0;
    for (const Event& e : active) pending += e.left;
    while (pending < kPerDay * 2) {
      Event e;
      e.id = next_event++;
      e.day = day;
      e.left = 1 + uint32_t(std::min(39.0, -std::log(1.0 - rng.Unit()) * 9.0));
      for (int k = 0; k < 3; ++k) e.words.push_back(names[rng.Below(names.size())]);
      e.words.push_back(names[rng.Below(names.size())]);  // the place
      for (int k = 0; k < 2; ++k) e.words.push_back(std::to_string(20 + rng.Below(90000)));
      const size_t topics = 6 + rng.Below(8);
      for (size_t k = 0; k < topics; ++k) e.words.push_back(vocabulary[Zipf(rng, vocabulary.size())]);
      pending += e.left;
      active.push_back(std::move(e));
    }
    // An article on one of the events of the last three days.
    size_t pick = rng.Below(active.size());
    Event& e = active[pick];
    std::string text, title;
    std::string dup_of = "null";
    if (!e.texts.empty() && rng.Below(100) < 8) {
      const size_t k = rng.Below(e.texts.size());
      text = e.texts[k];
      dup_of = "\"s" + std::to_string(e.numbers[k] + 1) + "\"";
      const size_t at = text.find(' ', rng.Below(text.size()));
      if (at != std::string::npos) text.insert(at, " " + std::to_string(rng.Below(1000)));
      if (rng.Below(3) == 0) {  // truncated, at a character boundary
        size_t cut = text.size() * 2 / 3;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
      }
      title = e.words[0] + " " + e.words[6 % e.words.size()];
    } else {
      for (int w = 0; w < 6 + int(rng.Below(4)); ++w) {
        title += (w ? " " : "") + (rng.Below(2) ? e.words[rng.Below(e.words.size())]
                                                : vocabulary[Zipf(rng, vocabulary.size())]);
      }
      const size_t sentences = 8 + rng.Below(13);
      for (size_t s = 0; s < sentences; ++s) {
        const size_t n = 8 + rng.Below(15);
        for (size_t i = 0; i < n; ++i) {
          const size_t r = rng.Below(100);
          std::string w = r < 50   ? kFunction[rng.Below(kFunction.size())]
                          : r < 72 ? e.words[rng.Below(e.words.size())]
                                   : vocabulary[Zipf(rng, vocabulary.size())];
          if (i == 0) w = Capital(w);
          text += w;
          text += i + 1 < n ? " " : ". ";
        }
        if (s % 4 == 3) text += "\n\n";
      }
      e.texts.push_back(text);
      e.numbers.push_back(written);
    }
    if (written % per_file == 0) {
      char name[48];
      std::snprintf(name, sizeof name, "stream-%05llu.jsonl",
                    static_cast<unsigned long long>(written / per_file + 1));
      if (!flush()) return 3;
      file_name = (out / name).string();
    }
    line.clear();
    line += "{\"url\": \"https://stream.example/s" + std::to_string(written + 1) + "\", \"title\": ";
    JsonString(line, title);
    line += ", \"published\": \"" + Day(std::max(e.day, day)) + "\", \"text\": ";
    JsonString(line, text);
    line += ", \"event\": \"e" + std::to_string(e.id) + "\", \"dup_of\": " + dup_of + "}\n";
    file += line;
    ++written;
    if (--e.left == 0 || day - e.day > 2) {
      active[pick] = std::move(active.back());
      active.pop_back();
    }
  }
  if (!flush()) return 3;
  std::printf("%llu articles, %u events\n", static_cast<unsigned long long>(written), next_event);
  return 0;
}
