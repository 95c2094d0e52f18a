// The JSON report, written by hand with a tiny indenting writer: the
// format is ours (docs/report-format.md), field order is fixed, and output
// is byte-for-byte deterministic for golden tests.
#include <charconv>
#include <cmath>
#include <vector>

#include "report/report_writer.h"

namespace lagebild::report {
namespace {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  void Key(std::string_view k) {
    Separate();
    AppendJsonString(out_, k);
    out_.append(": ");
    after_key_ = true;
  }
  void String(std::string_view s) {
    Separate();
    AppendJsonString(out_, s);
  }
  void Null() {
    Separate();
    out_.append("null");
  }
  void Bool(bool b) {
    Separate();
    out_.append(b ? "true" : "false");
  }
  void Number(double v) {
    Separate();
    if (!std::isfinite(v)) {
      out_.append("null");
      return;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, ec == std::errc() ? end : buf);
  }
  void Number(uint64_t v) {
    Separate();
    out_.append(std::to_string(v));
  }
  void OptionalNumber(const std::optional<double>& v) {
    if (v) {
      Number(*v);
    } else {
      Null();
    }
  }
  void OptionalString(const std::optional<std::string>& s) {
    if (s) {
      String(*s);
    } else {
      Null();
    }
  }
  void StringArray(const std::vector<std::string>& items) {
    BeginArray();
    for (const auto& s : items) String(s);
    EndArray();
  }

 private:
  void Open(char c) {
    Separate();
    out_.push_back(c);
    counts_.push_back(0);
  }
  void Close(char c) {
    const bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (!empty) Newline();
    out_.push_back(c);
  }
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_.push_back(',');
    Newline();
  }
  void Newline() {
    out_.push_back('\n');
    out_.append(2 * counts_.size(), ' ');
  }

  std::string& out_;
  std::vector<size_t> counts_;
  bool after_key_ = false;
};

