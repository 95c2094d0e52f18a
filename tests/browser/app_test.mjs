// lagebild serve in a real browser (Debian's chromium, headless, driven by
// playwright-core), against a server started here on loopback over a store
// of the bundled example:
//  - the story list → a story → an article → an entity, by clicking links;
//  - a search from the navigation's box (reached with the / key) and the
//    j key moving through its rows;
//  - an article posted to the API while the list is open appears in the
//    list without a reload (server-sent events), and the open story page
//    updates likewise;
//  - a feed added with `lagebild feeds add` (served by the feeds fixture
//    server, tests/cli/feeds/server.mjs) has its items in the open list
//    after the poll, without a reload;
//  - no console message or script error on any page (the one inline script
//    runs under the pages' CSP), nothing loaded from anywhere but the server.
// Usage: node tests/browser/app_test.mjs LAGEBILD
// Env:   CHROMIUM (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [lagebild] = process.argv.slice(2);
if (!lagebild) {
  console.error("usage: node app_test.mjs LAGEBILD");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(`app_test: ${executablePath} not found (scripts/setup installs chromium)`);
  process.exit(1);
}
let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else { failed++; console.error(`FAIL: ${name}${detail ? ": " + detail : ""}`); }
}

const work = mkdtempSync(join(tmpdir(), "lagebild-app-"));
const db = join(work, "news.db");
execFileSync(lagebild, ["ingest", "-q", "--db", db, "examples/nordhafen"], { stdio: ["ignore", "ignore", "inherit"] });
const server = spawn(lagebild, ["serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((ok, fail) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/lagebild serve: (http:\/\/\S+)/);
    if (m) ok(m[1]);
  });
  server.on("exit", (code) => fail(new Error(`serve exited with ${code}`)));
  setTimeout(() => fail(new Error("serve printed no URL")), 10000);
});

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const seen = { console: [], errors: [], foreign: [] };
  page.on("console", (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(base)) seen.foreign.push(r.url()); });

  // List → story → article → entity.
  await page.goto(base);
  check("the list names the example's story", (await page.locator("table.stories a").first().textContent()).length > 0);
  await page.locator("table.stories tr[data-row] td:first-child a").first().click();
  await page.waitForURL(/\/stories\/s1$/);
  check("the story page has its claims", await page.locator("#claims").count() === 1);
  await page.locator("section.article h3 a").first().click();
  await page.waitForURL(/\/articles\/a\d+$/);
  check("the article page shows its text", (await page.locator(".text").textContent()).includes("Nordhafen"));
  await page.locator("a[href^='/stories/']").first().click();
  await page.waitForURL(/\/stories\/s1$/);
  await page.locator("#entities summary, section#entities details > summary").first().click().catch(() => {});
  const entityLink = page.locator("a[href^='/entities/']").first();
  const entityName = (await entityLink.textContent()).trim();
  await entityLink.click();
  await page.waitForURL(/\/entities\//);
  check("the entity page is the entity's", (await page.locator("h1").textContent()).trim() === entityName, entityName);
  check("it lists the story", await page.locator("a[href='/stories/s1']").count() >= 1);

  // A search, from the / key, and j through its rows.
  await page.goto(base);
  await page.keyboard.press("/");
  check("/ focuses the search box", await page.evaluate(() => document.activeElement && document.activeElement.id === "q"));
  await page.keyboard.type("Seeschwalbe");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\?q=Seeschwalbe/);
  check("the search lists the story", await page.locator("a[href='/stories/s1']").count() === 1);
  check("with the articles that matched", await page.locator("ul.hits a").count() >= 1);
  await page.keyboard.press("j");
  check("j moves to the first row", await page.evaluate(() => document.activeElement && document.activeElement.closest("[data-row]") !== null));

  // Live: an article posted while the list and a story page are open.
  await page.goto(base);
  const story = await context.newPage();
  story.on("pageerror", (e) => seen.errors.push(String(e)));
  await story.goto(base + "stories/s1");
  const before = await story.locator("section.article").count();
  await page.waitForTimeout(1500);  // the event streams are open
  const rowsBefore = await page.locator("table.stories tr[data-row]").count();
  const res = await fetch(base + "api/v1/articles", {
    method: "POST",
    headers: { "Content-Type": "application/x-ndjson" },
    body: JSON.stringify({ title: "Leuchtturm auf Möweninsel wieder in Betrieb", text: "Der Leuchtturm auf der Möweninsel leuchtet nach drei Jahren Reparatur wieder. Die Gemeinde feierte am Samstag." }) + "\n" +
          JSON.stringify({ url: "https://example.org/seeschwalbe-3", title: "Fähre Seeschwalbe: Bergung beginnt", text: "Die Bergung der Passagierfähre \"Seeschwalbe\" vor Nordhafen hat begonnen. Die 112 Menschen an Bord waren bereits am Donnerstagabend von der Wasserschutzpolizei in Sicherheit gebracht worden; neun erlitten leichte Verletzungen. Kapitän Oleksandr Tkatschenko wurde befragt." }) + "\n",
  });
  check("the API took the articles", res.status === 201, String(res.status));
  await page.waitForFunction((n) => document.querySelectorAll("table.stories tr[data-row]").length > n, rowsBefore, { timeout: 10000 })
    .then(() => check("the new story appears in the open list without a reload", true))
    .catch(() => check("the new story appears in the open list without a reload", false));
  check("it is named", (await page.content()).includes("Leuchtturm"));
  await story.waitForFunction((n) => document.querySelectorAll("section.article").length > n, before, { timeout: 15000 })
    .then(() => check("the open story page shows the article that joined it", true))
    .catch(async () => check("the open story page shows the article that joined it", false, String(await story.locator("section.article").count())));

  // A feed added with the CLI: its items appear in the open list.
  const fixture = spawn("node", ["tests/cli/feeds/server.mjs"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((ok, fail) => {
    let out = "";
    fixture.stdout.on("data", (d) => { out += d; const m = out.match(/port (\d+)/); if (m) ok(m[1]); });
    setTimeout(() => fail(new Error("the fixture server printed no port")), 10000);
  });
  try {
    await page.goto(base);
    await page.waitForTimeout(1000);
    execFileSync(lagebild, ["feeds", "add", "--db", db, `http://127.0.0.1:${port}/latin1.rss`, "--every", "10m"],
                 { stdio: ["ignore", "ignore", "inherit"] });
    await page.waitForFunction(() => document.querySelector("main").textContent.includes("Straßenfest"), null, { timeout: 15000 })
      .then(() => check("a feed's item appears in the open list after the poll, without a reload", true))
      .catch(() => check("a feed's item appears in the open list after the poll, without a reload", false));
  } finally {
    fixture.kill("SIGTERM");
  }

  check("no console message", seen.console.length === 0, seen.console.join(" | "));
  check("no script error", seen.errors.length === 0, seen.errors.join(" | "));
  check("nothing loaded from elsewhere", seen.foreign.length === 0, seen.foreign.join(" "));
  await context.close();
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await new Promise((ok) => server.on("exit", ok));
  rmSync(work, { recursive: true, force: true });
}
console.log(`app_test: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
