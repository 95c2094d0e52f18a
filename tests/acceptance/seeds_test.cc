// Acceptance on the five real seed articles (../shared/seeds): what
// expected.json asks of the stages built so far. Titles where it gives
// one, a title for every article, language "de", and the publication
// date at least to the month, agreeing with the expected date.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>

#include "lagebild/pipeline.h"
#include "tests/testing.h"

namespace lagebild {
namespace {

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::SharedDir() + "/seeds";
    ASSERT_TRUE(std::filesystem::exists(dir_ + "/expected.json"))
        << "the seed articles are expected at " << dir_;
    AnalyzeOptions options;
    auto r = Analyze({dir_}, options);
    ASSERT_TRUE(r.ok());
    report_ = std::move(r.value());
    for (const Article& a : report_.articles) {
      by_file_[std::filesystem::path(a.source).filename().string()] = &a;
    }
    expected_json_ = simdjson::padded_string::load(dir_ + "/expected.json").value();
    ASSERT_EQ(parser_.parse(expected_json_).get(expected_), simdjson::SUCCESS);
  }

  std::string dir_;
  Report report_;
  std::map<std::string, const Article*> by_file_;
  simdjson::padded_string expected_json_;
  simdjson::dom::parser parser_;
  simdjson::dom::element expected_;
};

TEST_F(SeedsTest, FiveArticlesNoErrors) {
  EXPECT_EQ(report_.articles.size(), 5u);
  EXPECT_TRUE(report_.errors.empty());
}

TEST_F(SeedsTest, EveryExpectedArticleHasTitleLanguageAndDate) {
  for (auto [file, spec] : expected_["articles"].get_object()) {
    SCOPED_TRACE(std::string(file));
    auto it = by_file_.find(std::string(file));
    ASSERT_NE(it, by_file_.end());
    const Article& a = *it->second;
    EXPECT_EQ(a.language, "de");
    ASSERT_TRUE(a.title.has_value());
    EXPECT_FALSE(a.title->empty());
    std::string_view want_title;
    if (!spec["title"].get_string().get(want_title)) {
      EXPECT_EQ(*a.title, want_title);
    }
    // Published: at least year and month, and what is known must agree
    // with the expected date.
    std::string_view date_view;
    ASSERT_EQ(spec["published"]["date"].get_string().get(date_view), simdjson::SUCCESS);
    const std::string want_date(date_view);
    ASSERT_TRUE(a.published.value.known());
    const std::string got = a.published.value.ToString();
    ASSERT_GE(got.size(), 7u) << "published " << got << " is less precise than a month";
    EXPECT_EQ(got, want_date.substr(0, got.size()));
    EXPECT_NE(a.published.basis, DateBasis::kNone);
  }
}

TEST_F(SeedsTest, TextIsNormalised) {
  for (const Article& a : report_.articles) {
    SCOPED_TRACE(a.source);
    EXPECT_EQ(a.text.find('\xC2' + std::string("\xA0")), std::string::npos);  // no NBSP
    EXPECT_EQ(a.text.find("\n\n\n"), std::string::npos);
    EXPECT_EQ(a.text.find('\r'), std::string::npos);
    EXPECT_FALSE(a.text.empty());
  }
}

}  // namespace
}  // namespace lagebild
