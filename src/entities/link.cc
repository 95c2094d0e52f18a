// Linking entity mentions into story entities. See entities.h.
#include <algorithm>
#include <map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/entities.h"
#include "util/embedded.h"
#include "util/fold.h"
#include "util/romanize.h"
#include "util/strings.h"

namespace lagebild::entities {
namespace {

constexpr size_t kMinStemBytes = 4;       // "Merkels" -> "Merkel"; shorter words keep their s
constexpr size_t kMinFirstNameBytes = 3;  // a first name that can vouch for a surname variant

// Alias groups of data/entities/{organisations,places}.tsv: name key ->
// group, and each group's canonical name and type.
struct Aliases {
  std::unordered_map<std::string, size_t> group_of;
  std::vector<std::string> canonical, type;
  std::vector<std::vector<std::string>> names;  // every name of a group, canonical first
};

// Whether a byte may end a word of a name: ASCII letters and digits, and
// any byte of a multi-byte character (letters beyond ASCII; quotation marks
// beyond ASCII are trimmed separately).
bool IsWordEdgeByte(char c) {
  return util::IsAsciiAlpha(c) || util::IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// A word without the punctuation around it: "III.»." → "III", "DE:" → "DE".
std::string_view TrimWord(std::string_view w) {
  for (bool changed = true; changed && !w.empty();) {
    changed = false;
    for (std::string_view mark : {"\u00bb", "\u00ab", "\u201c", "\u201d", "\u201e", "\u2019",
                                  "\u2018", "\u2013", "\u2014"}) {
      if (w.starts_with(mark)) w.remove_prefix(mark.size()), changed = true;
      if (w.ends_with(mark)) w.remove_suffix(mark.size()), changed = true;
    }
    while (!w.empty() && !IsWordEdgeByte(w.front())) w.remove_prefix(1), changed = true;
    while (!w.empty() && !IsWordEdgeByte(w.back())) w.remove_suffix(1), changed = true;
  }
  return w;
}

// data/entities/regnal-names.tsv: the key of each rendering of a given
// name of monarchs and popes -> the key of its line's first name.
const std::unordered_map<std::string, std::string>& RegnalNames() {
  static const std::unordered_map<std::string, std::string> names = [] {
    std::unordered_map<std::string, std::string> out;
    const auto data = util::EmbeddedFile("entities/regnal-names.tsv");
    if (!data) return out;
    util::ForEachTextLine(*data, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      const std::vector<std::string_view> forms = util::Split(line, '|');
      const std::string first = util::RomanisationKey(util::Trim(forms[0]));
      for (std::string_view form : forms) out.emplace(util::RomanisationKey(util::Trim(form)), first);
    });
    return out;
  }();
  return names;
}

bool IsRegnalNumber(std::string_view key);

// The romanisation key of a name, word by word (the punctuation around
// each word left out); before a regnal number, a monarch's given name in
// any language is one key ("Karl III." = "Charles III").
std::string NameKey(std::string_view name) {
  std::string key, folded, word_key;
  size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && name[pos] == ' ') ++pos;
    const size_t end = std::min(name.find(' ', pos), name.size());
    std::string_view word = TrimWord(name.substr(pos, end - pos));
    // "al-Assad" is "Assad" ("Baschar al-Assad" = "Bashar Assad").
    word.remove_prefix(util::NameParticleLength(word));
    if (!word.empty()) {
      util::RomanisationKey(word, &folded, &word_key);
      if (!key.empty()) key += ' ';
      key += word_key;
    }
    pos = end;
  }
  if (const size_t last = key.rfind(' '); last != std::string::npos && IsRegnalNumber(key.substr(last + 1))) {
    const size_t before = key.rfind(' ', last - 1);
    const size_t start = before == std::string::npos ? 0 : before + 1;
    const auto it = RegnalNames().find(key.substr(start, last - start));
    if (it != RegnalNames().end()) key.replace(start, last - start, it->second);
  }
  return key;
}

