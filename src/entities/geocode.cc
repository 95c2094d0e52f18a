// Coordinates for the places of a story (see entities.h): countries from
// data/geo/countries.tsv, cities from data/geo/cities.tsv; of several
// cities with one name, the one in a country the story speaks of, else
// the most populous.
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/entities.h"
#include "util/embedded.h"
#include "util/fold.h"
#include "util/strings.h"

namespace lagebild::entities {
namespace {

struct Place {
  std::string country;
  double lat = 0, lon = 0;
  long population = 0;
};

struct Gazetteer {
  std::unordered_map<std::string, std::vector<Place>> cities;  // folded name ->
  std::unordered_map<std::string, Place> countries;            // folded name ->
};

template <typename F>
void ForEachRow(std::string_view file, F&& f) {
  const auto data = util::EmbeddedFile(file);
  if (!data) return;
  std::vector<std::string_view> cols;
  util::ForEachTextLine(*data, [&](std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    cols.clear();
    size_t pos = 0;
    while (true) {
      const size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string_view::npos ? tab : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    f(cols);
  });
}

const Gazetteer& GetGazetteer() {
  static const Gazetteer g = [] {
    Gazetteer out;
    ForEachRow("geo/cities.tsv", [&](const std::vector<std::string_view>& c) {
      if (c.size() != 5) return;
      out.cities[util::Fold(c[0])].push_back({std::string(c[1]), std::atof(std::string(c[2]).c_str()),
                                              std::atof(std::string(c[3]).c_str()),
                                              std::atol(std::string(c[4]).c_str())});
    });
    ForEachRow("geo/countries.tsv", [&](const std::vector<std::string_view>& c) {
      if (c.size() != 4) return;
      const Place p{std::string(c[0]), std::atof(std::string(c[1]).c_str()),
                    std::atof(std::string(c[2]).c_str()), 0};
      std::string_view names = c[3];
      while (!names.empty()) {
        const size_t bar = names.find('|');
        out.countries.emplace(util::Fold(names.substr(0, bar)), p);
        names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
      }
    });
    return out;
  }();
  return g;
}

constexpr long kMajorCity = 100000;

}  // namespace

bool IsMajorPlaceName(std::string_view name) {
  const Gazetteer& g = GetGazetteer();
  const std::string key = util::Fold(name);
  if (g.countries.contains(key)) return true;
  const auto it = g.cities.find(key);
  if (it == g.cities.end()) return false;
  for (const Place& p : it->second) {
    if (p.population >= kMajorCity) return true;
  }
  return false;
}

void Geocode(const std::vector<std::vector<std::string>>& names, std::vector<StoryEntity>* entities) {
  const Gazetteer& g = GetGazetteer();
  // Countries first: they decide between cities of one name.
  std::unordered_set<std::string> story_countries;
  std::vector<const Place*> country_of(entities->size(), nullptr);
  for (size_t e = 0; e < entities->size(); ++e) {
    if ((*entities)[e].type != "LOC") continue;
    for (const std::string& n : names[e]) {
      if (auto it = g.countries.find(util::Fold(n)); it != g.countries.end()) {
        country_of[e] = &it->second;
        story_countries.insert(it->second.country);
        break;
      }
    }
  }
  for (size_t e = 0; e < entities->size(); ++e) {
    StoryEntity& ent = (*entities)[e];
    if (ent.type != "LOC") continue;
    if (country_of[e] != nullptr) {
      ent.geo = GeoPoint{country_of[e]->lat, country_of[e]->lon};
      continue;
    }
    const Place* best = nullptr;
    bool best_in_story = false;
    for (const std::string& n : names[e]) {
      const auto it = g.cities.find(util::Fold(n));
      if (it == g.cities.end()) continue;
      for (const Place& p : it->second) {
        const bool in_story = story_countries.contains(p.country);
        if (best == nullptr || (in_story && !best_in_story) ||
            (in_story == best_in_story && p.population > best->population)) {
          best = &p;
          best_in_story = in_story;
        }
      }
    }
    if (best != nullptr) ent.geo = GeoPoint{best->lat, best->lon};
  }
}

}  // namespace lagebild::entities
