// The store's entry points: Ingest (inputs → database, copies and stories
// found as articles arrive), ListStories, AnalyzeStory (one stored story
// → Report). Stages composed top to bottom, as in analyze.cc.
#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "clean/clean.h"
#include "dedup/dedup.h"
#include "language/language.h"
#include "lagebild/pipeline.h"
#include "pipeline/steps.h"
#include "stories/stories.h"
#include "store/store.h"
#include "util/calendar.h"
#include "util/hash.h"
#include "util/parallel.h"

namespace lagebild {
namespace {

// An article is known by its URL, title and text: the same article read
// again (from another path, or twice in one input list) is not added again.
uint64_t Identity(const RawArticle& raw) {
  uint64_t h = util::kFnvOffset;
  auto mix = [&](std::string_view s) {
    h = util::FnvAdd(h, s);
    h = (h ^ 0xFF) * util::kFnvPrime;  // field separator
  };
  mix(raw.url);
  mix(raw.title.value_or(""));
  mix(raw.body);
  return h;
}

std::string DayString(int64_t n) { return util::FormatDay(util::FromDayNumber(n)); }

// What Ingest keeps between batches: the dedup and story indexes over the
// recent stream, and the document frequencies.
struct StreamState {
  stories::DocumentFrequencies df;
  std::unique_ptr<dedup::CopyFinder> copies;
  std::unique_ptr<stories::StoryClusterer> clusterer;
  // stream number → where it went (dedup window): a copy joins its original's event
  std::unordered_map<uint64_t, stories::Placement> placed;
  int64_t last_article = 0;
  int64_t last_story = 0;
  int64_t last_event = 0;
};

Status LoadState(store::Store& db, StreamState* state, std::vector<InputError>* errors) {
  Result<int64_t> last_article = db.LastArticleId();
  if (!last_article.ok()) return last_article.status();
  Result<int64_t> last_story = db.LastStoryId();
  if (!last_story.ok()) return last_story.status();
  Result<int64_t> last_event = db.LastEventId();
  if (!last_event.ok()) return last_event.status();
  Result<uint64_t> documents = db.Documents();
  if (!documents.ok()) return documents.status();
  Result<std::vector<std::pair<uint64_t, uint32_t>>> counts = db.DocumentFrequencies();
  if (!counts.ok()) return counts.status();
  state->last_article = last_article.value();
  state->last_story = last_story.value();
  state->last_event = std::max(last_event.value(), last_story.value());
  state->df.Load(counts.value(), documents.value());

  const dedup::CopyOptions copy_options;
  const stories::ClusterOptions cluster_options;
  Result<std::vector<store::StoredArticle>> recent =
      db.Recent(std::max(copy_options.window, cluster_options.window_articles));
  if (!recent.ok()) return recent.status();
  const uint64_t first = recent.value().empty() ? uint64_t(state->last_article)
                                                : uint64_t(recent.value().front().id - 1);
  state->copies = std::make_unique<dedup::CopyFinder>(copy_options, first);
  state->clusterer =
      std::make_unique<stories::StoryClusterer>(cluster_options, uint32_t(state->last_story),
                                                uint32_t(state->last_event));
  for (const store::StoredArticle& a : recent.value()) {
    const uint64_t number = uint64_t(a.id - 1);
    // Ids are consecutive; a gap (rows deleted by hand) is kept as empty
    // entries so stream numbers stay ids - 1.
    while (state->copies->added() < number) {
      state->copies->Remember({}, state->copies->added());
    }
    dedup::Fingerprint fp;
    stories::ArticleVectors v;
    if (a.story < 1 || a.story > state->last_story || a.event < 1 || a.event > state->last_event ||
        (a.duplicate_of && (*a.duplicate_of < 1 || *a.duplicate_of > a.id))) {
      errors->push_back({db.path(), "article " + std::to_string(a.id) +
                                        " has a damaged story or copy reference; new articles "
                                        "are not compared with it"});
      state->copies->Remember({}, number);
      continue;
    }
    if (!dedup::Decode(a.fingerprint, &fp) || !stories::Decode(a.vectors, &v)) {
      errors->push_back({db.path(), "article " + std::to_string(a.id) +
                                        " has damaged index data; new articles are not "
                                        "compared with it"});
      fp = {};
      v = {};
    }
    state->copies->Remember(std::move(fp), uint64_t(a.duplicate_of.value_or(a.id) - 1));
    const stories::Placement placed{uint32_t(a.story - 1), uint32_t(a.event - 1), {}};
    state->clusterer->Restore(placed, v, number);
    state->placed[number] = placed;
  }
  return Status::Ok();
}

// One batch: prepare, find copies and stories, write in one transaction.
// `placed`, when given, gets where each article of `raw` went, in order.
Status IngestBatch(std::vector<RawArticle> raw, store::Store& db, const AnalyzeOptions& options,
                   StreamState* state, IngestSummary* summary,
                   std::vector<IngestedArticle>* placed_out = nullptr) {
  const size_t n = raw.size();
  std::vector<uint64_t> identity(n);
  std::vector<std::string> encoded(n);
  util::ParallelFor(n, options.jobs, [&](size_t i) {
    SelectContent(raw[i]);
    identity[i] = Identity(raw[i]);
    encoded[i] = store::EncodeRaw(raw[i]);
  });
  Result<std::vector<int64_t>> known = db.Known(identity);
  if (!known.ok()) return known.status();
  // Known: stored before (earlier batches are committed), or repeated in
  // this batch (then it is where its first reading goes).
  std::unordered_map<uint64_t, size_t> seen;  // identity → index in raw
  std::vector<size_t> fresh;
  std::vector<size_t> same_as(n, SIZE_MAX);
  for (size_t i = 0; i < n; ++i) {
    if (known.value()[i] != 0) {
      ++summary->known;
    } else if (const auto [it, first] = seen.emplace(identity[i], i); !first) {
      same_as[i] = it->second;
      ++summary->known;
    } else {
      fresh.push_back(i);
    }
  }
  const size_t m = fresh.size();
  std::vector<Article> articles(m);
  std::vector<dedup::Fingerprint> prints(m);
  std::vector<stories::ArticleTerms> terms(m);
  util::ParallelFor(m, options.jobs, [&](size_t k) {
    articles[k] = PrepareArticle(std::move(raw[fresh[k]]), /*assess_source=*/false);
    DayFromOwnContent(articles[k]);
    prints[k] = dedup::MakeFingerprint(articles[k].text);
    terms[k] = stories::DescribeArticle(articles[k].title.value_or(""), articles[k].text,
                                        articles[k].language, articles[k].published.value,
                                        &EnglishGerman());
  });
  // Document frequencies: the batch's articles count before any is weighed.
  std::unordered_map<uint64_t, uint32_t> increments;
  for (const stories::ArticleTerms& t : terms) {
    state->df.Add(t);
    for (const auto& [term, count] : t.terms) ++increments[term];
  }
  std::vector<store::StoredArticle> rows(m);
  std::vector<std::pair<int64_t, int64_t>> merges;  // (from, into), in order
  std::unordered_set<int64_t> touched;
  const dedup::CopyOptions copy_options;
  for (size_t k = 0; k < m; ++k) {
    const Article& a = articles[k];
    store::StoredArticle& row = rows[k];
    const uint64_t number = uint64_t(state->last_article++);
    row.id = int64_t(number + 1);
    row.fingerprint = dedup::Encode(prints[k]);
    const std::optional<uint64_t> original = state->copies->Add(std::move(prints[k]));
    const stories::ArticleVectors v = stories::Weigh(terms[k], state->df);
    stories::Placement placed;
    if (original && state->placed.count(*original)) {
      placed = state->placed[*original];
      state->clusterer->AddTo(placed, v);
      row.duplicate_of = int64_t(*original + 1);
      ++summary->copies;
    } else {
      placed = state->clusterer->Add(v);
    }
    // Stories that joined this one: their stored and pending articles move.
    for (uint32_t gone : placed.merged) {
      const int64_t from = int64_t(gone) + 1, into = int64_t(placed.story) + 1;
      merges.emplace_back(from, into);
      for (size_t j = 0; j < k; ++j) {
        if (rows[j].story == from) rows[j].story = into;
      }
      for (auto& [stream_number, p] : state->placed) {
        if (p.story == gone) p.story = placed.story;
      }
    }
    placed.merged.clear();
    state->placed[number] = placed;
    if (number >= copy_options.window) state->placed.erase(number - copy_options.window);
    row.story = int64_t(placed.story) + 1;
    row.event = int64_t(placed.event) + 1;
    state->last_event = std::max(state->last_event, row.event);
    if (row.story > state->last_story) {
      state->last_story = row.story;
      ++summary->new_stories;
    }
    touched.insert(row.story);
    row.vectors = stories::Encode(v);
    row.identity = identity[fresh[k]];
    row.raw = std::move(encoded[fresh[k]]);
    row.source = a.source;
    row.url = a.url;
    row.outlet = a.outlet;
    row.title = ArticleTitle(a);
    row.language = a.language;
    row.published = a.published.value.ToString();
    row.first_day = terms[k].days.first;
    row.last_day = terms[k].days.last;
    row.search_text = a.text;
  }
  std::vector<std::pair<uint64_t, uint32_t>> df_rows(increments.begin(), increments.end());
  std::vector<int64_t> previous;
  LAGEBILD_RETURN_IF_ERROR(db.Append(rows, df_rows, m, merges, &previous));
  summary->added += m;
  summary->stories_touched += touched.size();
  if (placed_out != nullptr) {
    std::vector<IngestedArticle>& out = *placed_out;
    out.assign(n, {});
    for (size_t k = 0; k < m; ++k) {
      out[fresh[k]] = {rows[k].id, rows[k].story, true, rows[k].duplicate_of,
                       previous[k] ? std::optional<int64_t>(previous[k]) : std::nullopt};
    }
    for (size_t i = 0; i < n; ++i) {
      if (same_as[i] != SIZE_MAX) {
        out[i] = out[same_as[i]];
        out[i].added = false;
      } else if (known.value()[i] != 0) {
        // Stored before: its story now (stories merge).
        Result<std::optional<store::StoredArticle>> row = db.Article(known.value()[i]);
        if (!row.ok()) return row.status();
        if (row.value()) {
          out[i] = {row.value()->id, row.value()->story, false, row.value()->duplicate_of, row.value()->previous};
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace

struct Ingester::State {
  std::unique_ptr<store::Store> db;
  StreamState stream;
  AnalyzeOptions options;
};

Ingester::Ingester(std::unique_ptr<State> state) : state_(std::move(state)) {}
Ingester::~Ingester() = default;

Result<std::unique_ptr<Ingester>> Ingester::Open(const std::string& db, const AnalyzeOptions& options,
                                                 std::vector<InputError>* errors) {
  auto state = std::make_unique<State>();
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db);
  if (!opened.ok()) return opened.status();
  state->db = std::move(opened.value());
  state->options = options;
  state->options.progress = nullptr;
  std::vector<InputError> ignored;
  LAGEBILD_RETURN_IF_ERROR(LoadState(*state->db, &state->stream, errors ? errors : &ignored));
  return std::unique_ptr<Ingester>(new Ingester(std::move(state)));
}

Result<std::vector<IngestedArticle>> Ingester::Add(std::vector<RawArticle> raw, IngestSummary* summary) {
  std::vector<IngestedArticle> placed;
  IngestSummary local;
  if (summary == nullptr) summary = &local;
  summary->read += raw.size();
  LAGEBILD_RETURN_IF_ERROR(
      IngestBatch(std::move(raw), *state_->db, state_->options, &state_->stream, summary, &placed));
  return placed;
}

Result<IngestSummary> Ingest(const std::vector<std::string>& inputs, const std::string& db_path,
                             const AnalyzeOptions& options, size_t batch_articles) {
  read::Format format;
  Result<read::ReadOptions> read_options = ReadOptionsOf(options, &format);
  if (!read_options.ok()) return read_options.status();
  batch_articles = std::max<size_t>(batch_articles, 1);
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  store::Store& db = *opened.value();
  IngestSummary summary;
  StreamState state;
  LAGEBILD_RETURN_IF_ERROR(LoadState(db, &state, &summary.errors));

  // read: files in groups of at most 256 files and 64 MiB, so memory holds
  // one group's articles at a time.
  const std::vector<std::string> files = read::ExpandInputs(inputs, &summary.errors);
  constexpr size_t kFilesPerGroup = 256;
  constexpr uintmax_t kBytesPerGroup = 64u << 20;
  AnalyzeOptions quiet = options;
  quiet.progress = nullptr;
  for (size_t g = 0; g < files.size();) {
    std::vector<std::string> group;
    uintmax_t bytes = 0;
    while (g < files.size() && group.size() < kFilesPerGroup &&
           (group.empty() || bytes < kBytesPerGroup)) {
      std::error_code ec;
      const uintmax_t size = std::filesystem::file_size(files[g], ec);
      bytes += ec ? 0 : size;
      group.push_back(files[g++]);
    }
    std::vector<RawArticle> raw = ReadFiles(group, format, read_options.value(), quiet, &summary.errors);
    for (size_t b = 0; b < raw.size(); b += batch_articles) {
      const size_t e = std::min(raw.size(), b + batch_articles);
      std::vector<RawArticle> batch(std::make_move_iterator(raw.begin() + long(b)),
                                    std::make_move_iterator(raw.begin() + long(e)));
      summary.read += batch.size();
      LAGEBILD_RETURN_IF_ERROR(IngestBatch(std::move(batch), db, quiet, &state, &summary));
      // Progress in articles read so far (the total is not known ahead).
      if (options.progress) options.progress({"ingest", summary.read, 0});
    }
  }
  return summary;
}

Result<std::vector<StoryInfo>> ListStories(const std::string& db_path) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::StoredStory>> stored = opened.value()->Stories();
  if (!stored.ok()) return stored.status();
  std::vector<StoryInfo> out;
  for (const store::StoredStory& s : stored.value()) {
    StoryInfo info;
    info.id = s.id;
    info.title = s.title;
    info.articles = s.articles;
    info.last_article = s.last_article;
    if (s.analysis) {
      info.headline = s.analysis->title;
      info.conflicts = s.analysis->conflicts;
      info.updates = s.analysis->updates;
      info.analysed = s.analysis->articles == s.articles && s.analysis->last_article == s.last_article;
    }
    if (s.last_day >= s.first_day) {
      info.first_day = DayString(s.first_day);
      info.last_day = DayString(s.last_day);
    }
    out.push_back(std::move(info));
  }
  return out;
}

Result<std::vector<EntityInfo>> ListEntities(const std::string& db_path) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::StoredEntity>> stored = opened.value()->Entities();
  if (!stored.ok()) return stored.status();
  std::vector<EntityInfo> out;
  for (store::StoredEntity& e : stored.value()) {
    out.push_back({std::move(e.key), std::move(e.type), std::move(e.name), std::move(e.variants),
                   e.stories, e.mentions});
  }
  return out;
}

Result<std::vector<StoryMember>> ListMembers(const std::string& db_path) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::StoredArticle>> rows = opened.value()->Memberships();
  if (!rows.ok()) return rows.status();
  std::vector<StoryMember> out;
  out.reserve(rows.value().size());
  for (store::StoredArticle& a : rows.value()) {
    std::optional<int64_t> day;
    if (a.first_day == a.last_day) day = a.first_day;
    out.push_back({a.id, a.story, a.duplicate_of, std::move(a.source), a.event, std::move(a.language), day,
                   std::move(a.url), std::move(a.outlet), std::move(a.title), std::move(a.published), a.previous,
                   std::move(a.flags)});
  }
  return out;
}

Result<std::vector<SearchResult>> SearchStore(const std::string& db_path, const std::vector<std::string>& words,
                                              size_t limit) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::SearchHit>> hits = opened.value()->Search(words, limit);
  if (!hits.ok()) return hits.status();
  std::vector<SearchResult> out;
  for (const store::SearchHit& h : hits.value()) out.push_back({h.article, h.story, h.rank});
  return out;
}

Result<std::vector<StoreChange>> ListChanges(const std::string& db_path, int64_t after, size_t limit) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::Change>> log = opened.value()->Changes(after, limit);
  if (!log.ok()) return log.status();
  std::vector<StoreChange> out;
  for (store::Change& c : log.value()) out.push_back({c.id, c.story, std::move(c.kind), c.articles, c.into});
  return out;
}

Result<int64_t> LastChange(const std::string& db_path) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  return opened.value()->LastChangeId();
}

