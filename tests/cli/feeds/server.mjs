// A fixture server for the feeds tests, on loopback (port 0: a free one,
// printed as "port N"): good feeds and their pages, and broken ones.
//   /good.rss      RSS 2.0 with ETag (304 when it is sent back); its items
//                  link to /pages/N.html; POST /add appends an item, POST
//                  /edit updates the first (its feed text and its page)
//   /pages/1.html  an article page; /pages/2.html is missing (404)
//   /atom.xml /json.feed   Atom and JSON Feed
//   /latin1.rss    ISO-8859-1, declared
//   /broken.rss    malformed XML;  /empty.rss  nothing;  /html.rss  a web page
//   /huge.rss      20 MiB;  /loop.rss  a redirect to itself;  /endless.rss  never ends
//   /stats         how many 304 answers were given
import { createServer } from "node:http";

let items = 2, notModified = 0, edited = false;
const rss = () => {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Küstenfunk</title>`;
  for (let i = 1; i <= items; i++) {
    out += `<item><title>Meldung ${i}: Deich bei Flusshausen</title><link>http://127.0.0.1:${port}/pages/${i}.html</link>` +
      `<guid>kf-${i}</guid><pubDate>Mon, 17 Mar 2025 0${i % 10}:00:00 +0100</pubDate>` +
      `<description><![CDATA[<p>Kurzmeldung ${i} aus dem Feed: Das Hochwasser am Deich von Flusshausen steigt weiter.${i === 1 && edited ? " Aktualisiert: Der Pegel sinkt." : ""}</p>]]></description></item>`;
  }
  return out + "</channel></rss>\n";
};
const page = (i) => `<!DOCTYPE html><html lang="de"><head><title>Seite ${i}</title><meta property="og:site_name" content="Küstenfunk"></head>` +
  `<body><article><h1>Deich bei Flusshausen hält</h1><p>Die Seite ${i} erzählt mehr als der Feed: Helfer haben am Montag ` +
  `in Flusshausen 4000 Sandsäcke gefüllt. Der Deich hält nach Angaben der Feuerwehr. Der Pegel soll am Dienstag sinken.</p>` +
  (i === "1" && edited ? `<p>Aktualisiert: Am Dienstagmorgen ist der Pegel um 40 Zentimeter gesunken.</p>` : "") + `</article></body></html>`;
let port = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const send = (status, type, body, headers = {}) => { res.writeHead(status, { "Content-Type": type, ...headers }); res.end(body); };
  switch (url.pathname) {
    case "/good.rss": {
      const tag = `"v${items}${edited ? "e" : ""}"`;
      if (req.headers["if-none-match"] === tag) { notModified++; res.writeHead(304, { ETag: tag }); return res.end(); }
      return send(200, "application/rss+xml", rss(), { ETag: tag });
    }
    case "/add": items++; return send(200, "text/plain", String(items));
    case "/edit": edited = true; return send(200, "text/plain", "edited");
    case "/stats": return send(200, "text/plain", `not-modified ${notModified}\n`);
    case "/pages/1.html": case "/pages/3.html": return send(200, "text/html; charset=utf-8", page(url.pathname[7]));
    case "/atom.xml": return send(200, "application/atom+xml", `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atomfunk</title>` +
      `<entry><title>Sturmflut an der Küste</title><id>urn:af:1</id><link href="http://127.0.0.1:${port}/missing/1"/>` +
      `<published>2025-03-17T06:00:00Z</published><summary>Eine Sturmflut hat in der Nacht die Küste bei Nordhafen erreicht; die Fähren fahren nicht.</summary></entry></feed>`);
    case "/json.feed": return send(200, "application/feed+json", JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Jsonfunk",
      items: [{ id: "j1", url: `http://127.0.0.1:${port}/missing/j1`, title: "Leuchtturm wieder in Betrieb", content_text: "Der Leuchtturm der Möweninsel leuchtet nach drei Jahren Reparatur wieder." }] }));
    case "/latin1.rss": return send(200, "application/rss+xml", Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Süd</title>` +
      `<item><title>Straßenfest in Güstrow</title><guid>l1</guid><description>Das Straßenfest in Güstrow zog am Sonntag Tausende an.</description></item></channel></rss>`, "latin1"));
    case "/broken.rss": return send(200, "application/rss+xml", "<rss><channel><item><title>kaputt</item></channel>");
    case "/empty.rss": return send(200, "application/rss+xml", "");
    case "/html.rss": return send(200, "text/html", "<!DOCTYPE html><html><body><p>Keine Feeds hier.</p></body></html>");
    case "/huge.rss": return send(200, "application/rss+xml", "<rss>" + "x".repeat(20 << 20) + "</rss>");
    case "/loop.rss": res.writeHead(302, { Location: "/loop.rss" }); return res.end();
    case "/endless.rss": {
      res.writeHead(200, { "Content-Type": "application/rss+xml" });
      const chunk = "<rss>" + "y".repeat(65536);
      const more = () => { if (!res.destroyed) res.write(chunk, () => setImmediate(more)); };
      req.on("close", () => res.destroy());
      return more();
    }
    default: return send(404, "text/plain", "not found");
  }
});
server.listen(0, "127.0.0.1", () => {
  port = server.address().port;
  console.log(`port ${port}`);
});
process.on("SIGTERM", () => process.exit(0));
