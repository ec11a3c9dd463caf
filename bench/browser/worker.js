// Worker side of the in-browser benchmark: the same measures as the page, off the main thread.
import init, { analyze } from '../../www/pkg/manchette.js';

const t0 = performance.now();
const ready = init().then((exports) => ({ exports, initMs: performance.now() - t0 }));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

self.onmessage = async (e) => {
  const { exports, initMs } = await ready;
  const m = e.data;
  if (m.kind === 'first') {
    analyze(m.text, {});
    self.postMessage({ initMs });
  } else if (m.kind === 'articles') {
    const times = [];
    for (let i = 0; i < m.reps; i++) {
      for (const a of m.articles) {
        const t = performance.now();
        analyze(a.text, { referenceDate: a.ref });
        times.push(performance.now() - t);
      }
    }
    self.postMessage({ median: median(times) });
  } else if (m.kind === 'throughput') {
    const t = performance.now();
    analyze(m.text, { referenceDate: '2025-06-27' });
    self.postMessage({ ms: performance.now() - t, wasmMemoryBytes: exports.memory.buffer.byteLength });
  }
};