struct ChangeProbe::State {
  std::unique_ptr<store::Store> db;
};

ChangeProbe::ChangeProbe(std::string db) : db_(std::move(db)), state_(std::make_unique<State>()) {}
ChangeProbe::~ChangeProbe() = default;

Result<int64_t> ChangeProbe::Last() {
  if (state_->db == nullptr) {
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_);
    if (!opened.ok()) return opened.status();
    state_->db = std::move(opened.value());
  }
  Result<int64_t> last = state_->db->LastChangeId();
  if (!last.ok()) state_->db.reset();
  return last;
}

Result<std::vector<std::pair<int64_t, int64_t>>> EntityStories(const std::string& db_path, const std::string& key) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  return opened.value()->EntityStories(key);
}

namespace {

// The report of stored rows as one story `story_id`: each row prepared from
// its raw article, then the story-level stages, with the entities the
// store knows linking their names.
Result<Report> AnalyzeRows(store::Store& db, const std::vector<store::StoredArticle>& rows,
                           const std::string& story_id, const AnalyzeOptions& options) {
  Result<std::vector<store::StoredEntity>> stored = db.Entities();
  if (!stored.ok()) return stored.status();
  std::vector<StoryEntity> known;
  for (store::StoredEntity& e : stored.value()) {
    StoryEntity k;
    k.key = std::move(e.key);
    k.type = std::move(e.type);
    k.name = std::move(e.name);
    k.variants = std::move(e.variants);
    known.push_back(std::move(k));
  }
  const size_t n = rows.size();
  std::vector<std::optional<Article>> prepared(n);
  util::ParallelFor(n, options.jobs, [&](size_t i) {
    const store::StoredArticle& row = rows[i];
    RawArticle raw;
    if (!store::DecodeRaw(row.raw, &raw)) return;
    Article a = PrepareArticle(std::move(raw));
    DayFromOwnContent(a);
    a.id = "a" + std::to_string(row.id);
    if (row.duplicate_of) a.duplicate_of = "a" + std::to_string(*row.duplicate_of);
    prepared[i] = std::move(a);
  });
  Report report;
  std::vector<std::vector<uint32_t>> event_of(1);
  for (size_t i = 0; i < n; ++i) {
    if (prepared[i]) {
      report.articles.push_back(std::move(*prepared[i]));
      event_of[0].push_back(uint32_t(rows[i].event));
    } else {
      report.errors.push_back({db.path(), "article " + std::to_string(rows[i].id) +
                                              " is damaged in the database and left out"});
    }
  }
  std::vector<std::vector<Article*>> members(1);
  for (Article& a : report.articles) members[0].push_back(&a);
  AnalyzeStories(members, {story_id}, event_of, options.jobs, &report, &known);
  report.resources.push_back(language::LanguageResource());
  report.resources.push_back(clean::CleanResources());
  report.resources.push_back(TranslationsResource());
  return report;
}

}  // namespace

