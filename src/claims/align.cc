// AlignClaims (claims.h): quantities of one story grouped by predicate and
// counted class, split into slots where one source gives several values,
// with a status from their bounds.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claims.h"
#include "claims/lexicon.h"
#include "util/calendar.h"
#include "util/fold.h"

namespace lagebild::claims {
namespace {

struct Bounds {
  double low, high;
};

Bounds Of(const Quantity& q) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  return {q.low.value_or(-kInf), q.high.value_or(kInf)};
}

bool Overlap(const Quantity& a, const Quantity& b) {
  const Bounds x = Of(a), y = Of(b);
  return x.low <= y.high && y.low <= x.high;
}

bool IsKnownClass(const std::string& counted) {
  for (const char* lang : {"de", "en"}) {
    if (GetLexicon(lang)->thing_classes.contains(counted)) return true;
  }
  return false;
}

// Capitalised words (folded) of the sentence around [start, end), the
// quantity's own words left out: what its context names.
std::set<std::string> ContextNames(std::string_view text, size_t start, size_t end) {
  size_t b = start, e = end;
  while (b > 0 && text[b - 1] != '\n' && !(text[b - 1] == ' ' && b >= 2 && text[b - 2] == '.')) --b;
  while (e < text.size() && text[e] != '\n' && !(text[e] == '.' && (e + 1 == text.size() || text[e + 1] == ' '))) ++e;
  std::set<std::string> out;
  size_t i = b;
  while (i < e) {
    while (i < e && (text[i] == ' ' || text[i] == ',' || text[i] == '(' || text[i] == ')')) ++i;
    size_t j = i;
    while (j < e && text[j] != ' ' && text[j] != ',' && text[j] != '(' && text[j] != ')') ++j;
    if (j > i && (i >= end || j <= start)) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      const bool cap = (c >= 'A' && c <= 'Z') || (c == 0xC3 && i + 1 < e &&
                                                  static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                                                  static_cast<unsigned char>(text[i + 1]) <= 0x9E);
      if (cap && j - i > 2 && i != b) out.insert(util::Fold(text.substr(i, j - i)));
    }
    i = j + 1;
  }
  return out;
}

double Similarity(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const std::string& w : a) shared += b.contains(w);
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

// The article's day as a number, when it is dated to the day.
std::optional<int64_t> DayOf(const Article& a) {
  const PartialDate& p = a.published.value;
  const util::Day day{p.year, p.month, p.day};
  if (!p.known() || !util::IsValidDay(day)) return std::nullopt;
  return util::DayNumber(day);
}

std::string About(const std::string& counted, const std::string& predicate) {
  if (predicate.empty()) return counted;
  if (counted.empty()) return predicate;
  return counted + " " + predicate;
}

}  // namespace

