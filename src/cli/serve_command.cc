// lagebild serve: the local web app over a database (src/serve/serve.h).
#include <cstdio>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "serve/serve.h"

namespace lagebild::cli {
namespace {

int RunServe(const serve::ServeOptions& options) {
  const Status s = serve::Serve(options, [](const std::string& url) {
    std::printf("lagebild serve: %s\n", url.c_str());
    std::fflush(stdout);
  });
  if (!s.ok()) {
    std::fprintf(stderr, "lagebild serve: %s\n", s.message().c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, std::function<int()>* run) {
  auto options = std::make_shared<serve::ServeOptions>();
  options->jobs = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* cmd = app.add_subcommand("serve", "Serve a database's stories as a local web app and a JSON API.");
  cmd->add_option("--db", options->db, "The SQLite database")->required()->check(CLI::ExistingFile);
  cmd->add_option("--host", options->host, "Address to listen on (loopback unless told otherwise)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "Port (0: a free one; the URL is printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->footer(
      "Prints the URL once listening; stops on SIGINT or SIGTERM. Exit codes: 0 stopped; 2 bad "
      "command line; 3 the database could not be read or the address not bound.");
  cmd->callback([run, options]() { *run = [options]() { return RunServe(*options); }; });
}

}  // namespace lagebild::cli
