// One table of the budgets (issue #8's, with issue 19's speed targets) against the latest figures of both benchmarks:
// target/bench-native.json (src/bin/bench.rs --json) and target/bench-browser.json
// (bench/browser.mjs). The last step of `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../target/', import.meta.url));
const read = (name) => JSON.parse(readFileSync(join(target, name), 'utf8'));
const native = Object.fromEntries(read('bench-native.json').map((row) => [row.measure, row]));
const { figures } = read('bench-browser.json');
const [one, ten] = [figures['1 MB'], figures['10 MB']];
const mbps = (f) => f.mb / (f.workerMs / 1000);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** [what, budget, measured, met] */
const rows = [
  ['browser: full analysis, 10 MB (worker)', '>= 10 MB/s', `${mbps(ten).toFixed(1)} MB/s`, mbps(ten) >= 10],
  ['browser: one sample article (worker)', '<= 0.5 ms', `${figures.articleWorkerMs.toFixed(2)} ms`, figures.articleWorkerMs <= 0.5],
  ['browser: cold start, new worker', '< 150 ms', `${figures.coldStartWorkerMs.toFixed(0)} ms`, figures.coldStartWorkerMs < 150],
  ['.wasm + JS glue, gzip', '< 1.5 MB', mb(figures.packageGzipBytes), figures.packageGzipBytes < 1.5e6],
  ...[one, ten].map((f) => {
    const budget = (30 + 6 * f.mb) * 1e6;
    return [`browser: wasm memory, ${f.mb.toFixed(0)} MB input`, `< ${mb(budget)}`, mb(f.wasmMemoryBytes), f.wasmMemoryBytes < budget];
  }),
  ['browser: 10 MB time / 1 MB time', '<= 11x', `${(ten.workerMs / one.workerMs).toFixed(1)}x`, ten.workerMs / one.workerMs <= 11],
  ['native: 10 MB time / 1 MB time', '<= 11x', `${native['full analysis'].ratio_10_to_1.toFixed(1)}x`, native['full analysis'].ratio_10_to_1 <= 11],
  ['native: full analysis, 10 MB', '(no budget)', `${native['full analysis'].mb_per_s_10mb.toFixed(1)} MB/s`, null],
];
if (native['jsonl one core']) {
  const oneCore = native['jsonl one core'].mb_per_s;
  rows.push(['native: --jsonl sample articles, 1 core', '>= 8 MB/s', `${oneCore.toFixed(1)} MB/s`, oneCore >= 8]);
}
if (native['jsonl batch']) rows.push(['native: --jsonl batch, 2 cores', '(no budget)', `${native['jsonl batch'].mb_per_s.toFixed(1)} MB/s`, null]);

const header = ['measure', 'budget', 'measured', 'met'];
const cells = rows.map(([what, budget, measured, met]) => [what, budget, measured, met === null ? '' : met ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const c of cells) console.log(line(c));
