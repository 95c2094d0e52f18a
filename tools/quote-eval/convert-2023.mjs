// Turns SpkAtt-2023 documents in the task's first format (one JSON file
// per document: tokenised Sentences, Annotations addressing tokens as
// "sentence:token") into the 2024 release format that prepare.mjs and
// score.mjs read (*.pretty.json.gz with originalText, tokens with
// character offsets, annotations with token ids). The text is rebuilt
// from the tokens: a space between tokens except before closing and after
// opening punctuation.
// Usage: node convert-2023.mjs IN_DIR OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const [inDir, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const noSpaceBefore = new Set([",", ".", ";", ":", "!", "?", ")", "]", "“", "\u201C", "'", "%"]);
const noSpaceAfter = new Set(["(", "[", "„", "\u201E"]);
for (const name of readdirSync(inDir).filter((f) => f.endsWith(".json")).sort()) {
  const src = JSON.parse(readFileSync(join(inDir, name), "utf8"));
  let text = "";
  const tokens = [];
  const idOf = new Map();
  let prev = null;
  for (const s of src.Sentences) {
    s.Tokens.forEach((tok, t) => {
      if (text && !text.endsWith("\n") && !noSpaceBefore.has(tok) && !(prev && noSpaceAfter.has(prev))) text += " ";
      const charBegin = [...text].length;
      text += tok;
      const id = tokens.length;
      tokens.push({ id, charBegin, charEnd: charBegin + [...tok].length });
      idOf.set(`${s.SentenceId}:${t}`, id);
      prev = tok;
    });
    text += "\n";
    prev = null;
  }
  const ids = (addrs) => (addrs || []).map((a) => idOf.get(a)).filter((x) => x !== undefined);
  const chars = [...text];
  const role = (addrs) => {
    const tokenIds = ids(addrs);
    const words = tokenIds.map((i) => chars.slice(tokens[i].charBegin, tokens[i].charEnd).join(""));
    return { tokenIds, text: words.join(" ") };
  };
  const annotations = src.Annotations.map((a) => ({
    isNested: !!a.IsNested,
    type: a.Form,
    quote: role(a.Message),
    speaker: role(a.Source),
    cue: role(a.Cue),
  }));
  const doc = { originalText: text, tokens, annotations };
  writeFileSync(join(outDir, name.replace(/\.json$/, ".pretty.json.gz")), gzipSync(JSON.stringify(doc)));
}
