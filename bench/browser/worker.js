// Worker side of the in-browser benchmark: the same measures as the page, off the main thread.
import init, { analyze } from '../../www/pkg/manchette.js';
import { articleMedian } from './timing.js';

const t0 = performance.now();
const ready = init().then((exports) => ({ exports, initMs: performance.now() - t0 }));

self.onmessage = async (e) => {
  const { exports, initMs } = await ready;
  const m = e.data;
  if (m.kind === 'first') {
    analyze(m.text, {});
    self.postMessage({ initMs });
  } else if (m.kind === 'articles') {
    self.postMessage({ median: articleMedian(m.articles, m.reps, analyze) });
  } else if (m.kind === 'throughput') {
    const t = performance.now();
    analyze(m.text, { referenceDate: '2025-06-27' });
    self.postMessage({ ms: performance.now() - t, wasmMemoryBytes: exports.memory.buffer.byteLength });
  }
};
