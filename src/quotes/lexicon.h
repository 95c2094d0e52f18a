// The quotes stage's word lists (data/quotes/<lang>.tsv and synonyms.tsv),
// loaded once. Internal to the quotes stage.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lagebild::quotes {

struct Lexicon {
  std::unordered_set<std::string> cues, particles, pronouns, subjunctive, stop;
  // Cues that alone, without a reported clause, often say something else
  // ("gab", "stellte", "hielt"): no reported speech act.
  std::unordered_set<std::string> not_reported;
  // Konjunktiv I forms only (no past tense look-alikes): a sentence with one
  // after reported speech continues it.
  std::unordered_set<std::string> subjunctive1;
  std::vector<std::string> source_before;  // folded phrases ("laut", "according to")
  std::unordered_set<std::string> source_after;
  // Nouns of a report after "nach" and up to two modifiers ("nach eigenen
  // Angaben", "Nach den Worten des …"); sentence openers that report
  // ("Demnach"); impersonal cues as "heißt es" (first word -> second).
  std::unordered_set<std::string> report_nouns, openers;
  // Nouns of saying or thinking that take a clause of their own ("vertritt
  // die Ansicht, dass …", "erteilte den Befehl, … zu …"): a cue of
  // indirect speech when the sentence names its subject.
  std::unordered_set<std::string> noun_cues;
  // Stems of separable verbs that are cues only with their particle
  // closing the clause ("geht davon aus, dass …", not "ging zum Verband"):
  // stem -> particles.
  std::unordered_map<std::string, std::vector<std::string>> separable;
  std::unordered_map<std::string, std::string> impersonal;
  std::vector<std::string> problems;
};

// The lexicon of a language, or nullptr.
const Lexicon* GetLexicon(std::string_view language);

// Synonym groups of data/quotes/synonyms.tsv: folded word -> group id.
const std::unordered_map<std::string, int>& Synonyms();

}  // namespace lagebild::quotes
