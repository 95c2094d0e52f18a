// The lagebild program: a thin layer over liblagebild. Only this folder (and
// serve/) talks to the terminal.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>

#include "cli/commands.h"
#include "lagebild/pipeline.h"

int main(int argc, char** argv) {
  CLI::App app{"lagebild: news articles in, a sourced situation picture out."};
  app.set_version_flag("--version,-V", std::string("lagebild ") + lagebild::Version());
  app.require_subcommand(1);
  std::function<int()> run;
  lagebild::cli::AddAnalyzeCommand(app, &run);
  lagebild::cli::AddTimesCommand(app, &run);
  lagebild::cli::AddQuotesCommand(app, &run);
  lagebild::cli::AddIngestCommand(app, &run);
  lagebild::cli::AddStoriesCommand(app, &run);
  lagebild::cli::AddEntitiesCommand(app, &run);
  lagebild::cli::AddFeedsCommand(app, &run);
  lagebild::cli::AddServeCommand(app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : lagebild::cli::kExitUsage;
  }
  try {
    return run ? run() : lagebild::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lagebild: internal error: %s\n", e.what());
    return lagebild::cli::kExitFailure;
  }
}
