// Runs Mozilla Readability (with jsdom) over HTML files, one after the
// other on one thread, and writes one JSON line per page to stdout:
//   {"file": path, "title": ..., "text": ...}
// The pages/s figure (reading + parsing + extraction) goes to stderr as
// one JSON line {"tool": "readability", "pages": n, "seconds": s}.
// Usage: node readability.mjs LIST_FILE   (one HTML path per line)
import { readFileSync, writeSync } from "node:fs";
import { TextDecoder } from "node:util";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const files = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
const quiet = new VirtualConsole();
const utf8 = new TextDecoder("utf-8", { fatal: true }); // pages' CSS and script errors stay out of the output
const start = process.hrtime.bigint();
for (const file of files) {
  let text = "";
  let title = null;
  try {
    // Valid UTF-8 is passed as text (pages without a <meta charset> would
    // otherwise be read as windows-1252); anything else as bytes, so that
    // jsdom sniffs the encoding (BOM, <meta charset>) as a browser does.
    const bytes = readFileSync(file);
    let input = bytes;
    try {
      input = utf8.decode(bytes);
    } catch {
      input = bytes;
    }
    const dom = new JSDOM(input, { virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article) {
      text = article.textContent || "";
      title = article.title || null;
    }
    dom.window.close();
  } catch (e) {
    text = "";
  }
  writeSync(1, JSON.stringify({ file, title, text }) + "\n");
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stderr.write(JSON.stringify({ tool: "readability", pages: files.length, seconds }) + "\n");
