// Scores story clustering and copy detection of a lagebild JSON report
// against the gold labels of a labelled stream (news-stream-dev format:
// one JSON object per line with url, event, dup_of).
//
// Usage: node score.mjs GOLD.jsonl REPORT.json
//        node score.mjs GOLD.jsonl --members MEMBERS.tsv   (lagebild stories --members)
// Prints B-cubed precision, recall and F1 of the stories over event labels
// and of the stories' events over facet labels (a stream without facets:
// over event labels), the pairwise precision, recall and F1 of copy
// detection (pairs of articles in one copy group), and how many
// non-German articles are in the story of their event's German articles.
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
  // The fifth column, when present, is the article's event in its story.
  const events = new Map();
  for (const [story, id, , , event] of rows) {
    if (!event) continue;
    if (!events.has(story)) events.set(story, new Map());
    const byEvent = events.get(story);
    if (!byEvent.has(event)) byEvent.set(event, []);
    byEvent.get(event).push(id);
  }
  report = {
    articles: rows.map(([, id, dup, source]) => ({ id, source, duplicate_of: dup === '-' ? null : dup })),
    stories: [...stories].map(([id, articles]) => ({
      id,
      articles,
      events: events.has(id) ? [...events.get(id)].map(([e, a]) => ({ id: e, articles: a })) : undefined,
    })),
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

// B-cubed over articles: each article's system cluster against its gold
// label (`event`, or `facet` for the events inside stories).
function bcubed(clusterOf, labelOf) {
  let p = 0, r = 0;
  for (const g of gold) {
    const sameSys = gold.filter((h) => clusterOf(h) === clusterOf(g));
    const sameGold = gold.filter((h) => labelOf(h) === labelOf(g));
    const both = sameSys.filter((h) => labelOf(h) === labelOf(g)).length;
    p += both / sameSys.length;
    r += both / sameGold.length;
  }
  p /= gold.length;
  r /= gold.length;
  return { p, r, f: (2 * p * r) / (p + r) };
}
const { p, r, f } = bcubed(systemCluster, (g) => g.event);

// Events inside stories (the report's story.events; a report without them
// counts each story as one event).
const eventOf = new Map();
let eventCount = 0;
for (const s of report.stories) {
  const events = s.events && s.events.length ? s.events : [{ id: s.id, articles: s.articles }];
  for (const e of events) for (const id of e.articles) eventOf.set(id, e.id);
  eventCount += events.length;
}
const facetCount = new Set(gold.map((g) => g.facet || g.event)).size;
const facet = bcubed((g) => eventOf.get(idOfGold.get(g.id)), (g) => g.facet || g.event);

// Articles in another language than German: in the system story that
// holds most of their event's German articles (events with a German article)?
const byEvent = new Map();
for (const g of gold) {
  if (!byEvent.has(g.event)) byEvent.set(g.event, []);
  byEvent.get(g.event).push(g);
}
let minorityTotal = 0, minorityJoined = 0;
const minorityMisses = [];
const lang = (g) => g.language || 'de';
for (const [event, members] of byEvent) {
  const votes = new Map();
  for (const g of members) if (lang(g) === 'de') votes.set(systemCluster(g), (votes.get(systemCluster(g)) || 0) + 1);
  if (!votes.size) continue;
  const home = [...votes].sort((x, y) => y[1] - x[1])[0][0];
  for (const g of members) {
    if (lang(g) === 'de') continue;
    minorityTotal++;
    if (systemCluster(g) === home) minorityJoined++;
    else minorityMisses.push(`${g.id} (${lang(g)}) not in ${event}'s German story ${home}`);
  }
}

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
console.log(`| events, B-cubed over facets (${facetCount} gold facets, ${eventCount} events) | ${facet.p.toFixed(3)} | ${facet.r.toFixed(3)} | **${facet.f.toFixed(3)}** |`);
console.log(`| copies, pairwise (${tp + fn} gold pairs, ${tp + fp} found) | ${cp.toFixed(3)} | ${cr.toFixed(3)} | **${cf.toFixed(3)}** |`);
// names.json beside the stream (news-stream-dev2): for each person, are all
// the spellings found in one entity of one story, and no other person in
// it? (A story's entity stands for a store entity until the store links
// entities across stories.)
let namesLine = null;
const namesPath = goldPath.replace(/[^/]*$/, 'names.json');
if (fs.existsSync(namesPath) && report.articles.some((a) => a.entities)) {
  const names = JSON.parse(fs.readFileSync(namesPath, 'utf8'));
  // A story entity's key links it across stories, where the report has keys.
  const keyOf = new Map();
  for (const st of report.stories) for (const e of st.entities || []) if (e.key) keyOf.set(`${st.id}:${e.id}`, e.key);
  const keyed = keyOf.size > 0;
  const goldById = new Map(gold.map((g) => [g.id, g]));
  const entityOf = new Map();  // person -> Set of "story:entity"
  const missed = new Map();    // person -> surfaces not found as a mention
  const spellings = new Map(); // person -> Set of surfaces
  for (const entries of Object.values(names)) {
    for (const { person, surface } of entries) {
      if (!spellings.has(person)) spellings.set(person, new Set());
      spellings.get(person).add(surface);
    }
  }
  for (const entries of Object.values(names)) {
    for (const { id, person, surface } of entries) {
      const a = reportById.get(idOfGold.get(id));
      const story = storyOf.get(a.id);
      // A surface ends with the full stop of an ordinal ("Elizabeth II."),
      // a mention without it ("Queen Elizabeth II").
      const bare = surface.replace(/[.\s]+$/u, '');
      const hits = (a.entities || []).filter(
        (e) => e.text.includes(bare) || (e.text.length >= 3 && bare.includes(e.text)));
      if (!entityOf.has(person)) entityOf.set(person, new Set());
      if (!hits.length) {
        if (!missed.has(person)) missed.set(person, []);
        missed.get(person).push(`${id}:${surface}`);
        continue;
      }
      for (const e of hits) entityOf.get(person).add(keyOf.get(`${story}:${e.entity}`) || `${story}:${e.entity}`);
    }
  }
  const owners = new Map();
  for (const [person, keys] of entityOf) for (const k of keys) {
    if (!owners.has(k)) owners.set(k, new Set());
    owners.get(k).add(person);
  }
  let whole = 0, people = 0;
  const broken = [];
  for (const [person, keys] of entityOf) {
    if (spellings.get(person).size < 2) continue;  // the people with several spellings
    people++;
    const alone = [...keys].every((k) => owners.get(k).size === 1);
    if (keys.size === 1 && alone && !missed.has(person)) whole++;
    else broken.push(`${person}: ${keys.size} entities${alone ? '' : ', shared with another person'}${missed.has(person) ? `, not found: ${missed.get(person).slice(0, 3).join(' ')}` : ''}`);
  }
  namesLine = `| people of several spellings with all in one entity, held by no other (names.json; ${keyed ? 'entity keys across stories' : 'entities per story'}) | ${whole} of ${people} | | **${(100 * whole / people).toFixed(1)} %** |`;
  if (process.env.LAGEBILD_EVAL_VERBOSE) for (const b of broken) console.error('names: ' + b);
}
if (namesLine) console.log(namesLine);
if (minorityTotal) {
  console.log(`| non-German articles in their event's German story | ${minorityJoined} of ${minorityTotal} | | **${(100 * minorityJoined / minorityTotal).toFixed(1)} %** |`);
}
if (process.env.LAGEBILD_EVAL_VERBOSE) {
  for (const m of minorityMisses) console.log(m);
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
