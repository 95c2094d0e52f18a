// Turns the SpkAtt-2023 test gold (2024 release format, *.pretty.json.gz in
// a folder) into JSON lines {"id", "text", "language"} for `lagebild quotes
// --jsonl`. Usage: node prepare.mjs GOLD_DIR > texts.jsonl
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const dir = process.argv[2];
for (const name of readdirSync(dir).filter((f) => f.endsWith(".pretty.json.gz")).sort()) {
  const doc = JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString("utf8"));
  process.stdout.write(JSON.stringify({ id: name, text: doc.originalText, language: "de" }) + "\n");
}
