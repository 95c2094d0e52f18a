// `lagebild times`: the temporal tagger alone, on plain texts or on JSON
// lines; writes one JSON line per text. For evaluation and for callers
// that need only the dates.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/text_inputs.h"
#include "report/report_writer.h"
#include "time/tagger.h"
#include "util/utf8.h"

namespace lagebild::cli {
namespace {

struct TimesArgs {
  std::vector<std::string> inputs;
  std::string language = "de";
  std::string dct;
  bool narrative = false;
  bool jsonl = false;
  bool stats = false;
};

bool ParseDate(std::string_view s, PartialDate* out) {
  *out = {};
  if (s.empty()) return true;
  int y = 0, m = 0, d = 0;
  const std::string str(s);
  const int n = std::sscanf(str.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (n < 1 || y < 1000 || y > 9999 || (n >= 2 && (m < 1 || m > 12)) ||
      (n == 3 && (d < 1 || d > 31))) {
    return false;
  }
  *out = {y, n >= 2 ? m : 0, n == 3 ? d : 0};
  return true;
}

void WriteLine(std::string_view id, const std::vector<TimeMention>& times, std::string* out) {
  *out += "{\"id\":";
  report::AppendJsonString(*out, id);
  *out += ",\"times\":[";
  for (size_t i = 0; i < times.size(); ++i) {
    const TimeMention& t = times[i];
    if (i) *out += ',';
    *out += "{\"text\":";
    report::AppendJsonString(*out, t.text);
    *out += ",\"start\":" + std::to_string(t.start) + ",\"end\":" + std::to_string(t.end) +
            ",\"type\":";
    report::AppendJsonString(*out, t.type);
    *out += ",\"value\":";
    report::AppendJsonString(*out, t.value);
    *out += '}';
  }
  *out += "]}\n";
}

int RunTimes(const TimesArgs& args) {
  PartialDate dct;
  if (!ParseDate(args.dct, &dct)) {
    std::fprintf(stderr, "lagebild times: --dct '%s' is not YYYY, YYYY-MM or YYYY-MM-DD\n",
                 args.dct.c_str());
    return kExitUsage;
  }
  if (!time::HasTimeRules(args.language)) {
    std::fprintf(stderr, "lagebild times: no rules for language '%s' (de, en)\n",
                 args.language.c_str());
    return kExitUsage;
  }
  int status = kExitOk;
  std::string out;
  size_t bytes = 0;
  double seconds = 0;
  const bool ok = ForEachTextInput(args.inputs, args.jsonl, args.language, "times",
                                   [&](const TextInput& in) {
    PartialDate date = dct;
    bool narrative = args.narrative;
    if (in.doc != nullptr) {
      std::string_view date_text;
      if ((*in.doc)["dct"].get(date_text) == simdjson::SUCCESS && !ParseDate(date_text, &date)) {
        std::fprintf(stderr, "lagebild times: %s: bad dct '%.*s'\n", in.id.c_str(),
                     static_cast<int>(std::min<size_t>(date_text.size(), 40)), date_text.data());
        status = kExitInputErrors;
        return;
      }
      bool flag = false;
      if ((*in.doc)["narrative"].get(flag) == simdjson::SUCCESS) narrative = flag;
    }
    time::TagOptions options;
    options.narrative = narrative;
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<TimeMention> times = time::TagTimes(in.text, in.language, date, options);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += in.text.size();
    WriteLine(in.id, times, &out);
  });
  if (!ok) status = kExitInputErrors;
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (args.stats) {
    std::fprintf(stderr, "lagebild times: %zu bytes tagged in %.3f s (%.1f MB/s)\n", bytes,
                 seconds, seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  }
  return status;
}

}  // namespace

void AddTimesCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<TimesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "times", "Tag and resolve temporal expressions (TIMEX3) in plain texts or JSON lines.");
  cmd->add_option("inputs", args->inputs, "Text files (or JSON-lines files with --jsonl); - or "
                                          "nothing for standard input");
  cmd->add_option("--lang,-l", args->language, "Language of the texts: de or en")
      ->capture_default_str();
  cmd->add_option("--dct", args->dct,
                  "Document creation time the relative expressions resolve against "
                  "(YYYY-MM-DD, YYYY-MM or YYYY)");
  cmd->add_flag("--narrative", args->narrative,
                "Resolve relative expressions against the last date mentioned, not the DCT");
  cmd->add_flag("--jsonl", args->jsonl,
                "Inputs hold one JSON object per line: {\"id\", \"text\", \"language\", \"dct\", "
                "\"narrative\"}");
  cmd->add_flag("--stats", args->stats, "Print bytes tagged and tagging time to standard error");
  // Chosen when this sub-command is the one parsed.
  cmd->callback([run, args]() { *run = [args]() { return RunTimes(*args); }; });
}

}  // namespace lagebild::cli