void WriteArticle(JsonWriter& w, const Article& a) {
  w.BeginObject();
  w.Key("id"); w.String(a.id);
  w.Key("source"); w.String(a.source);
  w.Key("format"); w.String(a.format);
  w.Key("url"); a.url.empty() ? w.Null() : w.String(a.url);
  w.Key("outlet"); a.outlet.empty() ? w.Null() : w.String(a.outlet);
  w.Key("author"); a.author.empty() ? w.Null() : w.String(a.author);
  w.Key("title"); w.OptionalString(a.title);
  w.Key("title_basis"); a.title ? w.String(a.title_basis) : w.Null();
  w.Key("language"); w.String(a.language);
  w.Key("language_reliable"); w.Bool(a.language_reliable);
  w.Key("published");
  if (a.published.value.known()) {
    w.BeginObject();
    w.Key("value"); w.String(a.published.value.ToString());
    w.Key("basis"); w.String(DateBasisName(a.published.basis));
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("encoding"); w.String(a.encoding);
  w.Key("text"); w.String(a.text);
  w.Key("removed");
  w.BeginArray();
  for (const Removed& r : a.removed) {
    w.BeginObject();
    w.Key("text"); w.String(r.text);
    w.Key("reason"); w.String(r.reason);
    w.EndObject();
  }
  w.EndArray();
  w.Key("flags"); w.StringArray(a.flags);
  w.Key("flag_evidence");
  w.BeginArray();
  for (const FlagEvidence& e : a.flag_evidence) {
    w.BeginObject();
    w.Key("flag"); w.String(e.flag);
    w.Key("evidence"); w.String(e.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.Key("outlet_info");
  if (a.outlet_info.name.empty()) {
    w.Null();
  } else {
    const OutletInfo& o = a.outlet_info;
    w.BeginObject();
    w.Key("name"); w.String(o.name);
    w.Key("country"); o.country.empty() ? w.Null() : w.String(o.country);
    w.Key("language"); o.language.empty() ? w.Null() : w.String(o.language);
    w.Key("kind"); o.kind.empty() ? w.Null() : w.String(o.kind);
    w.Key("state_typology"); o.state.empty() ? w.Null() : w.String(o.state);
    w.Key("basis"); w.String(o.basis);
    w.EndObject();
  }
  w.Key("agency"); a.agency.empty() ? w.Null() : w.String(a.agency);
  w.Key("duplicate_of"); w.OptionalString(a.duplicate_of);
  w.Key("times");
  w.BeginArray();
  for (const TimeMention& t : a.times) {
    w.BeginObject();
    w.Key("text"); w.String(t.text);
    w.Key("start"); w.Number(uint64_t{t.start});
    w.Key("end"); w.Number(uint64_t{t.end});
    w.Key("type"); w.String(t.type);
    w.Key("value"); w.String(t.value);
    w.EndObject();
  }
  w.EndArray();
  w.Key("entities");
  w.BeginArray();
  for (const EntityMention& e : a.entities) {
    w.BeginObject();
    w.Key("text"); w.String(e.text);
    w.Key("start"); w.Number(uint64_t{e.start});
    w.Key("end"); w.Number(uint64_t{e.end});
    w.Key("type"); w.String(e.type);
    w.Key("entity"); e.entity.empty() ? w.Null() : w.String(e.entity);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quantities");
  w.BeginArray();
  for (const Quantity& q : a.quantities) {
    w.BeginObject();
    w.Key("text"); w.String(q.text);
    w.Key("start"); w.Number(uint64_t{q.start});
    w.Key("end"); w.Number(uint64_t{q.end});
    w.Key("value"); w.OptionalNumber(q.value);
    w.Key("low"); w.OptionalNumber(q.low);
    w.Key("high"); w.OptionalNumber(q.high);
    w.Key("hedge"); w.String(q.hedge);
    w.Key("unit"); w.String(q.unit);
    w.Key("counted"); w.String(q.counted);
    w.Key("predicate"); w.String(q.predicate);
    w.Key("source"); w.String(q.source);
    w.Key("claim"); q.claim.empty() ? w.Null() : w.String(q.claim);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : a.quotes) {
    w.BeginObject();
    w.Key("text"); w.String(q.text);
    w.Key("start"); w.Number(uint64_t{q.start});
    w.Key("end"); w.Number(uint64_t{q.end});
    w.Key("type"); w.String(q.type);
    w.Key("speaker_text"); w.String(q.speaker_text);
    w.Key("cue"); w.String(q.cue);
    w.Key("speaker"); q.speaker.empty() ? w.Null() : w.String(q.speaker);
    w.Key("statement"); q.statement.empty() ? w.Null() : w.String(q.statement);
    w.EndObject();
  }
  w.EndArray();
  w.Key("diagnostics");
  w.BeginArray();
  for (const Diagnostic& d : a.diagnostics) {
    w.BeginObject();
    w.Key("stage"); w.String(d.stage);
    w.Key("code"); w.String(d.code);
    w.Key("message"); w.String(d.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteCited(JsonWriter& w, const std::vector<CitedText>& items, bool dated) {
  w.BeginArray();
  for (const CitedText& c : items) {
    w.BeginObject();
    if (dated) {
      w.Key("date"); w.String(c.date);
    }
    w.Key("text"); w.String(c.text);
    w.Key("articles"); w.StringArray(c.articles);
    w.EndObject();
  }
  w.EndArray();
}

void WriteStory(JsonWriter& w, const Story& s) {
  w.BeginObject();
  w.Key("id"); w.String(s.id);
  w.Key("title"); w.String(s.title);
  w.Key("articles"); w.StringArray(s.articles);
  const auto days = [&w](const std::optional<DaySpan>& d) {
    if (!d) {
      w.Null();
      return;
    }
    w.BeginObject();
    w.Key("first"); w.String(d->first);
    w.Key("last"); w.String(d->last);
    w.EndObject();
  };
  w.Key("days"); days(s.days);
  w.Key("languages"); w.StringArray(s.languages);
  w.Key("sources");
  w.BeginObject();
  w.Key("articles"); w.Number(uint64_t(s.sources.articles));
  w.Key("independent"); w.Number(uint64_t(s.sources.independent));
  w.Key("copies"); w.Number(uint64_t(s.sources.copies));
  w.EndObject();
  w.Key("events");
  w.BeginArray();
  for (const StoryEvent& e : s.events) {
    w.BeginObject();
    w.Key("id"); w.String(e.id);
    w.Key("title"); w.String(e.title);
    w.Key("days"); days(e.days);
    w.Key("articles"); w.StringArray(e.articles);
    w.EndObject();
  }
  w.EndArray();
  w.Key("entities");
  w.BeginArray();
  for (const StoryEntity& e : s.entities) {
    w.BeginObject();
    w.Key("id"); w.String(e.id);
    w.Key("key"); w.String(e.key);
    w.Key("type"); w.String(e.type);
    w.Key("name"); w.String(e.name);
    w.Key("variants"); w.StringArray(e.variants);
    w.Key("geo");
    if (e.geo) {
      w.BeginObject();
      w.Key("lat"); w.Number(e.geo->lat);
      w.Key("lon"); w.Number(e.geo->lon);
      w.EndObject();
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : s.claims) {
    w.BeginObject();
    w.Key("id"); w.String(c.id);
    w.Key("about"); w.String(c.about);
    w.Key("label"); w.String(c.label);
    w.Key("kind"); w.String(c.kind);
    w.Key("counted"); w.String(c.counted);
    w.Key("predicate"); w.String(c.predicate);
    w.Key("status"); w.String(c.status);
    w.Key("values");
    w.BeginArray();
    for (const ClaimValue& v : c.values) {
      w.BeginObject();
      w.Key("article"); w.String(v.article);
      w.Key("text"); w.String(v.text);
      w.Key("value"); w.OptionalNumber(v.value);
      w.Key("low"); w.OptionalNumber(v.low);
      w.Key("high"); w.OptionalNumber(v.high);
      w.Key("source"); w.String(v.source);
      if (c.kind == "date") {
        w.Key("date_low"); w.String(v.date_low);
        w.Key("date_high"); w.String(v.date_high);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("statements");
  w.BeginArray();
  for (const Statement& st : s.statements) {
    w.BeginObject();
    w.Key("id"); w.String(st.id);
    w.Key("speaker"); st.speaker.empty() ? w.Null() : w.String(st.speaker);
    w.Key("speaker_text"); w.String(st.speaker_text);
    w.Key("renderings");
    w.BeginArray();
    for (const Rendering& r : st.renderings) {
      w.BeginObject();
      w.Key("article"); w.String(r.article);
      w.Key("text"); w.String(r.text);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("timeline"); WriteCited(w, s.timeline, true);
  w.Key("summary"); WriteCited(w, s.summary, false);
  w.EndObject();
}

}  // namespace

std::string WriteJson(const Report& report) {
  std::string out;
  size_t estimate = 4096;
  for (const Article& a : report.articles) estimate += a.text.size() + 1024;
  out.reserve(estimate);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("schema"); w.String(kReportSchema);
  w.Key("generator");
  w.BeginObject();
  w.Key("name"); w.String("lagebild");
  w.Key("version"); w.String(LAGEBILD_VERSION);
  w.EndObject();
  w.Key("resources"); w.StringArray(report.resources);
  w.Key("articles");
  w.BeginArray();
  for (const Article& a : report.articles) WriteArticle(w, a);
  w.EndArray();
  w.Key("stories");
  w.BeginArray();
  for (const Story& s : report.stories) WriteStory(w, s);
  w.EndArray();
  w.Key("errors");
  w.BeginArray();
  for (const InputError& e : report.errors) {
    w.BeginObject();
    w.Key("source"); w.String(e.source);
    w.Key("message"); w.String(e.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "html") return OutputFormat::kHtml;
  if (name == "md" || name == "markdown") return OutputFormat::kMarkdown;
  return InvalidArgument("unknown output format '" + std::string(name) +
                         "' (expected json, html or md)");
}

std::string Write(const Report& report, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson: return WriteJson(report);
    case OutputFormat::kHtml: return WriteHtml(report);
    case OutputFormat::kMarkdown: return WriteMarkdown(report);
  }
  return WriteJson(report);
}

}  // namespace lagebild::report
