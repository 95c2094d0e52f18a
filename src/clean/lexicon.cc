#include "clean/lexicon.h"

#include <algorithm>

#include "util/embedded.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace lagebild::clean {
namespace {

// Splits a TSV file into rows of fields; '#' lines and blank lines skipped.
std::vector<std::vector<std::string_view>> Rows(std::string_view file) {
  std::vector<std::vector<std::string_view>> rows;
  size_t pos = 0;
  while (pos < file.size()) {
    size_t nl = file.find('\n', pos);
    if (nl == std::string_view::npos) nl = file.size();
    std::string_view line = file.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    size_t f = 0;
    while (true) {
      const size_t tab = line.find('\t', f);
      fields.push_back(line.substr(f, tab == std::string_view::npos ? line.npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::string_view File(std::string_view name, Lexicons& lex) {
  auto data = util::EmbeddedFile(name);
  if (!data) {
    lex.problems.push_back(std::string(name) + ": not embedded");
    return {};
  }
  return *data;
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t bar = s.find('|', pos);
    if (bar == std::string_view::npos) bar = s.size();
    std::string_view part = util::Trim(s.substr(pos, bar - pos));
    if (!part.empty()) out.emplace_back(part);
    pos = bar + 1;
  }
  return out;
}

void SortLongestFirst(std::vector<Cue>& cues) {
  std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
    return a.folded.size() > b.folded.size();
  });
}

}  // namespace

std::string HostOf(std::string_view url) {
  std::string h = Fold(url);
  const size_t scheme = h.find("://");
  if (scheme != std::string::npos) h.erase(0, scheme + 3);
  const size_t end = h.find_first_of("/?#:");
  if (end != std::string::npos) h.resize(end);
  if (h.rfind("www.", 0) == 0) h.erase(0, 4);
  return h;
}

namespace {

using Row = std::vector<std::string_view>;

// Calls f(row) for every row of data file `name` that has `fields` fields;
// f returns "" or what is wrong with the row. Every problem lands in
// lex.problems with the file's name (the tests require none).
template <typename F>
void ForEachRow(Lexicons& lex, std::string_view name, size_t fields, F&& f) {
  for (const Row& r : Rows(File(name, lex))) {
    std::string problem = r.size() == fields ? f(r) : "expected " + std::to_string(fields) +
                                                          " fields";
    if (!problem.empty()) lex.problems.push_back(std::string(name) + ": " + problem);
  }
}

Lexicons Load() {
  Lexicons lex;
  ForEachRow(lex, "clean/cues.tsv", 4, [&](const Row& r) -> std::string {
    Cue cue{Fold(r[3]), std::string(r[0])};
    if (r[1] == "line") {
      lex.line_cues.emplace(cue.folded, cue.reason);
    } else if (r[1] == "start") {
      lex.start_cues.push_back(std::move(cue));
    } else if (r[1] == "start-short") {
      lex.start_short_cues.push_back(std::move(cue));
    } else if (r[1] == "end") {
      lex.end_cues.push_back(std::move(cue));
    } else if (r[1] == "contains") {
      lex.contains_cues.push_back(std::move(cue));
    } else if (r[1] == "teaser-start") {
      lex.teaser_cues.emplace(cue.folded, cue.reason);
    } else {
      return "unknown match " + std::string(r[1]);
    }
    return "";
  });
  SortLongestFirst(lex.start_cues);
  SortLongestFirst(lex.start_short_cues);
  SortLongestFirst(lex.end_cues);

  ForEachRow(lex, "clean/html_cues.tsv", 4, [&](const Row& r) -> std::string {
    HtmlCue c;
    c.cue = Fold(r[2]);
    c.word = r[1] == "word";
    c.weight = r[0] == "strong"                             ? 50
               : r[0] == "positive"                         ? 25
               : (r[0] == "negative" || r[0] == "weak") ? -25
                                                            : 0;
    c.weak = r[0] == "weak";
    c.reason = r[3] == "-" ? "" : std::string(r[3]);
    if (c.weight == 0 || (r[1] != "word" && r[1] != "sub")) {
      return "bad weight or match in " + std::string(r[2]);
    }
    lex.html_cues.push_back(std::move(c));
    return "";
  });
  ForEachRow(lex, "clean/credits.tsv", 3, [&](const Row& r) -> std::string {
    if (r[0] == "credit-word") {
      lex.credit_words.insert(Fold(r[2]));
    } else if (r[0] == "provider") {
      lex.providers.insert(Fold(r[2]));
    } else {
      return "unknown kind " + std::string(r[0]);
    }
    return "";
  });
  ForEachRow(lex, "clean/date_words.tsv", 2, [&](const Row& r) -> std::string {
    lex.date_words.insert(Fold(r[1]));
    return "";
  });
  ForEachRow(lex, "clean/appeal.tsv", 3, [&](const Row& r) -> std::string {
    if (r[0] == "self") {
      lex.appeal_self.insert(Fold(r[2]));
    } else if (r[0] == "media") {
      lex.appeal_media.insert(Fold(r[2]));
    } else if (r[0] == "network") {
      lex.networks.insert(Fold(r[2]));
    } else if (r[0] == "formal") {
      lex.appeal_formal.insert(std::string(r[2]));
    } else {
      return "unknown kind " + std::string(r[0]);
    }
    return "";
  });
  ForEachRow(lex, "quality/function_words.tsv", 2, [&](const Row& r) -> std::string {
    lex.function_words[std::string(r[0])].insert(Fold(r[1]));
    return "";
  });
  ForEachRow(lex, "quality/spin_variants.tsv", 3, [&](const Row& r) -> std::string {
    const std::string variant = Fold(r[1]);
    const size_t first = variant.find(' ');
    if (first == std::string::npos || variant.back() == ' ') return "variant of one word";
    const size_t second = variant.find(' ', first + 1);
    lex.spin_firsts.insert(variant.substr(0, first));
    if (lex.spin_first_bits.empty()) lex.spin_first_bits.assign(kSpinBits / 64, 0);
    const size_t bit = SpinBit(std::string_view(variant).substr(0, first));
    lex.spin_first_bits[bit / 64] |= uint64_t{1} << (bit % 64);
    lex.spin_heads.insert(variant.substr(0, second));
    lex.spin_max_words = std::max<size_t>(
        lex.spin_max_words, static_cast<size_t>(std::count(variant.begin(), variant.end(), ' ')) + 1);
    lex.spin_variants.emplace(variant, std::string(r[2]));
    return "";
  });

  ForEachRow(lex, "outlets/state_media.tsv", 5, [&](const Row& r) -> std::string {
    StateMedia s{std::string(r[0]), std::string(r[1]), std::string(r[2]), std::string(r[3]),
                 std::string(r[4])};
    if (!s.host.empty()) lex.state_by_domain.emplace(s.host, lex.state_media.size());
    lex.state_by_folded_asset.emplace(Fold(s.asset), lex.state_media.size());
    lex.state_media.push_back(std::move(s));
    return "";
  });
  ForEachRow(lex, "outlets/outlets.tsv", 6, [&](const Row& r) -> std::string {
    Outlet o;
    o.name = std::string(r[0]);
    o.aliases = SplitBar(r[1]);
    o.domains = SplitBar(r[2]);
    o.country = std::string(r[3]);
    o.language = std::string(r[4]);
    o.kind = std::string(r[5]);
    for (const std::string& d : o.domains) {
      auto it = lex.state_by_domain.find(d);
      if (it != lex.state_by_domain.end() && o.state.empty()) {
        o.state = lex.state_media[it->second].typology;
      }
    }
    const size_t index = lex.outlets.size();
    for (const std::string& d : o.domains) lex.outlet_by_domain.emplace(d, index);
    for (const std::string& a : o.aliases) {
      lex.outlets_by_alias[a].push_back(index);
      if (a.size() >= 4) lex.outlets_by_folded_alias[Fold(a)].push_back(index);
    }
    lex.outlets.push_back(std::move(o));
    return "";
  });
  return lex;
}

}  // namespace



const std::vector<size_t>* OutletsNamed(const Lexicons& lex, std::string_view alias) {
  if (auto it = lex.outlets_by_alias.find(alias); it != lex.outlets_by_alias.end()) {
    return &it->second;
  }
  if (alias.size() >= 4) {
    if (auto f = lex.outlets_by_folded_alias.find(Fold(alias));
        f != lex.outlets_by_folded_alias.end()) {
      return &f->second;
    }
  }
  return nullptr;
}

long FindOutletByAlias(const Lexicons& lex, std::string_view alias) {
  const std::vector<size_t>* found = OutletsNamed(lex, alias);
  return found == nullptr || found->empty() ? -1 : static_cast<long>(found->front());
}

long FindAgency(const Lexicons& lex, std::string_view name) {
  const long o = FindOutletByAlias(lex, util::Trim(name));
  return o >= 0 && lex.outlets[static_cast<size_t>(o)].kind == "agency" ? o : -1;
}

const Lexicons& GetLexicons() {
  static const Lexicons lex = Load();
  return lex;
}

// The cue lexicon's view of a folded line: bullets and trailing
// punctuation (":", "»", "…", "|") gone. A view into `folded`.
std::string_view CueKeyOfFolded(std::string_view line) {
  static constexpr std::string_view kLead[] = {"»", "›", "•", "·", "▶", "►", ">", "*", "-", "–"};
  static constexpr std::string_view kTrail[] = {":", ".", "»", "›", "…", "|", ">", "-",
                                                "–", "—", "→", "!"};
  line = util::Trim(line);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view p : kLead) {
      if (line.substr(0, p.size()) == p) {
        line = util::Trim(line.substr(p.size()));
        changed = true;
      }
    }
    for (std::string_view p : kTrail) {
      if (line.size() >= p.size() && line.substr(line.size() - p.size()) == p) {
        line = util::Trim(line.substr(0, line.size() - p.size()));
        changed = true;
      }
    }
  }
  return line;
}

}  // namespace lagebild::clean
