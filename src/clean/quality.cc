// Source quality: the outlet, agency copies, state affiliation, machine
// translation and truncation, each flag with the evidence that set it.
#include <algorithm>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "clean/clean.h"
#include "clean/lexicon.h"
#include "clean/text_util.h"
#include "util/romanize.h"
#include "util/strings.h"

namespace lagebild::clean {
namespace {

constexpr size_t kMaxEvidencePerSignal = 3;  // quotes kept per kind of evidence
constexpr size_t kDatelineBytes = 160;       // where a dateline can be
constexpr size_t kMinVariantBytes = 5;       // shorter names are too ambiguous
constexpr size_t kMinSpinPhrases = 2;        // tortured phrases that flag a text as spun

bool EditoriallyControlled(std::string_view typology) {
  // State Media Monitor: state-controlled, captured public, captured private.
  return typology == "SC" || typology == "CaPu" || typology == "CaPr";
}

std::string Quote(std::string_view s, size_t max_bytes = 60) {
  s = util::Trim(s);
  if (s.size() <= max_bytes) return "'" + std::string(s) + "'";
  return "'" + std::string(s.substr(0, util::Utf8PrefixLength(s, max_bytes))) + "…'";
}

void AddFlag(Article& a, const std::string& flag, std::string evidence) {
  if (std::find(a.flags.begin(), a.flags.end(), flag) == a.flags.end()) a.flags.push_back(flag);
  for (const FlagEvidence& e : a.flag_evidence) {
    if (e.flag == flag && e.evidence == evidence) return;
  }
  a.flag_evidence.push_back({flag, std::move(evidence)});
}

// ---- outlets ----------------------------------------------------------------

OutletInfo FromOutlet(const Outlet& o, const char* basis) {
  return {o.name, o.country, o.language, o.kind, o.state, basis};
}

// The outlet of a host or of one of its parent domains.
bool OutletByHost(const Lexicons& lex, std::string host, OutletInfo* info) {
  while (!host.empty()) {
    if (auto it = lex.outlet_by_domain.find(host); it != lex.outlet_by_domain.end()) {
      *info = FromOutlet(lex.outlets[it->second], "url");
      return true;
    }
    if (auto it = lex.state_by_domain.find(host); it != lex.state_by_domain.end()) {
      const StateMedia& s = lex.state_media[it->second];
      *info = {s.asset, s.country, "", "state-media", s.typology, "url"};
      return true;
    }
    const size_t dot = host.find('.');
    if (dot == std::string::npos || host.find('.', dot + 1) == std::string::npos) break;
    host.erase(0, dot + 1);
  }
  return false;
}

// Outlets named `alias`; the one in the article's language first.
long OutletByAliasForLanguage(const Lexicons& lex, std::string_view alias,
                              std::string_view language) {
  const std::vector<size_t>* found = OutletsNamed(lex, alias);
  if (found == nullptr || found->empty()) return -1;
  for (size_t i : *found) {
    if (lex.outlets[i].language == language) return static_cast<long>(i);
  }
  return static_cast<long>(found->front());
}

// A publisher naming itself in its appeal or footer ("Unterstützen Sie den
// Beispiel-Kurier ...", "© 2022 Beispiel-Zeitung").
bool OutletBySelfReference(const Lexicons& lex, const Article& a, OutletInfo* info,
                           std::string* evidence) {
  for (const Removed& r : a.removed) {
    if (r.reason != "publisher-appeal" && r.reason != "navigation") continue;
    std::vector<std::string_view> tokens;
    ForEachToken(r.text, [&](std::string_view t, size_t) {
      while (!t.empty() && std::string_view(".,;:!?()\"'").find(t.back()) != t.npos) {
        t.remove_suffix(1);
      }
      while (!t.empty() && std::string_view("(\"'").find(t.front()) != t.npos) t.remove_prefix(1);
      tokens.push_back(t);
    });
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (size_t len = 3; len >= 1; --len) {
        if (i + len > tokens.size()) continue;
        const std::string_view first = tokens[i];
        const std::string_view last = tokens[i + len - 1];
        if (first.empty() || last.empty()) continue;
        const std::string_view span(first.data(),
                                    static_cast<size_t>(last.data() + last.size() - first.data()));
        if (!IsCapitalised(span)) continue;
        const long o = OutletByAliasForLanguage(lex, span, a.language);
        if (o >= 0) {
          *info = FromOutlet(lex.outlets[static_cast<size_t>(o)], "self-reference");
          *evidence = "names itself " + Quote(span) + " in " + r.reason + " " + Quote(r.text, 50);
          return true;
        }
      }
    }
  }
  return false;
}

void IdentifyOutlet(const Lexicons& lex, Article& a, std::string* evidence) {
  OutletInfo info;
  if (!a.url.empty() && OutletByHost(lex, HostOf(a.url), &info)) {
    *evidence = "URL host " + Quote(HostOf(a.url));
  } else if (!a.outlet.empty()) {
    const long o = OutletByAliasForLanguage(lex, a.outlet, a.language);
    if (o >= 0) {
      info = FromOutlet(lex.outlets[static_cast<size_t>(o)], "site-name");
    } else {
      info.name = a.outlet;
      info.basis = "site-name";
      if (auto it = lex.state_by_folded_asset.find(Fold(a.outlet));
          it != lex.state_by_folded_asset.end()) {
        const StateMedia& s = lex.state_media[it->second];
        info = {s.asset, s.country, "", "state-media", s.typology, "site-name"};
      }
    }
    *evidence = "site name " + Quote(a.outlet);
  } else if (!OutletBySelfReference(lex, a, &info, evidence)) {
    return;
  }
  a.outlet_info = info;
  if (a.outlet.empty()) a.outlet = info.name;
}

// ---- agencies ---------------------------------------------------------------


// "(Reuters)", "(dpa/AFP)", "(APA, dpa)": the agencies in one parenthesis.
std::vector<long> AgenciesIn(const Lexicons& lex, std::string_view inner) {
  std::vector<long> out;
  size_t pos = 0;
  while (pos <= inner.size()) {
    size_t end = inner.find_first_of("/,;", pos);
    if (end == std::string_view::npos) end = inner.size();
    const long o = FindAgency(lex, inner.substr(pos, end - pos));
    if (o < 0) return {};  // every part must be an agency
    out.push_back(o);
    pos = end + 1;
  }
  return out;
}

// Dateline "LONDON, 3. März (Reuters) –" or "Berlin (dpa) -" at the start,
// or an agency signature "(dpa)" / "dpa/AFP" at the end.
void DetectAgencyCopy(const Lexicons& lex, Article& a) {
  const std::string_view text = a.text;
  // The dateline opens one of the first paragraphs (subheadings may come first).
  size_t para_begin = 0;
  for (int p = 0; p < 4 && para_begin < text.size(); ++p) {
    size_t para_end = text.find("\n\n", para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    std::string_view head = text.substr(para_begin, std::min(para_end - para_begin, kDatelineBytes));
    para_begin = para_end + 2;
    head = head.substr(0, std::min(head.size(), head.find('\n')));
    const size_t open = head.find('(');
    if (open == std::string_view::npos) continue;
    const size_t close = head.find(')', open);
    const std::string_view before = head.substr(0, open);
    // A dateline holds a place and maybe a date, then the agency, then a
    // dash, colon or full stop: "LONDON, 3. März (Reuters) –".
    if (close == std::string_view::npos || CountWords(before) > 6) continue;
    const std::string_view after = util::Trim(head.substr(close + 1));
    if (!(after.empty() || after.starts_with("-") || after.starts_with("–") ||
          after.starts_with("—") || after.starts_with(":") || after.starts_with("."))) {
      continue;
    }
    const std::vector<long> agencies = AgenciesIn(lex, head.substr(open + 1, close - open - 1));
    if (!agencies.empty()) {
      a.agency = lex.outlets[static_cast<size_t>(agencies[0])].name;
      AddFlag(a, "agency-copy", "dateline " + Quote(head.substr(0, close + 1)));
      return;
    }
  }
  std::string_view tail = util::Trim(text);
  const size_t nl = tail.rfind('\n');
  if (nl != std::string_view::npos) tail = tail.substr(nl + 1);
  if (tail.ends_with(")")) {
    const size_t o = tail.rfind('(');
    if (o != std::string_view::npos) {
      const std::vector<long> agencies = AgenciesIn(lex, tail.substr(o + 1, tail.size() - o - 2));
      if (!agencies.empty()) {
        a.agency = lex.outlets[static_cast<size_t>(agencies[0])].name;
        AddFlag(a, "agency-copy", "signature " + Quote(tail.substr(o)));
        return;
      }
    }
  } else if (CountWords(tail) == 1) {
    const std::vector<long> agencies = AgenciesIn(lex, tail);
    if (!agencies.empty()) {
      a.agency = lex.outlets[static_cast<size_t>(agencies[0])].name;
      AddFlag(a, "agency-copy", "signature " + Quote(tail));
      return;
    }
  }
  // A credit or copyright line naming the agency: "Reporting by ... (Reuters)",
  // "© dpa-infocom", "Mit Material von AFP".
  for (const Removed& r : a.removed) {
    // "© AFP 2016 / Name" credits a photographer, not the text.
    const bool copyright = r.reason == "navigation" && r.text.starts_with("©") &&
                           r.text.find(" / ") == std::string::npos;
    if (r.reason != "byline" && !copyright) continue;
    if (const long whole = FindAgency(lex, r.text); whole >= 0) {  // "The Associated Press"
      a.agency = lex.outlets[static_cast<size_t>(whole)].name;
      AddFlag(a, "agency-copy", "credit line " + Quote(r.text));
      return;
    }
    ForEachToken(r.text, [&](std::string_view t, size_t) {
      if (!a.agency.empty()) return;
      while (!t.empty() && std::string_view(".,;:)").find(t.back()) != t.npos) t.remove_suffix(1);
      while (!t.empty() && t.front() == '(') t.remove_prefix(1);
      const std::vector<long> agencies = AgenciesIn(lex, t);
      if (!agencies.empty()) {
        a.agency = lex.outlets[static_cast<size_t>(agencies[0])].name;
        AddFlag(a, "agency-copy", (r.reason == "byline" ? "credit line " : "copyright line ") +
                                      Quote(r.text));
      }
    });
    if (!a.agency.empty()) return;
  }
}

// ---- machine translation ----------------------------------------------------

// Folds a name to its romanisation key into *key (buffers reused).
struct MtEvidence {
  std::vector<std::string> foreign, variants, fragments;
};

// Function words of the other language inside a sentence of this one:
// "Die Regierung hat die power of decision" (English "of" between non-name words).
void ForeignFragments(const Lexicons& lex, std::string_view text, std::string_view language,
                      MtEvidence* ev) {
  const std::string_view other = language == "de" ? "en" : language == "en" ? "de" : "";
  if (other.empty()) return;
  const auto foreign_it = lex.function_words.find(std::string(other));
  const auto native_it = lex.function_words.find(std::string(language));
  if (foreign_it == lex.function_words.end() || native_it == lex.function_words.end()) return;
  const auto& foreign = foreign_it->second;
  const auto& native = native_it->second;
  struct Word {
    std::string_view text;
    size_t pos;
    bool quoted;
  };
  std::vector<Word> words;
  std::string fold;
  ForEachWordWithQuotes(text, [&](std::string_view w, size_t pos, bool quoted) {
    words.push_back({w, pos, quoted});
  });
  // Sentence by sentence: count native function words to be sure the
  // sentence is in the article's language.
  size_t s_begin = 0;
  for (size_t i = 0; i <= words.size(); ++i) {
    const bool end = i == words.size() ||
                     (i > s_begin && text.substr(words[i - 1].pos + words[i - 1].text.size(),
                                                 words[i].pos - words[i - 1].pos -
                                                     words[i - 1].text.size())
                                             .find_first_of(".!?\n") != std::string_view::npos);
    if (!end) continue;
    size_t native_count = 0, foreign_count = 0;
    for (size_t k = s_begin; k < i; ++k) {
      if (words[k].text.size() > 7) continue;  // function words are short
      FoldInto(words[k].text, &fold);
      native_count += native.count(fold);
      foreign_count += foreign.count(fold);
    }
    if (native_count >= 2 && foreign_count >= 1 && foreign_count <= 2) {
      for (size_t k = s_begin; k < i && ev->foreign.size() < 6; ++k) {
        const Word& w = words[k];
        if (w.quoted || IsCapitalised(w.text) || !foreign.count(Fold(w.text))) continue;
        // Not inside a name ("Bank of America"): a neighbour is lower case.
        const bool prev_lower = k > s_begin && !IsCapitalised(words[k - 1].text);
        const bool next_lower = k + 1 < i && !IsCapitalised(words[k + 1].text) &&
                                !native.count(Fold(words[k + 1].text));
        if (!prev_lower && !next_lower) continue;
        const size_t from = words[k > s_begin ? k - 1 : k].pos;
        const Word& to = words[k + 1 < i ? k + 1 : k];
        ev->foreign.push_back(
            "English-German mix " +
            Quote(text.substr(from, to.pos + to.text.size() - from)));
      }
    }
    s_begin = i;
  }
}

// One name in two romanisations: "Selenskyj" and "Zelensky".
void MixedSpellings(std::string_view text, MtEvidence* ev) {
  std::unordered_map<std::string, std::vector<std::string_view>> by_key;
  std::string folded, key;
  ForEachWord(text, [&](std::string_view w, size_t) {
    if (w.size() < kMinVariantBytes || !IsCapitalised(w) || w.find('-') != w.npos) return;
    bool all_caps = true;
    for (char c : w) all_caps &= !(c >= 'a' && c <= 'z');
    if (all_caps) return;
    util::RomanisationKey(w, &folded, &key);
    std::vector<std::string_view>& forms = by_key[key];
    if (std::find(forms.begin(), forms.end(), w) == forms.end()) forms.push_back(w);
  });
  std::vector<std::string> found;
  for (auto& entry : by_key) {
    std::vector<std::string_view>& forms = entry.second;
    if (forms.size() < 2) continue;
    std::sort(forms.begin(), forms.end());
    std::string list;
    for (std::string_view f : forms) list += (list.empty() ? "'" : " / '") + std::string(f) + "'";
    found.push_back("one name in several spellings " + list);
  }
  std::sort(found.begin(), found.end());  // deterministic order
  for (std::string& f : found) ev->variants.push_back(std::move(f));
}

// Broken sentences: a space before a full stop, a lone lower-case fragment
// (" . schneiden.").
void BrokenFragments(std::string_view text, MtEvidence* ev) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == ',') && text[i - 1] == ' ' && text[i + 1] == ' ' &&
        i >= 2 && IsWordByte(text[i - 2])) {
      // A window around the mark, cut at character boundaries of the text.
      const size_t from = util::NextCharBoundary(text, i >= 30 ? i - 30 : 0);
      const size_t to = util::NextCharBoundary(text, std::min(text.size(), i + 13));
      ev->fragments.push_back("space before punctuation " + Quote(text.substr(from, to - from)));
    }
  }
  // Sentence of one or two lower-case words ending in a full stop.
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
    const std::string_view sentence = util::Trim(text.substr(start, i - start));
    start = i + 1;
    if (sentence.empty()) continue;
    const size_t words = CountWords(sentence);
    if (words >= 1 && words <= 2 && sentence[0] >= 'a' && sentence[0] <= 'z' &&
        !HasDigit(sentence) && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      // Abbreviations ("z. B.", "u. a.") are short lower-case tokens.
      if (sentence.size() <= 3) continue;
      ev->fragments.push_back("sentence fragment " + Quote(sentence, 40));
    }
  }
}

