// Feeds: AddFeed, RemoveFeed, ListFeeds, PollDueFeeds (pipeline.h): fetch
// (libcurl) → read (feed items, their pages) → the caller's writer.
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "fetch/fetch.h"
#include "lagebild/pipeline.h"
#include "read/read.h"
#include "store/store.h"
#include "util/hash.h"

namespace lagebild {
namespace {

FeedInfo InfoOf(const store::StoredFeed& f) {
  return {f.id, f.url, f.title, f.every_seconds, f.next_poll, f.last_poll, f.last_success,
          f.failures, f.last_error, f.items};
}

constexpr int64_t kMaxBackoff = 24 * 3600;

// What the feed says of an item, as a hex digest.
std::string Digest(const read::FeedItem& item) {
  uint64_t h = util::kFnvOffset;
  for (const std::string* s : {&item.title, &item.text, &item.published, &item.url}) {
    h = util::FnvAdd(h, *s);
    h = (h ^ 0xFF) * util::kFnvPrime;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
constexpr size_t kMaxItemsPerPoll = 200;

// The article of an item: its page when it can be fetched and read, else
// the feed's own text for it.
Result<RawArticle> ItemArticle(const read::FeedItem& item, const std::string& feed_url) {
  read::ReadOptions options;
  options.max_article_bytes = 4u << 20;
  RawArticle a;
  bool from_page = false;
  if (!fetch::HostOf(item.url).empty()) {
    fetch::FetchOptions fo;
    fo.max_bytes = options.max_article_bytes;
    fo.timeout_ms = 15000;
    // Two tries: a page that fails once may answer a moment later.
    for (int attempt = 0; attempt < 2 && !from_page; ++attempt) {
      Result<fetch::Fetched> page = fetch::Fetch(item.url, fo);
      if (!page.ok()) continue;
      read::ReadOutput read = read::ReadHtml(page.value().body, item.url, options);
      if (!read.articles.empty() && !read.articles[0].body.empty()) {
        a = std::move(read.articles[0]);
        from_page = true;
      }
    }
  }
  if (!from_page) {
    Result<RawArticle> own = read::ArticleFromFeedItem(item, item.url.empty() ? feed_url : item.url, options);
    if (!own.ok()) return own.status();
    a = std::move(own.value());
  }
  if (!item.title.empty() && (!a.title || a.title->empty())) a.title = item.title;
  if (!a.published_date.known() && !item.published.empty()) {
    a.published = item.published;
    a.published_date = read::ParseMetadataDate(item.published);
  }
  a.url = item.url;
  if (a.outlet.empty()) a.outlet = fetch::HostOf(item.url.empty() ? feed_url : item.url);
  if (a.source.empty()) a.source = item.url.empty() ? feed_url : item.url;
  return a;
}

}  // namespace

Result<FeedInfo> AddFeed(const std::string& db, const std::string& url, int64_t every_seconds) {
  if (fetch::HostOf(url).empty()) return InvalidArgument("'" + url + "' is no http or https address");
  if (every_seconds < 10) return InvalidArgument("a feed is polled at most every 10 seconds");
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db);
  if (!opened.ok()) return opened.status();
  Result<store::StoredFeed> f = opened.value()->AddFeed(url, every_seconds);
  if (!f.ok()) return f.status();
  return InfoOf(f.value());
}

Status RemoveFeed(const std::string& db, const std::string& url) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db);
  if (!opened.ok()) return opened.status();
  return opened.value()->RemoveFeed(url);
}

Result<std::vector<FeedInfo>> ListFeeds(const std::string& db) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::StoredFeed>> feeds = opened.value()->Feeds();
  if (!feeds.ok()) return feeds.status();
  std::vector<FeedInfo> out;
  for (const store::StoredFeed& f : feeds.value()) out.push_back(InfoOf(f));
  return out;
}

Result<PollSummary> PollDueFeeds(const std::string& db, const AddArticles& add, int64_t now,
                                 const std::function<bool()>& stop) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db);
  if (!opened.ok()) return opened.status();
  store::Store& st = *opened.value();
  Result<std::vector<store::StoredFeed>> feeds = st.Feeds();
  if (!feeds.ok()) return feeds.status();
  PollSummary summary;
  for (store::StoredFeed f : feeds.value()) {
    if (stop && stop()) break;
    if (f.next_poll > now) continue;
    ++summary.feeds;
    f.last_poll = now;
    std::vector<store::TakenItem> taken;
    const auto failed = [&](const std::string& why) {
      ++summary.failed;
      ++f.failures;
      f.last_error = why;
      f.next_poll = now + std::min<int64_t>(kMaxBackoff, f.every_seconds << std::min<int64_t>(f.failures, 12));
    };
    fetch::FetchOptions fo;
    fo.if_none_match = f.etag;
    fo.if_modified_since = f.last_modified;
    Result<fetch::Fetched> got = fetch::Fetch(f.url, fo);
    if (!got.ok()) {
      failed(got.status().message());
    } else if (got.value().status == 304) {
      f.failures = 0;
      f.last_error.clear();
      f.last_success = now;
      f.next_poll = now + f.every_seconds;
    } else {
      Result<read::Feed> feed = read::ParseFeed(got.value().body, f.url);
      if (!feed.ok()) {
        failed(feed.status().message());
      } else {
        Result<std::vector<store::TakenItem>> seen_list = st.FeedItems(f.id);
        if (!seen_list.ok()) return seen_list.status();
        std::unordered_map<std::string, std::string> seen;  // item → digest
        for (store::TakenItem& t : seen_list.value()) seen[std::move(t.item)] = std::move(t.digest);
        std::vector<RawArticle> fresh;
        std::vector<std::string> ids, digests;
        std::vector<std::string> errors;
        for (const read::FeedItem& item : feed.value().items) {
          // An item taken before is taken again only when the feed says
          // something new of it (an updated article: its next version).
          const std::string digest = Digest(item);
          const auto known = seen.find(item.id);
          if (item.id.empty() || (known != seen.end() && known->second == digest) || fresh.size() >= kMaxItemsPerPoll) {
            continue;
          }
          if (std::find(ids.begin(), ids.end(), item.id) != ids.end()) continue;
          Result<RawArticle> a = ItemArticle(item, f.url);
          if (!a.ok()) {
            errors.push_back(item.id + ": " + a.status().message());
            continue;
          }
          fresh.push_back(std::move(a.value()));
          ids.push_back(item.id);
          digests.push_back(digest);
        }
        if (!fresh.empty()) {
          // The writer's transaction comes first: an item is recorded as
          // taken only once its article is stored (a crash between the
          // two takes it again, and the store knows it by its identity).
          Result<std::vector<IngestedArticle>> placed = add(std::move(fresh));
          if (!placed.ok()) return placed.status();
          for (size_t k = 0; k < ids.size() && k < placed.value().size(); ++k) {
            taken.push_back({ids[k], placed.value()[k].article, digests[k]});
            summary.added += placed.value()[k].added;
          }
        }
        summary.items += taken.size();
        f.title = feed.value().title;
        f.etag = got.value().etag;
        f.last_modified = got.value().last_modified;
        f.failures = 0;
        f.last_error = errors.empty() ? std::string() : std::to_string(errors.size()) + " items skipped: " + errors[0];
        f.last_success = now;
        f.next_poll = now + f.every_seconds;
      }
    }
    LAGEBILD_RETURN_IF_ERROR(st.RecordPoll(f, taken));
  }
  return summary;
}

}  // namespace lagebild
