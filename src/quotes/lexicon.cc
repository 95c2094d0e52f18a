#include "quotes/lexicon.h"

#include "util/embedded.h"
#include "util/fold.h"
#include "util/strings.h"

namespace lagebild::quotes {
namespace {

// Calls f with every folded, non-empty word of a "|"-separated list.
template <typename F>
void ForEachWord(std::string_view list, F&& f) {
  for (std::string_view w : util::Split(list, '|')) {
    w = util::Trim(w);
    if (!w.empty()) f(util::Fold(w));
  }
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
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      lex.problems.push_back(std::string(file) + ":" + std::to_string(line_no) + ": no tab");
      return;
    }
    const std::string_view kind = line.substr(0, tab), words = line.substr(tab + 1);
    std::unordered_set<std::string>* set = kind == "cue"           ? &lex.cues
                                           : kind == "particle"    ? &lex.particles
                                           : kind == "pronoun"     ? &lex.pronouns
                                           : kind == "subjunctive" ? &lex.subjunctive
                                           : kind == "subjunctive1" ? &lex.subjunctive1
                                           : kind == "stop"        ? &lex.stop
                                           : kind == "source_after" ? &lex.source_after
                                           : kind == "report_noun" ? &lex.report_nouns
                                           : kind == "opener"      ? &lex.openers
                                           : kind == "noun_cue"    ? &lex.noun_cues
                                           : kind == "not_reported" ? &lex.not_reported
                                                                    : nullptr;
    if (kind == "impersonal") {  // two-word phrases: "heißt es"
      ForEachWord(words, [&](std::string w) {
        const size_t space = w.find(' ');
        if (space != std::string::npos) lex.impersonal[w.substr(0, space)] = w.substr(space + 1);
      });
      return;
    }
    if (kind == "separable") {  // "geht:aus": a stem and its particle
      ForEachWord(words, [&](std::string w) {
        const size_t colon = w.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == w.size()) {
          lex.problems.push_back(std::string(file) + ":" + std::to_string(line_no) +
                                 ": separable '" + w + "' is not stem:particle");
          return;
        }
        lex.separable[w.substr(0, colon)].push_back(w.substr(colon + 1));
      });
      return;
    }
    if (kind == "source_before") {
      ForEachWord(words, [&](std::string w) { lex.source_before.push_back(std::move(w)); });
      return;
    }
    if (set == nullptr) {
      lex.problems.push_back(std::string(file) + ":" + std::to_string(line_no) + ": unknown kind '" +
                             std::string(kind) + "'");
      return;
    }
    ForEachWord(words, [&](std::string w) { set->insert(std::move(w)); });
  });
  return lex;
}

}  // namespace

const Lexicon* GetLexicon(std::string_view language) {
  static const Lexicon de = Load("quotes/de.tsv");
  static const Lexicon en = Load("quotes/en.tsv");
  if (language == "de") return &de;
  if (language == "en") return &en;
  return nullptr;
}

const std::unordered_map<std::string, int>& Synonyms() {
  static const std::unordered_map<std::string, int> groups = [] {
    std::unordered_map<std::string, int> out;
    const auto data = util::EmbeddedFile("quotes/synonyms.tsv");
    if (!data) return out;
    int id = 0;
    util::ForEachTextLine(*data, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      ForEachWord(line, [&](std::string w) { out.emplace(std::move(w), id); });
      ++id;
    });
    return out;
  }();
  return groups;
}

}  // namespace lagebild::quotes
