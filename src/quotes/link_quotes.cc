// LinkQuotes (quotes.h): speakers to story entities, quotes to statements.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

#include "quotes/lexicon.h"
#include "quotes/quotes.h"
#include "util/fold.h"
#include "util/words.h"

namespace lagebild::quotes {
namespace {

// Content of a quote as ids: for every word of four letters or more that
// is not a stop word, its synonym group ("g12") or its stem (first five
// letters).
util::WordIds Content(std::string_view text, const Lexicon& lex, util::Interner* ids) {
  util::WordIds out;
  const auto& syn = Synonyms();
  util::ForEachLetterRun(text, [&](std::string_view word, size_t letters) {
    if (letters < 4) return;
    const std::string w = util::Fold(word);
    if (lex.stop.contains(w)) return;
    const auto it = syn.find(w);
    out.push_back(ids->Id(it != syn.end() ? "g" + std::to_string(it->second)
                                          : std::string(util::FirstChars(w, 5))));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<Statement> LinkQuotes(const std::vector<Article*>& articles) {
  struct Item {
    Article* article;
    Quote* q;
    util::WordIds content;
  };
  std::vector<Item> items;
  util::Interner ids;
  for (Article* a : articles) {
    const Lexicon* lex = GetLexicon(a->language);
    for (Quote& q : a->quotes) {
      q.speaker.clear();
      q.statement.clear();
      // The speaker's story entity: the linked mention at its span.
      const bool pronoun = q.referent_end > q.referent_start;
      const uint32_t at = pronoun ? q.referent_start : q.speaker_start;
      if ((pronoun ? q.referent_end : q.speaker_end) > at) {
        for (const EntityMention& m : a->entities) {
          if (m.start <= at && at < m.end && !m.entity.empty()) {
            q.speaker = m.entity;
            break;
          }
        }
      }
      items.push_back({a, &q, lex != nullptr ? Content(q.text, *lex, &ids) : util::WordIds{}});
    }
  }
  // Renderings of one statement: quotes of different articles by the same
  // speaker whose content overlaps by a quarter, or by any speakers (one
  // unknown) whose content overlaps by three fifths.
  std::vector<size_t> parent(items.size());
  std::iota(parent.begin(), parent.end(), size_t{0});
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // Pairs that share a content word, found through an index (content
  // words in more than 200 quotes are too common to count), so that a
  // story of thousands of articles stays near linear.
  std::vector<std::vector<uint32_t>> index(ids.size());
  for (uint32_t x = 0; x < items.size(); ++x) {
    for (uint32_t w : items[x].content) index[w].push_back(x);
  }
  std::vector<uint8_t> seen(items.size(), 0);
  std::vector<uint32_t> touched;
  for (size_t x = 0; x < items.size(); ++x) {
    touched.clear();
    for (uint32_t w : items[x].content) {
      const auto& post = index[w];
      if (post.size() > 200) continue;
      for (uint32_t y : post) {
        if (y > x && !seen[y]) {
          seen[y] = 1;
          touched.push_back(y);
        }
      }
    }
    for (uint32_t y : touched) {
      seen[y] = 0;
      if (items[x].article == items[y].article) continue;
      const std::string& sx = items[x].q->speaker;
      const std::string& sy = items[y].q->speaker;
      if (!sx.empty() && !sy.empty() && sx != sy) continue;
      const double overlap = util::SharedFraction(items[x].content, items[y].content);
      const bool same_speaker = !sx.empty() && sx == sy;
      if (overlap >= (same_speaker ? 0.25 : 0.6) &&
          std::min(items[x].content.size(), items[y].content.size()) >= 2) {
        parent[find(y)] = find(x);
      }
    }
  }
  std::vector<Statement> out;
  std::vector<long> statement_of(items.size(), -1);
  for (size_t x = 0; x < items.size(); ++x) {
    const size_t root = find(x);
    if (statement_of[root] < 0) {
      statement_of[root] = static_cast<long>(out.size());
      Statement st;
      st.id = "q" + std::to_string(out.size() + 1);
      out.push_back(std::move(st));
    }
    Statement& st = out[static_cast<size_t>(statement_of[root])];
    Quote& q = *items[x].q;
    q.statement = st.id;
    if (st.speaker.empty() && !q.speaker.empty()) st.speaker = q.speaker;
    if (st.speaker_text.empty() && !q.speaker_text.empty()) st.speaker_text = q.speaker_text;
    st.renderings.push_back({items[x].article->id, q.text});
  }
  // Statements several articles render first.
  std::stable_sort(out.begin(), out.end(), [](const Statement& a, const Statement& b) {
    return a.renderings.size() > b.renderings.size();
  });
  std::map<std::string, std::string> renamed;
  for (size_t k = 0; k < out.size(); ++k) {
    renamed[out[k].id] = "q" + std::to_string(k + 1);
    out[k].id = renamed[out[k].id];
  }
  for (Item& it : items) it.q->statement = renamed[it.q->statement];
  return out;
}

}  // namespace lagebild::quotes