const Aliases& GetAliases() {
  static const Aliases a = [] {
    Aliases out;
    for (const char* file : {"entities/organisations.tsv", "entities/places.tsv"}) {
      const auto data = util::EmbeddedFile(file);
      if (!data) continue;
      util::ForEachTextLine(*data, [&](std::string_view line) {
        if (line.empty() || line[0] == '#') return;
        const size_t t1 = line.find('\t');
        const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos) return;
        const size_t group = out.canonical.size();
        out.canonical.emplace_back(line.substr(0, t1));
        out.type.emplace_back(line.substr(t1 + 1, t2 - t1 - 1));
        out.names.push_back({std::string(line.substr(0, t1))});
        out.group_of.emplace(NameKey(line.substr(0, t1)), group);
        std::string_view aliases = line.substr(t2 + 1);
        while (!aliases.empty()) {
          const size_t bar = aliases.find('|');
          const std::string_view alias = util::Trim(aliases.substr(0, bar));
          if (!alias.empty()) {
            out.group_of.emplace(NameKey(alias), group);
            out.names.back().emplace_back(alias);
          }
          aliases = bar == std::string_view::npos ? std::string_view() : aliases.substr(bar + 1);
        }
      });
    }
    return out;
  }();
  return a;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// A regnal number: I, II, III, IV, ... as a key ("ii" folds to "i").
bool IsRegnalNumber(std::string_view key) {
  return !key.empty() && key.size() <= 4 && key.find_first_not_of("ivx") == std::string_view::npos;
}

// The word a person is known by alone: the surname, or for a monarch the
// name before the number ("Elizabeth" of "Elizabeth II").
std::string ShortKey(const std::string& key) {
  const size_t space = key.rfind(' ');
  if (space == std::string::npos) return key;
  const std::string last = key.substr(space + 1);
  if (!IsRegnalNumber(last)) return last;
  const std::string rest = key.substr(0, space);
  const size_t before = rest.rfind(' ');
  return before == std::string::npos ? rest : rest.substr(before + 1);
}

// A first name's key with g read as h: Ukrainian romanises Г as h where
// Russian has g (Serhij / Sergej, Ihor / Igor, Olha / Olga).
std::string GAsH(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), 'g', 'h');
  return out;
}

// One first name (as a key) of one person: equal, one an initial of the
// other, or one letter apart per four ("iomart" / "somart": Jomart /
// Schomart), g and h taken as one letter.
bool SameFirstName(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  if (a.find(' ') != std::string_view::npos || b.find(' ') != std::string_view::npos) {
    // Several names: as many, each one the same ("George H. W." is not
    // "George W.").
    const std::vector<std::string_view> x = util::Split(a, ' '), y = util::Split(b, ' ');
    if (x.size() != y.size()) return false;
    for (size_t k = 0; k < x.size(); ++k) {
      if (!SameFirstName(x[k], y[k])) return false;
    }
    return true;
  }
  if ((a.size() == 1 || b.size() == 1) && a[0] == b[0]) return true;
  const size_t shorter = std::min(a.size(), b.size());
  return shorter >= 4 && EditDistance(GAsH(a), GAsH(b)) <= std::max<size_t>(1, shorter / 4);
}

// The first names (keys, space-separated) of one person: as one name, or
// one full name among several where the others are full names too
// ("Tayyip" of "Recep Tayyip"); not where initials tell people apart
// ("George W." and "George H. W." stay two, and so does "George").
bool SamePerson(std::string_view a, std::string_view b) {
  if (SameFirstName(a, b)) return true;
  const std::vector<std::string_view> x = util::Split(a, ' '), y = util::Split(b, ' ');
  const auto& one = x.size() <= y.size() ? x : y;
  const auto& more = x.size() <= y.size() ? y : x;
  if (one.size() != 1 || more.size() < 2 || one[0].size() < kMinFirstNameBytes) return false;
  bool matched = false;
  for (std::string_view name : more) {
    if (!matched && SameFirstName(one[0], name)) {
      matched = true;
    } else if (name.size() < kMinFirstNameBytes) {
      return false;  // an initial or a short name: maybe another person
    }
  }
  return matched;
}

struct Group {
  std::map<std::string, int> types;      // type -> mentions
  std::vector<std::string> variants;     // surface forms, first seen first
  std::map<std::string, int> full_forms;  // multi-word forms in German articles -> count
  std::map<std::string, int> forms;       // every form -> count
  std::string alias_canonical;            // from the alias table
  std::string alias_type;                 // from the alias table
  std::vector<EntityMention*> mentions;
  size_t first = 0;                       // order of the first mention
};

bool IsNameByte(char c) {
  return util::IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80 || c == '-';
}

// A word that begins with a capital letter (ASCII or Latin-1: Ä, Ö, Ü).
bool StartsWithCapital(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
          static_cast<unsigned char>(w[1]) <= 0x9E);
}

