// `lagebild ingest` and `lagebild stories`: the embedded store.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/progress.h"
#include "lagebild/pipeline.h"
#include "report/report_writer.h"

namespace lagebild::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  std::string input_format = "auto";
  unsigned jobs = 0;
  size_t batch = 1000;
  bool quiet = false;
  bool stats = false;
};

// Peak resident memory of this process so far, in MiB.
long PeakRssMiB() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int RunIngest(const IngestArgs& args) {
  if (args.inputs.empty()) {
    std::fprintf(stderr, "lagebild ingest: no input; name files, directories, or - (see --help)\n");
    return kExitUsage;
  }
  ProgressBar bar(!args.quiet && !args.stats);
  AnalyzeOptions options;
  options.jobs = args.jobs;
  options.input_format = args.input_format;
  // --stats: one line per 10,000 articles: time and rate of those, peak memory.
  using Clock = std::chrono::steady_clock;
  Clock::time_point since = Clock::now();
  size_t counted = 0;
  options.progress = [&](const Progress& p) {
    bar.Update(p);
    if (!args.stats || p.done < counted + 10000) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - since).count();
    std::fprintf(stderr, "ingest-stats\t%zu articles\t%.3f s\t%.0f articles/s\t%ld MiB peak\n",
                 p.done, seconds, double(p.done - counted) / seconds, PeakRssMiB());
    counted = p.done;
    since = Clock::now();
  };
  Result<IngestSummary> result = Ingest(args.inputs, args.db, options, args.batch);
  bar.Finish();
  if (!result.ok()) {
    std::fprintf(stderr, "lagebild ingest: %s\n", result.status().message().c_str());
    return result.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  const IngestSummary& s = result.value();
  if (!args.quiet) {
    for (const InputError& e : s.errors) {
      std::fprintf(stderr, "lagebild: %s: %s\n", e.source.c_str(), e.message.c_str());
    }
    std::fprintf(stderr,
                 "lagebild ingest: %zu articles read, %zu added (%zu copies), %zu already stored; "
                 "%zu new stories, %zu stories changed; %zu input errors; database %s\n",
                 s.read, s.added, s.copies, s.known, s.new_stories, s.stories_touched,
                 s.errors.size(), args.db.c_str());
  }
  return s.errors.empty() ? kExitOk : kExitInputErrors;
}

struct StoriesArgs {
  std::string db;
  std::string format = "text";
  bool members = false;
};