Result<Report> AnalyzeStory(const std::string& db_path, int64_t story, const AnalyzeOptions& options) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::vector<store::StoredArticle>> rows = opened.value()->StoryArticles(story);
  if (!rows.ok()) return rows.status();
  Result<Report> analysed = AnalyzeRows(*opened.value(), rows.value(), "s" + std::to_string(story), options);
  if (!analysed.ok()) return analysed.status();
  Report& report = analysed.value();
  // The story's entities, recorded for the next analysis (and the next run).
  std::vector<store::StoredEntity> record;
  for (const StoryEntity& e : report.stories[0].entities) {
    store::StoredEntity r;
    r.key = e.key;
    r.type = e.type;
    r.name = e.name;
    r.variants = e.variants;
    for (const Article& a : report.articles) {
      for (const EntityMention& m : a.entities) r.mentions += m.entity == e.id;
    }
    record.push_back(std::move(r));
  }
  if (const Status s = opened.value()->RecordEntities(story, record); !s.ok()) {
    report.errors.push_back({db_path, "the story's entities were not recorded: " + s.message()});
  }
  store::StoredAnalysis analysis;
  analysis.story = story;
  analysis.articles = int64_t(rows.value().size());
  for (const store::StoredArticle& row : rows.value()) analysis.last_article = std::max(analysis.last_article, row.id);
  analysis.title = report.stories[0].title;
  for (const Article& a : report.articles) {
    if (a.id.size() > 1) analysis.flags.emplace_back(std::stoll(a.id.substr(1)), a.flags);
  }
  for (const Claim& c : report.stories[0].claims) {
    analysis.conflicts += c.status == "conflicting";
    analysis.updates += c.status == "updated";
  }
  if (const Status s = opened.value()->RecordAnalysis(analysis); !s.ok()) {
    report.errors.push_back({db_path, "the story's analysis was not recorded: " + s.message()});
  }
  return std::move(report);
}

Result<Report> AnalyzeStoredArticle(const std::string& db_path, int64_t article, const AnalyzeOptions& options) {
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  Result<std::optional<store::StoredArticle>> row = opened.value()->Article(article);
  if (!row.ok()) return row.status();
  if (!row.value()) return NotFound("database '" + db_path + "' has no article " + std::to_string(article));
  store::StoredArticle one = std::move(*row.value());
  // Alone, it is no copy within its report; the stored link stays known to
  // the caller (ListMembers).
  one.duplicate_of.reset();
  const std::string story_id = "s" + std::to_string(one.story);
  return AnalyzeRows(*opened.value(), {one}, story_id, options);
}

}  // namespace lagebild
