// Stage: stories (online, time-aware clustering into events and stories;
//        docs/stories.md explains it for newcomers)
// In:    each article's title, cleaned text, language and own publication
//        date (metadata, dateline or content; never one borrowed from
//        peers), in stream order.
// Out:   DescribeArticle: the article's weighted terms and its days.
//        StoryClusterer::Add: the event and the story the article joins
//        (new numbers when it opens them).
// How:   terms are Snowball stems of words of three letters or more
//        (German, English, and the other languages Snowball knows) and
//        numbers of two digits or more that are not years; a term's weight
//        is its count with words near the top counting more (title and lead
//        say what the story is: a word at position p counts
//        1 + 4·e^(−p/30)), times its inverse document frequency over every
//        article seen so far plus background counts from general text
//        (`DocumentFrequencies`, data/stories/background-df.tsv; a batch
//        adds all its articles first). An article is its 128 heaviest terms, L2-normed.
//        It joins the event whose last 16 members it is most similar to on
//        average (cosine), if that is at least `min_similarity`
//        (`min_similarity_dated` when both have dates) and the
//        story's days are within `window_days` of the article's (a story's
//        days: its members dated to the day, else all its dated members;
//        an undated article's: near the last dated ones of the stream,
//        see ClusterOptions); else it opens a new event, of the story that ClusterOptions says (min_story_members), or of a new story. Candidate events come from an index of their members'
//        terms. Articles in different languages are compared by their
//        names and numbers (words capitalised inside a sentence, by
//        romanisation key, and numbers, weighted the same way), which are
//        one term across languages and spellings, plus their `cross`
//        terms: German stems and the parts of German compounds, an
//        English word's through its dictionary translations
//        (Translations); the two cosines are added, as one
//        cosine over all terms holds both within a language. Articles in
//        another language than German also find candidate stories by
//        their translations.
// Fails: never; an article without terms starts its own story.
// Cost:  linear in the text to describe; Add ranks the stories that
//        share one of the article's 32 heaviest terms (each term leads to
//        its 64 most recently joined stories) by the weight shared, and
//        compares with the best 24 (one dot product each). Stories
//        without a new member in the last `window_articles` articles
//        leave the index (memory stays bounded as the stream grows).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lagebild/article.h"

namespace lagebild::stories {

using TermWeights = std::vector<std::pair<uint64_t, float>>;  // sorted by term

struct DayRange {
  int64_t first = 0, last = -1;  // day numbers (util/calendar.h); empty when last < first
  bool known() const { return last >= first; }
};

// The days a publication date covers: one day, a month, a year, or none.
DayRange DaysOf(const PartialDate& date);

struct ArticleTerms {
  TermWeights terms;  // raw weighted counts
  // Names and numbers: words capitalised inside a sentence by their
  // romanisation key (util/romanize.h, a final s dropped: "Selenskyjs",
  // "Zelensky" → one term in every language), numbers as above.
  TermWeights names;
  // What articles in two languages are compared by: German stems and the
  // stems of a compound's parts (the word's weight shared among them; an
  // article in another language: its words' German translations, each
  // word's weight shared among them), name keys and numbers.
  TermWeights cross;
  std::string language;
  DayRange days;
};

// The language articles of two languages meet in: translations map into
// it, and its articles' `cross` terms are their own stems.
inline constexpr std::string_view kPivotLanguage = "de";

// Words of one language and their German translations, for comparing
// articles across languages. Parsed from lines "word<TAB>german german
// ..." ('#' lines are comments), the German words stemmed as German
// articles' words are. Fails: never; malformed lines are skipped.
class Translations {
 public:
  Translations() = default;
  Translations(std::string_view tsv, std::string language);
  const std::string& language() const { return language_; }
  size_t size() const { return words_.size(); }
  // The German stems of a word (by its util::FoldedHash), or null.
  const std::vector<uint64_t>* Find(uint64_t folded_word) const;
  // The German stems of the parts of a German compound made of words the
  // translations know, with a linking s, es, n or en between them
  // ("atomkraftwerk": atom, kraft, werk; "regierungssprecher": regierung,
  // sprecher), so that it meets the English words that say it in several
  // ("nuclear power plant"); empty for a word of less than eight bytes or
  // one that is no such compound. `folded`: the word case-folded.
  std::vector<uint64_t> CompoundParts(std::string_view folded) const;

 private:
  void SplitCompound(std::string_view folded, int depth, std::vector<std::string_view>* parts) const;

  std::string language_;
  std::unordered_map<uint64_t, std::vector<uint64_t>> words_;
  std::unordered_set<std::string> german_;  // folded German words of the translations
};

// `translations`: for an article in translations->language(), its `cross`
// terms; null or another language: only names and numbers cross over.
ArticleTerms DescribeArticle(std::string_view title, std::string_view text,
                             std::string_view language, const PartialDate& published,
                             const Translations* translations = nullptr);

class DocumentFrequencies {
 public:
  DocumentFrequencies();  // the background counts, no article yet
  void Add(const ArticleTerms& article);
  // Counts kept elsewhere (a store): `documents` articles, and per term
  // the number of articles with it.
  void Load(const std::vector<std::pair<uint64_t, uint32_t>>& counts, uint64_t documents);
  double Idf(uint64_t term) const;
  uint64_t documents() const { return documents_; }

