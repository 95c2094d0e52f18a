// View, Views, Filter (view.h).
#include "serve/view.h"

#include <algorithm>

#include "util/calendar.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::serve {

const StoryRow* View::Story(int64_t id) const {
  const auto it = story_at.find(id);
  return it == story_at.end() ? nullptr : &stories[it->second];
}

const StoryMember* View::Article(int64_t id) const {
  const auto it = article_at.find(id);
  return it == article_at.end() ? nullptr : &articles[it->second];
}

namespace {

Result<std::shared_ptr<const View>> Build(const std::string& db, int64_t change) {
  Result<std::vector<StoryInfo>> stories = lagebild::ListStories(db);
  if (!stories.ok()) return stories.status();
  Result<std::vector<StoryMember>> members = ListMembers(db);
  if (!members.ok()) return members.status();
  auto view = std::make_shared<View>();
  view->change = change;
  for (StoryInfo& s : stories.value()) {
    if (s.articles <= 0) continue;  // its one article became a version elsewhere
    view->story_at[s.id] = view->stories.size();
    view->stories.push_back({std::move(s), 0, 0, {}, {}, {}, {}});
  }
  view->articles = std::move(members.value());
  std::map<int64_t, std::map<std::string, int>> languages;
  for (size_t i = 0; i < view->articles.size(); ++i) {
    const StoryMember& m = view->articles[i];
    view->article_at[m.article] = i;
  }
  for (const StoryMember& m : view->articles) {
    const std::string outlet = m.outlet.empty() ? std::string("(no outlet)") : m.outlet;
    OutletRow& o = view->outlets[outlet];
    o.name = outlet;
    ++o.articles;
    o.stories.insert(m.story);
    if (m.duplicate_of) {
      ++o.copies;
      if (const StoryMember* original = view->Article(*m.duplicate_of)) {
        ++o.copies_from[original->outlet.empty() ? std::string("(no outlet)") : original->outlet];
      }
    }
    if (!m.language.empty()) view->languages.insert(m.language);
    const auto at = view->story_at.find(m.story);
    if (at == view->story_at.end()) continue;
    StoryRow& row = view->stories[at->second];
    if (m.duplicate_of) {
      ++row.copies;
      row.flags.insert("copy");
      view->flags.insert("copy");
    } else {
      ++row.sources;
    }
    for (const std::string& f : m.flags) {
      row.flags.insert(f);
      view->flags.insert(f);
    }
    ++languages[m.story][m.language];
    row.outlets.insert(outlet);
    if (m.day) {
      ++row.per_day[*m.day];
      view->newest_day = view->any_day ? std::max(view->newest_day, *m.day) : *m.day;
      view->any_day = true;
    }
  }
  for (auto& [story, counts] : languages) {
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [lang, n] : counts) sorted.emplace_back(-n, lang);
    std::sort(sorted.begin(), sorted.end());
    StoryRow& row = view->stories[view->story_at[story]];
    for (const auto& [n, lang] : sorted) {
      if (!lang.empty()) row.languages.push_back(lang);
    }
  }
  return std::shared_ptr<const View>(std::move(view));
}

