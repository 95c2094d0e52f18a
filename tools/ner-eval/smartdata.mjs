// SmartData corpus v3 (gzipped stream of pretty-printed JSON documents,
// Avro-JSON encoded) -> "token TAG" lines, one blank line between
// sentences, tags mapped to the coarse types the tagger knows: persons PER,
// organisations and companies ORG, locations of every kind LOC; the other
// SmartData types (dates, numbers, triggers, ...) are O.
//
// Usage: node smartdata.mjs FILE.json.gz > FILE.conll
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const text = gunzipSync(readFileSync(process.argv[2])).toString("utf8");
const map = (t) => {
  const type = t.slice(2);
  if (type.startsWith("PERSON")) return t.slice(0, 2) + "PER";
  if (type.startsWith("ORGANIZATION")) return t.slice(0, 2) + "ORG";
  if (type.startsWith("LOCATION")) return t.slice(0, 2) + "LOC";
  return "O";
};
const unwrap = (v) => (v && typeof v === "object" && !Array.isArray(v) ? v.string ?? v.array ?? v : v);
const out = [];
let pos = 0, docs = 0;
while (pos < text.length) {
  // Documents follow each other; find the end of one by brace depth.
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  if (pos >= text.length) break;
  let depth = 0, inStr = false, esc = false, end = pos;
  for (; end < text.length; end++) {
    const c = text[end];
    if (inStr) {
      if (esc) esc = false;
      else if (c === "\\") esc = true;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) break;
  }
  const doc = JSON.parse(text.slice(pos, end + 1));
  pos = end + 1;
  docs++;
  const body = unwrap(doc.text) || "";
  const tokens = unwrap(doc.tokens) || [];
  const sentences = (unwrap(doc.sentences) || []).map((s) => s.span);
  let si = 0, open = false;
  for (const t of tokens) {
    while (si < sentences.length && t.span.start >= sentences[si].end) {
      si++;
      if (open) out.push("");
      open = false;
    }
    const word = body.slice(t.span.start, t.span.end).replace(/\s+/g, "_");
    if (!word) continue;
    const tag = unwrap(t.ner) || "O";
    out.push(`${word} ${tag === "O" ? "O" : map(tag)}`);
    open = true;
  }
  if (open) out.push("");
}
process.stdout.write(out.join("\n") + "\n");
process.stderr.write(`smartdata: ${docs} documents\n`);
