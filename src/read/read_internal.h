// Helpers shared by the readers of this stage (not part of its interface).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lagebild/article.h"
#include "lagebild/report.h"
#include "util/encoding.h"

namespace lagebild::read {

// Records what decoding did: a diagnostic for a conversion, an InputError
// naming the line for replaced ill-formed UTF-8.
void NoteDecoding(const util::Decoded& decoded, std::string_view bytes, const std::string& source,
                  RawArticle* article, std::vector<InputError>* errors);

// Length in bytes of the first sentence of s: up to and including the first
// ". ", "! " or "? " that is followed by an upper-case letter, a digit or a
// quote and does not end a number or a one-letter abbreviation; s.size() if
// there is no such boundary.
size_t FirstSentenceLength(std::string_view s);

// Cuts s to at most max_bytes at a word boundary, adding "…" when cut.
std::string ShortenTitle(std::string_view s, size_t max_bytes);

}  // namespace lagebild::read

namespace simdjson::dom {
class parser;
}

namespace lagebild::read {

struct ReadOutput;
struct ReadOptions;

// Keeps the first kMaxErrorsPerInput errors of one input and replaces the
// rest by one line saying how many more there were.
void CapErrors(const std::string& source, std::vector<InputError>* errors);

// Parses one JSON Lines record (`path`:`line_number` names it in errors).
void ReadJsonlLine(std::string_view line, const std::string& path, uint64_t line_number,
                   const ReadOptions& options, simdjson::dom::parser& parser, ReadOutput* out);

// The " date 2022-01-13 rest" header line some text inputs open with:
// *date gets the date token ("2022-01-13", "2022-01"), *rest what follows
// it on the line (trimmed). False when the line is no such header.
bool ParseDateHeader(std::string_view line, std::string* date, std::string_view* rest);

}  // namespace lagebild::read
