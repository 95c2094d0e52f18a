// A compiled rule file of the temporal tagger (data/time/<lang>.rules,
// format in docs/time-rules.md). Internal to the time stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lagebild::time {

// One element of a pattern: a literal word, a class word, a number, a
// capitalised word ("%cap"), or the start of a sentence ("^", matches no
// token).
struct Element {
  enum Kind : uint8_t { kLiteral, kClass, kNumber, kSentenceStart, kCapitalised };
  Kind kind = kLiteral;
  std::vector<std::string> literals;  // kLiteral: folded alternatives
  int class_id = -1;                  // kClass
  int min_digits = 1, max_digits = 9; // kNumber
  int capture = -1;                   // slot the matched value goes to, or -1
  bool optional = false;
  bool context = false;  // matched but outside the expression's extent
  bool negated = false;  // "!x": the next token must not match x (consumes none)
};

// A value fixed by the rule ("count=X") rather than by the text.
struct FixedCapture {
  int slot = -1;
  std::string value;
};

struct Rule {
  std::string type;        // DATE, TIME, DURATION, SET
  std::vector<Element> elements;
  int normaliser = -1;     // index into kNormaliserNames (tagger.cc)
  std::vector<FixedCapture> fixed;
  int line = 0;            // in the rule file, for messages
  int lead = 0;            // optional elements before the one the rule is indexed by
};

// A word's membership in a class, with the class's value for it.
struct ClassEntry {
  int class_id = -1;
  std::string value;
  bool exact_case = false;  // written "=Word": matches only that spelling
  std::string spelling;     // as written, when exact_case
};

struct Grammar {
  std::vector<std::string> class_names;
  std::vector<std::string> slot_names;  // capture slots (class names and "=name"s)
  std::unordered_map<std::string, std::vector<ClassEntry>> words;  // folded word ->
  // Entries written "*ed": any word of more than two letters besides the
  // suffix that ends in it (English past tense).
  std::vector<std::pair<std::string, ClassEntry>> suffixes;
  // suffixes by their last two bytes
  std::unordered_map<std::string, std::vector<size_t>> suffixes_by_end;
  std::vector<Rule> rules;
  // Compounds the tokenizer splits in two: a word that is a word of the
  // first class followed by a word of the second ("Donnerstagabend" =
  // weekday + daypart); from "split A B" lines. Head words per pair.
  struct Split {
    int head_class = -1, tail_class = -1;
    std::vector<std::string> heads;  // folded words of head_class
  };
  std::vector<Split> splits;
  // Rules by their first required element: a folded literal, a class, or a
  // number. Optional elements before it (`lead` of them) are matched
  // backwards from there.
  std::unordered_map<std::string, std::vector<int>> by_literal;
  std::vector<std::vector<int>> by_class;
  std::vector<int> by_number;
  std::vector<std::string> problems;

  int ClassId(std::string_view name) const;
  int Slot(std::string_view name) const;
};

// Compiles a rule file. `normalisers` are the names a rule may use.
Grammar CompileGrammar(std::string_view text, std::string_view file_name,
                       const std::vector<std::string_view>& normalisers);

}  // namespace lagebild::time
