// Boilerplate removal on normalised text. See clean.h for the contract.
//
// Every line is a Block. Pass 1 looks at one block at a time (cue phrases,
// credits, links, repeated title); pass 2 uses context (embeds, teaser
// regions, position, topical overlap with the rest of the article).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/clean.h"
#include "clean/lexicon.h"
#include "clean/text_util.h"
#include "util/strings.h"

namespace lagebild::clean {
namespace {

// Limits that tell short lines (captions, teasers, bylines) from body text.
constexpr size_t kMaxCueLineWords = 60;     // a "Lesen Sie auch: ..." line
constexpr size_t kMaxShortCueWords = 4;     // "About editor", "Teilen"
constexpr size_t kMaxCaptionWords = 40;     // caption text before its credit
constexpr size_t kMaxCreditWords = 8;       // "REUTERS / Jane Example"
constexpr size_t kMaxTitleRestWords = 20;   // subtitle glued to a repeated title
constexpr size_t kTitleLookahead = 4;       // blocks searched for a repeated title
constexpr size_t kMaxBylineWords = 8;
constexpr size_t kBodyWords = 40;           // a block this long is body text

struct Block {
  size_t para = 0;
  bool alone = true;           // the only line of its paragraph
  std::string original;        // the line as given
  std::string text;            // after inline cuts
  std::vector<Removed> cuts;   // inline cuts, kept when the block stays
  std::vector<Removed> whole;  // set when the whole block goes
  bool teaser_start = false;   // "Related Articles"-style heading
  size_t words = 0;            // words of the line as given