void DetectMachineTranslation(const Lexicons& lex, Article& a) {
  if (a.language != "de" && a.language != "en") return;
  MtEvidence ev;
  ForeignFragments(lex, a.text, a.language, &ev);
  MixedSpellings(a.text, &ev);
  BrokenFragments(a.text, &ev);
  const size_t score = std::min(ev.foreign.size(), size_t{3}) + ev.variants.size() +
                       std::min(ev.fragments.size(), size_t{1});  // typos alone do not count
  if (score < 2) return;
  for (auto* list : {&ev.foreign, &ev.variants, &ev.fragments}) {
    for (size_t i = 0; i < list->size() && i < kMaxEvidencePerSignal; ++i) {
      AddFlag(a, "machine-translated", (*list)[i]);
    }
  }
}

// ---- spinning ---------------------------------------------------------------

// A code point that cannot be part of a word: ASCII other than letters,
// Latin-1 and general punctuation (quotes, dashes, ellipsis), CJK marks.
bool IsEdgePunctuation(char32_t cp) {
  if (cp < 0x80) return !util::IsAsciiAlpha(static_cast<char>(cp));
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) || cp == util::kInvalid;
}

std::string_view TrimWordEdges(std::string_view w) {
  while (!w.empty()) {
    size_t len = 0;
    if (!IsEdgePunctuation(util::DecodeUtf8(w, 0, &len))) break;
    w.remove_prefix(std::max<size_t>(len, 1));
  }
  while (!w.empty()) {
    const size_t at = util::PrevCharBoundary(w, w.size());
    size_t len = 0;
    if (!IsEdgePunctuation(util::DecodeUtf8(w, at, &len))) break;
    w.remove_suffix(w.size() - at);
  }
  return w;
}

