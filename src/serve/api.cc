// TableJson, TableCsv (api.h).
#include "serve/api.h"

#include "report/report_writer.h"
#include "util/utf8.h"

namespace lagebild::serve {

std::string JsonStrings(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t k = 0; k < v.size(); ++k) {
    if (k > 0) out += ", ";
    report::AppendJsonString(out, v[k]);
  }
  return out + "]";
}

std::string TableJson(const Table& table, const std::string& next) {
  std::string out = "{\"items\": [";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    out += r ? ",\n  {" : "\n  {";
    for (size_t c = 0; c < table.columns.size() && c < table.rows[r].size(); ++c) {
      if (c > 0) out += ", ";
      report::AppendJsonString(out, table.columns[c]);
      out += ": ";
      const Cell& cell = table.rows[r][c];
      switch (cell.kind) {
        case Cell::Kind::kString: report::AppendJsonString(out, cell.text); break;
        case Cell::Kind::kNumber:
        case Cell::Kind::kJson: out += cell.text; break;
        case Cell::Kind::kNull: out += "null"; break;
      }
    }
    out += "}";
  }
  out += table.rows.empty() ? "], \"next\": " : "\n], \"next\": ";
  if (next.empty()) {
    out += "null";
  } else {
    report::AppendJsonString(out, next);
  }
  out += "}\n";
  return out;
}

namespace {
void CsvField(std::string& out, const std::string& s) {
  // Text a store holds is UTF-8; anything else is replaced, never passed on.
  const std::string text = util::IsValidUtf8(s) ? s : util::ReplaceInvalidUtf8(s);
  out += '"';
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}
}  // namespace

std::string TableCsv(const Table& table) {
  std::string out;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ',';
    CsvField(out, table.columns[c]);
  }
  out += "\r\n";
  for (const std::vector<Cell>& row : table.rows) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (c > 0) out += ',';
      if (c >= row.size()) continue;
      const Cell& cell = row[c];
      switch (cell.kind) {
        case Cell::Kind::kString: CsvField(out, cell.text); break;
        case Cell::Kind::kNumber: out += cell.text; break;
        case Cell::Kind::kJson: CsvField(out, cell.csv); break;
        case Cell::Kind::kNull: break;
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace lagebild::serve