  bool removed() const { return !whole.empty(); }
  void Remove(const char* reason) { whole = {{original, reason}}; }
};

bool IsBoundaryAfter(std::string_view s, size_t pos) {
  if (pos >= s.size()) return true;
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  return c < 0x80 && !util::IsAsciiAlpha(static_cast<char>(c)) &&
         !util::IsAsciiDigit(static_cast<char>(c));
}

std::string CueKey(std::string_view line) { return std::string(CueKeyOfFolded(Fold(line))); }

// Cuts [begin, end) from b.text (with one adjacent space) and records it.
void Cut(Block& b, size_t begin, size_t end, const char* reason) {
  std::string piece(util::Trim(std::string_view(b.text).substr(begin, end - begin)));
  if (piece.empty()) return;
  if (begin > 0 && b.text[begin - 1] == ' ') {
    --begin;
  } else if (end < b.text.size() && b.text[end] == ' ') {
    ++end;
  }
  b.text.erase(begin, end - begin);
  b.text = std::string(util::Trim(b.text));
  b.cuts.push_back({std::move(piece), reason});
}

// ---- links ----------------------------------------------------------------

bool IsLinkToken(std::string_view t) {
  return t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") ||
         t.starts_with("pic.twitter.com/") || t.starts_with("t.co/") ||
         t.starts_with("bit.ly/");
}

bool IsSocialLink(std::string_view t) {
  static constexpr std::string_view kHosts[] = {
      "t.co/",      "pic.twitter.com/", "twitter.com/", "x.com/",     "instagram.com/",
      "facebook.com/", "fb.watch/",     "youtu.be/",    "youtube.com/", "tiktok.com/",
      "t.me/",      "bit.ly/"};
  for (std::string_view h : kHosts) {
    if (t.find(h) != std::string_view::npos) return true;
  }
  return false;
}

// Link tokens: whole-line links go, trailing and inline links are cut.
void CutLinks(Block& b) {
  // Every link shape holds a "/" or starts with "www.".
  if (b.text.find('/') == std::string::npos && b.text.find("www.") == std::string::npos) return;
  size_t link_bytes = 0;
  ForEachToken(b.text, [&](std::string_view t, size_t) {
    if (IsLinkToken(t)) link_bytes += t.size();
  });
  if (link_bytes == 0) return;
  if (link_bytes * 2 >= b.text.size()) {
    b.Remove(IsSocialLink(b.text) ? "social-embed" : "link");
    return;
  }
  // Cut from the end so earlier offsets stay valid.
  std::vector<std::pair<size_t, size_t>> spans;
  ForEachToken(b.text, [&](std::string_view t, size_t pos) {
    if (IsLinkToken(t)) spans.emplace_back(pos, pos + t.size());
  });
  for (size_t k = spans.size(); k-- > 0;) {
    const std::string_view t =
        std::string_view(b.text).substr(spans[k].first, spans[k].second - spans[k].first);
    const bool social = IsSocialLink(t);
    Cut(b, spans[k].first, spans[k].second, social ? "social-embed" : "link");
  }
}

// "— Harbour Watch (@harbourwatch) 3. März 2023": the signature of an embedded post.
bool IsEmbedSignature(std::string_view line) {
  line = util::Trim(line);
  static constexpr std::string_view kDashes[] = {"—", "–", "―", "-", "~"};
  bool dash = false;
  for (std::string_view d : kDashes) {
    if (line.starts_with(d)) {
      dash = true;
      break;
    }
  }
  if (!dash) return false;
  const size_t at = line.find("(@");
  return at != std::string_view::npos && line.find(')', at) != std::string_view::npos &&
         CountWords(line) <= 16;
}

// ---- credits --------------------------------------------------------------

bool IsAgencyOrProvider(std::string_view words, const Lexicons& lex) {
  words = util::Trim(words);
  if (words.empty()) return false;
  return lex.providers.count(Fold(words)) > 0 || FindAgency(lex, words) >= 0;
}

// The credit word that `word` is or ends with ("Quelle", "BerlinQuelle" when glued to a title):
// returns the offset in `word` where it starts, or npos.
size_t CreditWordSuffix(std::string_view word, const Lexicons& lex) {
  // Try every position where an upper-case ASCII letter starts a suffix.
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (i > 0 && !(c >= 'A' && c <= 'Z')) continue;
    if (lex.credit_words.count(Fold(word.substr(i)))) return i;
  }
  return std::string_view::npos;
}

// Start of a credit at the end of `s`, or npos. Shapes:
//   "... Quelle: Sputnik © NAME"    "... © Name"
//   "... Foto: Name/dpa"            "... REUTERS / Name Name"
//   "... Name Name / AFP"
size_t TrailingCreditIn(std::string_view s, const Lexicons& lex);
size_t TrailingCredit(std::string_view whole, const Lexicons& lex) {
  // Credits are short: look at the last 160 bytes, cut at a space.
  size_t base = 0;
  if (whole.size() > 160) {
    base = whole.find(' ', whole.size() - 160);
    if (base == std::string_view::npos) return std::string_view::npos;
    ++base;
  }
  const size_t found = TrailingCreditIn(whole.substr(base), lex);
  return found == std::string_view::npos ? found : base + found;
}

size_t TrailingCreditIn(std::string_view s, const Lexicons& lex) {
  // None of the three shapes without a ":", a "/" or a "©" (lead byte 0xC2).
  bool marker = false;
  for (const char c : s) {
    if (c == ':' || c == '/' || c == '\xC2') {
      marker = true;
      break;
    }
  }
  if (!marker) return std::string_view::npos;
  // "Credit-word: ..." near the end, with few words after it.
  size_t best = std::string_view::npos;
  std::vector<std::pair<std::string_view, size_t>> tokens;
  ForEachToken(s, [&](std::string_view t, size_t pos) { tokens.emplace_back(t, pos); });
  const size_t n = tokens.size();
  for (size_t k = n; k-- > 0 && n - k <= kMaxCreditWords + 1;) {
    std::string_view t = tokens[k].first;
    if (t.size() < 2 || t.back() != ':') continue;
    const size_t off = CreditWordSuffix(t.substr(0, t.size() - 1), lex);
    if (off == std::string_view::npos || k + 1 == n) continue;
    best = tokens[k].second + off;
  }
  if (best != std::string_view::npos) return best;
  // "© Name" at the end.
  const size_t copy = s.rfind("©");
  if (copy != std::string_view::npos && CountWords(s.substr(copy)) <= kMaxCreditWords) {
    return copy;
  }
  // "AGENCY / Name" or "Name / AGENCY" at the end.
  const size_t slash = s.rfind('/');
  if (slash == std::string_view::npos || slash + 1 >= s.size()) return std::string_view::npos;
  const std::string_view right = util::Trim(s.substr(slash + 1));
  if (right.empty() || CountWords(right) > 4 || EndsSentence(right)) {
    return std::string_view::npos;
  }
  const std::string_view left = util::Trim(s.substr(0, slash));
  std::vector<std::pair<std::string_view, size_t>> lt;
  ForEachToken(left, [&](std::string_view t, size_t pos) { lt.emplace_back(t, pos); });
  if (lt.empty()) return std::string_view::npos;
  // Agency in capitals (one or two tokens) left of the slash, a name right.
  for (size_t take = 1; take <= 2 && take <= lt.size(); ++take) {
    const size_t from = lt[lt.size() - take].second;
    if (IsAgencyOrProvider(left.substr(from), lex) && AllCapitalised(right)) return from;
  }
  // Name left of the slash, agency right.
  if (IsAgencyOrProvider(right, lex)) {
    size_t from = lt.size();
    while (from > 0 && lt.size() - from < 3 && IsCapitalised(lt[from - 1].first) &&
           !EndsSentence(lt[from - 1].first)) {
      --from;
    }
    if (from < lt.size()) return lt[from].second;
  }
  return std::string_view::npos;
}

// "(Foto: dpa)", "(AP Photo/Evan Vucci)", "(Symbolbild)": cut anywhere.
void CutParenCredits(Block& b, const Lexicons& lex) {
  size_t pos = 0;
  while ((pos = b.text.find('(', pos)) != std::string::npos) {
    const size_t close = b.text.find(')', pos);
    if (close == std::string::npos || close - pos > 100) {
      ++pos;
      continue;
    }
    const std::string_view inner = std::string_view(b.text).substr(pos + 1, close - pos - 1);
    size_t head_end = inner.find_first_of(":/ ");
    if (head_end == std::string_view::npos) head_end = inner.size();
    const std::string_view head = inner.substr(0, head_end);
    const size_t slash = inner.find('/');
    const bool credit =
        lex.credit_words.count(Fold(head)) ||
        (slash != std::string_view::npos && IsAgencyOrProvider(inner.substr(0, slash), lex)) ||
        lex.providers.count(Fold(inner)) ||
        (head_end < inner.size() && lex.providers.count(Fold(inner.substr(0, inner.find(' ', head_end + 1)))));
    if (credit && CountWords(inner) <= kMaxCreditWords) {
      Cut(b, pos, close + 1, "photo-credit");
      continue;  // b.text changed; the same pos is looked at again
    }
    pos = close + 1;
  }
}

// A short caption paragraph "text / Credit Words" (no other credit shape).
bool IsSlashCaption(std::string_view s) {
  const size_t slash = s.rfind(" / ");
  if (slash == std::string_view::npos) return false;
  const std::string_view left = util::Trim(s.substr(0, slash));
  const std::string_view right = util::Trim(s.substr(slash + 3));
  return !left.empty() && CountWords(left) <= 25 && !right.empty() && CountWords(right) <= 4 &&
         !EndsSentence(right) && AllCapitalised(right);
}

// Gallery and page counters: "Image 3 of 5", "Bild 2 von 8", "1 of 6",
// "1 2 3 4 5 6 7 8".
bool IsCounterLine(std::string_view s, size_t words) {
  if (words == 0 || words > 12 || !HasDigit(s)) return false;
  static constexpr std::string_view kWords[] = {"of", "von", "/", "image", "bild", "foto",
                                                "photo", "slide", "seite", "page", "…", "..."};
  bool ok = true;
  size_t numbers = 0, counter_words = 0;
  ForEachToken(s, [&](std::string_view t, size_t) {
    bool number = true;
    for (char c : t) number &= util::IsAsciiDigit(c) || c == '/';
    if (number) {
      ++numbers;
      return;
    }
    const std::string f = Fold(t);
    if (std::find(std::begin(kWords), std::end(kWords), f) == std::end(kWords)) ok = false;
    ++counter_words;
  });
  // "3 of 5" needs its "of"; bare numbers only as a run of page numbers.
  return ok && (counter_words > 0 ? numbers >= 2 : numbers >= 3);
}

// ---- pass 1: one block at a time -------------------------------------------

bool StartsWithCue(std::string_view folded, const std::vector<Cue>& cues, const Cue** hit) {
  for (const Cue& c : cues) {
    if (!c.folded.empty() && !folded.empty() && folded[0] == c.folded[0] &&
        folded.starts_with(c.folded) && IsBoundaryAfter(folded, c.folded.size())) {
      *hit = &c;
      return true;
    }
  }
  return false;
}

// `title_key` is CueKey(title), computed once per article.
void ClassifyBlock(Block& b, size_t index, std::string_view title, std::string_view title_key,
                   const Lexicons& lex) {
  const std::string_view line = b.text;
  const size_t words = b.words = CountWords(line);
  if (IsEmbedSignature(line)) {
    b.Remove("social-embed");
    return;
  }
  if (IsCounterLine(line, words)) {
    b.Remove("navigation");
    return;
  }
  // An agency's name alone on a line is its credit ("The Associated Press").
  if (words <= 4 && FindAgency(lex, line) >= 0) {
    b.Remove("byline");
    return;
  }
  // Agency captions: "In this Dec. 12, 2006, file photo, ...", "In this
  // photo taken on ...": the photo is named within the first words.
  if (line.starts_with("In this ") && words <= kMaxCueLineWords) {
    const std::string_view head = line.substr(0, std::min<size_t>(line.size(), 60));
    if (head.find(" photo") != std::string_view::npos || head.find(" image") != std::string_view::npos) {
      b.Remove("photo-caption");
      return;
    }
  }
  // Whole-line cues are a few words; long lines need only their start folded.
  const bool short_line = words <= 20;
  std::string_view trimmed = util::Trim(line);
  if (!short_line && trimmed.size() > 96) {
    trimmed = trimmed.substr(0, util::Utf8PrefixLength(trimmed, 96));
  }
  const std::string folded = Fold(trimmed);
  const std::string_view key = short_line ? CueKeyOfFolded(folded) : std::string_view();
  if (short_line) {
    if (auto it = lex.teaser_cues.find(key); it != lex.teaser_cues.end()) {
      b.teaser_start = true;
      b.Remove(it->second.c_str());
      return;
    }
    if (auto it = lex.line_cues.find(key); it != lex.line_cues.end()) {
      b.Remove(it->second.c_str());
      return;
    }
  }
  const Cue* cue = nullptr;
  // "(Reporting by ...)" is matched as "Reporting by ...".
  std::string_view unbracketed = folded;
  while (!unbracketed.empty() && (unbracketed.front() == '(' || unbracketed.front() == '[')) {
    unbracketed.remove_prefix(1);
  }
  if (words <= kMaxCueLineWords && StartsWithCue(unbracketed, lex.start_cues, &cue)) {
    b.Remove(cue->reason.c_str());
    return;
  }
  if (short_line) {
    for (const Cue& c : lex.contains_cues) {
      if (folded.find(c.folded) != std::string::npos) {
        b.Remove(c.reason.c_str());
        return;
      }
    }
  }
  if (words <= kMaxShortCueWords && !HasDigit(line) && !EndsSentence(line) &&
      StartsWithCue(folded, lex.start_short_cues, &cue)) {
    b.Remove(cue->reason.c_str());
    return;
  }
  // "Bildquelle: ...", "Foto: Name/Agentur" as a line of its own.
  if (words <= kMaxCueLineWords) {
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon < 40 &&
        lex.credit_words.count(Fold(util::Trim(line.substr(0, colon))))) {
      b.Remove("photo-credit");
      return;
    }
  }
  // The title again, alone or with a credit or subtitle glued to it.
  if (!title.empty() && index < kTitleLookahead) {
    if (short_line ? (!key.empty() && key == title_key) : util::Trim(line) == title) {
      b.Remove("repeated-title");
      return;
    }
    if (line.size() > title.size() && line.starts_with(title)) {
      const std::string_view rest = util::Trim(line.substr(title.size()));
      if (TrailingCredit(rest, lex) == 0) {
        b.whole = {{std::string(title), "repeated-title"}, {std::string(rest), "photo-credit"}};
        return;
      }
      if (index == 0 && CountWords(rest) <= kMaxTitleRestWords && !EndsSentence(rest)) {
        Cut(b, 0, title.size(), "repeated-title");
      }
    }
  }
  // "... Weiterlesen": cut read-more cues at the end (twice at most).
  std::string f;
  for (int round = 0; round < 2; ++round) {
    std::string_view tail = b.text;
    if (tail.size() > 48) {
      tail = tail.substr(util::NextCharBoundary(tail, tail.size() - 48));
    }
    FoldInto(tail, &f);
    bool cut = false;
    for (const Cue& c : lex.end_cues) {
      if (f.size() > c.folded.size() && f.ends_with(c.folded) &&
          f[f.size() - c.folded.size() - 1] == ' ') {
        Cut(b, b.text.size() - c.folded.size(), b.text.size(), c.reason.c_str());
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  CutLinks(b);
  if (b.removed()) return;
  CutParenCredits(b, lex);
  // A credit at the end: the block is a caption when short and alone,
  // else only the credit goes.
  const bool had_cut_credit =
      std::any_of(b.cuts.begin(), b.cuts.end(),
                  [](const Removed& r) { return r.reason == "photo-credit"; });
  const size_t credit = TrailingCredit(b.text, lex);
  if (credit != std::string_view::npos) {
    const std::string_view caption = util::Trim(std::string_view(b.text).substr(0, credit));
    if (b.alone && CountWords(caption) <= kMaxCaptionWords) {
      b.Remove(caption.empty() ? "photo-credit" : "photo-caption");
      return;
    }
    Cut(b, credit, b.text.size(), "photo-credit");
  } else if (had_cut_credit && b.alone && CountWords(b.text) <= kMaxCaptionWords &&
             !b.text.empty() && b.cuts.back().reason == "photo-credit" &&
             b.original.ends_with(b.cuts.back().text)) {
    b.Remove("photo-caption");
    return;
  } else if (b.alone && IsSlashCaption(b.text)) {
    b.Remove("photo-caption");
    return;
  }
  if (util::Trim(b.text).empty()) {
    b.Remove(b.cuts.empty() ? "empty" : b.cuts.back().reason.c_str());
  }
}

// ---- pass 2: context -------------------------------------------------------

// Stems of content words (five bytes or more, folded, first six bytes).
std::vector<std::string> Stems(std::string_view s) {
  std::vector<std::string> out;
  std::string f;
  ForEachWord(s, [&](std::string_view w, size_t) {
    if (w.size() < 5) return;
    FoldInto(w.substr(0, std::min<size_t>(w.size(), 8)), &f);
    out.emplace_back(f.data(), std::min<size_t>(f.size(), 6));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class TopicModel {
 public:
  explicit TopicModel(const std::vector<Block>& blocks) {
    stems_.resize(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].removed()) continue;
      stems_[i] = Stems(blocks[i].text);
      for (const std::string& s : stems_[i]) ++count_[s];
    }
  }
  // Share of block i's content stems that occur in some other kept block.
  double Similarity(size_t i) const {
    if (stems_[i].empty()) return 0;
    size_t shared = 0;
    for (const std::string& s : stems_[i]) {
      auto it = count_.find(s);
      if (it != count_.end() && it->second > 1) ++shared;
    }
    return static_cast<double>(shared) / static_cast<double>(stems_[i].size());
  }

 private:
  std::vector<std::vector<std::string>> stems_;
  std::unordered_map<std::string, int> count_;
};

bool BodyLike(const Block& b, double similarity) {
  const size_t words = CountWords(b.text);
  return words >= kBodyWords || (words >= 15 && similarity >= 0.3 && EndsSentence(b.text));
}

// Words of a publisher appeal outside quotations: self-references and media words.
void AppealScore(std::string_view s, const Lexicons& lex, size_t* self, size_t* media) {
  std::vector<const std::string*> media_seen;
  std::string f;
  *self = 0;
  ForEachWordWithQuotes(s, [&](std::string_view w, size_t pos, bool quoted) {
    if (quoted) return;
    if (w.size() > 16) return;  // the lexicon's words are short
    FoldInto(w, &f);
    if (lex.appeal_self.find(f) != lex.appeal_self.end()) ++*self;
    // The polite "Sie" inside a sentence (at the start it may mean "they").
    if (lex.appeal_formal.find(w) != lex.appeal_formal.end() && pos >= 2 &&
        std::string_view(".!?:\n").find(s[pos - 2]) == std::string_view::npos) {
      ++*self;
    }
    if (auto it = lex.appeal_media.find(f); it != lex.appeal_media.end() &&
        std::find(media_seen.begin(), media_seen.end(), &*it) == media_seen.end()) {
      media_seen.push_back(&*it);
    }
  });
  *media = media_seen.size();
}

// "Follow us on Instagram", "Folgen Sie uns auf Telegram": a short line that
// names a social network and asks to follow, or speaks to the reader. A
// line with a quotation is news: the "wir" of a quoted post is its
// author's ("Wir trauern ...", schrieb der Kanzler auf Twitter).
bool IsFollowAppeal(std::string_view s, size_t words, const Lexicons& lex) {
  if (words > 40) return false;
  for (std::string_view mark : {"\"", "\u201e", "\u201c", "\u201d", "\u00bb", "\u00ab"}) {
    if (s.find(mark) != std::string_view::npos) return false;
  }
  bool network = false, follow = false;
  std::string f;
  ForEachWord(s, [&](std::string_view w, size_t) {
    if (w.size() > 16) return;
    FoldInto(w, &f);
    network |= lex.networks.count(f) > 0;
    follow |= f == "follow" || f == "folgen" || f == "folgt" || lex.appeal_self.count(f) > 0;
  });
  return network && follow;
}

// Cheap test before the word-by-word count: an appeal speaks of "we"/"our"
// or to "you" (German and English forms share these letters).
bool MaySpeakToReader(std::string_view s) {
  for (std::string_view w : {"nser", "uns", "wir", "Wir", "euch", "Euch", "eure", "Eure", "Sie",
                             "Ihr", "our", "Our", "we ", "We ", "you", "You"}) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool IsAppeal(std::string_view s, const Lexicons& lex) {
  if (!MaySpeakToReader(s)) return false;
  size_t self = 0, media = 0;
  AppealScore(s, lex, &self, &media);
  return (self >= 3 && media >= 2) || (self >= 2 && media >= 3) || (self >= 1 && media >= 4);
}

// A line that is only a date or time stamp: numbers, month and weekday
// names, "Uhr", "Aktualisiert:" ("6. November 2023 / 09:18 Uhr").
bool IsDateLine(std::string_view s, const Lexicons& lex) {
  if (!HasDigit(s) || CountWords(s) > 8) return false;
  bool ok = true;
  std::string f;
  ForEachWord(s, [&](std::string_view w, size_t) {
    FoldInto(w, &f);
    if (!lex.date_words.count(f)) ok = false;
  });
  return ok;
}

// "Von Anna Muster", "By John Smith and Jane Doe", "Von Anna Muster · 15. März
// 2025", "Von Jan Muster, Studio Wien".
bool IsByline(std::string_view s) {
  s = util::Trim(s);
  if (!(s.starts_with("Von ") || s.starts_with("By ") || s.starts_with("VON ") ||
        s.starts_with("BY "))) {
    return false;
  }
  std::string_view rest = s.substr(s.find(' ') + 1);
  // A date, place or desk may follow the names after a separator.
  size_t sep = std::string_view::npos;
  for (std::string_view mark : {",", "·", "|", " – ", " — ", " - "}) {
    sep = std::min(sep, rest.find(mark));
  }
  if (sep != std::string_view::npos) {
    if (CountWords(rest.substr(sep)) > 7) return false;
    rest = util::Trim(rest.substr(0, sep));
  }
  const size_t words = CountWords(rest);
  if (words == 0 || words > kMaxBylineWords || EndsSentence(rest) || HasDigit(rest)) return false;
  bool ok = true;
  ForEachToken(rest, [&](std::string_view t, size_t) {
    if (t == "und" || t == "and" || t == "&") return;
    if (!IsCapitalised(t)) ok = false;
  });
  return ok;
}

void ApplyContext(std::vector<Block>& blocks, const Lexicons& lex) {
  const size_t n = blocks.size();
  // Embedded posts keep their text: what an agency or a ministry posted is
  // a quoted source. Their links and signature lines are removed above.
  // Bylines, date stamps and follow-us lines at the head or the tail.
  for (size_t i = 0; i < n; ++i) {
    if (blocks[i].removed() || !(i < 5 || i + 3 >= n)) continue;
    if (IsByline(blocks[i].text) && (i < 3 || i + 2 >= n)) {
      blocks[i].Remove("byline");
    } else if (IsDateLine(blocks[i].text, lex)) {
      blocks[i].Remove("metadata");
    } else if (i + 3 >= n && IsFollowAppeal(blocks[i].text, blocks[i].words, lex)) {
      blocks[i].Remove("publisher-appeal");
    }
  }
  // Publisher appeals in the second half, and what follows them in the same voice.
  size_t total = 0;
  for (const Block& b : blocks) total += b.text.size();
  size_t before = 0;
  bool in_appeal = false;
  for (Block& b : blocks) {
    const size_t start = before;
    before += b.text.size();
    if (b.removed() || start * 2 < total) continue;
    if (IsAppeal(b.text, lex)) {
      b.Remove("publisher-appeal");
      in_appeal = true;
    } else if (in_appeal) {
      size_t self = 0, media = 0;
      AppealScore(b.text, lex, &self, &media);
      if ((self >= 1 || media >= 1) && CountWords(b.text) <= 80) {
        b.Remove("publisher-appeal");
      } else {
        in_appeal = false;
      }
    }
  }
  // Teasers: after a "Related Articles" heading, everything that is not
  // body text on the article's topic; at the very end, cut-off teasers
  // ("…") off the topic.
  bool need_topic = false;
  for (const Block& b : blocks) need_topic |= b.teaser_start;
  for (size_t j = n; j-- > 0;) {
    if (blocks[j].removed()) continue;
    const std::string_view t = util::Trim(blocks[j].text);
    need_topic |= t.ends_with("…") || t.ends_with("...");
    break;
  }
  if (!need_topic) return;
  const TopicModel topic(blocks);
  for (size_t i = 0; i < n; ++i) {
    if (!blocks[i].teaser_start) continue;
    for (size_t j = i + 1; j < n; ++j) {
      if (blocks[j].removed()) continue;
      if (BodyLike(blocks[j], topic.Similarity(j))) break;
      blocks[j].Remove("related-teaser");
    }
  }
  for (size_t j = n; j-- > 0;) {
    Block& b = blocks[j];
    if (b.removed()) continue;
    const std::string_view t = util::Trim(b.text);
    const bool cut_off = t.ends_with("…") || t.ends_with("...");
    if (!cut_off || topic.Similarity(j) >= 0.2 || CountWords(t) >= kBodyWords) break;
    b.Remove("related-teaser");
  }
}

}  // namespace

CleanResult CleanText(std::string_view text, std::string_view title) {
  const Lexicons& lex = GetLexicons();
  std::vector<Block> blocks;
  size_t para = 0;
  ForEachParagraph(text, [&](std::string_view paragraph) {
    const size_t first = blocks.size();
    ForEachLine(paragraph, [&](std::string_view line) {
      Block b;
      b.para = para;
      b.original = std::string(line);
      b.text = b.original;
      blocks.push_back(std::move(b));
    });
    for (size_t i = first; i < blocks.size(); ++i) blocks[i].alone = blocks.size() - first == 1;
    ++para;
  });
  const std::string title_key = CueKey(title);
  for (size_t i = 0; i < blocks.size(); ++i) ClassifyBlock(blocks[i], i, title, title_key, lex);
  ApplyContext(blocks, lex);

  CleanResult out;
  out.text.reserve(text.size());
  size_t last_para = static_cast<size_t>(-1);
  for (Block& b : blocks) {
    if (b.removed()) {
      for (Removed& r : b.whole) {
        if (!r.text.empty()) out.removed.push_back(std::move(r));
      }
      continue;
    }
    for (Removed& r : b.cuts) out.removed.push_back(std::move(r));
    if (b.text.empty()) continue;
    if (!out.text.empty()) out.text += (b.para == last_para) ? "\n" : "\n\n";
    out.text += b.text;
    last_para = b.para;
  }
  return out;
}

}  // namespace lagebild::clean
