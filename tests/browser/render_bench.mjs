// How long chromium takes to show a page: first contentful paint and the
// load event, median of several runs, and the page's size.
// Usage: node tests/browser/render_bench.mjs PAGE.html [RUNS]
// Env:   CHROMIUM (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import { statSync } from "node:fs";
import { resolve } from "node:path";

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node render_bench.mjs PAGE.html [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg || 5);
const url = "file://" + resolve(file);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const paints = [], loads = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const t = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    return { paint: paint ? paint.startTime : NaN, load: nav ? nav.loadEventEnd : NaN };
  });
  paints.push(t.paint);
  loads.push(t.load);
  await context.close();
}
await browser.close();
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const bytes = statSync(file).size;
console.log(`${file}\t${(bytes / 1e6).toFixed(2)} MB\tfirst contentful paint ${median(paints).toFixed(0)} ms\tload ${median(loads).toFixed(0)} ms\t(median of ${runs})`);
