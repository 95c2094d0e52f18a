// The sub-commands of the lagebild program. Each registers its options on a
// CLI11 app and runs after parsing; run functions return the exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace lagebild::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;           // report written, every input read
inline constexpr int kExitInputErrors = 1;  // report written, some inputs had errors
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitFailure = 3;      // no report: output could not be written

// Adds `analyze` to app; *run is set to the function to call if chosen.
void AddAnalyzeCommand(CLI::App& app, std::function<int()>* run);
// Adds `times` (the temporal tagger alone).
void AddTimesCommand(CLI::App& app, std::function<int()>* run);
// Adds `quotes` (named entities and quotes alone).
void AddQuotesCommand(CLI::App& app, std::function<int()>* run);

// Adds `ingest` (articles into the database) and `stories` (its stories).
void AddIngestCommand(CLI::App& app, std::function<int()>* run);
void AddStoriesCommand(CLI::App& app, std::function<int()>* run);
void AddEntitiesCommand(CLI::App& app, std::function<int()>* run);
void AddServeCommand(CLI::App& app, std::function<int()>* run);
void AddFeedsCommand(CLI::App& app, std::function<int()>* run);

}  // namespace lagebild::cli
