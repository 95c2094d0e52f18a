// Scores `lagebild quotes` output against the SpkAtt-2023 test gold (2024
// release format) with the shared task's measure for the simplified
// subtask (non-nested annotations; roles Message and Source), re-implemented
// from its description: per document, system and gold annotations are
// paired by their Message token-set F1 (greedily, best pair first; the task
// uses an optimal assignment), unpaired ones with an empty annotation; per
// pair and role token precision and recall, averaged over the pairs where
// defined; F1 of the averages. Also: speaker accuracy, the share of gold
// quotes with a speaker whose paired system quote (Message F1 >= 0.5) has a
// speaker overlapping the gold speaker's tokens.
// Usage: node score.mjs GOLD_DIR PREDICTIONS.jsonl
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const [dir, predFile] = process.argv.slice(2);
const preds = new Map();
for (const line of readFileSync(predFile, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const p = JSON.parse(line);
  preds.set(p.id, p.quotes);
}

// Byte offset (UTF-8) -> code point offset of a string.
function byteToChar(text) {
  const map = new Map();
  let bytes = 0, chars = 0;
  for (const ch of text) {
    map.set(bytes, chars);
    bytes += Buffer.byteLength(ch, "utf8");
    chars += 1;
  }
  map.set(bytes, chars);
  return (b) => {
    while (!map.has(b) && b > 0) b -= 1;
    return map.get(b);
  };
}

function tokensIn(tokens, from, to) {
  const out = new Set();
  if (to <= from) return out;
  for (const t of tokens) if (t.charBegin < to && from < t.charEnd) out.add(t.id);
  return out;
}

function prf(sys, gold) {
  let tp = 0;
  for (const t of sys) if (gold.has(t)) tp += 1;
  return { p: sys.size ? tp / sys.size : null, r: gold.size ? tp / gold.size : null, tp };
}

function f1(sys, gold) {
  const { p, r } = prf(sys, gold);
  return p && r ? (2 * p * r) / (p + r) : 0;
}

const sums = { msg: { p: [], r: [] }, src: { p: [], r: [] } };
let goldWithSpeaker = 0, speakerRight = 0, goldCount = 0, sysCount = 0, matched = 0;
const byType = new Map();
for (const name of readdirSync(dir).filter((f) => f.endsWith(".pretty.json.gz")).sort()) {
  const doc = JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString("utf8"));
  const toChar = byteToChar(doc.originalText);
  const gold = doc.annotations.filter((a) => !a.isNested).map((a) => ({
    msg: new Set(a.quote.tokenIds || []),
    src: new Set((a.speaker && a.speaker.tokenIds) || []),
    type: a.type,
  }));
  const sys = (preds.get(name) || []).map((q) => ({
    msg: tokensIn(doc.tokens, toChar(q.start), toChar(q.end)),
    src: tokensIn(doc.tokens, toChar(q.speaker_start), toChar(q.speaker_end)),
    type: q.type,
  }));
  goldCount += gold.length;
  sysCount += sys.length;
  const cand = [];
  gold.forEach((g, gi) => sys.forEach((s, si) => {
    const f = f1(s.msg, g.msg);
    if (f > 0) cand.push({ gi, si, f });
  }));
  cand.sort((a, b) => b.f - a.f);
  const gUsed = new Set(), sUsed = new Set(), pairs = [];
  for (const c of cand) {
    if (gUsed.has(c.gi) || sUsed.has(c.si)) continue;
    gUsed.add(c.gi);
    sUsed.add(c.si);
    pairs.push([sys[c.si], gold[c.gi], c.f]);
  }
  const empty = { msg: new Set(), src: new Set() };
  gold.forEach((g, gi) => { if (!gUsed.has(gi)) pairs.push([empty, g, 0]); });
  sys.forEach((s, si) => { if (!sUsed.has(si)) pairs.push([s, empty, 0]); });
  for (const [s, g, f] of pairs) {
    for (const role of ["msg", "src"]) {
      const { p, r } = prf(s[role], g[role]);
      if (p !== null) sums[role].p.push(p);
      if (r !== null) sums[role].r.push(r);
    }
    if (g !== empty) {
      const t = byType.get(g.type) || { gold: 0, found: 0 };
      t.gold += 1;
      if (f >= 0.5) t.found += 1;
      byType.set(g.type, t);
    }
    if (g !== empty && s !== empty && f >= 0.5) {
      matched += 1;
      if (g.src.size) {
        goldWithSpeaker += 1;
        if ([...s.src].some((t) => g.src.has(t))) speakerRight += 1;
      }
    }
  }
}
const avg = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const row = (name, role) => {
  const p = avg(sums[role].p), r = avg(sums[role].r);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `| ${name} | ${(100 * p).toFixed(1)} | ${(100 * r).toFixed(1)} | **${(100 * f).toFixed(1)}** |`;
};
console.log(`gold annotations (non-nested): ${goldCount}; system quotes: ${sysCount}; paired with Message F1 >= 0.5: ${matched}\n`);
console.log("| role | P | R | F1 |\n| --- | ---: | ---: | ---: |");
console.log(row("Message (quote span)", "msg"));
console.log(row("Source (speaker span)", "src"));
console.log(`\nspeaker accuracy (paired gold quotes with a speaker): ${speakerRight} / ${goldWithSpeaker} = **${(100 * speakerRight / Math.max(1, goldWithSpeaker)).toFixed(1)} %**\n`);
console.log("| gold type | gold | found (Message F1 >= 0.5) |\n| --- | ---: | ---: |");
for (const [t, v] of [...byType.entries()].sort()) console.log(`| ${t} | ${v.gold} | ${v.found} (${(100 * v.found / v.gold).toFixed(0)} %) |`);
