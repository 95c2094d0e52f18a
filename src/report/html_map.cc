// The story page's map: country outlines (data/geo/outlines.tsv, Natural
// Earth 1:110m) in an equirectangular projection around the story's
// places, drawn as inline SVG, one marker per geocoded place.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "report/html_parts.h"
#include "report/report_writer.h"
#include "util/embedded.h"
#include "util/strings.h"

namespace lagebild::report::html {
namespace {

struct Ring {
  std::vector<std::pair<float, float>> points;  // lon, lat
  float west = 180, east = -180, south = 90, north = -90;
};

const std::vector<Ring>& Outlines() {
  static const std::vector<Ring> rings = [] {
    std::vector<Ring> out;
    const auto data = util::EmbeddedFile("geo/outlines.tsv");
    if (!data) return out;
    util::ForEachTextLine(*data, [&](std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return;
      Ring r;
      for (std::string_view p : util::Split(line.substr(tab + 1), ' ')) {
        const size_t comma = p.find(',');
        if (comma == std::string_view::npos) continue;
        float lon = 0, lat = 0;
        if (std::sscanf(std::string(p).c_str(), "%f,%f", &lon, &lat) != 2) continue;
        r.points.emplace_back(lon, lat);
        r.west = std::min(r.west, lon), r.east = std::max(r.east, lon);
        r.south = std::min(r.south, lat), r.north = std::max(r.north, lat);
      }
      if (r.points.size() >= 3) out.push_back(std::move(r));
    });
    return out;
  }();
  return rings;
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

void WriteMap(std::string& out, const Page& page, const Story& story, const std::string& id,
              const std::unordered_map<std::string, int>& mentions) {
  (void)page;
  std::vector<const StoryEntity*> places;
  for (const StoryEntity& e : story.entities) {
    if (e.geo && std::isfinite(e.geo->lat) && std::isfinite(e.geo->lon) &&
        std::abs(e.geo->lat) <= 90 && std::abs(e.geo->lon) <= 180) {
      places.push_back(&e);
    }
  }
  if (places.empty()) return;
  // The places' box, widened to at least 12° × 8° and by a fifth on each side.
  double west = 180, east = -180, south = 90, north = -90;
  for (const StoryEntity* p : places) {
    west = std::min(west, p->geo->lon), east = std::max(east, p->geo->lon);
    south = std::min(south, p->geo->lat), north = std::max(north, p->geo->lat);
  }
  const auto widen = [](double& lo, double& hi, double min_span, double limit) {
    const double pad = std::max((hi - lo) * 0.2, (min_span - (hi - lo)) / 2);
    lo = std::max(-limit, lo - pad), hi = std::min(limit, hi + pad);
  };
  widen(west, east, 12, 180);
  widen(south, north, 8, 85);
  // Equirectangular, longitudes shortened by the cosine of the middle
  // latitude: shapes stay right near the places. The box is widened to
  // the map's proportions (3 high to 5 wide).
  const double k = std::max(0.2, std::cos((south + north) / 2 * M_PI / 180));
  constexpr double kWidth = 640, kAspect = 0.6;
  const double wide = (east - west) * k, high = north - south;
  if (high > wide * kAspect) {
    const double more = (high / kAspect / k - (east - west)) / 2;
    west = std::max(-180.0, west - more), east = std::min(180.0, east + more);
  } else {
    const double more = (wide * kAspect - high) / 2;
    south = std::max(-85.0, south - more), north = std::min(85.0, north + more);
  }
  const double scale = kWidth / ((east - west) * k);
  const double height = std::clamp((north - south) * scale, 160.0, 640.0);
  const double y_scale = height / (north - south);
  const auto x = [&](double lon) { return (lon - west) * k * scale; };
  const auto y = [&](double lat) { return (north - lat) * y_scale; };

  out.append("<section class=\"map\" id=\"");
  Esc(out, id);
  out.append("\">\n<h3>Places</h3>\n<svg class=\"map\" role=\"img\" viewBox=\"0 0 ");
  out.append(Fixed(kWidth) + " " + Fixed(height));
  out.append("\" aria-label=\"Map of the story's places\">\n<rect class=\"sea\" width=\"100%\" height=\"100%\"/>\n<path class=\"land\" d=\"");
  for (const Ring& r : Outlines()) {
    if (r.east < west || r.west > east || r.north < south || r.south > north) continue;
    bool first = true;
    for (const auto& [lon, lat] : r.points) {
      out.append(first ? "M" : "L");
      first = false;
      out.append(Fixed(x(lon)) + " " + Fixed(y(lat)));
    }
    out.append("Z");
  }
  out.append("\"/>\n");
  for (const StoryEntity* p : places) {
    const double px = x(p->geo->lon), py = y(p->geo->lat);
    const auto m = mentions.find(p->id);
    const int n = m == mentions.end() ? 0 : m->second;
    out.append("<g class=\"place\" data-place=\"");
    Esc(out, p->name);
    out.append("\"><title>");
    std::string title = p->name + ": " + std::to_string(n) + (n == 1 ? " mention" : " mentions");
    if (p->variants.size() > 1) {
      title += " (";
      for (size_t i = 0; i < p->variants.size(); ++i) title += (i ? ", " : "") + p->variants[i];
      title += ")";
    }
    Esc(out, title);
    out.append("</title><circle cx=\"" + Fixed(px) + "\" cy=\"" + Fixed(py) + "\" r=\"" +
               Fixed(std::min(4.0 + n, 10.0)) + "\"/><text x=\"" + Fixed(px + 8) + "\" y=\"" +
               Fixed(py + 4) + "\">");
    Esc(out, p->name);
    out.append("</text></g>\n");
  }
  out.append("</svg>\n<p class=\"note\">Outlines: Natural Earth (public domain). Places: GeoNames (CC BY 4.0).</p>\n</section>\n");
}

}  // namespace lagebild::report::html
