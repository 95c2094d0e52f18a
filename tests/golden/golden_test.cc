// End-to-end golden test: the bundled example through the whole pipeline,
// compared byte for byte with tests/golden/<case>/expected.json (the JSON
// writer is deterministic). Regenerate after an intended change with
//   LAGEBILD_UPDATE_GOLDEN=1 build/tests/golden_test
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
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

void CheckGolden(const std::string& name, const std::string& input) {
  AnalyzeOptions options;
  options.jobs = 2;
  auto report = Analyze({input}, options);
  ASSERT_TRUE(report.ok());
  const std::string got = report::WriteJson(report.value());
  const std::string path = testing::SourceDir() + "/tests/golden/" + name + "/expected.json";
  if (std::getenv("LAGEBILD_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << got;
    GTEST_SKIP() << "updated " << path;
  }
  const std::string want = testing::ReadAll(path);
  ASSERT_FALSE(want.empty()) << "missing " << path;
  EXPECT_TRUE(want == got) << FirstDifference(want, got);
}

TEST(GoldenTest, NordhafenExample) { CheckGolden("nordhafen", "examples/nordhafen"); }

}  // namespace
}  // namespace lagebild
