// The feed of the serve load benchmark, on loopback (prints "port N"):
// /feed.rss answers the next ITEMS articles of a JSON Lines stream as RSS
// items each time it is fetched (their pages are not served: the feed's
// text is taken), so a server polling it ingests while it is under load.
// Usage: node feed_server.mjs STREAM.jsonl [ITEMS]
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const lines = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
const per = Number(process.argv[3] || 100);
let next = 0;
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
createServer((req, res) => {
  if (req.url !== "/feed.rss") { res.writeHead(404); return res.end(); }
  let out = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Last</title>`;
  for (let k = 0; k < per && next < lines.length; k++, next++) {
    const a = JSON.parse(lines[next]);
    out += `<item><title>${esc(a.title || "")}</title><guid>${esc(a.url || String(next))}</guid>` +
      `<description>${esc(a.text || "")}</description></item>`;
  }
  res.writeHead(200, { "Content-Type": "application/rss+xml" });
  res.end(out + "</channel></rss>");
}).listen(0, "127.0.0.1", function () { console.log(`port ${this.address().port}`); });
