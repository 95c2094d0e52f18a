// Scores extracted main text against the two extraction benchmarks in
// ../shared/data and prints one Markdown table.
//
//   trafilatura-eval: per page, every "with" segment found in the extracted
//     text (white space folded) is a true positive, else a false negative;
//     every "without" segment found is a false positive, else a true
//     negative; precision, recall and F over all segments.
//   article-extraction-benchmark: tokens are \w+ runs, shingles their
//     4-grams; per page TP/FP/FN over shingle multisets, normalised by their
//     sum; precision and recall averaged over pages (a page without
//     predicted shingles has no precision, one without true shingles no
//     recall; both 1 when nothing is wrong); F1 of the two averages.
//     Accuracy: token sequences equal.
//
// Usage: node score.mjs SHARED_DATA_DIR RUNS.json
//   RUNS.json: [{"tool", "dataset": "trafilatura"|"aeb", "predictions": file.jsonl,
//                "pages", "seconds"}]; prediction lines {"key", "text"}.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const [dataDir, runsFile] = process.argv.slice(2);
const runs = JSON.parse(readFileSync(runsFile, "utf8"));

function readJsonl(file) {
  const map = new Map();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    map.set(r.key, r.text || "");
  }
  return map;
}

const fold = (s) => (s || "").replace(/[\s\u00a0]+/gu, " ").trim();

function scoreTrafilatura(pred) {
  const gold = JSON.parse(readFileSync(`${dataDir}/trafilatura-eval/evaldata.json`, "utf8"));
  let tp = 0, fn = 0, fp = 0, tn = 0;
  for (const [, item] of Object.entries(gold)) {
    const text = fold(pred.get(item.file));
    for (const s of item.with) (text.includes(fold(s)) ? tp++ : fn++);
    for (const s of item.without) (text.includes(fold(s)) ? fp++ : tn++);
  }
  const p = tp / (tp + fp), r = tp / (tp + fn);
  return { p, r, f: (2 * p * r) / (p + r), acc: (tp + tn) / (tp + tn + fp + fn), n: Object.keys(gold).length };
}

const WORD = /[\p{L}\p{N}_]+/gu;
function shingles(text) {
  const tokens = (text || "").match(WORD) || [];
  const counts = new Map();
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const sh = tokens.slice(i, i + 4);
    if (sh.length === 0) continue;
    const k = sh.join("\u0001");
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  return { counts, tokens };
}

function scoreAeb(pred) {
  const gold = JSON.parse(readFileSync(`${dataDir}/article-extraction-benchmark/ground-truth.json`, "utf8"));
  const ps = [], rs = [];
  let exact = 0, n = 0;
  for (const [id, item] of Object.entries(gold)) {
    n++;
    const t = shingles(item.articleBody), q = shingles(pred.get(id));
    let tp = 0, fp = 0, fn = 0;
    for (const k of new Set([...t.counts.keys(), ...q.counts.keys()])) {
      const a = t.counts.get(k) || 0, b = q.counts.get(k) || 0;
      tp += Math.min(a, b); fp += Math.max(0, b - a); fn += Math.max(0, a - b);
    }
    const s = tp + fp + fn;
    if (s > 0) { tp /= s; fp /= s; fn /= s; }
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
    if (t.tokens.join(" ") === q.tokens.join(" ")) exact++;
  }
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const p = mean(ps), r = mean(rs);
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0, acc: exact / n, n };
}

const rows = [];
for (const run of runs) {
  const pred = readJsonl(run.predictions);
  const s = run.dataset === "trafilatura" ? scoreTrafilatura(pred) : scoreAeb(pred);
  rows.push({ ...run, ...s });
}
const f3 = (x) => x.toFixed(3);
console.log("| dataset | tool | pages | precision | recall | F1 | accuracy | pages/s (1 core) |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const name = r.dataset === "trafilatura" ? "trafilatura-eval" : "article-extraction-benchmark";
  console.log(`| ${name} | ${r.tool} | ${r.n} | ${f3(r.p)} | ${f3(r.r)} | **${r.f.toFixed(4)}** | ${f3(r.acc)} | ${(r.pages / r.seconds).toFixed(1)} |`);
}
for (const d of ["trafilatura", "aeb"]) {
  const l = rows.find((r) => r.dataset === d && r.tool === "lagebild");
  const b = rows.find((r) => r.dataset === d && r.tool === "readability");
  if (l && b) {
    console.log(`\n${d === "trafilatura" ? "trafilatura-eval" : "article-extraction-benchmark"}: lagebild ` +
      `${(l.pages / l.seconds / (b.pages / b.seconds)).toFixed(1)}x Readability's pages/s, F1 ${f3(l.f)} vs ${f3(b.f)}`);
  }
}
