// Scores story clustering and copy detection of a lagebild JSON report
// against the gold labels of a labelled stream (news-stream-dev format:
// one JSON object per line with url, event, dup_of).
//
// Usage: node score.mjs GOLD.jsonl REPORT.json
//        node score.mjs GOLD.jsonl --members MEMBERS.tsv   (lagebild stories --members)
// Prints B-cubed precision, recall and F1 over event labels, and the
// pairwise precision, recall and F1 of copy detection (pairs of articles
// in one copy group).
import fs from 'node:fs';

const args = process.argv.slice(2);
const goldPath = args[0];
if (!goldPath || !args[1] || (args[1] === '--members' && !args[2])) {
  console.error('usage: node score.mjs GOLD.jsonl (REPORT.json | --members MEMBERS.tsv)');
  process.exit(2);
}
const gold = fs.readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
// Either a report, or the store's membership lines (story, article,
// duplicate_of or -, source) turned into the report's shape.
let report;
if (args[1] === '--members') {
  const rows = fs.readFileSync(args[2], 'utf8').split('\n').filter((l) => l).map((l) => l.split('\t'));
  const stories = new Map();
  for (const [story, id] of rows) {
    if (!stories.has(story)) stories.set(story, []);
    stories.get(story).push(id);
  }
  report = {
    articles: rows.map(([, id, dup, source]) => ({ id, source, duplicate_of: dup === '-' ? null : dup })),
    stories: [...stories].map(([id, articles]) => ({ id, articles })),
  };
} else {
  report = JSON.parse(fs.readFileSync(args[1], 'utf8'));
}

const byUrl = new Map(report.articles.map((a) => [a.source, a]));
const storyOf = new Map();
for (const s of report.stories) for (const id of s.articles) storyOf.set(id, s.id);
const idOfGold = new Map();
const missing = [];
for (const g of gold) {
  const a = byUrl.get(g.url);
  if (!a) missing.push(g.id);
  else idOfGold.set(g.id, a.id);
}
if (missing.length) {
  console.error(`score: ${missing.length} gold articles missing from the report: ${missing.slice(0, 5).join(', ')}`);
  process.exit(1);
}
const systemCluster = (g) => storyOf.get(idOfGold.get(g.id));

// B-cubed over articles.
let p = 0, r = 0;
for (const g of gold) {
  const sameSys = gold.filter((h) => systemCluster(h) === systemCluster(g));
  const sameGold = gold.filter((h) => h.event === g.event);
  const both = sameSys.filter((h) => h.event === g.event).length;
  p += both / sameSys.length;
  r += both / sameGold.length;
}
p /= gold.length;
r /= gold.length;
const f = (2 * p * r) / (p + r);

// Copy pairs: two articles are a pair when they are in one copy group.
const root = (map, id) => { while (map.get(id)) id = map.get(id); return id; };
const goldDup = new Map(gold.map((g) => [g.id, g.dup_of]));
const reportById = new Map(report.articles.map((a) => [a.id, a]));
const sysDup = new Map(gold.map((g) => {
  const a = reportById.get(idOfGold.get(g.id));
  const orig = a.duplicate_of ? gold.find((h) => idOfGold.get(h.id) === a.duplicate_of) : null;
  return [g.id, orig ? orig.id : null];
}));
let tp = 0, fp = 0, fn = 0;
const wrong = [];
for (let i = 0; i < gold.length; i++) {
  for (let j = i + 1; j < gold.length; j++) {
    const a = gold[i].id, b = gold[j].id;
    const inGold = root(goldDup, a) === root(goldDup, b);
    const inSys = root(sysDup, a) === root(sysDup, b);
    if (inGold && inSys) tp++;
    else if (inSys) { fp++; wrong.push(`false copy ${a} ${b}`); }
    else if (inGold) { fn++; wrong.push(`missed copy ${a} ${b}`); }
  }
}
const cp = tp / Math.max(1, tp + fp), cr = tp / Math.max(1, tp + fn);
const cf = cp + cr > 0 ? (2 * cp * cr) / (cp + cr) : 0;

const events = new Set(gold.map((g) => g.event)).size;
console.log(`| measure | precision | recall | F1 |`);
console.log(`|---|---|---|---|`);
console.log(`| stories, B-cubed (${gold.length} articles, ${events} gold events, ${report.stories.length} stories) | ${p.toFixed(3)} | ${r.toFixed(3)} | **${f.toFixed(3)}** |`);
console.log(`| copies, pairwise (${tp + fn} gold pairs, ${tp + fp} found) | ${cp.toFixed(3)} | ${cr.toFixed(3)} | **${cf.toFixed(3)}** |`);
if (process.env.LAGEBILD_EVAL_VERBOSE) {
  for (const w of wrong) console.log(w);
  for (const s of report.stories) {
    const counts = {};
    for (const id of s.articles) {
      const g = gold.find((h) => idOfGold.get(h.id) === id);
      counts[g.event] = (counts[g.event] || 0) + 1;
    }
    console.log(s.id, JSON.stringify(counts));
  }
}
