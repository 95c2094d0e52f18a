#include "claims/lexicon.h"

#include <cstdlib>

#include "util/embedded.h"
#include "util/fold.h"
#include "util/strings.h"

namespace lagebild::claims {
namespace {

std::optional<double> ParseNumber(std::string_view s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const std::string str(s);
  const double v = std::strtod(str.c_str(), &end);
  if (end != str.c_str() + str.size()) return std::nullopt;
  return v;
}

Lexicon Load(std::string_view file) {
  Lexicon lex;
  const auto data = util::EmbeddedFile(file);
  if (!data) {
    lex.problems.push_back(std::string(file) + ": not embedded");
    return lex;
  }
  size_t line_no = 0;
  util::ForEachTextLine(*data, [&](std::string_view line) {
    ++line_no;
    if (line.empty() || line[0] == '#') return;
    const std::vector<std::string_view> cols = util::Split(line, '\t');
    auto problem = [&](const std::string& what) {
      lex.problems.push_back(std::string(file) + ":" + std::to_string(line_no) + ": " + what);
    };
    if (cols.size() < 3) return problem("expected kind, key and words");
    const std::string_view kind = cols[0], key = cols[1];
    if (kind == "separable") {
      if (cols.size() != 4) return problem("separable: class, particle, verb forms");
      auto& [forms, cls] = lex.separable[util::Fold(cols[2])];
      cls = std::string(key);
      for (std::string_view f : util::Split(cols[3], '|')) forms.insert(util::Fold(f));
      return;
    }
    if (kind == "label") {  // how a class reads in this language
      lex.labels[std::string(key)] = std::string(util::Trim(cols[2]));
      return;
    }
    if (kind == "suffix") {
      for (std::string_view w : util::Split(cols[2], '|')) lex.suffixes.emplace_back(util::Fold(w), key);
      lex.thing_classes.emplace(key);
      return;
    }
    for (std::string_view w : util::Split(cols[2], '|')) {
      const std::string phrase = util::Fold(util::Trim(w));
      if (phrase.empty()) continue;
      Entry& e = lex.phrases[phrase];
      if (kind == "number") {
        e.number = ParseNumber(key);
        if (!e.number) return problem("bad number");
        if (phrase.find(' ') == std::string::npos) lex.number_words[phrase] = *e.number;
      } else if (kind == "multiplier") {
        e.multiplier = ParseNumber(key);
        if (!e.multiplier) return problem("bad multiplier");
      } else if (kind == "dozen") {
        e.dozen = ParseNumber(key);
        if (!e.dozen) return problem("bad dozen");
      } else if (kind == "vague") {
        const auto parts = util::Split(key, '-');
        const auto lo = parts.size() == 2 ? ParseNumber(parts[0]) : std::nullopt;
        const auto hi = parts.size() == 2 ? ParseNumber(parts[1]) : std::nullopt;
        if (!lo || !hi) return problem("vague: low-high");
        e.vague = std::make_pair(*lo, *hi);
      } else if (kind == "hedge") {
        e.hedge = key == "approx"    ? Hedge::kApprox
                  : key == "almost"  ? Hedge::kAlmost
                  : key == "over"    ? Hedge::kOver
                  : key == "atleast" ? Hedge::kAtLeast
                  : key == "upto"    ? Hedge::kUpTo
                  : key == "under"   ? Hedge::kUnder
                                     : Hedge::kNone;
        if (e.hedge == Hedge::kNone) return problem("unknown hedge kind");
      } else if (kind == "thing") {
        const size_t colon = key.find(':');
        e.thing = std::string(key.substr(0, colon));
        lex.thing_classes.insert(e.thing);
        if (colon != std::string_view::npos) e.thing_predicate = std::string(key.substr(colon + 1));
      } else if (kind == "predicate") {
        e.predicate = std::string(key);
      } else if (kind == "unit") {
        e.unit = true;
      } else if (kind == "ident") {
        e.ident = true;
      } else if (kind == "source") {
        e.source = key == "before" ? 1 : key == "after" ? 2 : 0;
        if (e.source == 0) return problem("source: before or after");
      } else if (kind == "event") {
        e.event = std::string(key);
      } else if (kind == "eventpred") {
        e.event_predicate = std::string(key);
      } else if (kind == "range") {
        e.range = true;
      } else {
        return problem("unknown kind '" + std::string(kind) + "'");
      }
      if (phrase.size() > 1 && phrase.back() == '.') lex.abbreviations.insert(phrase);
      size_t words = 1;
      for (size_t k = 0; k < phrase.size(); ++k) {
        if (phrase[k] != ' ') continue;
        lex.prefixes.insert(phrase.substr(0, k));
        ++words;
      }
      lex.max_words = std::max(lex.max_words, words);
    }
  });
  return lex;
}

}  // namespace

const Lexicon* GetLexicon(std::string_view language) {
  static const Lexicon de = Load("claims/de.tsv");
  static const Lexicon en = Load("claims/en.tsv");
  if (language == "de") return &de;
  if (language == "en") return &en;
  return nullptr;
}

}  // namespace lagebild::claims
