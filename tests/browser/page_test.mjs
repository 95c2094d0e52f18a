// The story page in a real browser: Debian's chromium, headless, driven by
// playwright-core. Writes the pages with the lagebild binary given, then:
//  - the seeds' page: no console message, no request beyond the page;
//    map markers for Almaty, Nur-Sultan and Moskau; the soldiers-sent claim
//    conflicting; the timeline's days 2022-01-06, -13 and -19; the sources
//    panel names Reuters and flags the machine-translated and the
//    state-affiliated articles;
//  - a page of hostile articles of our own (script tags, event handlers,
//    javascript: URLs, broken markup, right-to-left overrides, a word of
//    10,000 letters, values made to break SVG, in every field): no dialog,
//    no navigation, no console message, no request, nothing wider than the
//    window, every hostile text shown as text.
// Usage: node tests/browser/page_test.mjs LAGEBILD [SEEDS_DIR]
// Env:   CHROMIUM (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const [lagebild, seedsArg] = process.argv.slice(2);
if (!lagebild) {
  console.error("usage: node page_test.mjs LAGEBILD [SEEDS_DIR]");
  process.exit(2);
}
const here = new URL(".", import.meta.url).pathname;
const seeds = resolve(seedsArg || join(here, "../../../shared/seeds"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`page_test: ${executablePath} not found (scripts/setup installs chromium)`);
  process.exit(1);
}

let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else { failed++; console.error(`FAIL: ${name}${detail ? ": " + detail : ""}`); }
}

const work = mkdtempSync(join(tmpdir(), "lagebild-browser-"));
const analyze = (inputs, out) =>
  execFileSync(lagebild, ["analyze", "-q", "-f", "html", "-o", out, ...inputs], { stdio: ["ignore", "ignore", "inherit"] });

