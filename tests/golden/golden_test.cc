// End-to-end golden test: the bundled example through the whole pipeline,
// compared byte for byte with tests/golden/<case>/expected.json (the JSON
// writer is deterministic). Regenerate after an intended change with
//   LAGEBILD_UPDATE_GOLDEN=1 build/tests/golden_test
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <vector>
#include <fstream>
#include <sstream>

#include "lagebild/pipeline.h"
#include "report/report_writer.h"
#include "tests/testing.h"

namespace lagebild {
namespace {

std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ea = !std::getline(a, la);
    const bool eb = !std::getline(b, lb);
    if (ea && eb) return "";
    if (ea || eb || la != lb) {
      return "line " + std::to_string(line) + ":\n  want: " + (ea ? "<end>" : la) +
             "\n  got:  " + (eb ? "<end>" : lb);
    }
  }
}

// `got` against tests/golden/<file>, or written there with
// LAGEBILD_UPDATE_GOLDEN set.
void CompareWithGolden(const std::string& file, const std::string& got) {
  const std::string path = testing::SourceDir() + "/tests/golden/" + file;
  if (std::getenv("LAGEBILD_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << got;
    GTEST_SKIP() << "updated " << path;
  }
  const std::string want = testing::ReadAll(path);
  ASSERT_FALSE(want.empty()) << "missing " << path;
  EXPECT_TRUE(want == got) << FirstDifference(want, got);
}

void CheckGolden(const std::string& name, const std::string& input) {
  AnalyzeOptions options;
  options.jobs = 2;
  auto report = Analyze({input}, options);
  ASSERT_TRUE(report.ok());
  CompareWithGolden(name + "/expected.json", report::WriteJson(report.value()));
}

TEST(GoldenTest, NordhafenExample) { CheckGolden("nordhafen", "examples/nordhafen"); }

// The page's structure, not its pixels or words: one line per structural
// element (tag, id, class) in document order, indented by depth.
std::string Skeleton(const std::string& html) {
  static const std::set<std::string> kept = {"html", "head", "body", "header", "main", "nav",
                                             "footer", "article", "section", "details", "summary",
                                             "h1", "h2", "h3", "h4", "table", "ul", "ol", "dl",
                                             "svg", "g", "a"};
  static const std::set<std::string> empty = {"meta", "br", "rect", "circle", "line", "path"};
  std::string out;
  int depth = 0;
  std::vector<std::string> open;
  for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0 || html.compare(i, 2, "<!") == 0) continue;
    const size_t end = html.find('>', i);
    if (end == std::string::npos) break;
    const std::string tag_text = html.substr(i + 1, end - i - 1);
    const bool closing = !tag_text.empty() && tag_text[0] == '/';
    const size_t name_end = tag_text.find_first_of(" />", closing ? 1 : 0);
    const std::string name = tag_text.substr(closing ? 1 : 0, name_end == std::string::npos ? std::string::npos : name_end - (closing ? 1 : 0));
    if (closing) {
      if (kept.count(name)) --depth;
      continue;
    }
    if (empty.count(name) || tag_text.back() == '/') continue;
    if (!kept.count(name)) continue;
    auto attr = [&](const std::string& key) {
      const size_t at = tag_text.find(" " + key + "=\"");
      if (at == std::string::npos) return std::string();
      const size_t from = at + key.size() + 3;
      return tag_text.substr(from, tag_text.find('"', from) - from);
    };
    std::string id = attr("id"), cls = attr("class");
    // Ids of the page's own numbering stay; what they number does not.
    out += std::string(size_t(depth) * 2, ' ') + name + (id.empty() ? "" : "#" + id) +
           (cls.empty() ? "" : "." + cls) + "\n";
    ++depth;
  }
  return out;
}

TEST(GoldenTest, NordhafenPageStructure) {
  AnalyzeOptions options;
  options.jobs = 2;
  auto report = Analyze({"examples/nordhafen"}, options);
  ASSERT_TRUE(report.ok());
  const std::string got = Skeleton(report::WriteHtml(report.value()));
  CompareWithGolden("nordhafen/page-structure.txt", got);
  // The sections outside checks rely on are there.
  for (const char* id : {"summary", "sources", "claims", "timeline", "map", "statements", "entities"}) {
    EXPECT_NE(got.find(std::string("#") + id), std::string::npos) << id;
  }
}

}  // namespace
}  // namespace lagebild
