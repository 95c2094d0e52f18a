// The API's list bodies (internal to src/serve): each list as JSON and as
// CSV from one table of rows, so both formats always hold the same
// columns. CSV follows RFC 4180 (every field quoted), and a field that a
// spreadsheet would run as a formula (= + - @ at its start) is prefixed
// with a single quote.
#pragma once

#include <string>
#include <vector>

namespace lagebild::serve {

// One column's value: a string, a number, null, or JSON already written
// (an array, an object) that CSV shows as its text.
struct Cell {
  enum class Kind { kString, kNumber, kNull, kJson } kind = Kind::kNull;
  std::string text;
  std::string csv;  // kJson: what CSV shows
  static Cell Str(std::string s) { return {Kind::kString, std::move(s), ""}; }
  static Cell Num(long long n) { return {Kind::kNumber, std::to_string(n), ""}; }
  static Cell Null() { return {Kind::kNull, "", ""}; }
  static Cell Json(std::string json, std::string csv) { return {Kind::kJson, std::move(json), std::move(csv)}; }
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// {"items": [{column: value, ...}, ...], "next": next | null}; `next`
// empty: null.
std::string TableJson(const Table& table, const std::string& next = "");
// The header line, then one line per row (CRLF).
std::string TableCsv(const Table& table);
// A JSON array of strings.
std::string JsonStrings(const std::vector<std::string>& v);

}  // namespace lagebild::serve
