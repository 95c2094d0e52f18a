// The one place where stages are composed, top to bottom. Each step names
// its stage; see docs/architecture.md for the picture.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include "clean/clean.h"
#include "dedup/dedup.h"
#include "claims/claims.h"
#include "entities/entities.h"
#include "language/language.h"
#include "lagebild/pipeline.h"
#include "pipeline/steps.h"
#include "ner/ner.h"
#include "normalize/normalize.h"
#include "quotes/quotes.h"
#include "read/read.h"
#include "stories/stories.h"
#include "summary/summary.h"
#include "time/publication.h"
#include "time/tagger.h"
#include "util/file.h"
#include "util/parallel.h"

namespace lagebild {

// clean (HTML): the page's main content from its outline, into `body`.
void SelectContent(RawArticle& raw) {
  if (raw.html.blocks.empty()) return;
  raw.body = clean::SelectMainContent(raw.html, raw.title.value_or(""), &raw.removed);
  raw.html = {};
}

// Whether `inner` names a part of `outer` (the same year, and month and
// day where `outer` has them) at least as precisely.
static bool Within(const PartialDate& inner, const PartialDate& outer) {
  return inner.known() && inner.year == outer.year &&
         (outer.month == 0 || (inner.month == outer.month &&
                               (outer.day == 0 || inner.day == outer.day)));
}

// Per-article stages: a pure function of one article.
Article PrepareArticle(RawArticle raw, bool assess_source) {
  SelectContent(raw);
  Article a;
  a.source = std::move(raw.source);
  a.format = std::move(raw.format);
  a.url = normalize::NormalizeLine(raw.url);
  a.outlet = normalize::NormalizeLine(raw.outlet);
  a.author = normalize::NormalizeLine(raw.author);
  a.encoding = std::move(raw.encoding);
  a.diagnostics = std::move(raw.diagnostics);
  a.removed = std::move(raw.removed);
  for (Removed& r : a.removed) r.text = normalize::NormalizeLine(r.text);
  if (raw.truncated) a.flags.push_back("truncated");

  // normalize: UTF-8 misread as a code page repaired ("├╝ber" → "über"),
  // then NFC, white space, controls.
  normalize::MojibakeStats mojibake;
  const std::string body = normalize::RepairMojibake(raw.body, &mojibake);
  if (mojibake.repaired > 0) {
    a.diagnostics.push_back({"normalize", "mojibake-repaired",
                             std::to_string(mojibake.repaired) + " UTF-8 sequences misread as " +
                                 mojibake.code_page + " repaired"});
  }
  normalize::NormalizeStats stats;
  a.text = normalize::NormalizeText(body, &stats);
  if (raw.title) {
    std::string title = normalize::NormalizeLine(normalize::RepairMojibake(*raw.title));
    if (!title.empty()) {
      a.title = std::move(title);
      a.title_basis = std::move(raw.title_basis);
    }
  }
  if (stats.removed_controls > 0) {
    a.diagnostics.push_back({"normalize", "controls-removed",
                             std::to_string(stats.removed_controls) +
                                 " control or invisible format characters removed"});
  }

  // clean: boilerplate out, each removed span with its reason.
  {
    clean::CleanResult cleaned = clean::CleanText(a.text, a.title.value_or(""));
    a.text = std::move(cleaned.text);
    for (Removed& r : cleaned.removed) a.removed.push_back(std::move(r));
  }

  // language: identify from title and text, declared language as a fallback.
  std::string sample;
  if (a.title) sample = *a.title + "\n\n";
  sample.append(a.text, 0, std::min<size_t>(a.text.size(), 16 * 1024));
  const language::LanguageGuess lang = language::IdentifyLanguage(sample, raw.language_hint);
  a.language = lang.code;
  a.language_reliable = lang.reliable;

  // clean: outlet, agency, quality flags with their evidence.
  if (assess_source) clean::AssessSource(a);

  // Publication date from metadata (header line, HTML meta, JSON field)
  // and from the article's address. The address's date stands unless the
  // metadata gives a day within it: a page's date can be an update's, its
  // address keeps the first publication's.
  if (raw.published_date.known()) {
    a.published = {raw.published_date, DateBasis::kMetadata};
  } else if (!raw.published.empty()) {
    a.diagnostics.push_back({"read", "bad-date", "cannot read published date '" +
                                                     raw.published.substr(0, 80) + "'"});
  }
  const PartialDate address = time::DateFromAddress(a.url);
  if (address.known() && !Within(a.published.value, address)) {
    if (a.published.value.known() && !Within(address, a.published.value)) {
      a.diagnostics.push_back({"time", "date-conflict",
                               "published date " + a.published.value.ToString() +
                                   " differs from the address's " + address.ToString() +
                                   "; the address's is kept"});
    }
    a.published = {address, DateBasis::kMetadata};
  }
  return a;
}


// time: the day of an article dated to the month only (or not at all),
// from its dateline, page stamp or content.
void DayFromOwnContent(Article& a) {
  if (a.published.value.day != 0) return;
  const PublishedDate day = time::DayFromContent(a.text, a.language, a.published.value);
  if (day.value.known()) a.published = day;
}

// time: undated articles of a story take year and month from the dated
// ones when their own day-month mentions fit, then the day from their
// content, else the day the others agree on (basis "story").
static void DateFromPeers(const std::vector<Article*>& story) {
  std::vector<PartialDate> peer_dates;
  for (const Article* a : story) {
    if (a->published.basis == DateBasis::kMetadata) peer_dates.push_back(a->published.value);
  }
  for (Article* a : story) {
    if (a->published.value.known()) continue;
    const PartialDate inferred = time::InferFromPeers(a->text, a->language, peer_dates);
    if (inferred.known()) {
      a->published = {inferred, DateBasis::kStory};
      DayFromOwnContent(*a);
    }
  }
  std::vector<PartialDate> peer_days;
  for (const Article* a : story) {
    if (a->published.value.day != 0) peer_days.push_back(a->published.value);
  }
  for (Article* a : story) {
    const PartialDate day = time::DayFromPeers(a->published.value, peer_days);
    if (day.known()) a->published = {day, DateBasis::kStory};
  }
}

std::string ArticleTitle(const Article& a) {
  if (a.title && !a.title->empty()) return *a.title;
  std::string_view first = a.text;
  first = first.substr(0, first.find('\n'));
  if (first.size() > 120) {
    size_t cut = first.rfind(' ', 120);
    if (cut == std::string_view::npos || cut < 40) {
      cut = 120;
      while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
    }
    return std::string(first.substr(0, cut)) + "…";
  }
  return std::string(first);
}

// The stages that need a story: dates from the story's peers, then per
// article times, entities, quantities, quotes, then per story entities,
// claims, statements, timeline and summary. Appends one Story per member
// list to report->stories.
void AnalyzeStories(const std::vector<std::vector<Article*>>& members,
                    const std::vector<std::string>& story_ids,
                    const std::vector<std::vector<uint32_t>>& event_of, unsigned jobs,
                    Report* report, const std::vector<StoryEntity>* known) {
  std::vector<Article*> articles;
  for (const auto& m : members) articles.insert(articles.end(), m.begin(), m.end());
  // Each story's events: member lists in the order of their first article.
  std::vector<std::vector<std::vector<Article*>>> events(members.size());
  for (size_t s = 0; s < members.size(); ++s) {
    std::unordered_map<uint32_t, size_t> index_of;  // event number -> its place in events[s]
    for (size_t k = 0; k < members[s].size(); ++k) {
      const uint32_t e = event_of[s].empty() ? 0 : event_of[s][k];
      const auto [it, fresh] = index_of.try_emplace(e, events[s].size());
      if (fresh) events[s].emplace_back();
      events[s][it->second].push_back(members[s][k]);
    }
  }
  // time: within each event (a few days of one development, not the weeks
  // of a story), undated articles take year, month and day from their peers.
  util::ParallelFor(members.size(), jobs, [&](size_t s) {
    for (const std::vector<Article*>& event : events[s]) DateFromPeers(event);
  });

  // time: temporal expressions, resolved against the publication date;
  // ner: entity mentions (not yet linked across articles).
  util::ParallelFor(articles.size(), jobs, [&](size_t i) {
    Article& a = *articles[i];
    a.times = time::TagTimes(a.text, a.language, a.published.value);
    a.entities = ner::FindEntities(a.text, a.language);
    // claims: head counts and counts of things with hedge, predicate and
    // attribution (numbers inside times are not counts).
    a.quantities = claims::FindQuantities(a.text, a.language, a.times, a.entities);
    // quotes: direct and indirect speech with cue and speaker as written.
    a.quotes = quotes::FindQuotes(a.text, a.language, a.entities);
  });

  // entities: full names found in some articles, wherever else they occur.
  std::vector<std::string> known_people;
  if (known != nullptr) {
    for (const StoryEntity& e : *known) {
      if (e.type != "PER") continue;
      for (const std::string& v : e.variants) {
        if (v.find(' ') != std::string::npos) known_people.push_back(v);
      }
    }
  }
  entities::AddKnownNames(articles, known_people);

  // Story-level stages, each story on its own.
  report->stories.resize(members.size());
  util::ParallelFor(members.size(), jobs, [&](size_t s) {
    Story& story = report->stories[s];
    story.id = story_ids[s];
    for (const Article* a : members[s]) story.articles.push_back(a->id);
    // summary: headline, days, languages, sources (dates from peers included).
    summary::Overview overview = summary::OverviewOf(members[s]);
    story.title = std::move(overview.title);
    story.days = std::move(overview.days);
    story.languages = std::move(overview.languages);
    story.sources = overview.sources;
    // Its events, numbered in the order of their first article.
    const std::vector<std::vector<Article*>>& event_members = events[s];
    for (size_t k = 0; k < event_members.size(); ++k) {
      StoryEvent event;
      event.id = story.id + "." + std::to_string(k + 1);
      summary::Overview o = summary::OverviewOf(event_members[k]);
      event.title = std::move(o.title);
      event.days = std::move(o.days);
      for (const Article* a : event_members[k]) event.articles.push_back(a->id);
      story.events.push_back(std::move(event));
    }
    // entities: mentions linked across the story.
    story.entities = entities::LinkEntities(members[s]);
    // claims: quantities aligned across the story's articles.
    story.claims = claims::AlignClaims(members[s]);
    // quotes: speakers to story entities; renderings of one statement.
    story.statements = quotes::LinkQuotes(members[s]);
    // summary: dated events in order, and the sentences several sources
    // confirm, conflicts stated.
    summary::Digest digest = summary::DigestStory(members[s], story.claims);
    story.timeline = std::move(digest.timeline);
    story.summary = std::move(digest.summary);
  });
  // entities: one key per person, place or organisation across the stories.
  std::vector<std::vector<StoryEntity>*> all_entities;
  for (Story& story : report->stories) all_entities.push_back(&story.entities);
  entities::AssignKeys(all_entities, known);
}

const char* Version() { return LAGEBILD_VERSION; }

// The English-German translations (built from FreeDict at build time, see
// tools/build-translations): $LAGEBILD_TRANSLATIONS, else
// share/lagebild/translations-en-de.tsv beside the program's bin/ folder,
// else /usr/share/lagebild; none found: empty (names and numbers alone
// then cross between English and German).
static std::string TranslationsPath() {
  if (const char* path = std::getenv("LAGEBILD_TRANSLATIONS")) return path;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string name = "share/lagebild/translations-en-de.tsv";
  if (!ec) {
    const std::filesystem::path beside = exe.parent_path().parent_path() / name;
    if (std::filesystem::is_regular_file(beside, ec)) return beside.string();
  }
  return "/usr/" + name;
}

const stories::Translations& EnglishGerman() {
  static const stories::Translations* translations = [] {
    Result<util::FilePrefix> file = util::ReadFilePrefix(TranslationsPath(), 64u << 20);
    return new stories::Translations(file.ok() ? file.value().bytes : std::string(), "en");
  }();
  return *translations;
}

std::string TranslationsResource() {
  const stories::Translations& t = EnglishGerman();
  return t.size() == 0 ? "translations en-de: none found (names and numbers alone cross languages)"
                       : "translations en-de: FreeDict eng-deu (Debian dict-freedict-eng-deu, GPL-3+), " +
                             std::to_string(t.size()) + " English words";
}

Report AnalyzeArticles(std::vector<RawArticle> raw, const AnalyzeOptions& options) {
  Report report;
  report.articles.resize(raw.size());
  const size_t total = raw.size();
  util::ParallelFor(
      raw.size(), options.jobs,
      [&](size_t i) { report.articles[i] = PrepareArticle(std::move(raw[i])); },
      [&](size_t done) {
        if (options.progress) options.progress({"analyze", done, total});
      });
  for (size_t i = 0; i < report.articles.size(); ++i) {
    report.articles[i].id = "a" + std::to_string(i + 1);
  }

  // time: the day of an article dated to the month only, from its own
  // dateline or content.
  util::ParallelFor(report.articles.size(), options.jobs, [&](size_t i) {
    DayFromOwnContent(report.articles[i]);
  });

  // dedup and stories, in stream order (the order of the inputs): copies of
  // one text point to the earliest; every other article joins the most
  // similar recent story or starts one. Dates here are the articles' own.
  const size_t n = report.articles.size();
  std::vector<dedup::Fingerprint> prints(n);
  std::vector<stories::ArticleTerms> terms(n);
  util::ParallelFor(n, options.jobs, [&](size_t i) {
    const Article& a = report.articles[i];
    prints[i] = dedup::MakeFingerprint(a.text);
    terms[i] = stories::DescribeArticle(a.title.value_or(""), a.text, a.language,
                                        a.published.value, &EnglishGerman());
  });
  stories::DocumentFrequencies df;
  for (const stories::ArticleTerms& t : terms) df.Add(t);
  dedup::CopyFinder copies;
  stories::StoryClusterer clusterer;
  std::vector<stories::Placement> placed(n);
  std::vector<uint32_t> story_of(n);  // relabelled when stories merge
  std::vector<std::vector<size_t>> members_of;  // story number -> article indexes
  for (size_t i = 0; i < n; ++i) {
    const std::optional<uint64_t> original = copies.Add(std::move(prints[i]));
    if (original) {
      report.articles[i].duplicate_of = report.articles[*original].id;
      placed[i] = {story_of[*original], placed[*original].event, {}};
      clusterer.AddTo(placed[i], stories::Weigh(terms[i], df));
    } else {
      placed[i] = clusterer.Add(stories::Weigh(terms[i], df));
    }
    const uint32_t story = placed[i].story;
    if (story >= members_of.size()) members_of.resize(story + 1);
    members_of[story].push_back(i);
    story_of[i] = story;
    for (uint32_t gone : placed[i].merged) {
      // (A story may join another as the article that opened it arrives.)
      if (gone >= members_of.size()) continue;
      for (size_t k : members_of[gone]) story_of[k] = story;
      members_of[story].insert(members_of[story].end(), members_of[gone].begin(),
                               members_of[gone].end());
      members_of[gone].clear();
    }
  }
  // Stories in the order of their first article, members in input order.
  for (auto& m : members_of) std::sort(m.begin(), m.end());
  std::vector<size_t> order;
  for (size_t k = 0; k < members_of.size(); ++k) {
    if (!members_of[k].empty()) order.push_back(k);
  }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return members_of[a].front() < members_of[b].front(); });
  std::vector<std::vector<Article*>> members;
  std::vector<std::vector<uint32_t>> event_of;  // per story, each member's event number
  for (size_t k : order) {
    members.emplace_back();
    event_of.emplace_back();
    for (size_t i : members_of[k]) {
      members.back().push_back(&report.articles[i]);
      event_of.back().push_back(placed[i].event);
    }
  }
  terms.clear();

  std::vector<std::string> story_ids;
  for (size_t k = 0; k < members.size(); ++k) story_ids.push_back("s" + std::to_string(k + 1));
  AnalyzeStories(members, story_ids, event_of, options.jobs, &report);
  report.resources.push_back(language::LanguageResource());
  report.resources.push_back(clean::CleanResources());
  report.resources.push_back(TranslationsResource());
  return report;
}

