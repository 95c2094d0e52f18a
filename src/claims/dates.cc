// Date claims (claims.h): when an event ended, began or will end, as each
// article dates it, aligned across the story.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "claims/lexicon.h"
#include "util/calendar.h"
#include "util/fold.h"
#include "util/sentences.h"
#include "util/words.h"

namespace lagebild::claims {
namespace {

bool ParseDay(const std::string& v, util::Day* out) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  *out = {std::stoi(v.substr(0, 4)), std::stoi(v.substr(5, 2)), std::stoi(v.substr(8, 2))};
  return util::IsValidDay(*out);
}

// Days of a duration value: "P10D" 10, "P2W" 14; -1 otherwise.
long DurationDays(const std::string& v) {
  if (v.size() < 3 || v[0] != 'P' || v.find('T') != std::string::npos) return -1;
  const std::string n = v.substr(1, v.size() - 2);
  if (n.empty() || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
  if (n.size() > 4) return -1;
  const long k = std::stol(n);
  return v.back() == 'D' ? k : v.back() == 'W' ? 7 * k : -1;
}

struct DateValue {
  Article* article;
  std::string source;  // the article, a copy counted as its original
  std::string text, low, high;
};

}  // namespace

std::vector<Claim> AlignDateClaims(const std::vector<Article*>& articles) {
  std::map<std::string, std::vector<DateValue>> by_key;  // "withdrawal|completed"
  std::vector<std::string> key_order;
  for (Article* a : articles) {
    const Lexicon* lex = GetLexicon(a->language);
    if (lex == nullptr) continue;
    util::Day published{};
    const bool dated = a->published.value.day != 0 &&
                       ParseDay(a->published.value.ToString(), &published);
    for (const util::SentenceSpan& s : util::SplitSentences(a->text)) {
      const std::string_view sent = std::string_view(a->text).substr(s.start, s.end - s.start);
      // The event and what is said of it: single words of the lexicon.
      std::string event;
      std::set<std::string> preds;
      size_t pred_at = 0;  // offset in the text of the last completed/began word
      util::ForEachLetterRun(sent, [&](std::string_view word, size_t) {
        const auto it = lex->phrases.find(util::Fold(word));
        if (it == lex->phrases.end()) return;
        if (event.empty() && !it->second.event.empty()) event = it->second.event;
        if (!it->second.event_predicate.empty()) {
          preds.insert(it->second.event_predicate);
          if (it->second.event_predicate != "lasts") pred_at = static_cast<size_t>(word.data() - a->text.data());
        }
      });
      if (event.empty() || preds.empty()) continue;
      // The day the sentence names, and a duration.
      const TimeMention* day_mention = nullptr;
      const TimeMention* duration = nullptr;
      util::Day day{};
      // The day nearest to the word of beginning or ending ("sagte am
      // Donnerstag, der Abzug werde am 19. Januar abgeschlossen": the 19th).
      auto distance = [&](const TimeMention& t) {
        return t.end <= pred_at ? pred_at - t.end : t.start - pred_at;
      };
      for (const TimeMention& t : a->times) {
        if (t.start < s.start || t.end > s.end) continue;
        util::Day d{};
        if (t.type == "DATE" && t.value.size() == 10 && ParseDay(t.value, &d) &&
            (day_mention == nullptr || distance(t) < distance(*day_mention))) {
          day_mention = &t;
          day = d;
        }
        if (t.type == "DURATION" && duration == nullptr && DurationDays(t.value) > 0) duration = &t;
      }
      auto add = [&](const std::string& pred, const std::string& text, const util::Day& lo,
                     const util::Day& hi) {
        const std::string key = event + "|" + pred;
        if (!by_key.contains(key)) key_order.push_back(key);
        by_key[key].push_back({a, a->duplicate_of.value_or(a->id), text, util::FormatDay(lo),
                               util::FormatDay(hi)});
      };
      if (preds.contains("began") && day_mention != nullptr) {
        add("began", day_mention->text, day, day);
      }
      if (duration != nullptr && (preds.contains("lasts") || preds.contains("completed"))) {
        // "wird zehn Tage andauern" from the day it began (or the article's
        // day): ends then; "binnen zehn Tagen abgeschlossen": by then.
        const bool from_day = day_mention != nullptr && preds.contains("began");
        if (!from_day && !dated) continue;
        const util::Day start = from_day ? day : published;
        const long n = DurationDays(duration->value);
        const util::Day end = util::AddDays(start, n);
        const size_t before = duration->start >= s.start + 12 ? duration->start - 12 : s.start;
        const std::string folded =
            util::Fold(std::string_view(a->text).substr(before, duration->end - before));
        const bool within = folded.find("binnen") != std::string::npos ||
                            folded.find("innerhalb") != std::string::npos ||
                            folded.find("within") != std::string::npos;
        add("completed", duration->text, within ? start : end, end);
      } else if (preds.contains("completed") && day_mention != nullptr) {
        add("completed", day_mention->text, day, day);
      }
    }
  }
  std::vector<Claim> out;
  for (const std::string& key : key_order) {
    const std::vector<DateValue>& values = by_key[key];
    Claim c;
    c.kind = "date";
    const size_t bar = key.find('|');
    c.counted = key.substr(0, bar);
    c.predicate = key.substr(bar + 1);
    c.about = c.counted + " " + c.predicate;
    std::set<std::string> sources;
    for (const DateValue& v : values) sources.insert(v.source);
    c.status = sources.size() < 2 ? "single-source" : "consistent";
    for (size_t x = 0; x < values.size() && c.status == "consistent"; ++x) {
      for (size_t y = x + 1; y < values.size(); ++y) {
        if (values[x].source == values[y].source) continue;
        if (values[x].high < values[y].low || values[y].high < values[x].low) {
          c.status = "conflicting";
          break;
        }
      }
    }
    for (const DateValue& v : values) {
      ClaimValue cv;
      cv.article = v.article->id;
      cv.text = v.text;
      cv.date_low = v.low;
      cv.date_high = v.high;
      c.values.push_back(std::move(cv));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace lagebild::claims
