#include "time/grammar.h"

#include <algorithm>

#include "util/fold.h"
#include "util/strings.h"

namespace lagebild::time {
namespace {

int Intern(std::vector<std::string>& names, std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  names.emplace_back(name);
  return static_cast<int>(names.size() - 1);
}

}  // namespace

int Grammar::ClassId(std::string_view name) const {
  const auto it = std::find(class_names.begin(), class_names.end(), name);
  return it == class_names.end() ? -1 : static_cast<int>(it - class_names.begin());
}

int Grammar::Slot(std::string_view name) const {
  const auto it = std::find(slot_names.begin(), slot_names.end(), name);
  return it == slot_names.end() ? -1 : static_cast<int>(it - slot_names.begin());
}

Grammar CompileGrammar(std::string_view text, std::string_view file_name,
                       const std::vector<std::string_view>& normalisers) {
  Grammar g;
  int line_no = 0;
  auto problem = [&](const std::string& what) {
    g.problems.push_back(std::string(file_name) + ":" + std::to_string(line_no) + ": " + what);
  };
  std::vector<std::pair<int, std::string>> pending_rules;  // (line, text): after all classes
  std::vector<std::pair<std::string, std::string>> pending_splits;  // (head, tail) classes
  for (std::string_view line : util::Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (util::Trim(line).empty() || line[0] == '#') continue;
    const std::vector<std::string_view> cols = util::Split(line, '\t');
    if (cols[0] == "class") {
      if (cols.size() != 4 || cols[1].empty() || cols[2].empty()) {
        problem("a class line needs: class, name, word, value");
        continue;
      }
      ClassEntry e;
      e.class_id = Intern(g.class_names, cols[1]);
      e.value = std::string(cols[3]);
      std::string_view word = cols[2];
      if (word[0] == '=') {
        e.exact_case = true;
        word.remove_prefix(1);
        e.spelling = std::string(word);
      }
      if (word.size() > 2 && word[0] == '*') {
        std::string suffix = util::Fold(word.substr(1));
        g.suffixes_by_end[suffix.substr(suffix.size() - 2)].push_back(g.suffixes.size());
        g.suffixes.emplace_back(std::move(suffix), std::move(e));
        continue;
      }
      g.words[util::Fold(word)].push_back(std::move(e));
    } else if (cols[0] == "rule") {
      pending_rules.emplace_back(line_no, std::string(line));
    } else if (cols[0] == "split") {
      if (cols.size() != 3) {
        problem("a split line needs: split, head class, tail class");
        continue;
      }
      pending_splits.emplace_back(std::string(cols[1]), std::string(cols[2]));
    } else {
      problem("unknown line kind '" + std::string(cols[0]) + "'");
    }
  }
  for (const auto& [head, tail] : pending_splits) {
    Grammar::Split split;
    split.head_class = g.ClassId(head);
    split.tail_class = g.ClassId(tail);
    if (split.head_class < 0 || split.tail_class < 0) {
      g.problems.push_back(std::string(file_name) + ": split names an unknown class '" +
                           (split.head_class < 0 ? head : tail) + "'");
      continue;
    }
    for (const auto& [word, entries] : g.words) {
      for (const ClassEntry& e : entries) {
        if (e.class_id == split.head_class && !e.exact_case && word.size() >= 3) {
          split.heads.push_back(word);
          break;
        }
      }
    }
    std::sort(split.heads.begin(), split.heads.end());
    g.splits.push_back(std::move(split));
  }
  g.slot_names = g.class_names;
  g.by_class.resize(g.class_names.size());
  for (const auto& [rule_line, rule_text] : pending_rules) {
    line_no = rule_line;
    const std::vector<std::string_view> cols = util::Split(rule_text, '\t');
    if (cols.size() != 4) {
      problem("a rule line needs: rule, TYPE, pattern, normaliser");
      continue;
    }
    Rule r;
    r.type = std::string(cols[1]);
    r.line = rule_line;
    if (r.type != "DATE" && r.type != "TIME" && r.type != "DURATION" && r.type != "SET") {
      problem("unknown type '" + r.type + "'");
      continue;
    }
    bool ok = true;
    for (std::string_view tok : util::Split(cols[2], ' ')) {
      if (tok.empty()) continue;
      Element e;
      if (tok.size() > 1 && tok.back() == '?') {
        e.optional = true;
        tok.remove_suffix(1);
      }
      if (tok.size() > 1 && tok[0] == '~') {
        e.context = true;
        tok.remove_prefix(1);
      }
      if (tok.size() > 1 && tok[0] == '!') {
        e.negated = true;
        e.context = true;
        tok.remove_prefix(1);
      }
      std::string_view capture;
      if (tok.size() > 1 && (tok[0] == '@' || tok[0] == '#')) {
        const size_t eq = tok.find('=');
        if (eq != std::string_view::npos) {
          capture = tok.substr(eq + 1);
          tok = tok.substr(0, eq);
        }
      }
      if (tok == "%cap") {
        e.kind = Element::kCapitalised;
      } else if (tok == "^") {
        e.kind = Element::kSentenceStart;
        e.context = true;
        e.optional = false;
      } else if (tok.size() > 1 && tok[0] == '@') {
        e.kind = Element::kClass;
        e.class_id = g.ClassId(tok.substr(1));
        if (e.class_id < 0) {
          problem("unknown class '" + std::string(tok.substr(1)) + "'");
          ok = false;
          break;
        }
        e.capture = Intern(g.slot_names, capture.empty() ? tok.substr(1) : capture);
      } else if (tok[0] == '#') {
        e.kind = Element::kNumber;
        if (tok == "#1") {
          e.max_digits = 2;
        } else if (tok == "#2") {
          e.min_digits = e.max_digits = 2;
        } else if (tok == "#4") {
          e.min_digits = e.max_digits = 4;
        } else if (tok != "#") {
          problem("unknown number element '" + std::string(tok) + "'");
          ok = false;
          break;
        }
        if (capture.empty()) {
          problem("a number element needs a capture name (#1=day)");
          ok = false;
          break;
        }
        e.capture = Intern(g.slot_names, capture);
      } else {
        e.kind = Element::kLiteral;
        for (std::string_view alt : util::Split(tok, '|')) {
          if (!alt.empty() && alt[0] == '~') alt.remove_prefix(1);
          if (!alt.empty()) e.literals.push_back(util::Fold(alt));
        }
        if (e.literals.empty()) {
          problem("empty literal");
          ok = false;
          break;
        }
      }
      r.elements.push_back(std::move(e));
    }
    if (!ok) continue;
    if (std::none_of(r.elements.begin(), r.elements.end(),
                     [](const Element& e) { return !e.context && !e.optional; }) ||
        (!r.elements.empty() && (r.elements[0].negated || r.elements[0].kind == Element::kCapitalised))) {
      problem("a rule needs a required element inside its extent, and may not start with a negation or %cap");
      continue;
    }
    const std::vector<std::string_view> norm = util::Split(cols[3], ' ');
    const auto it = std::find(normalisers.begin(), normalisers.end(), norm[0]);
    if (it == normalisers.end()) {
      problem("unknown normaliser '" + std::string(norm[0]) + "'");
      continue;
    }
    r.normaliser = static_cast<int>(it - normalisers.begin());
    for (size_t k = 1; k < norm.size(); ++k) {
      const size_t eq = norm[k].find('=');
      if (eq == std::string_view::npos || eq == 0) {
        problem("normaliser arguments are key=value");
        ok = false;
        break;
      }
      r.fixed.push_back({Intern(g.slot_names, norm[k].substr(0, eq)),
                         std::string(norm[k].substr(eq + 1))});
    }
    if (!ok) continue;
    const int index = static_cast<int>(g.rules.size());
    for (const Element& e : r.elements) {
      if (e.kind == Element::kSentenceStart || e.negated) continue;
      if (e.optional) {
        ++r.lead;
        continue;
      }
      if (e.kind == Element::kLiteral) {
        for (const std::string& lit : e.literals) g.by_literal[lit].push_back(index);
      } else if (e.kind == Element::kClass) {
        g.by_class[static_cast<size_t>(e.class_id)].push_back(index);
      } else if (e.kind == Element::kNumber) {
        g.by_number.push_back(index);
      }
      break;
    }
    g.rules.push_back(std::move(r));
  }
  // A rule listed twice under one key (two alternatives of one element)
  // is tried once.
  auto dedupe = [](std::vector<int>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  for (auto& [k, v] : g.by_literal) dedupe(v);
  for (auto& v : g.by_class) dedupe(v);
  dedupe(g.by_number);
  return g;
}

}  // namespace lagebild::time