// Whether one of the mentions overlaps the bytes [s, e).
bool Overlaps(const std::vector<EntityMention>& mentions, size_t s, size_t e) {
  for (const EntityMention& m : mentions) {
    if (m.start < e && s < m.end) return true;
  }
  return false;
}

// Known names the tagger missed: once the story knows an entity, its
// single-word forms (a person's surname when only one person has it, and
// its romanisations and genitive) and the names of its alias group are
// mentions wherever they occur in the story's articles.
void Propagate(const std::vector<Article*>& articles, std::vector<StoryEntity>* entities) {
  const Aliases& aliases = GetAliases();
  std::unordered_map<std::string, long> word_to;  // key -> entity index, -1 ambiguous
  auto map_word = [&](const std::string& key, size_t e) {
    auto [it, fresh] = word_to.try_emplace(key, static_cast<long>(e));
    if (!fresh && it->second != static_cast<long>(e)) it->second = -1;
  };
  std::vector<std::pair<std::string, size_t>> phrases;  // folded multi-word names
  for (size_t e = 0; e < entities->size(); ++e) {
    const StoryEntity& ent = (*entities)[e];
    for (const std::string& v : ent.variants) {
      const std::string key = NameKey(v);
      const size_t space = key.rfind(' ');
      if (space == std::string::npos) {
        map_word(key, e);
      } else if (ent.type == "PER") {
        map_word(ShortKey(key), e);  // the surname, or a monarch's name
      }
    }
    if (const auto it = aliases.group_of.find(NameKey(ent.name)); it != aliases.group_of.end()) {
      for (const std::string& n : aliases.names[it->second]) {
        if (n.find(' ') == std::string::npos) {
          map_word(NameKey(n), e);
        } else {
          phrases.emplace_back(util::Fold(n), e);
        }
      }
    }
  }
  for (Article* a : articles) {
    std::vector<EntityMention> added;
    auto free_span = [&](size_t s, size_t e) {
      return !Overlaps(a->entities, s, e) && !Overlaps(added, s, e);
    };
    auto mention = [&](size_t s, size_t e, size_t ent) {
      EntityMention m;
      m.start = static_cast<uint32_t>(s);
      m.end = static_cast<uint32_t>(e);
      m.text = a->text.substr(s, e - s);
      m.type = (*entities)[ent].type;
      m.entity = (*entities)[ent].id;
      std::vector<std::string>& vars = (*entities)[ent].variants;
      if (std::find(vars.begin(), vars.end(), m.text) == vars.end()) vars.push_back(m.text);
      added.push_back(std::move(m));
    };
    const std::string& text = a->text;
    // Multi-word names of alias groups.
    const std::string folded = util::Fold(text);
    if (folded.size() == text.size()) {
      for (const auto& [phrase, ent] : phrases) {
        for (size_t at = folded.find(phrase); at != std::string::npos;
             at = folded.find(phrase, at + phrase.size())) {
          const size_t end = at + phrase.size();
          if ((at > 0 && IsNameByte(text[at - 1])) || (end < text.size() && IsNameByte(text[end]))) {
            continue;
          }
          if (free_span(at, end)) mention(at, end, ent);
        }
      }
    }
    // Single capitalised words.
    for (size_t i = 0; i < text.size();) {
      if (!IsNameByte(text[i]) || text[i] == '-') {
        ++i;
        continue;
      }
      size_t e = i;
      while (e < text.size() && IsNameByte(text[e])) ++e;
      std::string_view w = std::string_view(text).substr(i, e - i);
      // "al-Assad": the name with its article.
      const size_t particle = util::NameParticleLength(w);
      const std::string_view bare = w.substr(particle);
      const bool capital = StartsWithCapital(bare);
      if (capital && bare.size() >= 3) {
        const auto entity_of = [&](std::string_view word) -> long {
          if (auto it = word_to.find(NameKey(word)); it != word_to.end()) return it->second;
          if (word.size() > kMinStemBytes && word.back() == 's') {
            if (auto it = word_to.find(NameKey(word.substr(0, word.size() - 1))); it != word_to.end()) {
              return it->second;
            }
          }
          return -1;
        };
        long ent = entity_of(w);
        size_t end = e;
        // A compound led by a person's name ("Assad-Regime",
        // "Merkel-Regierung"): the name.
        if (const size_t hyphen = w.find('-', particle); ent < 0 && hyphen != std::string_view::npos &&
                                                          hyphen >= particle + 3) {
          const long lead = entity_of(w.substr(0, hyphen));
          if (lead >= 0 && (*entities)[size_t(lead)].type == "PER") ent = lead, end = i + hyphen;
        }
        // A person's name with two letters swapped ("Selneskyj" beside
        // "Selenskyj"): a slip of the keys, not another name. Names of
        // six letters or more only.
        if (ent < 0 && particle == 0 && w.find('-') == std::string_view::npos) {
          std::string key = NameKey(w);
          for (size_t k = 0; ent < 0 && key.size() >= 6 && k + 1 < key.size(); ++k) {
            if (key[k] == key[k + 1]) continue;
            std::swap(key[k], key[k + 1]);
            if (auto it = word_to.find(key); it != word_to.end() && it->second >= 0 &&
                                            (*entities)[size_t(it->second)].type == "PER") {
              ent = it->second;
            }
            std::swap(key[k], key[k + 1]);
          }
        }
        if (ent >= 0 && free_span(i, end)) mention(i, end, static_cast<size_t>(ent));
      }
      i = e;
    }
    if (added.empty()) continue;
    for (EntityMention& m : added) a->entities.push_back(std::move(m));
    std::sort(a->entities.begin(), a->entities.end(),
              [](const EntityMention& x, const EntityMention& y) { return x.start < y.start; });
  }
}

}  // namespace