// Spinning: a text spinner swaps words for thesaurus synonyms, which turns
// fixed expressions into "tortured phrases" ("joined nations" for "United
// Nations") that edited text does not contain
// (data/quality/spin_variants.tsv). Two different ones set the flag.
void DetectSpinning(const Lexicons& lex, Article& a) {
  if (lex.spin_variants.empty()) return;
  const std::string_view text = a.text;
  // Words, and the first words of a variant among them (by the bit filter).
  std::vector<std::string_view> words;
  std::vector<size_t> candidates;
  words.reserve(text.size() / 6);
  ForEachWord(text, [&](std::string_view w, size_t) {
    const bool plain = util::IsAsciiAlpha(w.front()) && util::IsAsciiAlpha(w.back());
    const std::string_view t = plain ? w : TrimWordEdges(w);
    if (t.empty()) return;
    const size_t bit = SpinBit(t);
    if (lex.spin_first_bits[bit / 64] >> (bit % 64) & 1) candidates.push_back(words.size());
    words.push_back(t);
  });
  // A phrase does not run over a sentence end, a colon or a line break.
  auto joined = [&](size_t j) {
    const char* from = words[j - 1].data() + words[j - 1].size();
    return std::string_view(from, static_cast<size_t>(words[j].data() - from))
               .find_first_of(".!?;:\n()") == std::string_view::npos;
  };
  std::vector<std::string> found;  // evidence, one per expression
  std::vector<std::string_view> expressions;
  std::string key, word;
  for (size_t i : candidates) {
    if (i + 1 >= words.size() || expressions.size() >= kMaxEvidencePerSignal) break;
    if (!joined(i + 1)) continue;
    FoldInto(words[i], &key);
    if (!lex.spin_firsts.contains(key)) continue;
    FoldInto(words[i + 1], &word);
    key += ' ';
    key += word;
    if (!lex.spin_heads.contains(key)) continue;
    for (size_t n = 2; n <= lex.spin_max_words && i + n <= words.size(); ++n) {
      if (n > 2) {
        if (!joined(i + n - 1)) break;
        FoldInto(words[i + n - 1], &word);
        key += ' ';
        key += word;
      }
      const auto it = lex.spin_variants.find(key);
      if (it == lex.spin_variants.end()) continue;
      if (std::find(expressions.begin(), expressions.end(), it->second) != expressions.end()) break;
      expressions.push_back(it->second);
      const char* from = words[i].data();
      const char* to = words[i + n - 1].data() + words[i + n - 1].size();
      found.push_back(Quote(std::string_view(from, static_cast<size_t>(to - from))) + " for '" +
                      it->second + "'");
      break;
    }
  }
  if (found.size() < kMinSpinPhrases) return;
  for (std::string& e : found) AddFlag(a, "spun", "tortured phrase " + std::move(e));
}

