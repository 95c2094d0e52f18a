// The pieces of the pipeline that both entry points use: `Analyze` (a
// batch of inputs, src/pipeline/analyze.cc) and the store commands
// (`Ingest`, `AnalyzeStory`, src/pipeline/ingest.cc). Internal to
// src/pipeline; stages are composed only here and in those two files.
#pragma once

#include <string>
#include <vector>

#include "lagebild/pipeline.h"
#include "read/read.h"
#include "stories/stories.h"

namespace lagebild {

// The options of the readers from AnalyzeOptions (bad values: InvalidArgument).
Result<read::ReadOptions> ReadOptionsOf(const AnalyzeOptions& options, read::Format* format);
// Reads files in parallel; articles and errors in input order.
std::vector<RawArticle> ReadFiles(const std::vector<std::string>& files, read::Format format,
                                  const read::ReadOptions& read_options,
                                  const AnalyzeOptions& options, std::vector<InputError>* errors);

// clean (HTML): the page's main content from its outline, into raw.body.
void SelectContent(RawArticle& raw);
// The per-article stages before stories: normalize, clean, language,
// source assessment (unless `assess_source` is false: ingest stores the
// article as read and assesses it when a story is analysed), publication
// date from metadata.
Article PrepareArticle(RawArticle raw, bool assess_source = true);
// time: the day of an article dated to the month only, from its own
// dateline or content.
void DayFromOwnContent(Article& a);
// The English-German translations the stories stage compares articles of
// the two languages by (loaded once; empty when none is installed), and
// the report's resource line for them.
const stories::Translations& EnglishGerman();
std::string TranslationsResource();
// An article's title, else the first line of its text cut at a word near
// 120 bytes (a story's headline: summary::OverviewOf).
std::string ArticleTitle(const Article& a);
// Everything that needs the story (see analyze.cc); report->stories gets
// one Story per member list, with the given ids; `event_of[s][k]` is the
// event of members[s][k] (an empty list: one event).
// `known`: entities known from elsewhere (a store's), for linking names
// across stories (entities::AddKnownNames, AssignKeys), or null.
void AnalyzeStories(const std::vector<std::vector<Article*>>& members,
                    const std::vector<std::string>& story_ids,
                    const std::vector<std::vector<uint32_t>>& event_of, unsigned jobs,
                    Report* report, const std::vector<StoryEntity>* known = nullptr);

}  // namespace lagebild
