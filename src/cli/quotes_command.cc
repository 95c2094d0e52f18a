// `lagebild quotes`: named entities and quotes alone, on plain texts or on
// JSON lines; writes one JSON line per text with the quotes' byte spans,
// type, cue and speaker. For evaluation and for callers that need only the
// quotes.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/text_inputs.h"
#include "ner/ner.h"
#include "quotes/quotes.h"
#include "report/report_writer.h"

namespace lagebild::cli {
namespace {

struct QuotesArgs {
  std::vector<std::string> inputs;
  std::string language = "de";
  bool jsonl = false;
  bool stats = false;
};

void WriteLine(std::string_view id, const std::vector<Quote>& quotes, std::string* out) {
  *out += "{\"id\":";
  report::AppendJsonString(*out, id);
  *out += ",\"quotes\":[";
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    if (i) *out += ',';
    *out += "{\"text\":";
    report::AppendJsonString(*out, q.text);
    *out += ",\"start\":" + std::to_string(q.start) + ",\"end\":" + std::to_string(q.end) +
            ",\"type\":";
    report::AppendJsonString(*out, q.type);
    *out += ",\"cue\":";
    report::AppendJsonString(*out, q.cue);
    *out += ",\"speaker_text\":";
    report::AppendJsonString(*out, q.speaker_text);
    *out += ",\"speaker_start\":" + std::to_string(q.speaker_start) +
            ",\"speaker_end\":" + std::to_string(q.speaker_end) + '}';
  }
  *out += "]}\n";
}

int RunQuotes(const QuotesArgs& args) {
  if (!quotes::HasQuoteLexicon(args.language)) {
    std::fprintf(stderr, "lagebild quotes: no lexicon for language '%s' (de, en)\n",
                 args.language.c_str());
    return kExitUsage;
  }
  std::string out;
  size_t bytes = 0;
  double seconds = 0;
  const bool ok = ForEachTextInput(args.inputs, args.jsonl, args.language, "quotes",
                                   [&](const TextInput& in) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto entities = ner::FindEntities(in.text, in.language);
    const auto quotes = quotes::FindQuotes(in.text, in.language, entities);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += in.text.size();
    WriteLine(in.id, quotes, &out);
  });
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (args.stats) {
    std::fprintf(stderr, "lagebild quotes: %zu bytes in %.3f s (%.1f MB/s, NER included)\n", bytes,
                 seconds, seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
  }
  return ok ? kExitOk : kExitInputErrors;
}

}  // namespace

void AddQuotesCommand(CLI::App& app, std::function<int()>* run) {
  auto args = std::make_shared<QuotesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "quotes", "Find quotes and their speakers in plain texts or JSON lines.");
  cmd->add_option("inputs", args->inputs, "Text files (or JSON-lines files with --jsonl); - or "
                                          "nothing for standard input");
  cmd->add_option("--lang,-l", args->language, "Language of the texts: de or en")
      ->capture_default_str();
  cmd->add_flag("--jsonl", args->jsonl,
                "Inputs hold one JSON object per line: {\"id\", \"text\", \"language\"}");
  cmd->add_flag("--stats", args->stats, "Print bytes and time to standard error");
  cmd->callback([run, args]() { *run = [args]() { return RunQuotes(*args); }; });
}

}  // namespace lagebild::cli
