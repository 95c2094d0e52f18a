// Main-content selection on outlines read from small pages of its own.
#include <gtest/gtest.h>

#include <string>

#include "clean/clean.h"
#include "read/read.h"

namespace lagebild::clean {
namespace {

std::string Select(const std::string& html, std::vector<Removed>* removed = nullptr) {
  read::ReadOutput out = read::ReadHtml(html, "t.html", {});
  if (out.articles.empty()) return "<no article>";
  return SelectMainContent(out.articles[0].html, out.articles[0].title.value_or(""), removed);
}

const std::string kPara1 =
    "Der Stadtrat hat am Montag nach langer Debatte den Haushalt beschlossen, mit den Stimmen "
    "der Mehrheit, gegen die Stimmen der Opposition.";
const std::string kPara2 =
    "Die Opposition kritisierte die neuen Schulden, die Verwaltung verwies auf höhere "
    "Einnahmen, und der Bürgermeister sprach von einem soliden Haushalt.";

TEST(SelectMainContentTest, ArticleWithoutNavigationTeasersAndComments) {
  const std::string html =
      "<html><body><header class='site-header'><a href='/'>Start</a> <a href='/p'>Politik</a>"
      "</header><nav><ul><li><a href='/a'>Lokales</a></li><li><a href='/b'>Sport</a></li></ul>"
      "</nav><div class='layout'><div class='article-body'><h1>Haushalt beschlossen</h1><p>" +
      kPara1 + "</p><div class='share-buttons'><a href='#'>Teilen</a> <a href='#'>Twitter</a>"
      "</div><p>" + kPara2 + "</p><div class='related-articles'><h3>Mehr zum Thema</h3><p>"
      "Ein anderer Artikel über Verkehr, Straßen und Brücken, der hier angeteasert wird.</p>"
      "</div></div><div id='comments'><p>Leser A schrieb: Das ist doch alles viel zu teuer, "
      "und niemand fragt die Bürger, was sie eigentlich wollen.</p></div></div>"
      "<footer><p>© 2024 Beispielblatt, alle Rechte vorbehalten.</p></footer></body></html>";
  std::vector<Removed> removed;
  const std::string text = Select(html, &removed);
  EXPECT_NE(text.find(kPara1), std::string::npos) << text;
  EXPECT_NE(text.find(kPara2), std::string::npos) << text;
  EXPECT_NE(text.find("Haushalt beschlossen"), std::string::npos) << text;
  for (const char* gone : {"Politik", "Lokales", "Twitter", "anderer Artikel", "Leser A",
                           "Rechte vorbehalten"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone << " in\n" << text;
  }
  bool teaser = false, share = false;
  for (const Removed& r : removed) {
    teaser |= r.reason == "related-teaser" && r.text.find("anderer Artikel") != std::string::npos;
    share |= r.reason == "social-embed" && r.text.find("Twitter") != std::string::npos;
  }
  EXPECT_TRUE(teaser);
  EXPECT_TRUE(share);
}

TEST(SelectMainContentTest, LongestArticleWinsOverTeaserArticles) {
  std::string html = "<html><body>";
  for (int i = 0; i < 3; ++i) {
    html += "<article class='teaser'><p>Kurzer Teaser Nummer " + std::to_string(i) +
            ", mit ein paar Worten.</p></article>";
  }
  html += "<article><p>" + kPara1 + "</p><p>" + kPara2 + "</p><p>" + kPara1 + " " + kPara2 +
          "</p></article></body></html>";
  const std::string text = Select(html);
  EXPECT_EQ(text.find("Kurzer Teaser"), std::string::npos) << text;
  EXPECT_NE(text.find(kPara2), std::string::npos) << text;
}

TEST(SelectMainContentTest, PageBuilderWidgetsKeepTheirParagraphs) {
  // Every paragraph in its own "widget" container must not read as furniture.
  std::string html = "<html><body><div class='builder-section'>";
  for (const std::string& p : {kPara1, kPara2, kPara1 + " " + kPara2}) {
    html += "<div class='builder-widget widget-container'><p>" + p + "</p></div>";
  }
  html += "</div></body></html>";
  const std::string text = Select(html);
  EXPECT_NE(text.find(kPara1), std::string::npos) << text;
  EXPECT_NE(text.find(kPara2), std::string::npos) << text;
}

TEST(SelectMainContentTest, LeadInATeaserClassStaysTeaserBoxesGo) {
  // German sites call the lead "Teaser": a weak cue keeps its paragraph; a
  // box of related links with the same word goes.
  const std::string html =
      "<html><head><title>Haushalt beschlossen | Beispielblatt</title></head><body>"
      "<article><h1>Haushalt beschlossen</h1><div class='article-teaser'><p>" + kPara2 +
      "</p></div><div class='article-body'><p>" + kPara1 + "</p><p>" + kPara1 + " " + kPara2 +
      "</p></div><div class='teaser-list'><a href='/a'>Verkehr: neue Brücke</a> "
      "<a href='/b'>Schule: neuer Bau</a></div></article></body></html>";
  const std::string text = Select(html);
  EXPECT_NE(text.find(kPara2), std::string::npos) << text;
  EXPECT_EQ(text.find("neue Brücke"), std::string::npos) << text;
}

TEST(SelectMainContentTest, BlockOpenedByARelatedHeadingGoesWhateverItsSize) {
  // Teasers with long summaries, more text than the article itself, after a
  // "You may also like" heading (by its words, or by its class).
  for (const std::string& heading :
       {std::string("<h3>Das könnte Sie auch interessieren</h3>"),
        std::string("<h3 class='relatedposts-title'>Leia também...</h3>")}) {
    std::string html =
        "<html><head><title>Haushalt beschlossen</title></head><body><div class='main'>"
        "<article><h1>Haushalt beschlossen</h1><p>" + kPara1 + "</p><p>" + kPara2 +
        "</p></article><section>" + heading;
    for (int i = 0; i < 4; ++i) {
      html += "<article><p>Ein ganz anderer Bericht Nummer " + std::to_string(i) +
              " über Wetter, Verkehr und Sport, mit vielen Sätzen, Kommas, Zahlen und "
              "Namen, länger als mancher Artikel, aber nicht dieser Artikel.</p></article>";
    }
    html += "</section></div></body></html>";
    std::vector<Removed> removed;
    const std::string text = Select(html, &removed);
    EXPECT_NE(text.find(kPara1), std::string::npos) << text;
    EXPECT_NE(text.find(kPara2), std::string::npos) << text;
    EXPECT_EQ(text.find("anderer Bericht"), std::string::npos) << heading << "\n" << text;
  }
}

TEST(SelectMainContentTest, NoParagraphsKeepsTheText) {
  EXPECT_EQ(Select("<html><body><div>Kurz.</div><div>Auch kurz.</div></body></html>"),
            "Kurz.\n\nAuch kurz.");
}

}  // namespace
}  // namespace lagebild::clean