// --members: one line per article: story, article, duplicate_of, source, event.
int RunMembers(const StoriesArgs& args) {
  Result<std::vector<StoryMember>> result = ListMembers(args.db);
  if (!result.ok()) {
    std::fprintf(stderr, "lagebild stories: %s\n", result.status().message().c_str());
    return kExitFailure;
  }
  std::string out;
  for (const StoryMember& m : result.value()) {
    out += "s" + std::to_string(m.story) + "\ta" + std::to_string(m.article) + "\t" +
           (m.duplicate_of ? "a" + std::to_string(*m.duplicate_of) : std::string("-")) + "\t" +
           m.source + "\te" + std::to_string(m.event) + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

int RunStories(const StoriesArgs& args) {
  if (args.members) return RunMembers(args);
  if (args.format != "text" && args.format != "json") {
    std::fprintf(stderr, "lagebild stories: unknown format '%s' (expected text or json)\n",
                 args.format.c_str());
    return kExitUsage;
  }
  Result<std::vector<StoryInfo>> result = ListStories(args.db);
  if (!result.ok()) {
    std::fprintf(stderr, "lagebild stories: %s\n", result.status().message().c_str());
    return kExitFailure;
  }
  std::string out;
  if (args.format == "json") {
    auto str = [&out](std::string_view v) {
      if (v.empty()) {
        out += "null";
      } else {
        report::AppendJsonString(out, v);
      }
    };
    out += "{\"schema\": \"lagebild.stories/1\", \"stories\": [";
    bool first = true;
    for (const StoryInfo& s : result.value()) {
      out += first ? "\n  " : ",\n  ";
      first = false;
      out += "{\"id\": ";
      str("s" + std::to_string(s.id));
      out += ", \"title\": ";
      report::AppendJsonString(out, s.title);
      out += ", \"articles\": " + std::to_string(s.articles) + ", \"first_day\": ";
      str(s.first_day);
      out += ", \"last_day\": ";
      str(s.last_day);
      out += "}";
    }
    out += "\n]}";
    out += "\n";
  } else {
    for (const StoryInfo& s : result.value()) {
      const std::string days =
          s.first_day.empty() ? "undated"
                              : (s.first_day == s.last_day ? s.first_day : s.first_day + ".." + s.last_day);
      out += std::to_string(s.id) + "\t" + std::to_string(s.articles) + "\t" + days + "\t" +
             s.title + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

struct EntitiesArgs {
  std::string db, format = "text";
};

int RunEntities(const EntitiesArgs& args) {
  if (args.format != "text" && args.format != "json") {
    std::fprintf(stderr, "lagebild entities: unknown format '%s' (expected text or json)\n",
                 args.format.c_str());
    return kExitUsage;
  }
  Result<std::vector<EntityInfo>> result = ListEntities(args.db);
  if (!result.ok()) {
    std::fprintf(stderr, "lagebild entities: %s\n", result.status().message().c_str());
    return kExitFailure;
  }
  std::string out;
  if (args.format == "json") {
    out += "{\"schema\": \"lagebild.entities/1\", \"entities\": [";
    bool first = true;
    for (const EntityInfo& e : result.value()) {
      out += first ? "\n  " : ",\n  ";
      first = false;
      out += "{\"key\": ";
      report::AppendJsonString(out, e.key);
      out += ", \"type\": ";
      report::AppendJsonString(out, e.type);
      out += ", \"name\": ";
      report::AppendJsonString(out, e.name);
      out += ", \"variants\": [";
      for (size_t i = 0; i < e.variants.size(); ++i) {
        if (i > 0) out += ", ";
        report::AppendJsonString(out, e.variants[i]);
      }
      out += "], \"stories\": " + std::to_string(e.stories) +
             ", \"mentions\": " + std::to_string(e.mentions) + "}";
    }
    out += "\n]}\n";
  } else {
    // Tab-separated; a tab or line break inside a name is a space.
    const auto field = [](std::string v) {
      for (char& c : v) c = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
      return v;
    };
    for (const EntityInfo& e : result.value()) {
      std::string variants;
      for (const std::string& v : e.variants) variants += (variants.empty() ? "" : " | ") + field(v);
      out += field(e.key) + "\t" + field(e.type) + "\t" + std::to_string(e.stories) + "\t" +
             std::to_string(e.mentions) + "\t" + field(e.name) + "\t" + variants + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void AddEntitiesCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "entities", "List the people, places and organisations a database has recorded.");
  cmd->add_option("--db", args->db, "The SQLite database")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format,-f", args->format,
                  "text (key, type, stories, mentions, name, spellings; tab-separated) or json")
      ->capture_default_str();
  cmd->footer(
      "An entity is recorded when `lagebild analyze --db FILE --story ID` analyses a story "
      "that names it; exit codes: 0 listed; 2 bad command line; 3 the database could not be "
      "read.");
  cmd->callback([run, args]() { *run = [args]() { return RunEntities(*args); }; });
}

void AddIngestCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Add articles to a database, finding copies and stories as they arrive.");
  cmd->add_option("inputs", args->inputs,
                  "Files or directories to read (directories recursively); - for standard input");
  cmd->add_option("--db", args->db, "The SQLite database (created when missing)")->required();
  cmd->add_option("--jobs,-j", args->jobs, "Worker threads (default: all cores)");
  cmd->add_option("--input-format", args->input_format,
                  "Read every input as auto, text, html, jsonl or feed (RSS, Atom, JSON Feed)")
      ->capture_default_str();
  cmd->add_option("--batch", args->batch, "Articles per transaction")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--quiet,-q", args->quiet, "No progress bar and no messages on standard error");
  cmd->add_flag("--stats", args->stats,
                "Print time, rate and peak memory per 10,000 articles on standard error");
  cmd->footer(
      "Exit codes: 0 every input read and stored; 1 stored, but some inputs could not be read; "
      "2 bad command line; 3 the database could not be opened or written (batches committed "
      "before stay).");
  cmd->callback([run, args]() { *run = [args]() { return RunIngest(*args); }; });
}

void AddStoriesCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<StoriesArgs>();
  CLI::App* cmd = app.add_subcommand("stories", "List the stories of a database.");
  cmd->add_option("--db", args->db, "The SQLite database")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format,-f", args->format,
                  "text (id, articles, days, title; tab-separated) or json")
      ->capture_default_str();
  cmd->add_flag("--members", args->members,
                "Instead: one line per article, tab-separated: story, article, duplicate_of "
                "(or -), source, event");
  cmd->callback([run, args]() { *run = [args]() { return RunStories(*args); }; });
}

}  // namespace lagebild::cli
