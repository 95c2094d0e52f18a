#include "report/report_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace lagebild::report {
namespace {

Report SampleReport() {
  Report r;
  Article a;
  a.id = "a1";
  a.source = "in/<evil>.txt";
  a.format = "text";
  a.title = "Titel mit \"Quotes\" & <script>alert(1)</script>";
  a.title_basis = "first-line";
  a.language = "de";
  a.published = {{2022, 1, 13}, DateBasis::kMetadata};
  a.text = "Absatz eins.\nZeile zwei.\n\nAbsatz <b>zwei</b>.";
  a.encoding = "UTF-8";
  a.flags = {"truncated"};
  a.quantities.push_back({"rund 2.500", 0, 10, 2500.0, 2250.0, std::nullopt, "rund", "Soldaten", "soldiers", "sent", "", ""});
  r.articles.push_back(a);
  Story st;
  st.id = "s1";
  st.title = "Story <i>";
  st.articles = {"a1"};
  Claim c;
  c.id = "c1";
  c.about = "soldiers <sent>";
  c.status = "conflicting";
  c.values.push_back({"a1", "rund <2.500>", 2500.0, 2250.0, 2750.0, "der <Armee>", "", ""});
  st.claims.push_back(c);
  StoryEntity e;
  e.id = "e1";
  e.type = "PER";
  e.name = "Olaf <Scholz>";
  e.variants = {"Olaf <Scholz>", "Scholz's"};
  st.entities.push_back(e);
  st.summary.push_back({"", "Ein <Satz>.", {"a1"}});
  st.timeline.push_back({"2022-01-13", "Am <13.> Januar.", {"a1"}});
  r.stories.push_back(st);
  r.errors.push_back({"bad\xFF.txt", "empty input; skipped"});
  r.resources.push_back("CLD2");
  return r;
}

TEST(JsonWriterTest, IsValidJsonWithTheContractFields) {
  const std::string json = WriteJson(SampleReport());
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  EXPECT_EQ(std::string_view(doc["schema"]), "lagebild.report/1");
  simdjson::dom::element a = doc["articles"].at(0);
  EXPECT_EQ(std::string_view(a["id"]), "a1");
  EXPECT_EQ(std::string_view(a["title"]), "Titel mit \"Quotes\" & <script>alert(1)</script>");
  EXPECT_EQ(std::string_view(a["published"]["value"]), "2022-01-13");
  EXPECT_EQ(std::string_view(a["published"]["basis"]), "metadata");
  EXPECT_EQ(std::string_view(a["text"]), "Absatz eins.\nZeile zwei.\n\nAbsatz <b>zwei</b>.");
  for (const char* list : {"removed", "flags", "times", "entities", "quantities", "quotes"}) {
    EXPECT_TRUE(a[list].is_array()) << list;
  }
  EXPECT_TRUE(a["duplicate_of"].is_null());
  simdjson::dom::element q = a["quantities"].at(0);
  EXPECT_EQ(double(q["value"]), 2500.0);
  EXPECT_EQ(double(q["low"]), 2250.0);
  EXPECT_TRUE(q["high"].is_null());
  EXPECT_TRUE(doc["stories"].is_array());
  // A file name with a broken byte still gives valid JSON.
  EXPECT_EQ(std::string_view(doc["errors"].at(0)["source"]), "bad\xEF\xBF\xBD.txt");
}

TEST(JsonWriterTest, UnknownDateAndTitleAreNull) {
  Report r;
  Article a;
  a.id = "a1";
  a.language = "und";
  r.articles.push_back(a);
  const std::string json = WriteJson(r);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS);
  EXPECT_TRUE(doc["articles"].at(0)["published"].is_null());
  EXPECT_TRUE(doc["articles"].at(0)["title"].is_null());
}

TEST(JsonWriterTest, EscapesControlsAndSeparators) {
  std::string out;
  AppendJsonString(out, std::string("a\"b\\c\n\x01\xE2\x80\xA8", 10));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\u2028\"");
}

TEST(HtmlEscapeTest, EscapesEverySpecialCharacter) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("bad\xFF"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(EscapeHtml("\x01"), "\xEF\xBF\xBD");
}

