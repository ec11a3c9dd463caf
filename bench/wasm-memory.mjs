// Wasm memory as the analysis goes: a fresh instance of the built package under Node analyses a
// short sentence, then the sample articles repeated to each size, and the memory's size is read at the start of every
// stage (the progress callback) and after the call. Wasm memory never shrinks, so each figure is
// the high-water mark so far. Needs `npm run build` first.
//   node bench/wasm-memory.mjs [GOLD_DIR] [MEGABYTES...]     (default: 1 10)
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [gold = join(root, '..', 'shared', 'gold'), ...sizes] = process.argv.slice(2);
const joined = readdirSync(gold).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(gold, f), 'utf8')).join('\n\n') + '\n\n';
const pkg = join(root, 'www', 'pkg');

for (const mb of (sizes.length ? sizes : ['1', '10']).map(Number)) {
  // A fresh instance per size: memory grown by an earlier call would hide this one's.
  const { initSync, analyze } = await import(`${join(pkg, 'manchette.js')}?${mb}`);
  const { memory } = initSync({ module: readFileSync(join(pkg, 'manchette_bg.wasm')) });
  const text = joined.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(joined)));
  analyze('Le président a parlé lundi.', {}); // the tables built on first use, as in the page
  const size = () => (memory.buffer.byteLength / 1e6).toFixed(1);
  const marks = [`before ${size()}`];
  let stage = '';
  analyze(text, {
    referenceDate: '2025-06-27',
    onProgress: (p) => {
      if (p.stage !== stage) marks.push(`${(stage = p.stage)} ${size()}`);
    },
  });
  marks.push(`after ${size()}`);
  console.log(`${mb} MB: wasm memory (MB) at the start of each stage: ${marks.join(' | ')}`);
}
