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

bool ReadAll(const std::string& path, std::string* data) {
  if (path == "-") {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    *data = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *data = ss.str();
  return !in.bad();
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
  const std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"}
                                                              : args.inputs;
  int status = kExitOk;
  std::string out;
  size_t bytes = 0;
  double seconds = 0;
  auto tag = [&](std::string_view id, std::string_view text, std::string_view lang,
                 const PartialDate& date, bool narrative) {
    std::string valid;
    if (!util::IsValidUtf8(text)) {
      valid = util::ReplaceInvalidUtf8(text);
      text = valid;
    }
    time::TagOptions options;
    options.narrative = narrative;
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<TimeMention> times = time::TagTimes(text, lang, date, options);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += text.size();
    WriteLine(id, times, &out);
  };
  simdjson::dom::parser parser;
  for (const std::string& path : inputs) {
    std::string data;
    if (!ReadAll(path, &data)) {
      std::fprintf(stderr, "lagebild times: %s: cannot read\n", path.c_str());
      status = kExitInputErrors;
      continue;
    }
    if (!args.jsonl) {
      tag(path, data, args.language, dct, args.narrative);
      continue;
    }
    size_t line_no = 0, pos = 0;
    while (pos < data.size()) {
      size_t nl = data.find('\n', pos);
      if (nl == std::string::npos) nl = data.size();
      const std::string_view line(data.data() + pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      simdjson::dom::element doc;
      std::string_view text, id, lang = args.language, date_text;
      bool narrative = args.narrative;
      if (parser.parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS ||
          doc["text"].get(text) != simdjson::SUCCESS) {
        std::fprintf(stderr, "lagebild times: %s:%zu: not a JSON object with \"text\"\n",
                     path.c_str(), line_no);
        status = kExitInputErrors;
        continue;
      }
      std::string text_copy(text);  // the parser's buffer is reused
      std::string id_copy = path + ":" + std::to_string(line_no);
      if (doc["id"].get(id) == simdjson::SUCCESS) id_copy = std::string(id);
      std::string lang_copy(lang);
      if (doc["language"].get(lang) == simdjson::SUCCESS) lang_copy = std::string(lang);
      PartialDate date = dct;
      if (doc["dct"].get(date_text) == simdjson::SUCCESS && !ParseDate(date_text, &date)) {
        std::fprintf(stderr, "lagebild times: %s:%zu: bad dct '%.*s'\n", path.c_str(), line_no,
                     static_cast<int>(std::min<size_t>(date_text.size(), 40)), date_text.data());
        status = kExitInputErrors;
        continue;
      }
      bool flag = false;
      if (doc["narrative"].get(flag) == simdjson::SUCCESS) narrative = flag;
      tag(id_copy, text_copy, lang_copy, date, narrative);
    }
  }
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