 private:
  std::unordered_map<uint64_t, uint32_t> counts_;
  uint64_t documents_ = 0;
};

// An article as the clusterer compares it: TF-IDF vectors of all its
// terms and of its names and numbers, L2-normed, sorted by term.
struct ArticleVectors {
  TermWeights all, names, cross;
  std::string language;
  DayRange days;
};

ArticleVectors Weigh(const ArticleTerms& article, const DocumentFrequencies& df);

// Vectors as bytes for the store, and back (false for damaged bytes).
std::string Encode(const ArticleVectors& v);
bool Decode(std::string_view bytes, ArticleVectors* v);

struct ClusterOptions {
  // Events: an article joins the event whose last 16 members it is most
  // similar to on average, if at least this ...
  double min_similarity = 0.17;
  // ... or this when the article has a date of its own and the event has
  // dates too (both within `window_days`, else they are not compared).
  double min_similarity_dated = 0.13;
  int window_days = 3;
  // An article without a date is taken to be about as recent as the
  // stream: within `undated_slack_days` of the dates of the last
  // `stream_dates` dated articles (a stream in time order keeps it away
  // from events long past; an archive out of order gives a wide span
  // that holds nothing back).
  size_t stream_dates = 8;
  int undated_slack_days = 30;
  // Stories: an article that opens an event joins the story of at least
  // `min_story_members` articles whose summed vectors it is closest to
  // (cosine of all terms; of the cross terms too where the article's
  // language is not the story's), if at least `min_story_similarity` and the story's days are
  // within `story_window_days` of its own; else it opens a story.
  size_t min_story_members = 15;
  double min_story_similarity = 0.12;
  int story_window_days = 14;
  // A story of at least `min_story_members` takes in a smaller story whose
  // summed vector is this close to its own (cosine), within the window:
  // the pieces of one story that formed before it was large.
  double min_merge_similarity = 0.30;
  // Two stories each in one language, not the same, of any size, are one
  // when their summed `cross` vectors are at least `min_story_similarity`
  // apart (cosine) and each is the other language's nearest: words and
  // names through a dictionary agree less than within a language, and the
  // events of two languages rarely meet article by article.
  bool merge_across_languages = true;
  size_t window_articles = 20000;
};

// Where an article went: its story and the event in it (both numbered
// across the stream).
struct Placement {
  uint32_t story = 0, event = 0;
  // Stories that joined `story` as this article arrived: their events and
  // members are now `story`'s (a caller relabels them). Empty for AddTo
  // and Restore.
  std::vector<uint32_t> merged;
};

class StoryClusterer {
 public:
  // `first_story`, `first_event`: the numbers the next new story and event
  // get (a clusterer reloaded from a store continues its numbering).
  explicit StoryClusterer(ClusterOptions options = {}, uint32_t first_story = 0,
                          uint32_t first_event = 0);

  // Adds the next article of the stream; returns where it went.
  Placement Add(const ArticleVectors& article);
  // Adds the next article to an event chosen elsewhere (a copy joins its
  // original's event).
  void AddTo(const Placement& placement, const ArticleVectors& article);
  // Adds an article already clustered (reloading a store), with its stream
  // number.
  void Restore(const Placement& placement, const ArticleVectors& article, uint64_t stream_number);

  uint32_t next_story() const { return next_story_; }
  uint32_t next_event() const { return next_event_; }

 private:
  struct Event {
    uint32_t story = 0;
    std::vector<ArticleVectors> recent;  // the last members' vectors
    // Per language, the sum of the recent members' `all` vectors: the
    // average link to them is one dot product with it.
    std::vector<std::pair<std::string, TermWeights>> sums;
    DayRange days;        // the days of its members' dates
    DayRange exact_days;  // the same for members dated to the day
    uint64_t last_added = 0;  // stream number of the last member
  };
  // A story as a whole: the sums of all its members' `all` and `cross`
  // vectors with their squared norms, its size and days.
  struct Story {
    TermWeights all, cross;
    double all_norm2 = 0, cross_norm2 = 0;
    size_t members = 0;
    DayRange days;        // the days of its members' dates
    DayRange exact_days;  // the same for members dated to the day
    uint64_t last_added = 0;
    std::string language;  // its members' language while they have one
    bool mixed = false;    // members in several languages
    // The days it is compared by: those dated to the day when it has any.
    const DayRange& compared_days() const { return exact_days.known() ? exact_days : days; }
  };
  // The story an article opening an event joins (see ClusterOptions), or
  // none; `events`: the candidate events found for it.
  std::optional<uint32_t> NearestStory(const ArticleVectors& article,
                                       const std::vector<uint32_t>& events) const;
  void Join(const Placement& placement, const ArticleVectors& article, uint64_t stream_number);
  // Takes smaller stories of the candidate events into `story` (see
  // min_merge_similarity); returns those taken.
  std::vector<uint32_t> MergeInto(uint32_t story, const std::vector<uint32_t>& events);
  // A story all in one language and the story of the candidate events all
  // in another that is closest to it by `cross` terms, within the story
  // window and at least min_story_similarity: one story, the smaller taken
  // into the larger (see ClusterOptions). Updates *placed.
  void MergeAcrossLanguages(const std::vector<uint32_t>& events, Placement* placed);
  // `other`'s events, sums, size, days and languages become `into`'s.
  void Absorb(uint32_t into, uint32_t other);
  void Retire();

  ClusterOptions options_;
  std::unordered_map<uint32_t, Event> active_;
  std::unordered_map<uint32_t, Story> stories_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> index_;  // term -> active events
  uint32_t next_story_ = 0, next_event_ = 0;
  uint64_t added_ = 0;
  std::vector<DayRange> stream_dates_;  // the last dated members' days, oldest first
};

}  // namespace lagebild::stories