TEST(HtmlWriterTest, NoValueFromTheReportAppearsAsMarkup) {
  const std::string html = WriteHtml(SampleReport());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>zwei</b>"), std::string::npos);
  EXPECT_EQ(html.find("<evil>"), std::string::npos);
  // The story's claims and entities, escaped.
  EXPECT_NE(html.find("soldiers &lt;sent&gt;"), std::string::npos);
  EXPECT_NE(html.find("rund &lt;2.500&gt;"), std::string::npos);
  EXPECT_NE(html.find("according to der &lt;Armee&gt;"), std::string::npos);
  EXPECT_NE(html.find("Olaf &lt;Scholz&gt;, Scholz&#39;s"), std::string::npos);
  // Cited by outlet (here the file name) and day, never by a bare id.
  EXPECT_NE(html.find("Ein &lt;Satz&gt;. <span class=\"cite\">[<a class=\"cite\" href=\"#a1\">"
                      "&lt;evil&gt;.txt, 13.1.</a>]"),
            std::string::npos);
  EXPECT_EQ(html.find(">a1</a>"), std::string::npos);
  EXPECT_NE(html.find("<time>2022-01-13</time> Am &lt;13.&gt; Januar."), std::string::npos);
  for (const char* raw : {"<sent>", "<2.500>", "<Armee>", "<Scholz>", "<i>", "<Satz>", "<13.>"}) {
    EXPECT_EQ(html.find(raw), std::string::npos) << raw;
  }
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // Paragraphs, line breaks, and the number mention marked with its bounds.
  EXPECT_NE(html.find("<span class=\"m-number\" title=\"soldiers: 2250–…\">Absatz ein</span>s.<br>"
                      "Zeile zwei.</p>\n<p>Absatz &lt;b&gt;zwei&lt;/b&gt;.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("2022-01-13 (metadata)"), std::string::npos);
}

TEST(HtmlWriterTest, TheStoryPageHasItsSectionsMapMarkersAndPrefixedIdsForSeveralStories) {
  Report r = SampleReport();
  std::string html = WriteHtml(r);
  for (const char* id : {"summary", "sources", "claims", "timeline", "entities"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("id=\"map\""), std::string::npos);  // no place, no empty map
  EXPECT_NE(html.find("<svg class=\"bars\""), std::string::npos);
  EXPECT_NE(html.find("class=\"status conflicting\""), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"de\">"), std::string::npos);
  // A place with coordinates: a marker with its name, escaped.
  StoryEntity place;
  place.id = "e2";
  place.type = "LOC";
  place.name = "Alma\"ty<";
  place.variants = {"Alma\"ty<"};
  place.geo = GeoPoint{43.25, 76.9};
  r.stories[0].entities.push_back(place);
  html = WriteHtml(r);
  EXPECT_NE(html.find("id=\"map\""), std::string::npos);
  EXPECT_NE(html.find("data-place=\"Alma&quot;ty&lt;\""), std::string::npos);
  EXPECT_NE(html.find("<path class=\"land\" d=\"M"), std::string::npos);  // outlines near it
  // Two stories: a story list, each story's sections prefixed.
  Story second = r.stories[0];
  second.id = "s2";
  r.stories.push_back(second);
  html = WriteHtml(r);
  EXPECT_NE(html.find("<nav class=\"stories\""), std::string::npos);
  for (const char* id : {"s1-claims", "s2-claims", "s1-map", "s2-timeline"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("id=\"claims\""), std::string::npos);
}

TEST(MarkdownWriterTest, EscapesMarkupAndMarkdown) {
  const std::string md = WriteMarkdown(SampleReport());
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("### &lt;evil&gt;.txt, 13.1.: Titel"), std::string::npos);
  for (const char* section : {"### Summary", "### Sources", "### Claims", "### Timeline", "### Entities"}) {
    EXPECT_NE(md.find(section), std::string::npos) << section;
  }
  EXPECT_NE(md.find("Ein &lt;Satz&gt;. \\(&lt;evil&gt;.txt, 13.1.\\)"), std::string::npos) << md;
  EXPECT_NE(md.find("Absatz eins.  \nZeile zwei."), std::string::npos);
}

TEST(OutputFormatTest, ParsesNamesAndRejectsOthers) {
  EXPECT_EQ(ParseOutputFormat("json").value(), OutputFormat::kJson);
  EXPECT_EQ(ParseOutputFormat("md").value(), OutputFormat::kMarkdown);
  EXPECT_EQ(ParseOutputFormat("markdown").value(), OutputFormat::kMarkdown);
  auto bad = ParseOutputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'pdf'"), std::string::npos);
}

}  // namespace
}  // namespace lagebild::report
