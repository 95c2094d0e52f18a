// chrono-node over docs.jsonl: chrono.de for German, chrono.en for
// English, the document creation time as the reference date. chrono finds
// dates and times (no durations or sets); a result is typed TIME when it
// knows the hour, DATE otherwise, and valued to the precision chrono
// knows (year, month, day; hour and minute). Writes
// {id, timexes: [{start, end, type, value}]} lines to standard output and
// the tagging time (the parse calls only) to standard error.
//
// Usage: node chrono.mjs docs.jsonl
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const docs = readFileSync(process.argv[2], "utf8").trim().split("\n").map(JSON.parse);
const pad = (n, w = 2) => String(n).padStart(w, "0");
let seconds = 0, bytes = 0;
const out = [];
for (const doc of docs) {
  const parser = doc.language === "de" ? chrono.de : chrono.en;
  const ref = doc.dct ? new Date(`${doc.dct}T12:00:00Z`) : new Date("2000-01-01T12:00:00Z");
  const t0 = process.hrtime.bigint();
  const results = parser.parse(doc.text, { instant: ref, timezone: 0 });
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  bytes += Buffer.byteLength(doc.text, "utf8");
  const timexes = results.map((r) => {
    const c = r.start;
    const y = c.get("year"), m = c.get("month"), d = c.get("day");
    const dayKnown = c.isCertain("day") || c.isCertain("weekday");
    const monthKnown = dayKnown || c.isCertain("month");
    let value = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;  // nothing explicit: a relative day
    if (c.isCertain("year") && !monthKnown) value = pad(y, 4);
    else if (monthKnown && !dayKnown) value = `${pad(y, 4)}-${pad(m)}`;
    const timed = c.isCertain("hour");
    if (timed) value = `${y}-${pad(m)}-${pad(d)}T${pad(c.get("hour"))}:${pad(c.get("minute") || 0)}`;
    return { start: r.index, end: r.index + r.text.length, type: timed ? "TIME" : "DATE", value };
  });
  out.push(JSON.stringify({ id: doc.id, timexes }));
}
process.stdout.write(out.join("\n") + "\n");
process.stderr.write(JSON.stringify({ seconds, bytes }) + "\n");
