#include "cli/text_inputs.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "util/utf8.h"

namespace lagebild::cli {

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

bool ForEachTextInput(const std::vector<std::string>& inputs, bool jsonl, std::string_view language,
                      std::string_view command, const std::function<void(const TextInput&)>& f) {
  const std::vector<std::string> paths = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  bool ok = true;
  simdjson::dom::parser parser;
  for (const std::string& path : paths) {
    std::string data;
    if (!ReadAll(path, &data)) {
      std::fprintf(stderr, "lagebild %.*s: %s: cannot read\n", static_cast<int>(command.size()),
                   command.data(), path.c_str());
      ok = false;
      continue;
    }
    if (!jsonl) {
      TextInput in{path, util::IsValidUtf8(data) ? data : util::ReplaceInvalidUtf8(data),
                   std::string(language), nullptr};
      f(in);
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
      std::string_view text, id, lang;
      if (parser.parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS ||
          doc["text"].get(text) != simdjson::SUCCESS) {
        std::fprintf(stderr, "lagebild %.*s: %s:%zu: not a JSON object with \"text\"\n",
                     static_cast<int>(command.size()), command.data(), path.c_str(), line_no);
        ok = false;
        continue;
      }
      TextInput in;
      in.text = util::IsValidUtf8(text) ? std::string(text) : util::ReplaceInvalidUtf8(text);
      in.id = doc["id"].get(id) == simdjson::SUCCESS ? std::string(id)
                                                     : path + ":" + std::to_string(line_no);
      in.language = doc["language"].get(lang) == simdjson::SUCCESS ? std::string(lang)
                                                                   : std::string(language);
      in.doc = &doc;
      f(in);
    }
  }
  return ok;
}

}  // namespace lagebild::cli