// ---- truncation -------------------------------------------------------------

void DetectTruncation(Article& a) {
  const std::string_view t = util::Trim(a.text);
  if (t.empty()) return;
  const size_t nl = t.rfind('\n');
  const std::string_view last = nl == std::string_view::npos ? t : t.substr(nl + 1);
  const bool ellipsis = last.ends_with("…") || last.ends_with("...");
  const bool open_end = !ellipsis && !EndsSentence(last) && CountWords(last) >= 8 &&
                        !last.ends_with(":") && !last.ends_with("“") && !last.ends_with("”") &&
                        !last.ends_with("\"") && !last.ends_with("«") && !last.ends_with("»");
  if (!ellipsis && !open_end) return;
  const size_t keep = std::min<size_t>(last.size(), 40);
  const size_t from = util::NextCharBoundary(last, last.size() - keep);
  AddFlag(a, "truncated", std::string(ellipsis ? "text ends with an ellipsis " : "text ends mid-sentence ") +
                              Quote(last.substr(from)));
}

}  // namespace

void AssessSource(Article& a) {
  const Lexicons& lex = GetLexicons();
  std::string outlet_evidence;
  IdentifyOutlet(lex, a, &outlet_evidence);
  DetectAgencyCopy(lex, a);
  if (EditoriallyControlled(a.outlet_info.state)) {
    AddFlag(a, "state-affiliated", "outlet " + Quote(a.outlet_info.name) + " (" +
                                       a.outlet_info.country + ", State Media Monitor typology " +
                                       a.outlet_info.state + ") from " + outlet_evidence);
  }
  if (!a.agency.empty()) {
    const long o = FindOutletByAlias(lex, a.agency);
    if (o >= 0 && EditoriallyControlled(lex.outlets[static_cast<size_t>(o)].state)) {
      AddFlag(a, "state-affiliated", "copy of agency " + Quote(a.agency) +
                                         " (State Media Monitor typology " +
                                         lex.outlets[static_cast<size_t>(o)].state + ")");
    }
  }
  DetectMachineTranslation(lex, a);
  DetectSpinning(lex, a);
  if (std::find(a.flags.begin(), a.flags.end(), "truncated") == a.flags.end()) DetectTruncation(a);
}

std::string CleanResources() {
  return "lagebild cue lexicons (data/clean, data/quality); outlet table (data/outlets) with the "
         "State Media Matrix (ASD at GMF, MIT licence)";
}

}  // namespace lagebild::clean
