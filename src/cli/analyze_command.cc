// `lagebild analyze`: read inputs, analyse, write one report.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/progress.h"
#include "lagebild/pipeline.h"
#include "report/report_writer.h"
#include "util/output.h"

namespace lagebild::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string out;
  std::string input_format = "auto";
  unsigned jobs = 0;
  size_t max_article_bytes = 16u << 20;
  bool quiet = false;
  std::string db;
  std::string story;  // "s12" or "12"
};

int RunAnalyze(const AnalyzeArgs& args) {
  auto format = report::ParseOutputFormat(args.format);
  if (!format.ok()) {
    std::fprintf(stderr, "lagebild analyze: %s\n", format.status().message().c_str());
    return kExitUsage;
  }
  const bool from_db = !args.db.empty();
  if (from_db != !args.story.empty()) {
    std::fprintf(stderr, "lagebild analyze: --db and --story go together (see --help)\n");
    return kExitUsage;
  }
  if (from_db && !args.inputs.empty()) {
    std::fprintf(stderr, "lagebild analyze: either inputs or --db/--story, not both\n");
    return kExitUsage;
  }
  if (!from_db && args.inputs.empty()) {
    std::fprintf(stderr,
                 "lagebild analyze: no input; name files, directories, or - for standard "
                 "input (see --help)\n");
    return kExitUsage;
  }
  int64_t story = 0;
  if (from_db) {
    std::string digits = args.story;
    if (!digits.empty() && (digits[0] == 's' || digits[0] == 'S')) digits.erase(0, 1);
    const bool numeric = !digits.empty() && digits.size() <= 15 &&
                         digits.find_first_not_of("0123456789") == std::string::npos;
    if (!numeric || (story = std::stoll(digits)) <= 0) {
      std::fprintf(stderr, "lagebild analyze: --story '%s' is not a story id (e.g. s12 or 12)\n",
                   args.story.c_str());
      return kExitUsage;
    }
  }
  ProgressBar bar(!args.quiet);
  AnalyzeOptions options;
  options.jobs = args.jobs;
  options.input_format = args.input_format;
  options.max_article_bytes = args.max_article_bytes;
  options.progress = [&bar](const Progress& p) { bar.Update(p); };
  Result<Report> result =
      from_db ? AnalyzeStory(args.db, story, options) : Analyze(args.inputs, options);
  bar.Finish();
  if (!result.ok()) {
    std::fprintf(stderr, "lagebild analyze: %s\n", result.status().message().c_str());
    return from_db && result.status().code() != Status::Code::kNotFound ? kExitFailure : kExitUsage;
  }
  const Report& rep = result.value();
  for (const InputError& e : rep.errors) {
    if (!args.quiet) std::fprintf(stderr, "lagebild: %s: %s\n", e.source.c_str(), e.message.c_str());
  }
  // util::WriteOutputFile's rule: devices, FIFOs and links stay what they are.
  if (const Status st = util::WriteOutputFile(args.out, report::Write(rep, format.value()));
      !st.ok()) {
    std::fprintf(stderr, "lagebild analyze: %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (!args.quiet && !args.out.empty() && args.out != "-") {
    std::fprintf(stderr, "lagebild: %zu articles, %zu input errors; report written to %s\n",
                 rep.articles.size(), rep.errors.size(), args.out.c_str());
  }
  return rep.errors.empty() ? kExitOk : kExitInputErrors;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Read articles and write a report (JSON, HTML or Markdown).");
  cmd->add_option("inputs", args->inputs,
                  "Files or directories to read (directories recursively); - for standard "
                  "input. Formats: .txt, .html/.htm, .jsonl/.ndjson, else sniffed.");
  cmd->add_option("--format,-f", args->format, "Report format: json, html or md")
      ->capture_default_str();
  cmd->add_option("--out,-o", args->out, "Write the report to FILE (default: standard output)");
  cmd->add_option("--jobs,-j", args->jobs, "Worker threads (default: all cores)");
  cmd->add_option("--input-format", args->input_format,
                  "Read every input as auto, text, html, jsonl or feed (RSS, Atom, JSON Feed)")
      ->capture_default_str();
  cmd->add_option("--max-article-bytes", args->max_article_bytes,
                  "Longest article read, in bytes; longer ones are truncated")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--quiet,-q", args->quiet, "No progress bar and no messages on standard error");
  cmd->add_option("--db", args->db, "Report a story of this database (with --story) instead of inputs")
      ->check(CLI::ExistingFile);
  cmd->add_option("--story", args->story, "The story to report, e.g. s12 (see lagebild stories)");
  cmd->footer(
      "Exit codes: 0 report written and every input read; 1 report written but some inputs "
      "could not be read or were truncated (listed in the report's errors); 2 bad command "
      "line; 3 the report could not be written.");
  // Chosen when this sub-command is the one parsed.
  cmd->callback([run, args]() { *run = [args]() { return RunAnalyze(*args); }; });
}

}  // namespace lagebild::cli