// Search words: runs of letters and digits (other characters split them).
std::vector<std::string> Words(std::string_view q) {
  std::vector<std::string> out;
  std::string word;
  for (size_t i = 0; i < q.size();) {
    const unsigned char c = static_cast<unsigned char>(q[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, q.size() - i);
    const bool part = n > 1 || util::IsAsciiAlpha(char(c)) || util::IsAsciiDigit(char(c));
    if (part) {
      word.append(q.substr(i, n));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
    i += n;
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool IsDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!util::IsAsciiDigit(s[i])) return false;
  }
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Result<std::shared_ptr<const View>> Views::Current() {
  Result<int64_t> change = 0;
  {
    std::lock_guard<std::mutex> probing(probe_mu_);
    change = probe_.Last();
  }
  if (!change.ok()) return change.status();
  std::unique_lock<std::mutex> lock(mu_);
  if (view_ != nullptr && (view_->change == change.value() || rebuilding_)) return view_;
  if (view_ == nullptr) {
    // The first view: every request waits for it.
    Result<std::shared_ptr<const View>> built = Build(db_, change.value());
    if (!built.ok()) return built.status();
    view_ = std::move(built.value());
    return view_;
  }
  rebuilding_ = true;
  lock.unlock();
  Result<std::shared_ptr<const View>> built = Build(db_, change.value());
  lock.lock();
  rebuilding_ = false;
  if (!built.ok()) return built.status();
  if (view_->change < built.value()->change) view_ = std::move(built.value());
  return view_;
}

std::optional<FilterError> ParseFilter(const std::multimap<std::string, std::string>& params, Filter* out) {
  const auto one = [&](const char* key, std::string* value) -> std::optional<FilterError> {
    const auto [lo, hi] = params.equal_range(key);
    if (lo == hi) return std::nullopt;
    if (std::next(lo) != hi) return FilterError{key, std::string(key) + " is given more than once"};
    if (!util::IsValidUtf8(lo->second)) return FilterError{key, std::string(key) + " is not valid UTF-8"};
    if (lo->second.size() > 500) return FilterError{key, std::string(key) + " is longer than 500 bytes"};
    *value = std::string(util::Trim(lo->second));
    return std::nullopt;
  };
  for (const auto& [key, value] : params) {
    static const std::set<std::string> kKnown = {"q", "lang", "outlet", "from", "to", "flag", "page", "limit",
                                                  "cursor", "format"};
    if (!kKnown.count(key)) return FilterError{key, "unknown parameter '" + key + "'"};
  }
  if (auto e = one("q", &out->q)) return e;
  if (auto e = one("lang", &out->language)) return e;
  if (auto e = one("outlet", &out->outlet)) return e;
  if (auto e = one("from", &out->from)) return e;
  if (auto e = one("to", &out->to)) return e;
  if (auto e = one("flag", &out->flag)) return e;
  out->words = Words(out->q);
  if (out->words.size() > 16) return FilterError{"q", "q has more than 16 words"};
  for (const std::string* day : {&out->from, &out->to}) {
    if (!day->empty() && !IsDay(*day)) {
      const char* key = day == &out->from ? "from" : "to";
      return FilterError{key, std::string(key) + " is a day YYYY-MM-DD, not '" + *day + "'"};
    }
  }
  if (!out->from.empty() && !out->to.empty() && out->to < out->from) {
    return FilterError{"to", "to is before from"};
  }
  return std::nullopt;
}

Result<std::vector<Listed>> SelectStories(const std::string& db, const View& view, const Filter& filter) {
  const auto passes = [&](const StoryRow& s) {
    if (!filter.language.empty() &&
        std::find(s.languages.begin(), s.languages.end(), filter.language) == s.languages.end()) {
      return false;
    }
    if (!filter.outlet.empty() && !s.outlets.count(filter.outlet)) return false;
    if (!filter.flag.empty() && !s.flags.count(filter.flag)) return false;
    if (!filter.from.empty() || !filter.to.empty()) {
      if (s.info.first_day.empty()) return false;  // undated stories have no days to be in
      if (!filter.from.empty() && s.info.last_day < filter.from) return false;
      if (!filter.to.empty() && s.info.first_day > filter.to) return false;
    }
    return true;
  };
  std::vector<Listed> out;
  if (filter.words.empty()) {
    for (const StoryRow& s : view.stories) {
      if (passes(s)) out.push_back({&s, {}});
    }
    return out;
  }
  // At most 2,000 matching articles: the query's cost is bounded.
  Result<std::vector<SearchResult>> hits = SearchStore(db, filter.words, 2000);
  if (!hits.ok()) return hits.status();
  std::unordered_map<int64_t, size_t> at;
  for (const SearchResult& h : hits.value()) {
    // The view's story of the article (the index's may be newer than the view).
    const StoryMember* m = view.Article(h.article);
    const StoryRow* s = view.Story(m != nullptr ? m->story : h.story);
    if (s == nullptr || !passes(*s)) continue;
    const auto [it, fresh] = at.emplace(s->info.id, out.size());
    if (fresh) out.push_back({s, {}});
    out[it->second].hits.push_back(h.article);
  }
  return out;
}

std::string FilterQuery(const Filter& filter, const std::string& extra) {
  std::string out;
  const auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += '&';
    out += key;
    out += '=';
    out += util::PercentEncode(value);
  };
  add("q", filter.q);
  add("lang", filter.language);
  add("outlet", filter.outlet);
  add("from", filter.from);
  add("to", filter.to);
  add("flag", filter.flag);
  if (!extra.empty()) out += (out.empty() ? "" : "&") + extra;
  return out;
}

}  // namespace lagebild::serve
