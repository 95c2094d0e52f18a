// FindQuotes (quotes.h): direct quotes by their quotation marks, indirect
// speech by its cue, and the speaker of each.
#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quotes/lexicon.h"
#include "quotes/quotes.h"
#include "util/fold.h"
#include "util/sentences.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::quotes {
namespace {

// A report noun ("Angaben", "Meldungen") or a compound ending in one
// ("Armeeangaben", "Zeitungsmeldungen").
bool IsReportNoun(const Lexicon& lex, const std::string& low) {
  if (lex.report_nouns.contains(low)) return true;
  for (size_t cut = 4; cut + 5 <= low.size(); ++cut) {
    if (lex.report_nouns.contains(low.substr(cut))) return true;
  }
  return false;
}

// A direct quote is at most this long (a longer span is no quote).
constexpr size_t kMaxQuoteBytes = 4000;
// Reported speech continues in a Konjunktiv I sentence this close after it.
constexpr size_t kContinuationBytes = 300;
// "…, teilte der USGS in Denver mit.": at most this many
// words after a cue that closes a sentence.
constexpr size_t kCueTailWords = 6;

struct Word {
  uint32_t start = 0, end = 0;
  std::string low;
  bool cap = false;
};

// A letter, digit or hyphen of a word: ASCII letters and digits, and every
// code point from U+00C0 on outside the punctuation and symbol blocks.
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    return util::IsAsciiAlpha(c) || util::IsAsciiDigit(c) || c == '-';
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == util::kInvalid) return false;
  return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFE00 && cp <= 0xFFFF);
}

char32_t CharAt(std::string_view text, size_t i, size_t* len) {
  const char32_t cp = util::DecodeUtf8(text, i, len);
  if (*len == 0) *len = 1;
  return cp;
}

bool IsWordByteAt(std::string_view text, size_t i) {
  size_t len = 0;
  return i < text.size() && IsWordChar(CharAt(text, i, &len));
}

// Words of text[from, to): runs of word characters, whole code points.
// A name or noun phrase of capitalised words from words[from], with
// "des", "der", "von", "und" between them ("Bau- und
// Transportministerium", "das Komitee des Parlaments"), before
// words[limit]: one past its last capitalised word (`from` when words[from]
// is not capitalised).
size_t CapitalisedRunEnd(const std::vector<Word>& words, size_t from, size_t limit) {
  size_t end = from;
  for (size_t j = from; j < limit && j < words.size(); ++j) {
    const std::string& w = words[j].low;
    if (words[j].cap) {
      end = j + 1;
    } else if (j == from || !(w == "des" || w == "der" || w == "von" || w == "und")) {
      break;
    }
  }
  return end;
}