Result<read::ReadOptions> ReadOptionsOf(const AnalyzeOptions& options, read::Format* format) {
  if (options.input_format == "auto") {
    *format = read::Format::kAuto;
  } else if (options.input_format == "text") {
    *format = read::Format::kText;
  } else if (options.input_format == "html") {
    *format = read::Format::kHtml;
  } else if (options.input_format == "jsonl") {
    *format = read::Format::kJsonl;
  } else if (options.input_format == "feed") {
    *format = read::Format::kFeed;
  } else {
    return InvalidArgument("unknown input format '" + options.input_format +
                           "' (expected auto, text, html, jsonl or feed)");
  }
  if (options.max_article_bytes == 0) return InvalidArgument("max_article_bytes must be > 0");
  read::ReadOptions read_options;
  read_options.max_article_bytes = options.max_article_bytes;
  read_options.max_html_depth = std::max<size_t>(options.max_html_depth, 1);
  return read_options;
}

std::vector<RawArticle> ReadFiles(const std::vector<std::string>& files, read::Format format,
                                  const read::ReadOptions& read_options,
                                  const AnalyzeOptions& options, std::vector<InputError>* errors) {
  std::vector<read::ReadOutput> per_file(files.size());
  util::ParallelFor(
      files.size(), options.jobs,
      [&](size_t i) { per_file[i] = read::ReadFile(files[i], format, read_options); },
      [&](size_t done) {
        if (options.progress) options.progress({"read", done, files.size()});
      });
  std::vector<RawArticle> raw;
  for (read::ReadOutput& r : per_file) {
    for (RawArticle& a : r.articles) raw.push_back(std::move(a));
    for (InputError& e : r.errors) errors->push_back(std::move(e));
  }
  return raw;
}

std::vector<RawArticle> ReadJsonArticles(std::string_view bytes, const std::string& source,
                                         const AnalyzeOptions& options, std::vector<InputError>* errors) {
  read::ReadOptions read_options;
  read_options.max_article_bytes = std::max<size_t>(options.max_article_bytes, 1);
  read_options.max_html_depth = std::max<size_t>(options.max_html_depth, 1);
  read::ReadOutput out = read::ReadJsonDocument(bytes, source, read_options);
  for (InputError& e : out.errors) errors->push_back(std::move(e));
  return std::move(out.articles);
}

Result<Report> Analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& options) {
  read::Format format;
  Result<read::ReadOptions> read_options = ReadOptionsOf(options, &format);
  if (!read_options.ok()) return read_options.status();

  // read: expand inputs, then read files in parallel; results keep input order.
  std::vector<InputError> errors;
  const std::vector<std::string> files = read::ExpandInputs(inputs, &errors);
  std::vector<RawArticle> raw = ReadFiles(files, format, read_options.value(), options, &errors);

  // normalize, language, ...: per article, in parallel.
  Report report = AnalyzeArticles(std::move(raw), options);
  report.errors = std::move(errors);
  return report;
}

}  // namespace lagebild
