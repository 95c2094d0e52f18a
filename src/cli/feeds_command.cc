// lagebild feeds add|list|remove: the feeds a database follows (serve polls them).
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "lagebild/pipeline.h"

namespace lagebild::cli {
namespace {

struct FeedsArgs {
  std::string db, url, every = "10m";
};

// "90s", "10m", "2h", "1d" or plain seconds; -1 when malformed.
int64_t Seconds(const std::string& s) {
  if (s.empty() || s.size() > 12) return -1;
  size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(s, &used);
  } catch (...) {
    return -1;
  }
  if (n < 0) return -1;
  const std::string unit = s.substr(used);
  if (unit.empty() || unit == "s") return n;
  if (unit == "m") return n * 60;
  if (unit == "h") return n * 3600;
  if (unit == "d") return n * 86400;
  return -1;
}

std::string When(int64_t t) {
  if (t == 0) return "never";
  char buf[32];
  const std::time_t tt = std::time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int RunAdd(const FeedsArgs& args) {
  const int64_t every = Seconds(args.every);
  if (every < 0) {
    std::fprintf(stderr, "lagebild feeds add: --every is a duration such as 90s, 10m, 2h or 1d, not '%s'\n",
                 args.every.c_str());
    return kExitUsage;
  }
  Result<FeedInfo> f = AddFeed(args.db, args.url, every);
  if (!f.ok()) {
    std::fprintf(stderr, "lagebild feeds add: %s\n", f.status().message().c_str());
    return f.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  std::printf("feed %lld\t%s\tevery %llds\n", static_cast<long long>(f.value().id), f.value().url.c_str(),
              static_cast<long long>(f.value().every_seconds));
  return kExitOk;
}

int RunList(const FeedsArgs& args) {
  Result<std::vector<FeedInfo>> feeds = ListFeeds(args.db);
  if (!feeds.ok()) {
    std::fprintf(stderr, "lagebild feeds list: %s\n", feeds.status().message().c_str());
    return kExitFailure;
  }
  for (const FeedInfo& f : feeds.value()) {
    std::printf("%lld\t%s\tevery %llds\titems %lld\tlast success %s\tfailures %lld\t%s\n",
                static_cast<long long>(f.id), f.url.c_str(), static_cast<long long>(f.every_seconds),
                static_cast<long long>(f.items), When(f.last_success).c_str(), static_cast<long long>(f.failures),
                f.last_error.c_str());
  }
  return kExitOk;
}

int RunRemove(const FeedsArgs& args) {
  const Status s = RemoveFeed(args.db, args.url);
  if (!s.ok()) {
    std::fprintf(stderr, "lagebild feeds remove: %s\n", s.message().c_str());
    return s.code() == Status::Code::kNotFound ? kExitUsage : kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void AddFeedsCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<FeedsArgs>();
  CLI::App* cmd = app.add_subcommand("feeds", "The feeds (RSS, Atom, JSON Feed) a database follows; serve polls them.");
  cmd->require_subcommand(1);
  CLI::App* add = cmd->add_subcommand("add", "Follow a feed (or change its interval)");
  add->add_option("--db", args->db, "The SQLite database (created when missing)")->required();
  add->add_option("url", args->url, "The feed's http or https address")->required();
  add->add_option("--every", args->every, "How often serve polls it: 90s, 10m, 2h, 1d")->capture_default_str();
  add->callback([run, args]() { *run = [args]() { return RunAdd(*args); }; });
  CLI::App* list = cmd->add_subcommand("list", "The feeds followed, with their health (tab-separated)");
  list->add_option("--db", args->db, "The SQLite database")->required()->check(CLI::ExistingFile);
  list->callback([run, args]() { *run = [args]() { return RunList(*args); }; });
  CLI::App* remove = cmd->add_subcommand("remove", "Stop following a feed (its articles stay)");
  remove->add_option("--db", args->db, "The SQLite database")->required()->check(CLI::ExistingFile);
  remove->add_option("url", args->url, "The feed's address")->required();
  remove->callback([run, args]() { *run = [args]() { return RunRemove(*args); }; });
  cmd->footer("Exit codes: 0 done; 2 bad command line, an address that is no http(s) URL, or a feed not followed; 3 the database could not be read or written.");
}

}  // namespace lagebild::cli