void AddKnownNames(const std::vector<Article*>& articles,
                   const std::vector<std::string>& known_people) {
  // Full names (two or three words) the tagger typed as people at least
  // twice, by key, and those known from elsewhere.
  std::unordered_map<std::string, int> tagged;
  for (const std::string& name : known_people) {
    const std::string key = NameKey(name);
    const size_t words = size_t(std::count(key.begin(), key.end(), ' ')) + 1;
    if (words >= 2 && words <= 3) tagged[key] = 2;
  }
  for (const Article* a : articles) {
    for (const EntityMention& m : a->entities) {
      if (m.type != "PER") continue;
      const std::string key = NameKey(m.text);
      const size_t words = size_t(std::count(key.begin(), key.end(), ' ')) + 1;
      if (words >= 2 && words <= 3) ++tagged[key];
    }
  }
  for (auto it = tagged.begin(); it != tagged.end();) {
    it = it->second < 2 ? tagged.erase(it) : std::next(it);
  }
  if (tagged.empty()) return;
  for (Article* a : articles) {
    const std::string& text = a->text;
    // The article's words that may be part of a name: runs of name bytes,
    // with the byte after the previous word.
    struct Word {
      size_t start, end;
      bool capital;
    };
    std::vector<Word> words;
    for (size_t i = 0; i < text.size();) {
      if (!IsNameByte(text[i])) {
        ++i;
        continue;
      }
      size_t e = i;
      while (e < text.size() && IsNameByte(text[e])) ++e;
      const std::string_view w = std::string_view(text).substr(i, e - i);
      const std::string_view bare = w.substr(util::NameParticleLength(w));
      const bool capital = StartsWithCapital(bare);
      words.push_back({i, e, capital});
      i = e;
    }
    std::vector<EntityMention> added;
    auto free_span = [&](size_t s, size_t e) {
      return !Overlaps(a->entities, s, e) && !Overlaps(added, s, e);
    };
    for (size_t k = 0; k < words.size(); ++k) {
      if (!words[k].capital) continue;
      // The longest known name of capitalised words one space apart.
      for (size_t n = 3; n >= 2; --n) {
        if (k + n > words.size()) continue;
        bool joined = true;
        for (size_t j = k + 1; j < k + n; ++j) {
          joined = joined && words[j].capital && words[j].start == words[j - 1].end + 1 &&
                   text[words[j - 1].end] == ' ';
        }
        if (!joined) continue;
        const size_t start = words[k].start, end = words[k + n - 1].end;
        if (!tagged.contains(NameKey(std::string_view(text).substr(start, end - start)))) continue;
        if (!free_span(start, end)) continue;
        EntityMention m;
        m.start = static_cast<uint32_t>(start);
        m.end = static_cast<uint32_t>(end);
        m.text = text.substr(start, end - start);
        m.type = "PER";
        added.push_back(std::move(m));
        k += n - 1;
        break;
      }
    }
    if (added.empty()) continue;
    for (EntityMention& m : added) a->entities.push_back(std::move(m));
    std::sort(a->entities.begin(), a->entities.end(),
              [](const EntityMention& x, const EntityMention& y) { return x.start < y.start; });
  }
}

