// The entry point: inputs in, Report out.
//
//   Analyze(inputs) = for each file (in parallel): read
//                     for each article (in parallel): normalize, identify language
//                     then, in input order: copies of one text (dedup) and
//                     stories (story clustering); per story: undated
//                     articles' dates from their peers, entities, claims,
//                     statements, timeline, summary
//
// Per-article work runs on `jobs` threads; the order of articles in the
// report is the order of the inputs (directories sorted), whatever `jobs`.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"
#include "lagebild/status.h"

namespace lagebild {

struct Progress {
  const char* phase = "";  // "read" or "analyze"
  size_t done = 0;
  size_t total = 0;
};

struct AnalyzeOptions {
  unsigned jobs = 0;                      // worker threads; 0 = all cores
  std::string input_format = "auto";      // "auto", "text", "html" or "jsonl"
  size_t max_article_bytes = 16u << 20;   // raw bytes per article (file or JSON line)
  size_t max_html_depth = 256;            // HTML nesting kept when parsing
  // Called from the calling thread as work advances; may be empty.
  std::function<void(const Progress&)> progress;
};

// Reads and analyses every input ("-" is standard input; directories are
// read recursively). Inputs that cannot be read end up in Report::errors.
// Fails only for invalid options (a Status naming the option and value).
Result<Report> Analyze(const std::vector<std::string>& inputs, const AnalyzeOptions& options);

// Analyses articles already read (what Analyze does after reading).
Report AnalyzeArticles(std::vector<RawArticle> raw, const AnalyzeOptions& options);

// The library version, e.g. "0.1.0".
const char* Version();

}  // namespace lagebild
