#include "util/strings.h"
#include "util/romanize.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "util/embedded.h"
#include "util/fold.h"

namespace lagebild::util {
namespace {

struct Rules {
  std::vector<std::pair<std::string, std::string>> rules;  // longest "from" first
  std::vector<size_t> by_byte[256];
};

const Rules& GetRules() {
  static const Rules r = [] {
    Rules out;
    const auto file = EmbeddedFile("quality/transliteration.tsv");
    if (!file) return out;
    util::ForEachTextLine(*file, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0) return;
      out.rules.emplace_back(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    });
    std::stable_sort(out.rules.begin(), out.rules.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (size_t i = 0; i < out.rules.size(); ++i) {
      out.by_byte[static_cast<unsigned char>(out.rules[i].first[0])].push_back(i);
    }
    return out;
  }();
  return r;
}

}  // namespace

void RomanisationKey(std::string_view word, std::string* folded, std::string* key) {
  const Rules& r = GetRules();
  FoldInto(word, folded);
  const std::string& f = *folded;
  key->clear();
  for (size_t i = 0; i < f.size();) {
    bool hit = false;
    for (const size_t rule : r.by_byte[static_cast<unsigned char>(f[i])]) {
      const auto& [from, to] = r.rules[rule];
      if (from.size() > f.size() - i || f.compare(i, from.size(), from) != 0) continue;
      // Doubled letters are spelling, not sound: "ss" = "s", "ii" = "i".
      for (char c : to) {
        if (key->empty() || key->back() != c) key->push_back(c);
      }
      i += from.size();
      hit = true;
      break;
    }
    if (!hit) {
      if (key->empty() || key->back() != f[i]) key->push_back(f[i]);
      ++i;
    }
  }
}

size_t NameParticleLength(std::string_view word) {
  for (std::string_view particle : {"al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-",
                                    "ash-", "ul-", "ud-", "ed-", "es-", "er-"}) {
    if (word.size() > particle.size() + 1 && word.starts_with(particle) &&
        word[particle.size()] >= 'A' && word[particle.size()] <= 'Z') {
      return particle.size();
    }
  }
  return 0;
}

std::string RomanisationKey(std::string_view word) {
  std::string folded, key;
  RomanisationKey(word, &folded, &key);
  return key;
}

}  // namespace lagebild::util
