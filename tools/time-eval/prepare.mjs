// Reads the temporal corpora in ../shared/data and writes, for the taggers,
// one JSON line per document {id, corpus, language, dct, narrative, text}
// (docs.jsonl), and for the scorer the gold expressions
// {id, timexes: [{start, end, type, value}]} (gold.jsonl), plus HeidelTime's
// shipped KRAUTS output in the same form (heideltime.jsonl). Offsets are
// UTF-16 indices into `text` (JavaScript strings).
//
// Corpora: KRAUTS (German news; gold TIMEX3), WikiWarsDE (German
// narratives; gold TIMEX2, resolved against the last date mentioned),
// TempEval-3 platinum (English news; gold TIMEX3).
//
// Usage: node prepare.mjs SHARED_DATA_DIR OUT_DIR
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join, basename } from "node:path";

const [dataDir, outDir] = process.argv.slice(2);

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const unescape = (s) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e];
  });

function attrs(s) {
  const out = {};
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

// Plain text of an annotated <TEXT> body and the spans of the `tag` elements
// that hold text.
function parseInline(body, tag) {
  let text = "";
  const spans = [];
  const open = [];
  const re = /<(\/?)([A-Za-z0-9]+)((?:\s[^>]*?)?)(\/?)>/g;
  let last = 0;
  for (const m of body.matchAll(re)) {
    text += unescape(body.slice(last, m.index));
    last = m.index + m[0].length;
    const [, close, name, attr, selfClose] = m;
    if (name !== tag) continue;
    if (selfClose) continue; // empty (non-consuming) expression
    if (close) {
      const o = open.pop();
      if (o && text.length > o.start) spans.push({ start: o.start, end: text.length, ...o.attrs });
    } else {
      open.push({ start: text.length, attrs: attrs(attr) });
    }
  }
  text += unescape(body.slice(last));
  return { text, spans };
}

const docs = [], gold = [], heideltime = [];

function dctOf(xml, tag) {
  const m = xml.match(new RegExp(`<DCT>\\s*<${tag}[^>]*?(?:value|val)="([^"]+)"`)) ||
    xml.match(new RegExp(`<DATETIME>\\s*<${tag}[^>]*?(?:value|val)="([^"]+)"`));
  return m ? m[1].slice(0, 10) : "";
}

// KRAUTS
const krauts = join(dataDir, "krauts");
for (const part of ["KRAUTS_DieZeit", "KRAUTS_Dolomiten-100", "KRAUTS_Dolomiten-42"]) {
  const dir = join(krauts, part);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".tml")) continue;
    const xml = readFileSync(join(dir, f), "utf8");
    const body = xml.match(/<TEXT>([\s\S]*?)<\/TEXT>/)[1];
    const { text, spans } = parseInline(body, "TIMEX3");
    const id = `krauts/${part}/${f}`;
    docs.push({ id, corpus: "krauts", language: "de", dct: dctOf(xml, "TIMEX3"), narrative: false, text });
    gold.push({ id, timexes: spans.map((s) => ({ start: s.start, end: s.end, type: s.type, value: (s.value || "").trim() })) });
    const hfile = join(krauts, "heideltime-output", `${part}_Heideltime`, f);
    if (existsSync(hfile)) {
      const hx = readFileSync(hfile, "utf8");
      const hb = hx.match(/<TEXT>([\s\S]*?)<\/TEXT>/);
      if (hb) {
        const h = parseInline(hb[1], "TIMEX3");
        heideltime.push({ id, text_matches: h.text === text, timexes: h.spans.map((s) => ({ start: s.start, end: s.end, type: s.type, value: s.value || "" })) });
      }
    }
  }
}

// WikiWarsDE (TIMEX2: no type; values in the same ISO forms)
const ww = join(dataDir, "wikiwarsde", "WikiWarsDE_20110412", "keyinline");
if (existsSync(ww)) {
  for (const f of readdirSync(ww).sort()) {
    if (!f.endsWith(".xml")) continue;
    const xml = readFileSync(join(ww, f), "utf8");
    const body = xml.match(/<TEXT>([\s\S]*?)<\/TEXT>/)[1];
    const { text, spans } = parseInline(body, "TIMEX2");
    const id = `wikiwarsde/${f}`;
    docs.push({ id, corpus: "wikiwarsde", language: "de", dct: dctOf(xml, "TIMEX2"), narrative: true, text });
    gold.push({ id, timexes: spans.map((s) => ({ start: s.start, end: s.end, type: "", value: s.val || "" })) });
  }
}

// TempEval-3 platinum
const te = join(dataDir, "tempeval3-platinum", "te3-platinum");
if (existsSync(te)) {
  for (const f of readdirSync(te).sort()) {
    if (!f.endsWith(".tml")) continue;
    const xml = readFileSync(join(te, f), "utf8");
    const body = xml.match(/<TEXT>([\s\S]*?)<\/TEXT>/)[1];
    const { text, spans } = parseInline(body, "TIMEX3");
    const id = `tempeval3/${f}`;
    docs.push({ id, corpus: "tempeval3", language: "en", dct: dctOf(xml, "TIMEX3"), narrative: false, text });
    gold.push({ id, timexes: spans.map((s) => ({ start: s.start, end: s.end, type: s.type, value: s.value || "" })) });
  }
}

const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
writeFileSync(join(outDir, "docs.jsonl"), jsonl(docs));
writeFileSync(join(outDir, "gold.jsonl"), jsonl(gold));
writeFileSync(join(outDir, "heideltime.jsonl"), jsonl(heideltime));
const count = (c) => docs.filter((d) => d.corpus === c).length;
process.stderr.write(`prepared ${docs.length} documents (krauts ${count("krauts")}, wikiwarsde ${count("wikiwarsde")}, tempeval3 ${count("tempeval3")}); heideltime output for ${heideltime.length}\n`);
