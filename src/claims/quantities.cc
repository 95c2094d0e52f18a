// FindQuantities (claims.h): tokens, numbers, hedges, counted things,
// predicates and attribution.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claims.h"
#include "claims/lexicon.h"
#include "util/fold.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::claims {
namespace {

enum class Kind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t start = 0, end = 0;
  Kind kind = Kind::kWord;
  bool cap = false;            // a word that begins with a capital letter
  bool space_before = true;    // white space (or the text start) before it
  bool newline_before = false; // a line break before it
  std::string low;             // folded form (words and punctuation)
};

bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 || cp == 0x200B;
}

// Letters: ASCII letters and every code point from U+00C0 on that is not
// punctuation, a symbol or a space of the ranges news text uses.
bool IsLetterCp(char32_t cp) {
  if (cp < 0x80) return util::IsAsciiAlpha(static_cast<char>(cp));
  if (cp < 0xC0) return cp == 0xB5;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE00 && cp <= 0xFFFF) return false;
  return cp != util::kInvalid;
}

bool IsUpperCp(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x410 && cp <= 0x42F);
}

char32_t At(std::string_view s, size_t i, size_t* len) {
  if (i >= s.size()) {
    *len = 0;
    return 0;
  }
  const char32_t cp = util::DecodeUtf8(s, i, len);
  if (*len == 0) *len = 1;
  return cp;
}

