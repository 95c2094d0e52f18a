// Builds data/geo/outlines.tsv, the country outlines the story page's map
// draws: Natural Earth 1:110m admin-0 countries (public domain), via the npm
// package world-atlas 2.0.2 (TopoJSON, ISC), decoded with topojson-client.
// One line per ring: the country's name, then its points as "lon,lat" in
// degrees rounded to 0.1, repeated points dropped; rings of fewer than
// four points after rounding are left out.
// Usage: (cd tools/geo && npm ci && node outlines.mjs)
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const topojson = require("topojson-client");
const world = require("world-atlas/countries-110m.json");

const features = topojson.feature(world, world.objects.countries).features;
const round = (v) => Math.round(v * 10) / 10;
const lines = [];
let points = 0;
for (const f of features) {
  const name = String((f.properties && f.properties.name) || "").replace(/[\t\n\r]/g, " ");
  const polygons = f.geometry == null ? [] :
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] :
    f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const out = [];
      for (const [lon, lat] of ring) {
        const p = `${round(lon)},${round(lat)}`;
        if (out[out.length - 1] !== p) out.push(p);
      }
      if (out.length < 4) continue;
      points += out.length;
      lines.push(`${name}\t${out.join(" ")}`);
    }
  }
}
writeFileSync(new URL("../../data/geo/outlines.tsv", import.meta.url),
  "# country<TAB>lon,lat lon,lat ... (one ring a line) — Natural Earth 1:110m via world-atlas 2.0.2; built by tools/geo/outlines.mjs; see data/geo/PROVENANCE.md\n" +
  lines.join("\n") + "\n");
console.log(`${lines.length} rings, ${points} points`);
