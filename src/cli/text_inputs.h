// Inputs of the single-stage commands (`times`, `quotes`): plain text
// files, or JSON-lines files of {"id", "text", "language", ...} objects.
#pragma once

#include <simdjson.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lagebild::cli {

// The whole of path ("-": standard input); false if it cannot be read.
bool ReadAll(const std::string& path, std::string* data);

// One text of the inputs: its id (the path, or the "id" of its JSON line,
// else path:line), its text made valid UTF-8, its language (the line's
// "language", else `language`) and, for JSON lines, the line's object.
struct TextInput {
  std::string id, text, language;
  const simdjson::dom::element* doc = nullptr;
};

// Calls f for every text of the inputs (none: standard input). Unreadable
// files and malformed lines are reported on standard error as
// "lagebild COMMAND: ..."; returns false if there were any.
bool ForEachTextInput(const std::vector<std::string>& inputs, bool jsonl, std::string_view language,
                      std::string_view command, const std::function<void(const TextInput&)>& f);

}  // namespace lagebild::cli