std::vector<Token> Tokenize(std::string_view text, const Lexicon& lex) {
  std::vector<Token> out;
  size_t i = 0;
  bool space = true, newline = false;
  while (i < text.size()) {
    size_t len = 0;
    const char32_t cp = At(text, i, &len);
    if (IsSpaceCp(cp)) {
      space = true;
      newline |= cp == '\n';
      i += len;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    const bool digit = cp < 0x80 && util::IsAsciiDigit(static_cast<char>(cp));
    if (digit || IsLetterCp(cp)) {
      // A run of letters and digits with inner . , - ' / between two of them.
      bool letters = !digit;
      size_t j = i + len;
      while (j < text.size()) {
        size_t l = 0;
        const char32_t c = At(text, j, &l);
        const bool d = c < 0x80 && util::IsAsciiDigit(static_cast<char>(c));
        if (d || IsLetterCp(c)) {
          letters |= !d;
          j += l;
          continue;
        }
        if (c == '.' || c == ',' || c == '-' || c == '\'' || c == 0x2019 || c == '/') {
          size_t l2 = 0;
          const char32_t n = At(text, j + l, &l2);
          const bool nd = n < 0x80 && util::IsAsciiDigit(static_cast<char>(n));
          if (nd || IsLetterCp(n)) {
            // "12.000", "z.B", "EU-Kommission"; not "2000, die".
            j += l;
            continue;
          }
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      t.kind = letters ? Kind::kWord : Kind::kNumber;
      t.cap = IsUpperCp(cp);
      t.low = util::Fold(text.substr(i, j - i));
      // "ca." and "Mio.": the full stop belongs to the word.
      if (letters && j < text.size() && text[j] == '.' && lex.abbreviations.contains(t.low + ".")) {
        t.low += '.';
        t.end = static_cast<uint32_t>(j + 1);
      }
      i = t.end;
    } else {
      t.end = static_cast<uint32_t>(i + len);
      t.kind = Kind::kPunct;
      t.low = std::string(text.substr(i, len));
      i += len;
    }
    out.push_back(std::move(t));
  }
  return out;
}

bool IsClauseBreak(const Token& t) {
  if (t.kind != Kind::kPunct) return false;
  static const std::string_view kBreaks[] = {",", ";", ":", ".", "!", "?", "(", ")", "\"",
                                             "„", "“", "”", "«", "»", "–", "—", "‚", "‘", "…"};
  return std::find(std::begin(kBreaks), std::end(kBreaks), t.low) != std::end(kBreaks);
}

bool IsSentenceBreak(const Token& t) {
  return t.kind == Kind::kPunct && (t.low == "." || t.low == "!" || t.low == "?");
}

// The digits of a number token as a value: German 12.000 / 2,5; English
// 12,000 / 2.5. None for shapes that are no plain number (phone numbers,
// dates, versions).
std::optional<double> ParseDigits(std::string_view s, bool german) {
  const char group = german ? '.' : ',', decimal = german ? ',' : '.';
  std::string clean;
  size_t digits_after_group = 0;
  bool seen_group = false, seen_decimal = false;
  size_t digits = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (util::IsAsciiDigit(c)) {
      clean.push_back(c);
      ++digits;
      if (seen_group && !seen_decimal) ++digits_after_group;
      continue;
    }
    if (c == group && !seen_decimal) {
      if (seen_group && digits_after_group != 3) return std::nullopt;
      if (!seen_group && (digits == 0 || digits > 3)) return std::nullopt;
      seen_group = true;
      digits_after_group = 0;
      continue;
    }
    if (c == decimal && !seen_decimal) {
      if (seen_group && digits_after_group != 3) return std::nullopt;
      seen_decimal = true;
      clean.push_back('.');
      continue;
    }
    return std::nullopt;  // slashes, hyphens, a second decimal mark
  }
  if (seen_group && !seen_decimal && digits_after_group != 3) {
    // "2.5" in German, "2,5" in English: the other convention's decimal.
    if (digits_after_group == 0) return std::nullopt;
    std::string alt;
    for (char c : s) alt.push_back(c == group ? '.' : c);
    return std::strtod(alt.c_str(), nullptr);
  }
  if (digits == 0 || digits > 12) return std::nullopt;
  return std::strtod(clean.c_str(), nullptr);
}

// A German number word: "zwölftausend", "dreihundertfünfzig",
// "einundzwanzig"; none below 2 or for other words.
std::optional<double> ParseGermanNumberWord(std::string_view w, const Lexicon& lex, int depth = 0) {
  if (w.empty() || depth > 4) return std::nullopt;
  if (auto it = lex.number_words.find(std::string(w)); it != lex.number_words.end()) return it->second;
  static const std::string_view kUnits[] = {"ein", "eins", "eine"};
  for (std::string_view u : kUnits) {
    if (w == u) return 1;
  }
  for (const auto& [word, factor] : {std::pair<std::string_view, double>{"tausend", 1000},
                                     std::pair<std::string_view, double>{"hundert", 100}}) {
    const size_t at = w.rfind(word);
    if (at == std::string_view::npos) continue;
    const std::string_view left = w.substr(0, at), right = w.substr(at + word.size());
    double l = 1, r = 0;
    if (!left.empty()) {
      const auto v = ParseGermanNumberWord(left, lex, depth + 1);
      if (!v) return std::nullopt;
      l = *v;
    }
    if (!right.empty()) {
      const auto v = ParseGermanNumberWord(right, lex, depth + 1);
      if (!v) return std::nullopt;
      r = *v;
    }
    return l * factor + r;
  }
  const size_t und = w.find("und");
  if (und != std::string_view::npos && und > 0) {
    const auto unit = ParseGermanNumberWord(w.substr(0, und), lex, depth + 1);
    const auto tens = ParseGermanNumberWord(w.substr(und + 3), lex, depth + 1);
    if (unit && tens && *unit < 10 && *tens >= 20 && *tens < 100) return *unit + *tens;
  }
  return std::nullopt;
}

struct Match {
  size_t end = 0;  // one past the last token
  const Entry* entry = nullptr;
};

// The longest lexicon phrase starting at token i.
Match PhraseAt(const std::vector<Token>& toks, size_t i, const Lexicon& lex) {
  Match best;
  std::string key;
  for (size_t k = i; k < toks.size() && k - i < lex.max_words; ++k) {
    if (k > i) {
      if (toks[k].kind == Kind::kPunct && toks[k].low != "%" && toks[k].low != "€" &&
          toks[k].low != "$" && toks[k].low != "£" && toks[k].low != "°" && toks[k].low != "§") {
        break;
      }
      key += ' ';
    }
    key += toks[k].low;
    if (auto it = lex.phrases.find(key); it != lex.phrases.end()) best = {k + 1, &it->second};
    if (!lex.prefixes.contains(key)) break;
  }
  return best;
}

// The longest lexicon phrase ending right before token i with `pred`.
template <typename Pred>
std::optional<size_t> PhraseBefore(const std::vector<Token>& toks, size_t i, const Lexicon& lex,
                                   Pred pred) {
  std::optional<size_t> best;
  for (size_t words = 1; words <= lex.max_words && words <= i; ++words) {
    const size_t from = i - words;
    const Match m = PhraseAt(toks, from, lex);
    if (m.entry != nullptr && m.end == i && pred(*m.entry)) best = from;
  }
  return best;
}

struct Number {
  size_t begin = 0, end = 0;  // tokens
  std::optional<double> value;
  std::optional<double> low, high;
  bool year_like = false;
  double multiplier = 1;  // the multiplier word applied ("Millionen")
};

// A number starting at token i: digits (with a space-grouped tail "12 000"
// and a multiplier "1,2 Millionen"), number words, "zwei Dutzend", a vague
// amount ("Dutzende", "tens of thousands").
std::optional<Number> NumberAt(const std::vector<Token>& toks, size_t i, const Lexicon& lex,
                               bool german, std::string_view text) {
  const Token& t = toks[i];
  Number n;
  n.begin = i;
  n.end = i + 1;
  if (t.kind == Kind::kNumber) {
    std::string digits(text.substr(t.start, t.end - t.start));
    // "12 000": a group of three digits after one space.
    while (n.end < toks.size() && toks[n.end].kind == Kind::kNumber &&
           toks[n.end].end - toks[n.end].start == 3 && toks[n.end].start == toks[n.end - 1].end + 1 &&
           text[toks[n.end - 1].end] == ' ' && digits.size() <= 3 &&
           digits.find_first_not_of("0123456789") == std::string::npos) {
      digits.append(text.substr(toks[n.end].start, 3));
      ++n.end;
    }
    n.value = ParseDigits(digits, german);
    if (!n.value) return std::nullopt;
    n.year_like = n.end == i + 1 && digits.size() == 4 && *n.value >= 1000 && *n.value < 2200 &&
                  digits.find_first_not_of("0123456789") == std::string::npos;
  } else if (t.kind == Kind::kWord) {
    const Match m = PhraseAt(toks, i, lex);
    if (m.entry != nullptr && m.entry->vague && !m.entry->number) {
      n.end = m.end;
      n.low = m.entry->vague->first;
      n.high = m.entry->vague->second;
      return n;
    }
    // "ein Dutzend", "two dozen", "a dozen".
    if (i + 1 < toks.size()) {
      const Match d = PhraseAt(toks, i + 1, lex);
      const bool article = t.low == "ein" || t.low == "a" || t.low == "one";
      std::optional<double> count = article ? std::optional<double>(1) : std::nullopt;
      if (!count && m.entry != nullptr && m.entry->number) count = m.entry->number;
      if (count && d.entry != nullptr && d.entry->dozen) {
        n.end = d.end;
        n.value = *count * *d.entry->dozen;
        return n;
      }
    }
    if (german) {
      n.value = ParseGermanNumberWord(t.low, lex);
      if (m.entry != nullptr && m.entry->number && m.end > i + 1) {
        n.value = m.entry->number;
        n.end = m.end;
      }
    } else if (m.entry != nullptr && m.entry->number) {
      // English: "two hundred fifty", "twelve thousand", "twenty-five".
      double total = 0, current = 0;
      size_t k = i;
      while (k < toks.size()) {
        const Match w = PhraseAt(toks, k, lex);
        if (w.entry != nullptr && w.entry->multiplier && k > i && (current > 0 || total > 0)) {
          if (*w.entry->multiplier == 100) {
            current *= 100;
          } else {
            total += current * *w.entry->multiplier;
            current = 0;
          }
          k = w.end;
          continue;
        }
        if (w.entry != nullptr && w.entry->number) {
          current += *w.entry->number;
          k = w.end;
          continue;
        }
        if (toks[k].low == "and" && k > i && k + 1 < toks.size() && PhraseAt(toks, k + 1, lex).entry &&
            PhraseAt(toks, k + 1, lex).entry->number) {
          ++k;
          continue;
        }
        break;
      }
      n.value = total + current;
      n.end = k;
    } else {
      // "twenty-five"
      const size_t dash = t.low.find('-');
      if (dash != std::string::npos) {
        const auto a = lex.number_words.find(t.low.substr(0, dash));
        const auto b = lex.number_words.find(t.low.substr(dash + 1));
        if (a != lex.number_words.end() && b != lex.number_words.end() && a->second >= 20 &&
            b->second < 10) {
          n.value = a->second + b->second;
        }
      }
    }
    if (!n.value || *n.value < 2) return std::nullopt;
  } else {
    return std::nullopt;
  }
  // A multiplier: "1,2 Millionen", "2.5 million", "12 Tsd.".
  if (n.end < toks.size()) {
    const Match m = PhraseAt(toks, n.end, lex);
    if (m.entry != nullptr && m.entry->multiplier && *m.entry->multiplier > 100) {
      n.value = *n.value * *m.entry->multiplier;
      n.multiplier = *m.entry->multiplier;
      n.end = m.end;
      n.year_like = false;
    }
  }
  return n;
}

// Bounds of a stated value under a hedge.
void Bound(Hedge h, double v, std::optional<double>* low, std::optional<double>* high) {
  switch (h) {
    case Hedge::kNone: *low = v; *high = v; break;
    case Hedge::kApprox: *low = std::round(v * 0.9); *high = std::round(v * 1.1); break;
    case Hedge::kAlmost: *low = std::round(v * 0.9); *high = v; break;
    case Hedge::kOver:
    case Hedge::kAtLeast: *low = v; *high = std::nullopt; break;
    case Hedge::kUpTo:
    case Hedge::kUnder: *low = std::nullopt; *high = v; break;
  }
}

bool HumanPredicate(std::string_view p) {
  return p == "arrested" || p == "killed" || p == "injured" || p == "missing" ||
         p == "displaced" || p == "evacuated" || p == "rescued";
}

// Crude German/English plural-insensitive key of a noun: "flügen" ->
// "flüge", "vehicles" stays.
std::string NounKey(std::string_view low, bool german) {
  std::string k(low);
  if (german && k.size() > 4 && k.ends_with("en") && !k.ends_with("ten")) k.pop_back();
  return k;
}

bool IsFunctionWord(std::string_view w) {
  static const std::string_view kWords[] = {
      "were", "was", "are", "is", "have", "has", "had", "of", "in", "at", "from", "who", "and",
      "or", "the", "a", "an", "to", "for", "on", "by", "with", "more", "than", "said", "that",
      "which", "will", "would", "could", "been", "be", "und", "oder", "der", "die", "das",
      "den", "dem", "des", "von", "mit", "im", "in", "am", "an", "auf", "aus", "bei", "nach",
      "wurden", "waren", "sind", "haben", "hatten", "sollen", "seien", "weitere", "weiterer",
      "mehr", "als", "zu", "bis", "für", "ein", "eine", "einen", "einem", "einer", "eines",
      "kein", "keine", "sich", "es", "sie", "er", "wir", "ihr", "ihre", "seine", "dagegen",
      "dafür", "davon", "darunter", "their", "his", "her", "its", "them", "they", "those",
      "now", "also", "already", "still", "just", "only", "even", "out", "every", "per", "so",
      "far", "ago", "later", "earlier", "each", "other", "others", "more", "most", "less",
      "nun", "jetzt", "auch", "bereits", "schon", "noch", "nur", "etwa", "je", "pro",
      "including", "such", "like", "among", "einschließlich"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

}  // namespace

bool HasClaimLexicon(std::string_view language) { return GetLexicon(language) != nullptr; }

std::vector<std::string> ClaimLexiconProblems() {
  std::vector<std::string> out;
  for (const char* l : {"de", "en"}) {
    for (const std::string& p : GetLexicon(l)->problems) out.push_back(p);
  }
  return out;
}

std::vector<Quantity> FindQuantities(std::string_view text, std::string_view language,
                                     const std::vector<TimeMention>& times,
                                     const std::vector<EntityMention>& entities) {
  std::vector<Quantity> out;
  const Lexicon* lexp = GetLexicon(language);
  if (lexp == nullptr || text.empty()) return out;
  const Lexicon& lex = *lexp;
  const bool german = language == "de";
  const std::vector<Token> toks = Tokenize(text, lex);
  const size_t n = toks.size();
  auto in_time = [&](uint32_t s, uint32_t e) {
    for (const TimeMention& t : times) {
      if (t.start < e && s < t.end) return true;
    }
    return false;
  };
  auto entity_at = [&](const Token& t) {
    for (const EntityMention& m : entities) {
      if (m.start <= t.start && t.start < m.end) return true;
    }
    return false;
  };
  // Sentence and clause index of every token.
  std::vector<uint32_t> sentence(n), clause(n);
  {
    uint32_t s = 0, c = 0;
    for (size_t k = 0; k < n; ++k) {
      if (k > 0 && toks[k].newline_before) {
        ++s;
        ++c;
      }
      sentence[k] = s;
      clause[k] = c;
      if (IsClauseBreak(toks[k])) ++c;
      if (IsSentenceBreak(toks[k])) ++s;
    }
  }
  struct Last {
    uint32_t sentence = UINT32_MAX;
    std::string unit, counted;
  } last;
  for (size_t i = 0; i < n;) {
    const Token& t = toks[i];
    if (t.kind == Kind::kPunct) {
      ++i;
      continue;
    }
    std::optional<Number> num = NumberAt(toks, i, lex, german, text);
    if (!num) {
      ++i;
      continue;
    }
    const size_t nb = num->begin, ne = num->end;
    i = ne;
    // A range: "10 bis 20", "between 10 and 20", "10-20" is one token.
    if (ne + 1 < n) {
      const Match r = PhraseAt(toks, ne, lex);
      if (r.entry != nullptr && r.entry->range) {
        auto second = NumberAt(toks, r.end, lex, german, text);
        // "2 bis 3 Millionen": the multiplier counts for both.
        if (second && second->value && num->value && num->multiplier == 1 && second->multiplier > 1) {
          num->value = *num->value * second->multiplier;
        }
        if (second && second->value && num->value && *num->value <= *second->value) {
          num->low = num->value;
          num->high = second->value;
          num->value = std::nullopt;
          num->end = second->end;
          num->year_like = false;
          i = second->end;
        }
      }
    }
    const size_t end = num->end;
    if (in_time(toks[nb].start, toks[end - 1].end)) continue;
    // Not counts: ordinals ("am 13. Januar", "der 3. Platz"), identifiers
    // ("Nr. 5"), phone numbers and scores ("030/1234", "2:1"), money.
    if (toks[nb].kind == Kind::kNumber && end == nb + 1 && end < n && toks[end].low == "." &&
        !toks[end].space_before && end + 1 < n && !toks[end + 1].newline_before &&
        (!toks[end + 1].cap || (nb > 0 && IsFunctionWord(toks[nb - 1].low)))) {
      continue;
    }
    if (end < n && !toks[end].space_before && toks[end].kind == Kind::kPunct &&
        (toks[end].low == ":" || toks[end].low == "/" || toks[end].low == "-") && end + 1 < n &&
        toks[end + 1].kind == Kind::kNumber) {
      continue;
    }
    if (nb > 0 && toks[nb - 1].kind == Kind::kPunct &&
        (toks[nb - 1].low == "$" || toks[nb - 1].low == "€" || toks[nb - 1].low == "£" ||
         toks[nb - 1].low == "+" || toks[nb - 1].low == "#" || toks[nb - 1].low == "§")) {
      continue;
    }
    if (PhraseBefore(toks, nb, lex, [](const Entry& e) { return e.ident; })) continue;
    if (end < n) {
      const Match u = PhraseAt(toks, end, lex);
      if (u.entry != nullptr && u.entry->unit) continue;
    }
    // Hedge before the number ("Rund", "mehr als", "at least").
    Hedge hedge = Hedge::kNone;
    size_t qb = nb;
    if (auto h = PhraseBefore(toks, nb, lex, [](const Entry& e) { return e.hedge != Hedge::kNone; })) {
      qb = *h;
      hedge = PhraseAt(toks, qb, lex).entry->hedge;
    }
    // A denied number ("nicht neun, wie zunächst gemeldet") is no claim.
    if (qb > 0 && (toks[qb - 1].low == "nicht" || toks[qb - 1].low == "not" ||
                   toks[qb - 1].low == "keine" || toks[qb - 1].low == "kein")) {
      continue;
    }
    // The counted thing: a known noun within the next five words of the
    // clause, else the noun right after the number (German: a capitalised
    // word after at most two small words), else elided.
    std::string unit, counted, implied;
    size_t thing_at = n;
    bool thing_known = false;  // from the lexicon, not just the next noun
    for (size_t k = end; k < n && k < end + 5 && clause[k] == clause[end - 1]; ++k) {
      const Match m = PhraseAt(toks, k, lex);
      if (m.entry != nullptr && !m.entry->thing.empty()) {
        unit = std::string(text.substr(toks[k].start, toks[m.end - 1].end - toks[k].start));
        counted = m.entry->thing;
        implied = m.entry->thing_predicate;
        thing_at = k;
        thing_known = true;
        break;
      }
      if (german && toks[k].kind == Kind::kWord && toks[k].cap) {
        for (const auto& [head, cls] : lex.suffixes) {
          if (toks[k].low.size() > head.size() && toks[k].low.ends_with(head)) {
            unit = std::string(text.substr(toks[k].start, toks[k].end - toks[k].start));
            counted = cls;
            thing_at = k;
            thing_known = true;
            break;
          }
        }
        if (!counted.empty()) break;
      }
    }
    if (counted.empty()) {
      size_t k = end, small = 0;
      while (k < n && toks[k].kind == Kind::kWord && clause[k] == clause[end - 1] && small < 2 &&
             (german ? !toks[k].cap : false) && !IsFunctionWord(toks[k].low) &&
             PhraseAt(toks, k, lex).entry == nullptr) {
        ++k;
        ++small;
      }
      if (!german) {
        // English: the last word of a run of content words ("149 regional
        // airport control towers" -> towers), stopping at a verb of the
        // lexicon or a function word.
        size_t run_end = n;
        for (size_t j = end; j < n && j < end + 4 && toks[j].kind == Kind::kWord && !toks[j].cap &&
                             clause[j] == clause[end - 1] && !IsFunctionWord(toks[j].low);
             ++j) {
          const Match m = PhraseAt(toks, j, lex);
          if (m.entry != nullptr && (!m.entry->predicate.empty() || m.entry->unit)) break;
          run_end = j;
        }
        k = run_end;
      }
      if (k < n && toks[k].kind == Kind::kWord && clause[k] == clause[end - 1] &&
          (german ? toks[k].cap : !toks[k].cap) && !IsFunctionWord(toks[k].low) &&
          !entity_at(toks[k])) {
        const Match m = PhraseAt(toks, k, lex);
        if (m.entry == nullptr || (m.entry->predicate.empty() && !m.entry->unit)) {
          unit = std::string(text.substr(toks[k].start, toks[k].end - toks[k].start));
          counted = NounKey(toks[k].low, german);
          thing_at = k;
        }
      }
    }
    // The predicate nearest to the number in its clause; a separable verb
    // ("nahmen ... fest") when its particle ends the clause.
    std::string predicate;
    {
      const uint32_t c = clause[nb];
      size_t cb = nb, ce = end;
      while (cb > 0 && clause[cb - 1] == c) --cb;
      while (ce < n && clause[ce] == c) ++ce;
      size_t best_dist = SIZE_MAX;
      for (size_t k = cb; k < ce; ++k) {
        if (k >= qb && k < end) continue;
        const Match m = PhraseAt(toks, k, lex);
        if (m.entry == nullptr || m.entry->predicate.empty()) continue;
        const size_t dist = k < qb ? qb - k : k - end;
        if (dist < best_dist) {
          best_dist = dist;
          predicate = m.entry->predicate;
        }
      }
      if (predicate.empty() && ce > cb) {
        size_t last_word = ce;
        for (size_t k = ce; k-- > cb;) {
          if (toks[k].kind == Kind::kWord) {
            last_word = k;
            break;
          }
        }
        if (last_word < ce) {
          if (auto it = lex.separable.find(toks[last_word].low); it != lex.separable.end()) {
            for (size_t k = cb; k < last_word; ++k) {
              if (it->second.first.contains(toks[k].low)) predicate = it->second.second;
            }
          }
        }
      }
    }
    if (predicate.empty()) predicate = implied;
    // A number without its noun counts what the quantity before it in the
    // sentence counts ("164 Menschen, fast 10.000 wurden festgenommen"),
    // or people when the predicate is about people.
    if (counted.empty()) {
      if (last.sentence == sentence[nb] && !last.counted.empty()) {
        counted = last.counted;
      } else if (HumanPredicate(predicate)) {
        counted = "people";
      }
    }
    if (counted.empty() && predicate.empty()) continue;
    // A year-like number ("2022") counts only with a hedge or a known noun.
    if (num->year_like && hedge == Hedge::kNone && !thing_known) continue;
    // Attribution: the cue nearest to the number in its sentence.
    std::string source;
    {
      const uint32_t s = sentence[nb];
      size_t sb = nb, se = end;
      while (sb > 0 && sentence[sb - 1] == s) --sb;
      while (se < n && sentence[se] == s) ++se;
      size_t best_dist = SIZE_MAX;
      for (size_t k = sb; k < se; ++k) {
        const Match m = PhraseAt(toks, k, lex);
        if (m.entry == nullptr || m.entry->source == 0) continue;
        size_t from = 0, to = 0;
        if (m.entry->source == 1) {
          // After the cue: articles and capitalised words (German: also
          // the nouns they govern), at most five.
          size_t j = m.end;
          from = j;
          while (j < se && j - from < 5 && toks[j].kind == Kind::kWord &&
                 (toks[j].cap || toks[j].low == "der" || toks[j].low == "des" || toks[j].low == "die" ||
                  toks[j].low == "das" || toks[j].low == "dem" || toks[j].low == "den" ||
                  toks[j].low == "the" || toks[j].low == "von" || toks[j].low == "of")) {
            ++j;
          }
          while (j > from && !toks[j - 1].cap) --j;  // no trailing article
          to = j;
        } else {
          size_t j = k;
          to = j;
          while (j > sb && to - j < 5 && toks[j - 1].kind == Kind::kWord &&
                 (toks[j - 1].cap || toks[j - 1].low == "der" || toks[j - 1].low == "den" ||
                  toks[j - 1].low == "the" || toks[j - 1].low == "dem")) {
            --j;
          }
          from = j;
          while (from < to && !toks[from].cap) ++from;
          if (from < to && (toks[from].low == "angaben" || toks[from].low == "berichten")) from = to;
        }
        if (from >= to) continue;
        if (in_time(toks[from].start, toks[to - 1].end)) continue;  // "on Friday announced"
        // Not the quantity's own noun or number.
        if (from <= thing_at && thing_at < to) continue;
        const size_t dist = k < qb ? qb - k : k - end;
        if (dist < best_dist) {
          best_dist = dist;
          source = std::string(text.substr(toks[from].start, toks[to - 1].end - toks[from].start));
        }
      }
    }
    Quantity q;
    q.start = toks[qb].start;
    q.end = toks[end - 1].end;
    q.text = std::string(text.substr(q.start, q.end - q.start));
    q.hedge = qb < nb ? std::string(text.substr(toks[qb].start, toks[nb - 1].end - toks[qb].start)) : "";
    if (num->value) {
      q.value = num->value;
      Bound(hedge, *num->value, &q.low, &q.high);
    } else {
      q.low = num->low;
      q.high = num->high;
      if (hedge == Hedge::kOver || hedge == Hedge::kAtLeast) q.high = std::nullopt;
      if (hedge == Hedge::kUpTo || hedge == Hedge::kUnder) q.low = std::nullopt;
    }
    q.unit = unit;
    q.counted = counted;
    q.predicate = predicate;
    q.source = source;
    last.sentence = sentence[nb];
    last.counted = counted;
    last.unit = unit;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace lagebild::claims
