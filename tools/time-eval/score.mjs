// Scores temporal taggers against the gold with the TempEval-3 measures:
//   relaxed match: spans overlap (each gold and each system expression is
//     matched at most once, greedily in text order);
//   strict match: identical spans;
//   precision, recall, F1 for both; type accuracy and value accuracy over
//   the relaxed matches; value F1 = F1 of relaxed matches whose values are
//   equal (TempEval-3's ranking measure: F1 x value accuracy).
// Values are compared after light normalisation of malformed gold values
// (trailing spaces, "T8:30" -> "T08:30", "T20.30" -> "T20:30", "2014_07"
// -> "2014-07", "PRESNT_REF" -> "PRESENT_REF").
// WikiWarsDE gold is TIMEX2 (no type): type accuracy is not given there.
//
// Usage: node score.mjs GOLD.jsonl DOCS.jsonl RUNS.json
//   RUNS.json: [{"tool", "predictions": file.jsonl, "offsets": "utf16"|"utf8",
//                "seconds", "bytes", "corpora": [..] (optional)}]
import { readFileSync } from "node:fs";

const [goldFile, docsFile, runsFile] = process.argv.slice(2);
const readJsonl = (f) => readFileSync(f, "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
const gold = new Map(readJsonl(goldFile).map((g) => [g.id, g.timexes]));
const docs = new Map(readJsonl(docsFile).map((d) => [d.id, d]));
const runs = JSON.parse(readFileSync(runsFile, "utf8"));

function normValue(v) {
  v = (v || "").trim().replace(/_/g, "-").replace("PRESNT_REF", "PRESENT_REF").replace("PRESNT-REF", "PRESENT_REF");
  v = v.replace(/-REF$/, "_REF");
  v = v.replace(/T(\d)([:.]|$)/, "T0$1$2").replace(/T(\d\d)\.(\d\d)/, "T$1:$2");
  return v;
}

// UTF-8 byte offsets -> UTF-16 indices of one text.
function byteToIndex(text) {
  const map = new Map();
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    map.set(bytes, i);
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp >= 0x10000) i++;
  }
  map.set(bytes, text.length);
  return (b) => map.get(b) ?? -1;
}

function score(pairs) {
  let g = 0, s = 0, relaxed = 0, strict = 0, typeOk = 0, typed = 0, valueOk = 0;
  for (const { goldT, sysT } of pairs) {
    g += goldT.length;
    s += sysT.length;
    const used = new Set();
    for (const a of goldT) {
      let best = -1;
      for (let j = 0; j < sysT.length; j++) {
        if (used.has(j)) continue;
        const b = sysT[j];
        if (b.start < a.end && a.start < b.end) {
          if (best < 0 || (b.start === a.start && b.end === a.end)) best = j;
          if (b.start === a.start && b.end === a.end) break;
        }
      }
      if (best < 0) continue;
      used.add(best);
      const b = sysT[best];
      relaxed++;
      if (b.start === a.start && b.end === a.end) strict++;
      if (a.type) {
        typed++;
        if (a.type === b.type) typeOk++;
      }
      if (normValue(a.value) === normValue(b.value)) valueOk++;
    }
  }
  const prf = (tp) => {
    const p = s ? tp / s : 0, r = g ? tp / g : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const rel = prf(relaxed), str = prf(strict), val = prf(valueOk);
  return {
    gold: g, system: s, relaxed: rel, strict: str,
    typeAcc: typed ? typeOk / typed : NaN, valueAcc: relaxed ? valueOk / relaxed : 0, valueF1: val.f,
  };
}

const corpora = ["krauts", "wikiwarsde", "tempeval3"];
const names = { krauts: "KRAUTS", wikiwarsde: "WikiWarsDE", tempeval3: "TempEval-3 platinum" };
const f3 = (x) => (Number.isNaN(x) ? "–" : (100 * x).toFixed(1));
const lines = [];
lines.push("| corpus | tool | gold | found | relaxed P / R / F1 | strict F1 | type acc. | value acc. | value F1 |");
lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const speed = [];
for (const run of runs) {
  const pred = new Map(readJsonl(run.predictions).map((p) => [p.id, p.times || p.timexes]));
  for (const corpus of corpora) {
    if (run.corpora && !run.corpora.includes(corpus)) continue;
    const pairs = [];
    for (const [id, goldT] of gold) {
      const doc = docs.get(id);
      if (!doc || doc.corpus !== corpus) continue;
      let sysT = pred.get(id) || [];
      if (run.offsets === "utf8") {
        const conv = byteToIndex(doc.text);
        sysT = sysT.map((t) => ({ ...t, start: conv(t.start), end: conv(t.end) }));
      }
      pairs.push({ goldT, sysT });
    }
    if (!pairs.length) continue;
    const r = score(pairs);
    lines.push(`| ${names[corpus]} | ${run.tool} | ${r.gold} | ${r.system} | ${f3(r.relaxed.p)} / ${f3(r.relaxed.r)} / **${f3(r.relaxed.f)}** | ${f3(r.strict.f)} | ${f3(r.typeAcc)} | ${f3(r.valueAcc)} | **${f3(r.valueF1)}** |`);
  }
  if (run.seconds) speed.push(`${run.tool}: ${(run.bytes / 1e6).toFixed(2)} MB in ${run.seconds.toFixed(3)} s = ${(run.bytes / 1e6 / run.seconds).toFixed(1)} MB/s (one core, tagging only)`);
}
console.log(lines.join("\n"));
if (speed.length) console.log("\n" + speed.join("\n"));