std::vector<Claim> AlignClaims(const std::vector<Article*>& articles) {
  struct Item {
    Article* article;
    Quantity* q;
    std::string source;  // the article, a copy counted as its original
    std::set<std::string> names;
  };
  struct Slot {
    std::string counted, predicate;
    std::vector<Item> items;
    std::set<std::string> sources;
    size_t first = 0;
  };
  // Items by key, in reading order.
  std::map<std::string, std::vector<Item>> by_key;
  std::map<std::string, size_t> key_first;
  size_t order = 0;
  for (Article* a : articles) {
    for (Quantity& q : a->quantities) {
      q.claim.clear();
      if (q.predicate.empty() && !IsKnownClass(q.counted)) continue;
      const std::string key = q.predicate + "|" + q.counted;
      key_first.try_emplace(key, order++);
      by_key[key].push_back({a, &q, a->duplicate_of.value_or(a->id),
                             ContextNames(a->text, q.start, q.end)});
    }
  }
  std::vector<Slot> slots;
  for (auto& [key, items] : by_key) {
    const size_t begin = slots.size();
    for (Item& it : items) {
      // The slot with the most shared context among those where this
      // source says nothing that contradicts it; a value that agrees
      // counts a little.
      long best = -1;
      double best_score = -1;
      for (size_t s = begin; s < slots.size(); ++s) {
        bool fits = true;
        double sim = 0;
        bool agrees = false;
        for (const Item& other : slots[s].items) {
          if (other.source == it.source && !Overlap(*other.q, *it.q)) fits = false;
          sim = std::max(sim, Similarity(other.names, it.names));
          agrees |= Overlap(*other.q, *it.q);
        }
        if (!fits) continue;
        const double score = sim + (agrees ? 0.25 : 0);
        if (score > best_score) {
          best_score = score;
          best = static_cast<long>(s);
        }
      }
      if (best < 0) {
        Slot s;
        s.counted = it.q->counted;
        s.predicate = it.q->predicate;
        s.first = key_first[key];
        slots.push_back(std::move(s));
        best = static_cast<long>(slots.size() - 1);
      }
      slots[static_cast<size_t>(best)].sources.insert(it.source);
      slots[static_cast<size_t>(best)].items.push_back(std::move(it));
    }
  }
  std::vector<const Slot*> sorted;
  for (const Slot& s : slots) sorted.push_back(&s);
  // Claims several sources make first, then in order of first mention.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Slot* a, const Slot* b) {
    if (a->sources.size() != b->sources.size()) return a->sources.size() > b->sources.size();
    return a->first < b->first;
  });
  std::vector<Claim> out;
  for (const Slot* s : sorted) {
    Claim c;
    c.id = "c" + std::to_string(out.size() + 1);
    c.counted = s->counted;
    c.predicate = s->predicate;
    // A class reads as it is ("soldiers"); another noun as first written.
    c.about = About(IsKnownClass(s->counted) || s->items.front().q->unit.empty()
                        ? s->counted
                        : s->items.front().q->unit,
                    s->predicate);
    // The same in the language of the claim's first article, from the
    // lexicon's labels (a noun that is no class reads as written).
    if (const Lexicon* lex = GetLexicon(s->items.front().article->language)) {
      auto read = [&](const std::string& cls, const std::string& written) {
        const auto it = lex->labels.find(cls);
        return it != lex->labels.end() ? it->second : written;
      };
      const std::string counted =
          IsKnownClass(s->counted) ? read(s->counted, s->counted)
                                   : (s->items.front().q->unit.empty() ? s->counted
                                                                       : s->items.front().q->unit);
      c.label = About(counted, s->predicate.empty() ? "" : read(s->predicate, s->predicate));
    }
    if (c.label.empty()) c.label = c.about;
    if (s->sources.size() < 2) {
      c.status = "single-source";
    } else {
      c.status = "consistent";
      for (size_t x = 0; x < s->items.size() && c.status == "consistent"; ++x) {
        for (size_t y = x + 1; y < s->items.size(); ++y) {
          if (s->items[x].source == s->items[y].source) continue;
          if (!Overlap(*s->items[x].q, *s->items[y].q)) {
            c.status = "conflicting";
            break;
          }
        }
      }
    }
    // A figure that changed as the days passed: values of different days
    // that do not meet, while every two of one day meet, and the figure
    // moves one way (a death toll of 164, then 225 three days later). Its
    // values then go in day order.
    std::vector<const Item*> in_order;
    for (const Item& it : s->items) in_order.push_back(&it);
    if (c.status == "conflicting") {
      bool dated = true, same_day_conflict = false;
      for (const Item& it : s->items) dated = dated && DayOf(*it.article).has_value();
      for (size_t x = 0; dated && x < s->items.size(); ++x) {
        for (size_t y = x + 1; y < s->items.size(); ++y) {
          const Item &a = s->items[x], &b = s->items[y];
          if (a.source != b.source && *DayOf(*a.article) == *DayOf(*b.article) && !Overlap(*a.q, *b.q)) {
            same_day_conflict = true;
          }
        }
      }
      if (dated && !same_day_conflict) {
        std::stable_sort(in_order.begin(), in_order.end(), [](const Item* a, const Item* b) {
          return *DayOf(*a->article) < *DayOf(*b->article);
        });
        // Each day's range: the bounds its values share.
        std::vector<Bounds> days;
        std::optional<int64_t> last;
        for (const Item* it : in_order) {
          const Bounds b = Of(*it->q);
          const int64_t d = *DayOf(*it->article);
          if (last && *last == d) {
            days.back() = {std::max(days.back().low, b.low), std::min(days.back().high, b.high)};
          } else {
            days.push_back(b);
          }
          last = d;
        }
        bool up = days.size() >= 2, down = days.size() >= 2;
        for (size_t k = 1; k < days.size(); ++k) {
          up = up && days[k].low >= days[k - 1].low && days[k].high >= days[k - 1].high;
          down = down && days[k].low <= days[k - 1].low && days[k].high <= days[k - 1].high;
        }
        if (up || down) {
          c.status = "updated";
        } else {
          in_order.clear();
          for (const Item& it : s->items) in_order.push_back(&it);
        }
      }
    }
    for (const Item* item : in_order) {
      const Item& it = *item;
      it.q->claim = c.id;
      ClaimValue v;
      v.article = it.article->id;
      v.text = it.q->text;
      v.value = it.q->value;
      v.low = it.q->low;
      v.high = it.q->high;
      v.source = it.q->source;
      c.values.push_back(std::move(v));
    }
    out.push_back(std::move(c));
  }
  for (Claim& c : AlignDateClaims(articles)) {
    c.id = "c" + std::to_string(out.size() + 1);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace lagebild::claims