// Whether `w` is one of `list`.
template <size_t N>
bool OneOf(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// German prepositions that open a phrase of place, source or reason ("in
// der Mitteilung", "von dem", "nach Angaben").
constexpr std::string_view kPrepositions[] = {"in",  "nach", "laut", "gemäß", "aus",   "mit",
                                              "von", "bei",  "vor",  "seit",  "trotz", "wegen",
                                              "über", "unter", "auf", "an",   "für",   "gegen",
                                              "ohne", "durch", "im",  "am",   "beim",  "vom"};

// A lower-case word that can stand in a noun phrase before its noun:
// "zentrale", "deutschen", "isländische".
bool IsAttributeForm(const std::string& w) {
  return w.size() > 2 && (w.ends_with("e") || w.ends_with("en") || w.ends_with("er") || w.ends_with("es"));
}

// A word that joins the parts of a noun phrase: "des Ministeriums", "von
// der Staatsanwaltschaft", "Bund und Länder".
bool IsNounPhraseLink(const std::string& w) {
  return w == "des" || w == "der" || w == "von" || w == "vom" || w == "dem" || w == "und";
}

// The auxiliary of a perfect tense ("…, hatte Obama gesagt").
bool IsAuxiliary(const std::string& w) {
  return w == "hatte" || w == "hat" || w == "hatten" || w == "haben";
}

std::vector<Word> WordsIn(std::string_view text, size_t from, size_t to) {
  std::vector<Word> out;
  size_t i = from;
  while (i < to) {
    size_t len = 0;
    const char32_t cp = CharAt(text, i, &len);
    if (!IsWordChar(cp) || cp == '-') {
      i += len;
      continue;
    }
    size_t j = i;
    while (j < to) {
      size_t l = 0;
      if (!IsWordChar(CharAt(text, j, &l))) break;
      j += l;
    }
    j = std::min(j, to);
    Word w;
    w.start = static_cast<uint32_t>(i);
    w.end = static_cast<uint32_t>(j);
    w.low = util::Fold(text.substr(i, j - i));
    w.cap = (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

// Quotation marks: the closers of an opener at text[i], or empty.
struct Mark {
  size_t len = 0;
  std::vector<std::string_view> closers;
  bool symmetric = false;  // the same character opens and closes
};

Mark OpenerAt(std::string_view text, size_t i) {
  // Every mark starts with '"' or the lead byte 0xE2 („“”‚) or 0xC2 (»«).
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  if (lead != '"' && lead != 0xE2 && lead != 0xC2) return {};
  auto is = [&](std::string_view m) { return text.substr(i, m.size()) == m; };
  if (is("\u201E")) return {3, {"\u201C", "\u201D"}, false};  // „ … “ / ”
  if (is("\u201C")) return {3, {"\u201D", "\u201C"}, false};  // “ … ” (or “ … “)
  if (is("\u201D")) return {3, {"\u201D"}, true};             // ” … ”
  if (is("\u00BB")) return {2, {"\u00AB"}, false};            // » … «
  if (is("\u00AB")) return {2, {"\u00BB"}, false};            // « … »
  if (is("\u201A")) return {3, {"\u2018", "\u2019"}, false};  // ‚ … ‘
  if (text[i] == '"') return {1, {"\""}, true};
  return {};
}

bool IsSpaceOrOpen(char c) {
  return util::IsAsciiSpace(c) || c == '(' || c == '[' || c == ':' || c == '-';
}

struct Span {
  size_t start = 0, end = 0;
};

// The entity mention (PER or ORG, or any when `any`) that starts inside
// [from, to), first or last.
// `ms` sorted by start.
const EntityMention* MentionIn(const std::vector<EntityMention>& ms, size_t from, size_t to,
                               bool last, bool any = false) {
  const EntityMention* best = nullptr;
  const auto begin = std::lower_bound(ms.begin(), ms.end(), from,
                                      [](const EntityMention& m, size_t at) { return m.start < at; });
  for (auto it = begin; it != ms.end() && it->start < to; ++it) {
    const EntityMention& m = *it;
    if (!any && m.type != "PER" && m.type != "ORG") continue;
    if (best == nullptr || (last ? m.start > best->start : m.start < best->start)) best = &m;
  }
  return best;
}

struct Speaker {
  std::string text;
  uint32_t start = 0, end = 0;
  bool found = false;
  uint32_t ref_start = 0, ref_end = 0;  // a pronoun's antecedent
};

Speaker SpeakerOf(const Quote& q) {
  return {q.speaker_text, q.speaker_start, q.speaker_end, !q.speaker_text.empty(), q.referent_start,
          q.referent_end};
}

void SetSpeaker(const Speaker& sp, Quote* q) {
  if (!sp.found) return;
  q->speaker_text = sp.text;
  q->speaker_start = sp.start;
  q->speaker_end = sp.end;
  q->referent_start = sp.ref_start;
  q->referent_end = sp.ref_end;
}

}  // namespace

bool HasQuoteLexicon(std::string_view language) { return GetLexicon(language) != nullptr; }

std::vector<std::string> QuoteLexiconProblems() {
  std::vector<std::string> out;
  for (const char* l : {"de", "en"}) {
    for (const std::string& p : GetLexicon(l)->problems) out.push_back(p);
  }
  return out;
}

std::vector<Quote> FindQuotes(std::string_view text, std::string_view language,
                              const std::vector<EntityMention>& given_entities) {
  std::vector<Quote> out;
  const Lexicon* lexp = GetLexicon(language);
  if (lexp == nullptr || text.empty()) return out;
  // The mentions in text order, for finding those in a span by bisection.
  const auto by_start = [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; };
  std::vector<EntityMention> sorted;
  if (!std::is_sorted(given_entities.begin(), given_entities.end(), by_start)) {
    sorted = given_entities;
    std::stable_sort(sorted.begin(), sorted.end(), by_start);
  }
  const std::vector<EntityMention>& entities = sorted.empty() ? given_entities : sorted;
  const Lexicon& lex = *lexp;
  const bool german = language == "de";
  // Sentences (util/sentences.h), and the one at a byte position (the next
  // one when pos falls between two).
  std::vector<Span> sentences;
  for (const util::SentenceSpan& x : util::SplitSentences(text)) sentences.push_back({x.start, x.end});
  auto sentence_at = [&](size_t pos) -> Span {
    const auto it = std::lower_bound(sentences.begin(), sentences.end(), pos,
                                     [](const Span& x, size_t p) { return x.end <= p; });
    return it == sentences.end() ? Span{pos, pos} : *it;
  };
  // An indirect quote of text[from, to) (a final full stop and white space
  // left out) with its cue and speaker; false when nothing is left.
  auto add_indirect = [&](size_t from, size_t to, std::string cue, const Speaker& sp) {
    while (to > from && (text[to - 1] == '.' || util::IsAsciiSpace(text[to - 1]))) --to;
    if (to <= from) return false;
    Quote q;
    q.type = "indirect";
    q.start = static_cast<uint32_t>(from);
    q.end = static_cast<uint32_t>(to);
    q.text = std::string(text.substr(from, to - from));
    q.cue = std::move(cue);
    SetSpeaker(sp, &q);
    out.push_back(std::move(q));
    return true;
  };

  // out[0, direct_count) are the direct quotes, in text order (all of
  // `out` while they are being found); indirect ones follow, sentence by
  // sentence.
  size_t direct_count = std::numeric_limits<size_t>::max();
  // The quote with a speaker that starts last before `pos`, or nullptr.
  auto speaker_before = [&](size_t pos) -> const Quote* {
    const size_t n = std::min(direct_count, out.size());
    const Quote* best = nullptr;
    for (auto it = std::lower_bound(out.begin(), out.begin() + long(n), pos,
                                    [](const Quote& q, size_t at) { return q.start < at; });
         it != out.begin();) {
      --it;
      if (!it->speaker_text.empty()) {
        best = &*it;
        break;
      }
    }
    for (size_t j = out.size(); j > n; --j) {
      const Quote& q = out[j - 1];
      if (q.start >= pos || q.speaker_text.empty()) continue;
      if (best == nullptr || q.start > best->start) best = &q;
      break;
    }
    return best;
  };

  // A speaker as an entity mention, a pronoun (resolved) or a short noun
  // phrase ("ein Sprecher des Ministeriums", "the minister") starting at
  // words[k].
  auto speaker_at = [&](const std::vector<Word>& words, size_t k, size_t limit,
                        bool after_cue = false) -> Speaker {
    Speaker s;
    // Nothing at or past the limit: after a cue and its comma comes the
    // message ("geschrieben, er wolle …"), not the speaker.
    if (k >= words.size() || words[k].start >= limit) return s;
    // A name within the next three words ("sagte Ministerin Anna Berg").
    static const std::string_view kDets[] = {"der", "die", "ein", "eine", "the", "a", "an"};
    const bool det = OneOf(kDets, words[k].low);
    const size_t reach =
        std::min<size_t>(limit, words[std::min(k + (det ? 5 : 2), words.size() - 1)].end + 1);
    // Right after a cue any name is the speaker ("sagte Bürgermeisterin
    // Oldenburg", whatever type the tagger gave it); elsewhere a person or
    // an organisation.
    if (const EntityMention* m = MentionIn(entities, words[k].start, reach, false, after_cue)) {
      s = {m->text, m->start, m->end, true};
      return s;
    }
    if (lex.pronouns.contains(words[k].low)) {
      // The speaker of the nearest quote before, else the nearest person.
      const Quote* prev = speaker_before(words[k].start);
      const EntityMention* m = nullptr;
      for (auto it = std::lower_bound(entities.begin(), entities.end(), words[k].start,
                                      [](const EntityMention& e, size_t at) { return e.start < at; });
           it != entities.begin();) {
        --it;
        if (it->type == "PER" && it->end <= words[k].start) {
          m = &*it;
          break;
        }
      }
      // The span is the pronoun's; the antecedent is kept for linking.
      if (prev != nullptr && (m == nullptr || prev->speaker_start >= m->start || prev->end > m->start)) {
        const bool chained = prev->referent_end > prev->referent_start;
        s = {prev->speaker_text, words[k].start, words[k].end, true,
             chained ? prev->referent_start : prev->speaker_start,
             chained ? prev->referent_end : prev->speaker_end};
      } else if (m != nullptr) {
        s = {m->text, words[k].start, words[k].end, true, m->start, m->end};
      } else {
        // No one to resolve it to: the pronoun itself.
        s = {std::string(text.substr(words[k].start, words[k].end - words[k].start)), words[k].start,
             words[k].end, true};
      }
      return s;
    }
    if (det) {
      size_t j = k + 1, nouns = 0;
      while (j < words.size() && j < k + 5 && words[j].start < limit) {
        if (german ? words[j].cap : !lex.stop.contains(words[j].low)) ++nouns;
        ++j;
        if (nouns >= 1 && (j >= words.size() || !(words[j].low == "des" || words[j].low == "der" ||
                                                    words[j].low == "of" || words[j].cap))) {
          break;
        }
      }
      if (nouns > 0) {
        s = {std::string(text.substr(words[k].start, words[j - 1].end - words[k].start)),
             words[k].start, words[j - 1].end, true};
      }
    }
    return s;
  };

  // The subject opening a sentence before its cue at words[k]:
  // capitalised words, with "des", "der", "von", "und" between them, after
  // an optional "Das" / "Diese" ("Experten schätzen", "Das Bau- und
  // Transportministerium hat entschieden", "Frankreich hat sich bereit
  // erklärt"), followed by at most three small words; or a lone "Diese".
  auto opening_subject = [&](const std::vector<Word>& words, size_t k) -> Speaker {
    if (!german || k == 0 || k > 7) return {};
    const std::string& w0 = words[0].low;
    const bool demonstrative = w0 == "diese" || w0 == "dieser" || w0 == "dieses";
    if (demonstrative && k == 1) {
      return {std::string(text.substr(words[0].start, words[0].end - words[0].start)), words[0].start,
              words[0].end, true};
    }
    const size_t first = (w0 == "das" || demonstrative) ? 1 : 0;
    // The expletive "es" opening the sentence is no subject ("Es bleibt
    // die Erwartung, …").
    if (first < k && words[first].low == "es") return {};
    const size_t end = CapitalisedRunEnd(words, first, k);
    if (end == first || k - end > 3) return {};
    for (size_t x = end; x < k; ++x) {
      if (words[x].cap) return {};
    }
    return {std::string(text.substr(words[0].start, words[end - 1].end - words[0].start)),
            words[0].start, words[end - 1].end, true};
  };

  // A noun phrase in first place with the cue at words[k] right after it
  // is the cue's subject (the finite verb stands second): "Die Polizisten
  // forderten die Schüler auf, …", "Das isländische Fischereiministerium
  // legte fest, …", "Der Minister Rainer Brüderle (FDP) warf den USA vor,
  // …". A determiner that can open a subject, then lower-case attributes,
  // capitalised words, genitives ("des Ministeriums"), "von der …", words
  // in brackets; at least one capitalised word after the determiner.
  auto first_place_subject = [&](const std::vector<Word>& words, size_t k) -> Speaker {
    static const std::string_view kOpeners[] = {"der",   "die",   "das",  "ein",   "eine",
                                                "diese", "dieser", "jene", "seine", "ihre",
                                                "sein",  "ihr",   "unser", "unsere"};
    if (!german || k < 2 || k > 12 ||
        !OneOf(kOpeners, words[0].low)) {
      return {};
    }
    bool noun = false, bracket = false;
    bool open = true;  // after the determiner, a linking word or an attribute
    for (size_t j = 1; j < k; ++j) {
      const Word& w = words[j];
      if (text[w.start - 1] == '(') bracket = true;
      const bool in_bracket = bracket;
      if (text[w.end] == ')') bracket = false;
      if (in_bracket) continue;
      if (w.cap) {
        noun = true;
        open = false;
        continue;
      }
      if ((IsNounPhraseLink(w.low) && noun && !open) || (IsAttributeForm(w.low) && open && j + 1 < k)) {
        open = true;
        continue;
      }
      return {};
    }
    if (!noun || bracket) return {};
    uint32_t end = words[k - 1].end;
    if (end < text.size() && text[end] == ')') ++end;
    return {std::string(text.substr(words[0].start, end - words[0].start)), words[0].start, end, true};
  };

  // The subject of a subordinate clause that ends with the cue at
  // words[k] (the verb stands last, an auxiliary may follow it): the
  // clause opens after a comma or at the sentence's start with a
  // conjunction ("da", "weil", "nachdem", …) or a relative pronoun, maybe
  // after a preposition ("bei dem", "von dem"); the subject comes next.
  auto subordinate_subject = [&](const std::vector<Word>& words, size_t k) -> Speaker {
    static const std::string_view kConjunctions[] = {"da",   "weil", "als", "nachdem", "obwohl",
                                                     "während", "wenn", "wo", "indem"};
    static const std::string_view kRelatives[] = {"der", "die", "das", "dem", "den", "denen", "welche"};
    size_t open = 0;  // the clause's first word
    for (size_t j = k; j > 0; --j) {
      if (text.substr(words[j - 1].end, words[j].start - words[j - 1].end).find(',') !=
          std::string_view::npos) {
        open = j;
        break;
      }
    }
    size_t subject = open;
    if (OneOf(kConjunctions, words[open].low)) {
      subject = open + 1;
    } else if (open > 0 && OneOf(kRelatives, words[open].low)) {
      subject = open + 1;
    } else if (open > 0 && open + 1 < k && OneOf(kPrepositions, words[open].low) &&
               OneOf(kRelatives, words[open + 1].low)) {
      subject = open + 2;
    } else {
      return {};
    }
    if (subject >= k) return {};
    return speaker_at(words, subject, words[k].start);
  };

  // Direct quotes.
  std::vector<Span> direct;
  for (size_t i = 0; i < text.size();) {
    const Mark mark = OpenerAt(text, i);
    if (mark.len == 0 || (mark.symmetric && i > 0 && !IsSpaceOrOpen(text[i - 1]))) {
      ++i;
      continue;
    }
    const size_t qs = i + mark.len;
    size_t close = std::string_view::npos, close_len = 0;
    // Closers are looked for only as far as a quote can reach: a text of
    // openers without closers is read once per opener, not to its end.
    const std::string_view reach = text.substr(0, std::min(text.size(), qs + kMaxQuoteBytes + 4));
    for (std::string_view c : mark.closers) {
      for (size_t at = reach.find(c, qs); at != std::string_view::npos; at = reach.find(c, at + 1)) {
        // A symmetric mark closes before a space, punctuation or the end.
        if (mark.symmetric && IsWordByteAt(text, at + c.size())) {
          continue;
        }
        if (at < close) {
          close = at;
          close_len = c.size();
        }
        break;
      }
    }
    if (close == std::string_view::npos || close - qs > kMaxQuoteBytes || close == qs ||
        text.substr(qs, close - qs).find("\n\n") != std::string_view::npos) {
      i = qs;
      continue;
    }
    const size_t ms = i, me = close + close_len;
    i = me;
    Quote q;
    q.type = "direct";
    q.start = static_cast<uint32_t>(qs);
    q.end = static_cast<uint32_t>(close);
    // Trim white space inside the marks.
    while (q.start < q.end && util::IsAsciiSpace(text[q.start])) ++q.start;
    while (q.end > q.start && util::IsAsciiSpace(text[q.end - 1])) --q.end;
    if (q.start >= q.end) continue;
    q.text = std::string(text.substr(q.start, q.end - q.start));
    const size_t n_words = WordsIn(text, q.start, q.end).size();
    // After the quote: ", sagte X" / ", so X" / ", X said" / "said X".
    Speaker sp;
    {
      const Span sent = sentence_at(me);
      const size_t limit = std::max(sent.end, me);
      const std::vector<Word> after = WordsIn(text, me, std::min(limit, me + 200));
      // The words must follow on the quote's line or after a comma: after
      // a line break a new sentence starts, and its cue is its own.
      const std::string_view gap =
          after.empty() ? std::string_view() : text.substr(me, after[0].start - me);
      // And a comma must part them („…“, sagte X) unless the quote ends in
      // one or in ! or ? ("…," X said; „…?“ fragte X): a name in quotation
      // marks before a verb („Channel 10“ berichtete) is no quote.
      const char inner = q.end > q.start ? text[q.end - 1] : ' ';
      const bool parted = gap.find(',') != std::string_view::npos || inner == ',' || inner == '!' ||
                          inner == '?';
      if (!after.empty() && after[0].start <= me + 3 && parted &&
          (gap.find('\n') == std::string_view::npos || gap.find(',') != std::string_view::npos)) {
        if (after.size() >= 3 && after[0].low == "so" && lex.cues.contains(after[1].low)) {
          // "„…“, so charakterisierte ihn der Funktionär X.": the speaker
          // after the cue and an object pronoun.
          q.cue = after[1].low;
          const bool object = after[2].low == "ihn" || after[2].low == "sie" || after[2].low == "es" ||
                              after[2].low == "ihm" || after[2].low == "ihr";
          sp = speaker_at(after, object ? 3 : 2, limit, true);
        } else if (lex.cues.contains(after[0].low)) {
          q.cue = after[0].low;
          sp = speaker_at(after, 1, limit, true);
          // "„…“, so Kondé.": capitalised words closing the sentence.
          if (!sp.found && german && after.size() >= 2 && after.size() <= 4) {
            const size_t end = CapitalisedRunEnd(after, 1, after.size());
            if (end == after.size()) {
              sp = {std::string(text.substr(after[1].start, after.back().end - after[1].start)),
                    after[1].start, after.back().end, true};
            }
          }
        } else if (after.size() > 2 && IsAuxiliary(after[0].low)) {
          // "„…“, hatte VW-Chef Winterkorn in einem Interview erklärt.": the
          // speaker after the auxiliary, the cue a participle further on.
          for (size_t k = 2; k < after.size() && k < 14; ++k) {
            if (lex.cues.contains(after[k].low)) {
              q.cue = after[k].low;
              sp = speaker_at(after, 1, after[k].start, true);
              break;
            }
          }
        } else if (after.size() > 1) {
          // "…," X said / "…", Berg sagte
          for (size_t k = 1; k < after.size() && k < 5; ++k) {
            if (lex.cues.contains(after[k].low)) {
              q.cue = after[k].low;
              sp = speaker_at(after, 0, after[k].start);
              break;
            }
          }
        }
      }
    }
    // Before the quote: "Berg sagte: „…“", "Berg: „…“", "sagte er: „…“".
    if (!sp.found) {
      size_t b = ms;
      while (b > 0 && util::IsAsciiSpace(text[b - 1])) --b;
      if (b > 0 && (text[b - 1] == ':' || text[b - 1] == ',')) {
        const Span sent = sentence_at(b - 1);
        const std::vector<Word> before = WordsIn(text, sent.start, b - 1);
        size_t cue_at = before.size();
        for (size_t k = before.size(); k-- > 0;) {
          if (lex.cues.contains(before[k].low)) {
            cue_at = k;
            break;
          }
        }
        if (cue_at < before.size()) {
          q.cue = before[cue_at].low;
          const size_t after = cue_at + 1 < before.size() && before[cue_at + 1].low == "sich" ? cue_at + 2 : cue_at + 1;
          // A pronoun or a name right after the cue is its subject, and
          // what stands before it an adverbial ("In einem Interview mit der
          // BBC erklärte er:"); else the subject before the cue, else the
          // speaker after it.
          if (after < before.size() &&
              (lex.pronouns.contains(before[after].low) ||
               MentionIn(entities, before[after].start, before[after].end + 1, false, true) != nullptr)) {
            sp = speaker_at(before, after, b, true);
          }
          if (sp.found) {
          } else if (const EntityMention* m = MentionIn(entities, sent.start, before[cue_at].start, true)) {
            sp = {m->text, m->start, m->end, true};
          } else {
            sp = speaker_at(before, after, b);
          }
          // A pronoun or a noun phrase opening the sentence ("Sie sagte:",
          // "Ein Sprecher des Ministeriums sagte:").
          if (!sp.found && cue_at > 0) sp = speaker_at(before, 0, before[cue_at].start);
          if (!sp.found) sp = opening_subject(before, cue_at);
          // "Medvedev bedankte sich bei seinem Team und sagte:": the
          // subject of the first verb, capitalised words before it.
          if (!sp.found && german && cue_at >= 3 && before[cue_at - 1].low == "und") {
            const size_t end = CapitalisedRunEnd(before, 0, std::min<size_t>(cue_at, 4));
            if (end > 0 && end < cue_at && !before[end].cap && !lex.stop.contains(before[0].low)) {
              sp = {std::string(text.substr(before[0].start, before[end - 1].end - before[0].start)),
                    before[0].start, before[end - 1].end, true};
            }
          }
        } else if (text[b - 1] == ':') {
          // "Berg: „…“": a name right before the colon; "Oldenburg dankte
          // den Helfern: „…“": the person the sentence begins with; "Er
          // fuhr fort: „…“": a pronoun opening a short sentence.
          if (!before.empty() && before.size() <= 4 && lex.pronouns.contains(before[0].low)) {
            sp = speaker_at(before, 0, before[0].end);
          } else if (const EntityMention* m = MentionIn(entities, sent.start, b, true); m != nullptr && m->end + 1 >= b) {
            sp = {m->text, m->start, m->end, true};
          } else if (const EntityMention* f = MentionIn(entities, sent.start, b, false);
                     f != nullptr && f->type == "PER" && !before.empty() && f->start <= before[std::min<size_t>(2, before.size() - 1)].start) {
            sp = {f->text, f->start, f->end, true};
          }
        }
      }
    }
    // Inside a sentence of saying ("X sagte hierzu, sie könne sich
    // vorstellen, dass „…“"): the sentence's speaker. Not for a few words
    // in quotation marks: they stay part of the sentence's reported speech.
    if (!sp.found && q.cue.empty() && n_words >= 5) {
      const Span sent = sentence_at(ms);
      const std::vector<Word> before = WordsIn(text, sent.start, ms);
      for (size_t k = before.size(); k-- > 0;) {
        if (!lex.cues.contains(before[k].low)) continue;
        if (const EntityMention* m = MentionIn(entities, sent.start, before[k].start, true)) {
          sp = {m->text, m->start, m->end, true};
        } else {
          sp = speaker_at(before, k + 1, ms);
          if (!sp.found && k > 0) sp = speaker_at(before, 0, before[k].start);
        }
        if (sp.found) q.cue = before[k].low;
        break;
      }
    }
    // Scare quotes ("Friedenstruppen") are no quotes.
    if (!sp.found && q.cue.empty() && n_words < 5) continue;
    // A quote continued right after the previous one keeps its speaker.
    if (!sp.found && !out.empty() && out.back().type == "direct" && !out.back().speaker_text.empty()) {
      const size_t gap_from = out.back().end;
      if (ms > gap_from && ms - gap_from < 160) sp = SpeakerOf(out.back());
    }
    // Scare quotes ("Friedenstruppen") are no quotes.
    if (!sp.found && q.cue.empty() && n_words < 5) continue;
    SetSpeaker(sp, &q);
    direct.push_back({ms, me});
    out.push_back(std::move(q));
  }


  direct_count = out.size();
  // The quote found so far that ends last at or before `pos` (the direct
  // quotes of the whole text are found first, so the last one added need
  // not be the one before), or nullptr. The direct quotes are in text
  // order; indirect ones follow, sentence by sentence.
  auto last_before = [&](size_t pos) -> const Quote* {
    const auto direct_end = out.begin() + long(direct_count);
    auto it = std::upper_bound(out.begin(), direct_end, pos,
                               [](size_t at, const Quote& q) { return at < q.end; });
    const Quote* best = it == out.begin() ? nullptr : &*(it - 1);
    for (size_t j = out.size(); j > direct_count; --j) {
      if (out[j - 1].end > pos) continue;
      if (best == nullptr || out[j - 1].end > best->end) best = &out[j - 1];
      break;
    }
    return best;
  };

  // Indirect speech, sentence by sentence outside the direct quotes.
  // `direct` is in text order and its spans do not overlap.
  auto in_direct = [&](size_t a, size_t b) {
    const auto it = std::lower_bound(direct.begin(), direct.end(), a,
                                     [](const Span& d, size_t at) { return d.end <= at; });
    return it != direct.end() && it->start < b;
  };
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Span& sent = sentences[si];
    if (sent.end <= sent.start || in_direct(sent.start, sent.end)) continue;
    const std::vector<Word> words = WordsIn(text, sent.start, sent.end);
    const size_t quotes_before = out.size();
    bool found_in_sentence = false;
    // "Dies gab das Nobelkomitee bekannt.", "Das berichtete die
    // Automobilwoche.": the sentence before is the message.
    if (si > 0 && words.size() >= 3 && words.size() <= kCueTailWords + 3 &&
        (words[0].low == "dies" || words[0].low == "das") && lex.cues.contains(words[1].low)) {
      const Span& before = sentences[si - 1];
      bool taken = in_direct(before.start, before.end);
      for (const Quote& q : out) taken |= q.start < before.end && before.start < q.end;
      // The speaker: an article and the capitalised words after it.
      Speaker sp;
      const std::string& article = words[2].low;
      const size_t name_from = article == "der" || article == "die" || article == "das" ||
                                       article == "ein" || article == "eine"
                                   ? 3
                                   : 2;
      const size_t end = CapitalisedRunEnd(words, name_from, words.size());
      if (!taken && end > name_from) {
        sp = {std::string(text.substr(words[2].start, words[end - 1].end - words[2].start)),
              words[2].start, words[end - 1].end, true};
      }
      if (sp.found && WordsIn(text, before.start, before.end).size() >= 4 &&
          add_indirect(before.start, before.end, words[1].low, sp)) {
        continue;
      }
    }
    size_t first_cue = words.size();  // the sentence's first cue, for a reported speech act
    for (size_t k = 0; k < words.size() && !found_in_sentence; ++k) {
      // "… vertritt die Ansicht, dass …": a noun of saying or thinking
      // after its article, not opening the sentence.
      static const std::string_view kNounArticles[] = {"die",   "den",   "der",    "dem",    "zum",
                                                       "zur",   "seine", "ihre",   "seinen", "ihren",
                                                       "seiner", "ihrer", "einen", "eine"};
      // Not after a preposition ("In der Mitteilung heißt es"): then the
      // noun is no object of a verb of its holder.
      const bool noun_cue = german && k >= 2 && words[k].cap && lex.noun_cues.contains(words[k].low) &&
                            OneOf(kNounArticles, words[k - 1].low) && !OneOf(kPrepositions, words[k - 2].low);
      // A separable verb's stem is a cue only with its particle before the
      // comma that ends its clause ("geht davon aus, dass …").
      bool separable = false;
      if (const auto sep = lex.separable.find(words[k].low); !noun_cue && sep != lex.separable.end()) {
        for (size_t j = k + 1; j < words.size() && !separable; ++j) {
          separable = std::find(sep->second.begin(), sep->second.end(), words[j].low) != sep->second.end();
          if (text.substr(words[j].end, j + 1 < words.size() ? words[j + 1].start - words[j].end : 0)
                  .find(',') != std::string_view::npos) {
            break;
          }
        }
      }
      if (!noun_cue && !separable && !lex.cues.contains(words[k].low)) continue;
      // A verb of saying is written small inside a sentence: "rund 260
      // Sprachen" is a noun.
      if (!noun_cue && german && k > 0 && words[k].cap) continue;
      if (!noun_cue && !separable && first_cue == words.size() && !lex.not_reported.contains(words[k].low)) {
        first_cue = k;
      }
      // "…, die Fähre sei abgekommen, sagte ein Sprecher", "Es sei möglich,
      // so Rato, …": the reported clause before the cue.
      if (!noun_cue && k >= 2) {
        size_t c = words[k].start;
        while (c > sent.start && util::IsAsciiSpace(text[c - 1])) --c;
        if (c > sent.start && text[c - 1] == ',') {
          bool subj = false;
          for (size_t j = 0; j < k; ++j) subj |= lex.subjunctive.contains(words[j].low);
          Speaker sp = speaker_at(words, k + 1, sent.end, true);
          // ", so <source>." closing the sentence marks what comes before as
          // reported whatever its mood ("…, so Kreise der Regierung").
          const bool so_tail =
              words[k].low == "so" && words.size() - k - 1 <= 7 && k + 1 < words.size() &&
              (words[k + 1].cap || sp.found || words[k + 1].low == "das" || words[k + 1].low == "der" ||
               words[k + 1].low == "die");
          if (!sp.found && so_tail) {
            sp = {std::string(text.substr(words[k + 1].start, words.back().end - words[k + 1].start)),
                  words[k + 1].start, words.back().end, true};
          }
          // "…, teilte der USGS mit.": a cue and its speaker closing the
          // sentence report what comes before, whatever its mood.
          const bool cue_tail = words.size() - k - 1 <= kCueTailWords && sp.found;
          if ((subj || so_tail || cue_tail) && sp.found &&
              add_indirect(words[0].start, c - 1, words[k].low, sp)) {
            found_in_sentence = true;
            break;
          }
        }
      }
      if (words[k].low == "so") continue;
      // "…, hatte Obama in Moskau gesagt.": the clause before the comma,
      // the speaker after the auxiliary.
      if (!noun_cue && k + 1 == words.size() && k >= 4) {
        size_t j = k;
        while (j > 2 && k - j < 16 && !IsAuxiliary(words[j - 1].low)) --j;
        size_t c = words[j - 1].start;
        while (c > sent.start && util::IsAsciiSpace(text[c - 1])) --c;
        if (j > 2 && j < k && c > sent.start && text[c - 1] == ',') {
          const Speaker sp = speaker_at(words, j, words[k].start, true);
          if (sp.found && add_indirect(words[0].start, c - 1, words[k].low, sp)) {
            found_in_sentence = true;
            break;
          }
        }
      }
      // "…, wie EADS gestern mitteilte.": the clause before the comma, the
      // speaker between "wie" and the cue.
      if (!noun_cue && k >= 3 && words.size() - k - 1 <= 2) {
        size_t w = k;
        while (w > 0 && k - w < 10 && words[w - 1].low != "wie") --w;
        if (w >= 3 && words[w - 1].low == "wie" && w < k) {
          size_t c = words[w - 1].start;
          while (c > sent.start && util::IsAsciiSpace(text[c - 1])) --c;
          if (c > sent.start && text[c - 1] == ',') {
            Speaker sp;
            if (const EntityMention* m = MentionIn(entities, words[w].start, words[k].start, false, true)) {
              sp = {m->text, m->start, m->end, true};
            } else {
              sp = speaker_at(words, w, words[k].start);
            }
            if (sp.found && add_indirect(words[0].start, c - 1, "wie " + words[k].low, sp)) {
              found_in_sentence = true;
              break;
            }
          }
        }
      }
      // "Wie die NASA mitteilte, sind …": the clause after the comma, the
      // speaker between "Wie" and the cue.
      if (!noun_cue && words[0].low == "wie" && k >= 2 && k <= 10) {
        size_t c = words[k].end;
        while (c < sent.end && util::IsAsciiSpace(text[c])) ++c;
        if (c < sent.end && text[c] == ',') {
          const std::vector<Word> clause = WordsIn(text, c + 1, sent.end);
          if (clause.size() >= 3) {
            Speaker sp;
            if (const EntityMention* m = MentionIn(entities, words[1].start, words[k].start, false, true)) {
              sp = {m->text, m->start, m->end, true};
            } else {
              sp = {std::string(text.substr(words[1].start, words[k - 1].end - words[1].start)),
                    words[1].start, words[k - 1].end, true};
            }
            if (add_indirect(clause.front().start, sent.end, words[k].low, sp)) {
              found_in_sentence = true;
              break;
            }
          }
        }
      }
      // The clause after the cue: after the first comma whose clause
      // begins with "dass" or holds a reported-speech verb form in its
      // first eight words; in English "said that …".
      size_t msg_from = std::string_view::npos, comma = std::string_view::npos;
      for (size_t at = words[k].end; at < sent.end && msg_from == std::string_view::npos; ++at) {
        if (text[at] == ':' || text[at] == ';') break;
        if (text[at] != ',') continue;
        const std::vector<Word> clause = WordsIn(text, at + 1, sent.end);
        if (clause.size() < 3) break;
        bool reported = clause[0].low == "dass" || clause[0].low == "daß" || clause[0].low == "that" ||
                        clause[0].low == "ob" || clause[0].low == "whether";
        for (size_t j = 0; j < clause.size() && j < 8 && !reported; ++j) {
          reported |= lex.subjunctive.contains(clause[j].low);
        }
        // "empfahlen, die Unterstützung abzuschalten", "kündigte an, vor
        // Gericht zu ziehen": an infinitive with zu ends the clause.
        if (!reported && german) {
          size_t clause_end = sent.end;
          for (size_t x = at + 1; x < sent.end; ++x) {
            if (text[x] == ',') {
              clause_end = x;
              break;
            }
          }
          const std::vector<Word> part = WordsIn(text, at + 1, clause_end);
          if (part.size() >= 2 && part.size() <= 25) {
            const std::string& last = part.back().low;
            const size_t zu = last.size() > 6 ? last.rfind("zu", last.size() - 4) : std::string::npos;
            reported = part[part.size() - 2].low == "zu" ||
                       (zu != std::string::npos && zu >= 2 && last.ends_with("en"));
          }
        }
        if (reported) {
          msg_from = clause[0].start;
          comma = at;
        }
      }
      if (msg_from == std::string_view::npos && !german && k + 1 < words.size() &&
          words[k + 1].low == "that" && k + 4 < words.size()) {
        msg_from = words[k + 1].start;
      }
      if (msg_from == std::string_view::npos) continue;
      // The speaker: right after the cue ("sagte Berg, er werde"), the
      // subject before it, or the noun phrase the sentence begins with.
      const size_t limit = comma != std::string_view::npos ? comma : msg_from;
      Speaker sp;
      // A subject in first place, right before the cue, is the speaker;
      // what follows the cue is then an object ("Er wirft der EU vor, …",
      // "Der Minister Rainer Brüderle (FDP) warf den USA vor, …").
      if (k == 1 && lex.pronouns.contains(words[0].low)) sp = speaker_at(words, 0, words[k].start);
      // A cue closing a subordinate clause ("…, von dem die Polizei glaubt,
      // …", "Nachdem die Anwältin dem Richter mitgeteilt hatte, …", "…, da
      // sie befürchtete, …"): the subject follows the clause's opening
      // word(s).
      if (!sp.found && german && k >= 2) sp = subordinate_subject(words, k);
      if (!sp.found && k >= 1) {
        const EntityMention* m = MentionIn(entities, sent.start, words[k].start, false);
        if (m != nullptr && m->start <= words[std::min<size_t>(2, k - 1)].start) {
          size_t between = 0;  // words from the mention's end to the cue, brackets left out
          bool bracket = false;
          for (size_t j = 0; j < k; ++j) {
            if (words[j].start < m->end) continue;
            const char before = text[words[j].start - 1];
            if (before == '(') bracket = true;
            if (!bracket) ++between;
            if (text[words[j].end] == ')') bracket = false;
          }
          if (between == 0) sp = {m->text, m->start, m->end, true};
        }
      }
      if (!sp.found) sp = first_place_subject(words, k);
      if (!sp.found) {
        const size_t after = k + 1 < words.size() && words[k + 1].low == "sich" ? k + 2 : k + 1;
        sp = speaker_at(words, after,
                        std::min(limit, static_cast<size_t>(words[std::min(after + 2, words.size() - 1)].end)),
                        true);
      }
      if (!sp.found) {
        if (const EntityMention* m = MentionIn(entities, sent.start, words[k].start, false)) {
          sp = {m->text, m->start, m->end, true};
        }
      }
      if (!sp.found && k > 0 && k <= 6) sp = speaker_at(words, 0, words[k].start);
      if (!sp.found) sp = opening_subject(words, k);
      if (!sp.found && k + 1 < words.size() && words[k + 1].cap && words[k + 1].end <= limit) {
        // "sagte Liwei, dass …": capitalised words between cue and comma.
        size_t j = k + 1;
        while (j + 1 < words.size() && words[j + 1].cap && words[j + 1].end <= limit && j < k + 4) ++j;
        sp = {std::string(text.substr(words[k + 1].start, words[j].end - words[k + 1].start)),
              words[k + 1].start, words[j].end, true};
      }
      // A noun's view is reported only with its holder named.
      if (noun_cue && !sp.found) continue;
      found_in_sentence = add_indirect(msg_from, sent.end, words[k].low, sp);
    }
    // A sentence in Konjunktiv I soon after reported speech (within
    // kContinuationBytes, two or three sentences, in the same paragraph)
    // continues it ("Er sagte, … . Das Projekt mache gute Fortschritte.").
    const Quote* before = last_before(sent.start);
    if (!found_in_sentence && !out.empty() && words.size() >= 3) {
      const bool near = before != nullptr && sent.start - before->end < kContinuationBytes &&
                        text.substr(before->end, sent.start - before->end).find("\n\n") ==
                            std::string_view::npos;
      bool subj1 = false, own_cue = false;
      for (size_t k = 0; k < words.size() && !subj1; ++k) {
        // A verb form, not a noun spelt alike ("die Sitze", "die Folge").
        subj1 = lex.subjunctive1.contains(words[k].low) && (k == 0 || !words[k].cap);
      }
      for (size_t k = 0; subj1 && k < words.size() && !own_cue; ++k) {
        // A sentence with its own impersonal cue ("…, hieß es aus …") is
        // not a continuation.
        const auto it = lex.impersonal.find(words[k].low);
        own_cue = it != lex.impersonal.end() && k + 1 < words.size() && words[k + 1].low == it->second;
        // Nor is one with a source of its own ("ihrer Meinung nach", "laut
        // X", "nach Angaben der Polizei"): the rules below take it.
        own_cue |= words[k].low == "nach" &&
                   ((k > 0 && IsReportNoun(lex, words[k - 1].low)) ||
                    (k + 1 < words.size() && IsReportNoun(lex, words[k + 1].low)) ||
                    (k + 2 < words.size() && IsReportNoun(lex, words[k + 2].low)));
        own_cue |= lex.source_after.contains(words[k].low) ||
                   std::any_of(lex.source_before.begin(), lex.source_before.end(),
                               [&](const std::string& p) { return p == words[k].low; });
      }
      if (near && subj1 && !own_cue && !before->speaker_text.empty() &&
          add_indirect(words.front().start, sent.end, "", SpeakerOf(*before))) {
        continue;
      }
      // Farther on, or with no speaker before, a Konjunktiv I sentence is
      // still reported speech; its source is the subject of the sentence
      // before when that opens with one in the same paragraph ("Die Bochumer
      // Polizei wertet den Brief aus. Der Mann habe darin geschrieben, …"),
      // else not named.
      Speaker sp;
      if (subj1 && !own_cue && si > 0 && german) {
        const Span& prev_sent = sentences[si - 1];
        if (text.substr(prev_sent.end, sent.start - prev_sent.end).find("\n\n") == std::string_view::npos) {
          const std::vector<Word> pw = WordsIn(text, prev_sent.start, prev_sent.end);
          size_t verb = 1;  // the first word that cannot belong to an opening noun phrase
          while (verb < pw.size() && verb < 12 &&
                 (pw[verb].cap || IsNounPhraseLink(pw[verb].low) || IsAttributeForm(pw[verb].low))) {
            ++verb;
          }
          if (!pw.empty() && pw[0].cap) {
            if (const EntityMention* m = MentionIn(entities, pw[0].start, pw[0].end + 1, false);
                m != nullptr && m->start == pw[0].start) {
              sp = {m->text, m->start, m->end, true};
            } else if (lex.pronouns.contains(pw[0].low)) {
              sp = speaker_at(pw, 0, pw[0].end);
            } else if (verb < pw.size()) {
              sp = first_place_subject(pw, verb);
            }
          }
        }
      }
      if (subj1 && !own_cue && add_indirect(words.front().start, sent.end, "", sp)) {
        continue;
      }
    }
    if (found_in_sentence || words.size() < 4) continue;
    // A sentence opened by a reporting adverb ("Demnach wird …"): the rest
    // of it is reported; the source is the one of the speech before, if any.
    if (lex.openers.contains(words.front().low) && words.size() >= 5) {
      Speaker sp;
      if (before != nullptr && sent.start - before->end < 200) sp = SpeakerOf(*before);
      if (add_indirect(words[1].start, sent.end, std::string(text.substr(words[0].start, words[0].end - words[0].start)), sp)) {
        continue;
      }
    }
    // Impersonal report: "In der Mitteilung heißt es, …" (the message after
    // the comma) or "…, hieß es in der Erklärung." (before it).
    {
      bool done = false;
      for (size_t k = 0; k + 1 < words.size() && !done; ++k) {
        const auto it = lex.impersonal.find(words[k].low);
        if (it == lex.impersonal.end() || words[k + 1].low != it->second) continue;
        const size_t after = words[k + 1].end;
        size_t comma = after;
        while (comma < sent.end && util::IsAsciiSpace(text[comma])) ++comma;
        Speaker sp;
        if (comma < sent.end && text[comma] == ',' && k > 0) {
          // The source: "In der Mitteilung", the words before the cue.
          sp = {std::string(text.substr(words.front().start, words[k - 1].end - words.front().start)),
                words.front().start, words[k - 1].end, true};
          size_t b = comma + 1;
          while (b < sent.end && util::IsAsciiSpace(text[b])) ++b;
          done = sent.end > b + 11 &&
                 add_indirect(b, sent.end, std::string(text.substr(words[k].start, after - words[k].start)), sp);
        } else if (k > 0) {
          size_t e = words[k].start;
          while (e > sent.start && (util::IsAsciiSpace(text[e - 1]) || text[e - 1] == ',')) --e;
          if (k + 2 < words.size()) {
            sp = {std::string(text.substr(words[k + 2].start, words.back().end - words[k + 2].start)),
                  words[k + 2].start, words.back().end, true};
          }
          done = e > sent.start + 11 &&
                 add_indirect(sent.start, e, std::string(text.substr(words[k].start, after - words[k].start)), sp);
        }
      }
      if (done) continue;
    }
    // Reported by source: "Laut EU-Kommission wird …", "Nach Angaben des
    // Ministeriums …", "Ersten Angaben zufolge …".
    for (size_t k = 0; k < words.size(); ++k) {
      size_t src_from = 0, src_to = 0, cue_from = 0, cue_to = 0;
      // "nach Polizeiangaben": the source is the compound itself.
      if (words[k].low == "nach" && k + 1 < words.size() && words[k + 1].low.size() > 7 &&
          words[k + 1].low.ends_with("angaben")) {
        src_from = cue_from = words[k].start;
        src_to = cue_to = words[k + 1].end;
      }
      // "nach eigenen Angaben", "Nach den Worten des UN-Berichts", "nach
      // ersten Erkenntnissen": up to two small words and a report noun;
      // the source is the genitive after it ("des UN-Berichts"), else the
      // words after "nach" ("eigenen Angaben").
      if (src_to == 0 && words[k].low == "nach") {
        size_t j = k + 1;
        while (j < words.size() && j <= k + 2 && !words[j].cap) ++j;
        if (j < words.size() && IsReportNoun(lex, words[j].low)) {
          cue_from = words[k].start;
          cue_to = words[j].end;
          src_from = words[k + 1].start;
          src_to = words[j].end;
          size_t e = j + 1;
          if (e + 1 < words.size() && (words[e].low == "des" || words[e].low == "der") &&
              words[e + 1].cap) {
            src_from = words[e].start;
            e += 2;
            while (e < words.size() && e < j + 6 && words[e].cap) ++e;
            src_to = words[e - 1].end;
          }
        }
      }
      // "ihrer Meinung nach", "seiner Ansicht nach": "nach" after the noun.
      if (src_to == 0 && words[k].low == "nach" && k >= 2 && IsReportNoun(lex, words[k - 1].low) &&
          (words[k - 2].low == "ihrer" || words[k - 2].low == "seiner" || words[k - 2].low == "deren" ||
           words[k - 2].low == "dessen" || words[k - 2].low == "unserer" ||
           words[k - 2].low == "meiner")) {
        src_from = cue_from = words[k - 2].start;
        src_to = cue_to = words[k].end;
      }
      for (const std::string& phrase : lex.source_before) {
        if (src_to != 0) break;
        const size_t space = phrase.find(' ');
        const bool two = space != std::string::npos;
        if (words[k].low != (two ? phrase.substr(0, space) : phrase)) continue;
        if (two && (k + 1 >= words.size() || words[k + 1].low != phrase.substr(space + 1))) continue;
        cue_from = words[k].start;
        cue_to = words[two ? k + 1 : k].end;
        // The source: articles, adjectives and capitalised words up to the
        // first small word that is no article ("wird", "hatten").
        size_t j = two ? k + 2 : k + 1;
        const size_t first = j;
        // Up to two small words before the name or noun ("laut einer
        // gemeinsamen Erklärung", "laut vorläufigem Ergebnis").
        size_t lead = j;
        while (lead < words.size() && lead < first + 2 && !words[lead].cap) ++lead;
        if (lead > j && lead < words.size() && words[lead].cap) j = lead;
        while (j < words.size() && j < first + 6 &&
               (words[j].cap || words[j].low == "des" || words[j].low == "der" || words[j].low == "von" ||
                words[j].low == "dem" || words[j].low == "den" || words[j].low == "the" ||
                words[j].low == "of" || (j > first && words[j].cap))) {
          ++j;
        }
        if (j > first) {
          src_from = words[first].start;
          src_to = words[j - 1].end;
        }
        break;
      }
      if (src_to == 0 && k > 0 && lex.source_after.contains(words[k].low)) {
        size_t j = k;
        while (j > 0 && k - j < 4 && (words[j - 1].cap || words[j - 1].low == "den" || words[j - 1].low == "der")) --j;
        if (j < k) {
          src_from = words[j].start;
          src_to = words[k - 1].end;
          cue_from = words[j].start;
          cue_to = words[k].end;
        }
      }
      if (src_to == 0) continue;
      // The message: the sentence, after the source when it opens the
      // sentence ("Laut EU-Kommission wird …").
      size_t b = cue_from == words.front().start ? src_to : words.front().start;
      while (b < sent.end && (util::IsAsciiSpace(text[b]) || text[b] == ',')) ++b;
      if (sent.end <= b + 11) break;
      const Speaker source{std::string(text.substr(src_from, src_to - src_from)),
                           static_cast<uint32_t>(src_from), static_cast<uint32_t>(src_to), true};
      add_indirect(b, sent.end, std::string(text.substr(cue_from, cue_to - cue_from)), source);
      break;
    }
    // Reported speech act without its words ("Die Gewerkschaft forderte
    // eine Entschädigung.", "Clark sagte weitere Hilfe zu."): a verb of
    // saying with its speaker; the message is the sentence.
    // Not a sentence that introduces a quote with a colon, nor a passive
    // ("… wurde von der Armee bestätigt").
    size_t last = sent.end;
    while (last > sent.start && util::IsAsciiSpace(text[last - 1])) --last;
    const bool introduces = last > sent.start && text[last - 1] == ':';
    if (german && out.size() == quotes_before && words.size() >= 4 && !introduces &&
        first_cue < words.size() &&
        std::none_of(words.begin(), words.end(), [](const Word& w) {
          return w.low == "wird" || w.low == "wurde" || w.low == "wurden" || w.low == "werden";
        })) {
      for (size_t k = first_cue; k < words.size(); ++k) {
        // "sagte aber nichts dazu": nothing was said.
        bool negated = false;
        for (size_t j = k + 1; j < words.size() && j <= k + 3; ++j) {
          negated |= words[j].low == "nichts" || words[j].low == "nicht" || words[j].low.starts_with("kein");
        }
        if (negated) break;
        // "(Wikinews berichtete)": a cue in brackets refers to a report
        // elsewhere; "sprach mit seiner Frau": a conversation, no statement.
        if (words[k].start > 0 && text[words[k].start - 1] != '(') {
          size_t open = words[k].start;
          while (open > sent.start && text[open - 1] != '(' && text[open - 1] != ')') --open;
          if (open > sent.start && text[open - 1] == '(') break;
        } else if (words[k].start > 0) {
          break;
        }
        if ((words[k].low == "sprach" || words[k].low == "sprachen") &&
            std::any_of(words.begin() + long(k) + 1, words.begin() + long(std::min(words.size(), k + 4)),
                        [](const Word& w) { return w.low == "mit"; })) {
          break;
        }
        Speaker sp;
        if (const EntityMention* m = MentionIn(entities, sent.start, words[k].start, true)) {
          sp = {m->text, m->start, m->end, true};
        }
        if (!sp.found && k > 0 && k <= 6) sp = speaker_at(words, 0, words[k].start);
        if (!sp.found) sp = speaker_at(words, k + 1, sent.end, true);
        if (!sp.found) sp = opening_subject(words, k);
        if (sp.found && add_indirect(sent.start, sent.end, words[k].low, sp)) out.back().type = "reported";
        break;
      }
    }
    // "Drei Lagerhallen sollen abgebrannt sein.", "Die Steuer soll erhöht
    // werden.": "sollen" reports what others say or plan (free indirect
    // speech); its source is the speaker of reported speech just before,
    // if any.
    if (german && out.size() == quotes_before && words.size() >= 4 && !introduces) {
      const auto modal = std::find_if(words.begin() + 1, words.end(), [](const Word& w) {
        return w.low == "soll" || w.low == "sollen";
      });
      // Evidential only: a perfect infinitive closes the clause ("…
      // abgebrannt sein", "… gefälscht haben").
      const std::string& closing = words.back().low;
      if (modal != words.end() && modal - words.begin() <= 8 && (closing == "sein" || closing == "haben")) {
        Speaker sp;
        if (before != nullptr && sent.start - before->end < kContinuationBytes &&
            text.substr(before->end, sent.start - before->end).find("\n\n") == std::string_view::npos) {
          sp = SpeakerOf(*before);
        }
        add_indirect(sent.start, sent.end, modal->low, sp);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.start < b.start; });
  return out;
}

}  // namespace lagebild::quotes