std::vector<StoryEntity> LinkEntities(const std::vector<Article*>& articles) {
  const Aliases& aliases = GetAliases();
  struct M {
    EntityMention* m;
    const Article* a;
    std::string name;  // the surface form, genitive s dropped where the bare form is seen
    size_t order;
  };
  std::vector<M> all;
  std::unordered_map<std::string, int> seen;  // surface forms
  for (Article* a : articles) {
    for (EntityMention& m : a->entities) seen[m.text]++;
  }
  for (Article* a : articles) {
    for (EntityMention& m : a->entities) {
      std::string name = m.text;
      for (std::string_view suffix : {"’s", "'s", "s"}) {
        if (name.size() > suffix.size() + kMinStemBytes - 1 && name.ends_with(suffix)) {
          const std::string stem = name.substr(0, name.size() - suffix.size());
          if (seen.contains(stem) || aliases.group_of.contains(NameKey(stem))) {
            name = stem;
            break;
          }
        }
      }
      all.push_back({&m, a, std::move(name), all.size()});
    }
  }
  // One sense per story: a lone word typed otherwise that is the word one
  // of the story's people with a full name is known by alone (the
  // surname, a monarch's name) is a person (which one is decided below,
  // as for any surname). A country's or a major city's name stays a place
  // unless the story names the person more often than the place
  // ("Elizabeth" beside "Elizabeth II", not "Washington" beside "Denzel
  // Washington").
  std::unordered_map<std::string, int> person_mentions, other_mentions;  // by the lone word's key
  for (const M& x : all) {
    const std::string key = NameKey(x.name);
    if (x.m->type == "PER") {
      const std::string short_key = ShortKey(key);
      if (short_key != key) ++person_mentions[short_key];
    } else if (key.find(' ') == std::string::npos) {
      ++other_mentions[key];
    }
  }
  for (M& x : all) {
    if (x.m->type == "PER" || x.name.find(' ') != std::string::npos) continue;
    const std::string key = NameKey(x.name);
    const auto person = person_mentions.find(key);
    if (person == person_mentions.end() || aliases.group_of.contains(key)) continue;
    if (IsMajorPlaceName(x.name) && person->second <= other_mentions[key]) continue;
    x.m->type = "PER";
  }
  std::vector<Group> groups;
  std::unordered_map<std::string, size_t> by_key;  // "A<n>", "O:key", "P:surname|first"
  // People with a full name, by surname key: their first-name keys and group.
  std::unordered_map<std::string, std::vector<std::pair<std::string, size_t>>> people;
  auto add = [&](size_t g, const M& x) {
    Group& gr = groups[g];
    gr.types[x.m->type]++;
    if (std::find(gr.variants.begin(), gr.variants.end(), x.m->text) == gr.variants.end()) {
      gr.variants.push_back(x.m->text);
    }
    gr.forms[x.name]++;
    if (x.name.find(' ') != std::string::npos && x.a->language == "de") gr.full_forms[x.name]++;
    gr.mentions.push_back(x.m);
  };
  auto group_for = [&](const std::string& key, size_t order) {
    auto [it, fresh] = by_key.try_emplace(key, groups.size());
    if (fresh) {
      groups.emplace_back();
      groups.back().first = order;
    }
    return it->second;
  };
  std::vector<const M*> single_people;
  for (const M& x : all) {
    const std::string key = NameKey(x.name);
    if (key.empty()) continue;
    if (auto it = aliases.group_of.find(key); it != aliases.group_of.end()) {
      const size_t g = group_for("A" + std::to_string(it->second), x.order);
      groups[g].alias_canonical = aliases.canonical[it->second];
      groups[g].alias_type = aliases.type[it->second];
      add(g, x);
      continue;
    }
    if (x.m->type != "PER") {
      add(group_for("O:" + key, x.order), x);
      continue;
    }
    const size_t space = key.rfind(' ');
    if (space == std::string::npos) {
      single_people.push_back(&x);
      continue;
    }
    // A full name: the person with this surname and a matching first name.
    const std::string surname = key.substr(space + 1), first = key.substr(0, space);
    std::vector<std::pair<std::string, size_t>>& same = people[surname];
    size_t g = groups.size();
    for (const auto& [f, pg] : same) {
      if (SamePerson(first, f)) {
        g = pg;
        break;
      }
    }
    if (g == groups.size() && first.size() >= kMinFirstNameBytes) {
      // The same first name and a surname a letter apart per six: one
      // person in two romanisations (Tkatschenko / Tkachenko: Ч as tsch
      // and ch). The new surname key leads to the same person.
      for (const auto& [other_surname, persons] : people) {
        if (other_surname == surname) continue;
        const size_t shorter = std::min(surname.size(), other_surname.size());
        if (EditDistance(surname, other_surname) > std::max<size_t>(1, shorter / 6)) continue;
        for (const auto& [f, pg] : persons) {
          if (SameFirstName(f, first)) g = pg;
        }
      }
      if (g != groups.size()) same.emplace_back(first, g);
    }
    if (g == groups.size()) {
      g = group_for("P:" + surname + "|" + first, x.order);
      same.emplace_back(first, g);
    }
    add(g, x);
  }
  // A surname alone joins the one person it can belong to; with none or
  // several (two Müllers), it is an entity of its own.
  for (const M* x : single_people) {
    const std::string key = NameKey(x->name);
    const auto it = people.find(key);
    if (it != people.end() && it->second.size() == 1) {
      add(it->second.front().second, *x);
    } else {
      add(group_for("S:" + key, x->order), *x);
    }
  }
  // Entities in order of first mention; ids, types, canonical names.
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return groups[a].first < groups[b].first; });
  std::vector<StoryEntity> out;
  for (size_t g : order) {
    Group& gr = groups[g];
    if (gr.mentions.empty()) continue;
    StoryEntity e;
    e.id = "e" + std::to_string(out.size() + 1);
    // The alias table knows the type of its names (Kremlin: ORG, whatever
    // the tagger said); else the mentions' most frequent type.
    e.type = !gr.alias_type.empty()
                 ? gr.alias_type
                 : std::max_element(gr.types.begin(), gr.types.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; })
                       ->first;
    const std::map<std::string, int>& pool = gr.full_forms.empty() ? gr.forms : gr.full_forms;
    e.name = gr.alias_canonical.empty()
                 ? std::max_element(pool.begin(), pool.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; })
                       ->first
                 : gr.alias_canonical;
    e.variants = gr.variants;
    for (EntityMention* m : gr.mentions) m->entity = e.id;
    out.push_back(std::move(e));
  }
  Propagate(articles, &out);
  // Names to geocode: every variant (genitive dropped too) and the alias
  // group's names.
  std::vector<std::vector<std::string>> names(out.size());
  for (size_t e = 0; e < out.size(); ++e) {
    names[e].push_back(out[e].name);
    for (const std::string& v : out[e].variants) {
      names[e].push_back(v);
      if (v.size() > kMinStemBytes && v.back() == 's') names[e].push_back(v.substr(0, v.size() - 1));
    }
    if (auto it = aliases.group_of.find(NameKey(out[e].name)); it != aliases.group_of.end()) {
      for (const std::string& n : aliases.names[it->second]) names[e].push_back(n);
    }
  }
  Geocode(names, &out);
  return out;
}

