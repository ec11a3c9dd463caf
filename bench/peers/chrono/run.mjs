// Peer benchmark: chrono-node over manchette's sample articles, with the gold reference dates.
//   npm install && node run.mjs [GOLD_DIR] [MEGABYTES]
// Prints MB/s (UTF-8 bytes of input per second, like manchette's bench_dates) for chrono.fr and
// chrono.en, and writes chrono.fr's predictions in the gold JSON format to ./out/ so that
//   python3 ../../../../shared/eval/score.py ../../../../shared/gold out
// scores their spans and values. Not part of `npm test`.
import * as chrono from "chrono-node";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const goldDir = process.argv[2] ?? join(here, "../../../../shared/gold");
const targetMb = Number(process.argv[3] ?? 10);
const outDir = join(here, "out");

const articles = readdirSync(goldDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => {
    const name = f.slice(0, -4);
    const text = readFileSync(join(goldDir, f), "utf8");
    const gold = JSON.parse(readFileSync(join(goldDir, `${name}.json`), "utf8"));
    const [y, m, d] = gold.reference_date.split("-").map(Number);
    // Noon local time, so that no time zone moves the day.
    return { name, text, ref: new Date(y, m - 1, d, 12), bytes: Buffer.byteLength(text, "utf8") };
  });

const pad = (n, w = 2) => String(n).padStart(w, "0");

/** ISO value at the precision chrono is certain of (day, month or year). */
function isoValue(c) {
  const y = pad(c.get("year"), 4);
  if (c.isCertain("day") || c.isCertain("weekday")) return `${y}-${pad(c.get("month"))}-${pad(c.get("day"))}`;
  if (c.isCertain("month")) return `${y}-${pad(c.get("month"))}`;
  if (c.isCertain("year")) return y;
  return `${y}-${pad(c.get("month"))}-${pad(c.get("day"))}`;
}

// Predictions (chrono.fr; the articles are French).
mkdirSync(outDir, { recursive: true });
for (const a of articles) {
  const dates = chrono.fr.parse(a.text, a.ref).map((r) => {
    const start = Array.from(a.text.slice(0, r.index)).length; // UTF-16 -> code points
    const end = start + Array.from(r.text).length;
    return { start, end, text: r.text, value: isoValue(r.start) };
  });
  const pred = { id: a.name, lang: "fr", reference_date: a.ref.toISOString().slice(0, 10), entities: [], quotes: [], dates };
  writeFileSync(join(outDir, `${a.name}.json`), JSON.stringify(pred, null, 1));
}

// Throughput.
const onePass = articles.reduce((s, a) => s + a.bytes, 0);
const repeats = Math.max(1, Math.ceil((targetMb * 1e6) / onePass));
const mb = (onePass * repeats) / 1e6;
console.log(`chrono-node ${JSON.parse(readFileSync(join(here, "node_modules/chrono-node/package.json"), "utf8")).version}, node ${process.version}`);
console.log(`${articles.length} articles, ${onePass} bytes, repeated ${repeats}x = ${mb.toFixed(1)} MB`);
for (const [label, parser] of [["chrono.fr", chrono.fr], ["chrono.en", chrono.en]]) {
  let found = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) for (const a of articles) found += parser.parse(a.text, a.ref).length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${label.padEnd(10)}: ${(mb / secs).toFixed(2).padStart(8)} MB/s  (${found} dates, ${secs.toFixed(2)} s)`);
}
console.log(`predictions written to ${outDir}`);
