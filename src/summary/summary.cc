// BuildTimeline and Summarize (summary.h).
#include "summary/summary.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/fold.h"
#include "util/sentences.h"
#include "util/strings.h"
#include "util/utf8.h"
#include "util/words.h"

namespace lagebild::summary {
namespace {

// Content words as ids: words of five letters or more, by their first
// five letters (folded); a few frequent long function words left out.
util::WordIds Content(std::string_view text, util::Interner* ids) {
  static const std::set<std::string, std::less<>> kStop = {
      "werde", "wurde", "haben", "hatte", "diese", "nicht", "seine", "ihren", "einem",
      "einen", "einer", "eines", "sowie", "unter", "durch", "gegen", "schon", "wären", "würde",
      "könne", "sollt", "there", "their", "which", "would", "about", "after", "these", "those",
      "while", "where", "other", "could", "shoul", "being", "zwisc", "berei", "worde", "insge"};
  util::WordIds out;
  util::ForEachLetterRun(text, [&](std::string_view word, size_t letters) {
    if (letters < 5) return;
    const std::string stem(util::FirstChars(util::Fold(word), 5));
    if (!kStop.contains(stem)) out.push_back(ids->Id(stem));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Sentence {
  const Article* article;
  std::string source;  // the article, a copy counted as its original
  uint32_t start, end;
  size_t position;     // in its article
  std::string text;
  util::WordIds content;
  // Its content words outside the names it mentions: what it says of them
  // ("haben das Land verlassen"), which a citing sentence must say too (a
  // long name, "Organisation des Vertrags über kollektive Sicherheit",
  // would otherwise count as much as the act).
  util::WordIds said;
  size_t words;
  // What a sentence that supports it must state too: its first person or
  // organisation (the story's entity id), its figures (bounds) and days.
  std::string actor;
  std::vector<std::string> named;  // the story entities it names, sorted
  std::vector<std::pair<double, double>> figures;
  std::vector<std::string> days;
  std::vector<std::string> numbers;  // its numbers as digits ("7,8" and "7.8": "78")
  bool starts = false;  // begins as a sentence does: a capital, a digit or a quotation mark
};

// The numbers of a text as their digits, group and decimal marks left out.
std::vector<std::string> NumbersOf(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!util::IsAsciiDigit(text[i])) {
      ++i;
      continue;
    }
    std::string digits;
    while (i < text.size() && (util::IsAsciiDigit(text[i]) ||
                               ((text[i] == '.' || text[i] == ',') && i + 1 < text.size() &&
                                util::IsAsciiDigit(text[i + 1]) && !digits.empty()))) {
      if (util::IsAsciiDigit(text[i])) digits.push_back(text[i]);
      ++i;
    }
    if (std::find(out.begin(), out.end(), digits) == out.end()) out.push_back(std::move(digits));
  }
  return out;
}

bool StartsAsSentence(std::string_view text) {
  if (text.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(text[0]);
  if ((c >= 'A' && c <= 'Z') || util::IsAsciiDigit(char(c)) || c == '"' || c == '\'' || c == '(') return true;
  // Capitals beyond ASCII (Ä, Ö, Ü, É ...), and quotation marks „ “ » «.
  if (c == 0xC3 && text.size() > 1) {
    const unsigned char d = static_cast<unsigned char>(text[1]);
    return d >= 0x80 && d <= 0x9E;
  }
  return text.starts_with("\u201E") || text.starts_with("\u201C") || text.starts_with("\u00BB") ||
         text.starts_with("\u00AB") || text.starts_with("\u2018");
}

// The facts a sentence states beyond its words: the first person or
// organisation it names, the figures and the days.
void StatedFacts(Sentence* x) {
  const Article& a = *x->article;
  for (const EntityMention& m : a.entities) {
    if (m.start < x->start || m.end > x->end || m.entity.empty()) continue;
    x->named.push_back(m.entity);
    if (x->actor.empty() && (m.type == "PER" || m.type == "ORG")) x->actor = m.entity;
  }
  std::sort(x->named.begin(), x->named.end());
  x->named.erase(std::unique(x->named.begin(), x->named.end()), x->named.end());
  constexpr double kInf = 1e300;
  for (const Quantity& q : a.quantities) {
    if (q.start >= x->start && q.end <= x->end && (q.low || q.high || q.value)) {
      const double lo = q.low ? *q.low : (q.value ? *q.value : -kInf);
      const double hi = q.high ? *q.high : (q.low ? kInf : (q.value ? *q.value : kInf));
      x->figures.emplace_back(lo, hi);
    }
  }
  for (const TimeMention& t : a.times) {
    if (t.start >= x->start && t.end <= x->end && t.type == "DATE" && t.value.size() == 10 &&
        t.value.find('X') == std::string::npos) {
      x->days.push_back(t.value);
    }
  }
  x->numbers = NumbersOf(x->text);
  x->starts = StartsAsSentence(x->text);
}

// Whether `other` states what `s` states: the same actor, a figure that
// meets one of its figures, one of its days; sharing words is not enough
// (the caller has checked those).
bool Supports(const Sentence& other, const Sentence& s) {
  if (!s.actor.empty() && !std::binary_search(other.named.begin(), other.named.end(), s.actor)) {
    return false;
  }
  if (!s.figures.empty()) {
    bool meets = false;
    for (const auto& [lo, hi] : s.figures) {
      for (const auto& [olo, ohi] : other.figures) meets |= lo <= ohi && olo <= hi;
    }
    if (!meets) return false;
  }
  // Every number it gives, the same (a magnitude of 7,8 is not one of 7,7;
  // "mindestens 440" is not "500").
  for (const std::string& n : s.numbers) {
    if (std::find(other.numbers.begin(), other.numbers.end(), n) == other.numbers.end()) return false;
  }
  if (!s.days.empty()) {
    bool same = false;
    for (const std::string& d : s.days) {
      same |= std::find(other.days.begin(), other.days.end(), d) != other.days.end();
    }
    if (!same) return false;
  }
  return true;
}

std::vector<Sentence> SentencesOf(const std::vector<Article*>& articles, size_t* vocabulary) {
  std::vector<Sentence> out;
  util::Interner ids;
  for (const Article* a : articles) {
    size_t pos = 0;
    for (const util::SentenceSpan& s : util::SplitSentences(a->text)) {
      Sentence x;
      x.article = a;
      x.source = a->duplicate_of.value_or(a->id);
      x.start = s.start;
      x.end = s.end;
      x.position = pos++;
      x.text = a->text.substr(s.start, s.end - s.start);
      x.content = Content(x.text, &ids);
      std::string unnamed = x.text;
      for (const EntityMention& m : a->entities) {
        if (m.start >= x.start && m.end <= x.end) {
          std::fill(unnamed.begin() + long(m.start - x.start), unnamed.begin() + long(m.end - x.start), ' ');
        }
      }
      x.said = Content(unnamed, &ids);
      if (x.said.empty()) x.said = x.content;
      x.words = util::CountWords(x.text);
      StatedFacts(&x);
      out.push_back(std::move(x));
    }
  }
  *vocabulary = ids.size();
  return out;
}

void AddArticle(std::vector<std::string>* ids, const std::string& id) {
  if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
}

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// A sentence cites another article when a sentence of it holds this share
// of its content words (and states its actor, numbers and days: Supports).
constexpr double kCitedShare = 0.7;

// The share of a's content words that b holds.
double Contained(const util::WordIds& a, const util::WordIds& b) {
  if (a.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return double(shared) / double(a.size());
}

std::vector<CitedText> Timeline(const std::vector<Sentence>& sentences) {
  // Day -> the sentences that date something to it.
  std::map<std::string, std::vector<const Sentence*>> days;
  for (const Sentence& s : sentences) {
    std::set<std::string> seen;
    for (const TimeMention& t : s.article->times) {
      // A day, or a part of a day ("2025-03-13TEV", "2025-03-13T14:30").
      if ((t.type != "DATE" && t.type != "TIME") || t.value.size() < 10 || t.start < s.start ||
          t.end > s.end) {
        continue;
      }
      // A clock time alone ("gegen 19.40 Uhr") is dated by guess: only
      // parts of a named day ("Donnerstagabend": 2025-03-13TEV) count.
      if (t.value.size() > 10 && (t.value[10] != 'T' || (t.type == "TIME" && t.value.size() != 13))) continue;
      const std::string day = t.value.substr(0, 10);
      if (day.find('X') != std::string::npos || day[4] != '-' || day[7] != '-') continue;
      if (seen.insert(day).second) days[day].push_back(&s);
    }
  }
  std::vector<CitedText> out;
  for (const auto& [day, all] : days) {
    // What happened that day: the sentence whose content the day's other
    // sentences share most (among equals the one from the article read
    // first), cited by its article and the articles with a sentence of
    // that day that states the same (kCitedShare of its content words, its
    // actor, numbers and days); then the same for the articles not cited
    // yet, up to five entries a day. (At most the first 200 sentences of
    // a day are compared, so that a story of thousands of articles stays
    // linear.)
    std::vector<const Sentence*> list(all.begin(), all.begin() + long(std::min<size_t>(all.size(), 200)));
    for (int entry = 0; entry < 5 && !list.empty(); ++entry) {
      const Sentence* best = nullptr;
      double best_score = -1;
      for (size_t i = 0; i < list.size(); ++i) {
        const Sentence* s = list[i];
        if (s->words < 4 || s->words > 60 || !s->starts) continue;
        double score = 0;
        for (size_t j = 0; j < list.size(); ++j) {
          if (j != i) score += util::SharedFraction(s->content, list[j]->content);
        }
        if (score > best_score) {
          best_score = score;
          best = s;
        }
      }
      if (best == nullptr) {
        if (entry > 0) break;
        best = list.front();
      }
      CitedText c;
      c.date = day;
      c.text = best->text;
      AddArticle(&c.articles, best->article->id);
      for (const Sentence* s : list) {
        if (s->article == best->article) continue;
        if (Contained(best->said, s->content) >= kCitedShare && Supports(*s, *best)) {
          AddArticle(&c.articles, s->article->id);
        }
      }
      // The articles cited are done with for the day.
      std::vector<const Sentence*> rest;
      for (const Sentence* s : list) {
        if (std::find(c.articles.begin(), c.articles.end(), s->article->id) == c.articles.end()) {
          rest.push_back(s);
        }
      }
      list = std::move(rest);
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<CitedText> Summary(const std::vector<Article*>& articles, const std::vector<Sentence>& sentences,
                               size_t vocabulary, const std::vector<Claim>& claims) {
  std::vector<CitedText> out;
  // Support: the other sources with a sentence sharing two fifths of the
  // content words.
  struct Candidate {
    const Sentence* s;
    std::vector<std::string> articles;  // this one first, then supporters
    size_t sources;
  };
  // Stem -> the sentences that hold it; stems in more than 500
  // sentences are too common to tell anything and are left out.
  std::vector<std::vector<uint32_t>> index(vocabulary);
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    for (uint32_t w : sentences[i].content) index[w].push_back(i);
  }
  // Candidates: the first five sentences of each article that can stand
  // alone (at most 3,000 in all).
  std::vector<Candidate> cands;
  std::map<std::string, size_t> reading;  // article id -> reading order
  for (const Article* a : articles) reading.emplace(a->id, reading.size());
  std::map<const Article*, size_t> per_article;
  std::vector<uint32_t> count(sentences.size(), 0);
  std::vector<uint32_t> touched;
  for (const Sentence& s : sentences) {
    if (cands.size() >= 3000) break;
    if (s.words < 6 || s.words > 50 || s.content.size() < 4 || !s.starts) continue;
    if (s.text.back() != '.' && s.text.back() != '!' && s.text.find("\xE2\x80\x9C") == std::string::npos &&
        s.text.back() != '"') {
      continue;  // titles, captions, list items
    }
    if (per_article[s.article]++ >= 5) continue;
    Candidate c{&s, {s.article->id}, 1};
    std::set<std::string> sources = {s.source};
    touched.clear();
    for (uint32_t w : s.content) {
      const auto& post = index[w];
      if (post.size() > 500) continue;
      for (uint32_t o : post) {
        if (count[o]++ == 0) touched.push_back(o);
      }
    }
    for (uint32_t o : touched) {
      const Sentence& other = sentences[o];
      const uint32_t shared = count[o];
      count[o] = 0;
      if (shared < 2 || other.article == s.article ||
          util::SharedFraction(s.content, other.content) < 0.4 || !Supports(other, s)) {
        continue;
      }
      // It confirms the sentence (its source counts for the choice) ...
      sources.insert(other.source);
      // ... and is cited when it says nearly all of it: seven in ten of the
      // content words the sentence says of its names, its actor, numbers
      // and days.
      if (Contained(s.said, other.content) >= kCitedShare) AddArticle(&c.articles, other.article->id);
    }
    c.sources = sources.size();
    // Cited in reading order.
    std::sort(c.articles.begin(), c.articles.end(), [&](const std::string& x, const std::string& y) {
      return reading.at(x) < reading.at(y);
    });
    cands.push_back(std::move(c));
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.sources != b.sources) return a.sources > b.sources;
    return a.s->position < b.s->position;
  });
  std::vector<const Sentence*> chosen;
  for (const Candidate& c : cands) {
    if (chosen.size() >= 6) break;
    bool redundant = false;
    for (const Sentence* x : chosen) redundant |= util::SharedFraction(c.s->content, x->content) >= 0.5;
    if (redundant) continue;
    chosen.push_back(c.s);
    out.push_back({"", c.s->text, c.articles});
  }
  // Conflicts stated as conflicts, updates as updates: the readings, the
  // citations naming who gave which (the text names no article).
  const bool german = !articles.empty() && articles.front()->language == "de";
  std::map<std::string, const Article*> by_id;
  for (const Article* a : articles) by_id.emplace(a->id, a);
  size_t conflicts = 0, updates = 0;
  for (const Claim& c : claims) {
    const std::string& about = c.label.empty() ? c.about : c.label;
    if (c.status == "updated" && updates < 2) {
      ++updates;
      std::string text = german ? "Angaben, die sich mit den Tagen änderten (" + about + "): "
                                : "Figures that changed as the days passed (" + about + "): ";
      std::vector<std::string> ids;
      // Readings in day order; one of the same day and bounds as the one
      // before is the same reading ("neun", "Nine").
      std::string last;
      for (const ClaimValue& v : c.values) {
        const auto it = by_id.find(v.article);
        const std::string day = it == by_id.end() ? "" : it->second->published.value.ToString();
        AddArticle(&ids, v.article);
        const std::string key = day + "|" + (v.low ? FormatNumber(*v.low) : "-") + "/" +
                                (v.high ? FormatNumber(*v.high) : "-");
        if (key == last) continue;
        text += (last.empty() ? "" : " → ") + ("„" + v.text + "“") + (day.empty() ? "" : " (" + day + ")");
        last = key;
      }
      text += ".";
      out.push_back({"", std::move(text), std::move(ids)});
      continue;
    }
    if (c.status != "conflicting" || conflicts >= 2) continue;
    ++conflicts;
    std::string text = german ? "Widersprüchliche Angaben (" + about + "): "
                              : "Conflicting figures (" + about + "): ";
    std::vector<std::string> ids;
    std::vector<std::string> order;
    // Values with the same bounds are one reading ("neun", "Nine": 9).
    std::map<std::string, std::string> shown_of;  // bounds -> text shown
    for (const ClaimValue& v : c.values) {
      const std::string bounds = (v.low ? FormatNumber(*v.low) : "-") + "/" + (v.high ? FormatNumber(*v.high) : "-");
      std::string shown = v.text;
      if (v.value && !v.text.empty() && v.text.find_first_of("0123456789") == std::string::npos) {
        shown += " (" + FormatNumber(*v.value) + ")";
      }
      auto [it, fresh] = shown_of.try_emplace(bounds, shown);
      if (fresh) order.push_back(it->second);
      AddArticle(&ids, v.article);
    }
    for (size_t k = 0; k < order.size(); ++k) {
      if (k > 0) text += k + 1 == order.size() ? (german ? " gegenüber " : " versus ") : ", ";
      text += "„" + order[k] + "“";
    }
    text += ".";
    out.push_back({"", std::move(text), std::move(ids)});
  }
  return out;
}

}  // namespace

Digest DigestStory(const std::vector<Article*>& articles, const std::vector<Claim>& claims) {
  // The sentences and their content words, once for both.
  size_t vocabulary = 0;
  const std::vector<Sentence> sentences = SentencesOf(articles, &vocabulary);
  Digest out;
  out.timeline = Timeline(sentences);
  out.summary = Summary(articles, sentences, vocabulary, claims);
  return out;
}

}  // namespace lagebild::summary