void AssignKeys(const std::vector<std::vector<StoryEntity>*>& given,
                const std::vector<StoryEntity>* known_entities) {
  std::vector<StoryEntity> from_elsewhere;
  std::vector<std::vector<StoryEntity>*> stories = given;
  if (known_entities != nullptr && !known_entities->empty()) {
    from_elsewhere = *known_entities;
    stories.push_back(&from_elsewhere);
  }
  // People with a full name, by the word they are known by alone: each
  // distinct person (first names told apart as in a story) with the
  // stories that name them.
  struct Person {
    std::string key;  // the full name's key as most stories give it
    std::string first;
    std::map<std::string, int> keys;  // full-name keys seen -> stories
    int stories = 0;
  };
  std::unordered_map<std::string, std::vector<Person>> people;
  std::unordered_map<std::string, std::string> spelled;  // surname variant -> the surname people use
  // The surnames of people by the first two letters of their first name
  // (g read as h): where a spelling of the same first name is looked for.
  std::unordered_map<std::string, std::vector<std::string>> surnames_of;
  auto person_of = [&](const std::string& key) -> Person* {
    std::string short_key = ShortKey(key);
    if (short_key == key) return nullptr;
    const std::string first = key.substr(0, key.size() - short_key.size());
    if (const auto it = spelled.find(short_key); it != spelled.end()) short_key = it->second;
    for (Person& p : people[short_key]) {
      if (SamePerson(util::Trim(first), util::Trim(p.first))) return &p;
    }
    // The same first name and a surname a letter apart per six: one
    // person in two romanisations (Bojtschenko / Boichenko), as in a story.
    // Only the surnames of people with a first name of the same two first
    // letters are compared.
    const std::string first_name(util::Trim(first));
    const std::string first_letters = GAsH(first_name.substr(0, 2));
    if (first_name.size() >= kMinFirstNameBytes) {
      for (const std::string& other : surnames_of[first_letters]) {
        if (other == short_key) continue;
        const size_t shorter = std::min(other.size(), short_key.size());
        if (EditDistance(other, short_key) > std::max<size_t>(1, shorter / 6)) continue;
        for (Person& p : people[other]) {
          if (SameFirstName(p.first, first_name)) {
            spelled[short_key] = other;
            return &p;
          }
        }
      }
    }
    if (first_name.size() >= kMinFirstNameBytes) {
      std::vector<std::string>& known = surnames_of[first_letters];
      if (std::find(known.begin(), known.end(), short_key) == known.end()) known.push_back(short_key);
    }
    people[short_key].push_back({key, std::string(util::Trim(first)), {}, 0});
    return &people[short_key].back();
  };
  for (const std::vector<StoryEntity>* entities : stories) {
    for (const StoryEntity& e : *entities) {
      if (e.type != "PER") continue;
      if (Person* p = person_of(NameKey(e.name))) {
        ++p->keys[NameKey(e.name)];
        ++p->stories;
      }
    }
  }
  for (auto& [short_key, persons] : people) {
    for (Person& p : persons) {
      int best = 0;
      for (const auto& [k, n] : p.keys) {
        if (n > best) best = n, p.key = k;
      }
    }
  }
  // The person a name stands for across the stories: its own full name's
  // person, or, said alone, the one person known by that word; when
  // several are, the one most stories name if it has all but one in ten
  // of their stories (a stray "M. Putin" beside Wladimir Putin), else none.
  std::unordered_map<std::string, const Person*> person_of_key;
  for (const auto& [short_key, persons] : people) {
    for (const Person& p : persons) {
      for (const auto& [k, n] : p.keys) person_of_key[k] = &p;
    }
  }
  auto resolve = [&](const std::string& key) -> const Person* {
    if (const auto known = person_of_key.find(key); known != person_of_key.end()) return known->second;
    std::string short_key = ShortKey(key);
    if (const auto variant = spelled.find(short_key); variant != spelled.end()) {
      short_key = variant->second;
    }
    const auto it = people.find(short_key);
    if (it == people.end()) return nullptr;
    if (ShortKey(key) != key) return nullptr;
    const Person* top = nullptr;
    int total = 0;
    for (const Person& p : it->second) {
      total += p.stories;
      if (!top || p.stories > top->stories) top = &p;
    }
    return top && top->stories * 10 >= total * 9 ? top : nullptr;
  };
  for (std::vector<StoryEntity>* entities : stories) {
    for (StoryEntity& e : *entities) {
      std::string key = NameKey(e.name);
      // A genitive ("Putins") where the bare name is a person's.
      if (key.find(' ') == std::string::npos && key.size() > kMinStemBytes && key.back() == 's' &&
          resolve(key) == nullptr && resolve(key.substr(0, key.size() - 1)) != nullptr) {
        key.pop_back();
      }
      // A person's full name glued to the words before it ("Mariupol Vadym
      // Boychenko"): the person.
      if (const size_t last = key.rfind(' '); last != std::string::npos && last > 0) {
        const size_t before = key.rfind(' ', last - 1);
        if (before != std::string::npos && person_of_key.count(key.substr(before + 1))) {
          key = key.substr(before + 1);
        }
      }
      const Person* p = nullptr;
      // A person's name typed otherwise in one story is the person
      // (one sense across the report), unless it also names a major place.
      if (e.type == "PER" || !IsMajorPlaceName(e.name)) p = resolve(key);
      if (p && (e.type == "PER" || p->keys.count(key) || ShortKey(key) == key)) {
        e.key = "PER " + p->key;
      } else {
        e.key = e.type + " " + key;
      }
    }
  }
}

}  // namespace lagebild::entities