// Hostile articles of our own: every field tries to become markup or script.
const long = "A".repeat(10000);
const evil = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(2)>",
  "javascript:alert(3)",
  "</svg></section><script>alert(4)</script>",
  "<![CDATA[ ]]> <svg onload=alert(5)>",
  "\u202Eevil right-to-left\u202C",
  "<div><b>broken",
  "' onmouseover='alert(6)",
];
const hostile = [];
for (let i = 0; i < evil.length; i++) {
  const e = evil[i];
  hostile.push(JSON.stringify({
    url: i % 2 ? `javascript:alert(${i})` : `https://example.org/${encodeURIComponent(e)}`,
    outlet: `${e}.example`,
    title: `Brand in Hafen ${e}`,
    author: e,
    published: "2024-05-0" + (1 + (i % 5)),
    text: `Hafen von Nord${e}hafen: Rund 2.500 Menschen ${e} mussten am Montag ihre Häuser verlassen, ` +
      `sagte Bürgermeisterin Anna ${e} Berg in Berlin. „${e} Wir helfen“, sagte Berg. ${i === 0 ? long : ""} ` +
      `Die Feuerwehr meldete 30 Verletzte ${e}. Moskau${e} und Almaty reagierten.`,
  }));
}
const hostileFile = join(work, "hostile.jsonl");
writeFileSync(hostileFile, hostile.join("\n") + "\n");
const seedsPage = join(work, "seeds.html"), hostilePage = join(work, "hostile.html");
analyze([seeds], seedsPage);
analyze([hostileFile], hostilePage);

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  // Opens a page and records everything it does on its own.
  async function open(file) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const seen = { console: [], dialogs: [], requests: [], navigations: 0, errors: [] };
    const url = "file://" + file;
    page.on("console", (m) => seen.console.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => seen.errors.push(String(e)));
    page.on("dialog", async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
    page.on("request", (r) => { if (r.url() !== url) seen.requests.push(r.url()); });
    page.on("framenavigated", (f) => { if (f === page.mainFrame()) seen.navigations++; });
    await page.goto(url);
    await page.waitForLoadState("load");
    return { page, seen, context };
  }
  const quiet = (name, seen) => {
    check(`${name}: no console message`, seen.console.length === 0, seen.console.join(" | "));
    check(`${name}: no script error`, seen.errors.length === 0, seen.errors.join(" | "));
    check(`${name}: no dialog`, seen.dialogs.length === 0, seen.dialogs.join(" | "));
    check(`${name}: no request beyond the page`, seen.requests.length === 0, seen.requests.join(" "));
    check(`${name}: no navigation`, seen.navigations === 1, `${seen.navigations} navigations`);
  };

  {
    const { page, seen, context } = await open(seedsPage);
    for (const place of ["Almaty", "Nur-Sultan", "Moskau"]) {
      check(`seeds: a map marker for ${place}`,
        await page.locator(`#map [data-place="${place}"] circle`).count() === 1);
    }
    const soldiers = page.locator("#claims tr", { hasText: "Soldaten entsandt" });
    check("seeds: the soldiers-sent claim is conflicting",
      await soldiers.locator(".status.conflicting").count() === 1);
    check("seeds: its values are drawn as bars", await soldiers.locator("svg rect.bar").count() >= 4);
    const timeline = await page.locator("#timeline").innerText();
    for (const day of ["2022-01-06", "2022-01-13", "2022-01-19"]) {
      check(`seeds: the timeline has ${day}`,
        timeline.includes(day) && await page.locator(`#timeline [data-day="${day}"]`).count() >= 1);
    }
    const sources = page.locator("#sources");
    check("seeds: the sources panel names Reuters", (await sources.innerText()).includes("Reuters"));
    for (const flag of ["machine-translated", "state-affiliated"]) {
      check(`seeds: the sources panel flags ${flag}`,
        await sources.locator("summary", { hasText: flag }).count() >= 1);
    }
    // The evidence of a flag shows on demand.
    const flag = sources.locator("details.flag", { hasText: "state-affiliated" }).first();
    await flag.locator("summary").click();
    check("seeds: a flag's evidence opens", (await flag.innerText()).includes("RT"));
    const missing = await page.evaluate(() => [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute("href").slice(1)).filter((id) => !document.getElementById(id)));
    check("seeds: every link leads to an id of the page", missing.length === 0, missing.slice(0, 5).join(" "));
    check("seeds: summary sentences link to where they stand",
      await page.locator("#summary a.sentence").count() >= 1);
    check("seeds: no bare article id as a link text",
      await page.locator("a", { hasText: /^a\d+$/ }).count() === 0);
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check("seeds: nothing wider than the window", width[0] <= width[1], `${width}`);
    await page.screenshot({ path: join(work, "seeds.png"), fullPage: true });
    // On a phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 800 });
    const phone = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check("seeds: nothing wider than a phone's screen", phone[0] <= phone[1], `${phone}`);
    // The claims' wording keeps a readable width (not a column of letters).
    const wording = await page.locator("#claims ul.values").first().boundingBox();
    check("seeds: claims readable on a phone", wording && wording.width >= 0.6 * 390, `${wording && wording.width}`);
    quiet("seeds", seen);
    await context.close();
  }
  {
    const { page, seen, context } = await open(hostilePage);
    // Open everything that opens, hover and click the links: still quiet.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
    for (const link of await page.locator("a[href]").all()) {
      const href = await link.getAttribute("href");
      check("hostile: every link points into the page", href.startsWith("#"), href);
    }
    for (const el of (await page.locator("a, .place, rect.bar").all()).slice(0, 60)) {
      await el.hover({ force: true, timeout: 2000 }).catch(() => {});
    }
    check("hostile: no script element", await page.locator("script").count() === 0);
    check("hostile: no img element", await page.locator("img").count() === 0);
    const handlers = await page.evaluate(() => {
      let n = 0;
      for (const el of document.querySelectorAll("*")) {
        for (const a of el.attributes) {
          // A handler, or a javascript: target where a link or a resource goes.
          if (/^on/i.test(a.name)) n++;
          if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) n++;
        }
      }
      return n;
    });
    check("hostile: no event handler or javascript: attribute", handlers === 0, `${handlers}`);
    const text = await page.locator("body").innerText();
    check("hostile: the script tag shows as text", text.includes("<script>alert(1)</script>"));
    check("hostile: the long word shows", text.includes(long.slice(0, 200)));
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    check("hostile: nothing wider than the window", width[0] <= width[1], `${width}`);
    await page.screenshot({ path: join(work, "hostile.png"), fullPage: false });
    quiet("hostile", seen);
    await context.close();
  }
} finally {
  await browser.close();
  if (failed === 0) rmSync(work, { recursive: true, force: true });
  else console.error(`page_test: pages and screenshots kept in ${work}`);
}
console.log(`page_test: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
