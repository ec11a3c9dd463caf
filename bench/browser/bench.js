// Main-thread side of the in-browser benchmark. The driver (bench/browser.mjs) calls
// window.bench.* through page.evaluate and reads the figures back.
import init, { analyze } from '../../www/pkg/manchette.js';
import { articleMedian } from './timing.js';

const started = performance.now();
const exports = await init();
analyze('Le président a parlé lundi.', {});
const coldMainMs = performance.now() - started;

function timeIt(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

let worker;
function workerCall(msg) {
  return new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.postMessage(msg);
  });
}

window.bench = {
  // init() (fetch + compile + instantiate) plus the first analyze, on the main thread.
  coldStartMain: () => ({ initAndFirst: coldMainMs }),
  async coldStartWorker() {
    const t = performance.now();
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    const r = await workerCall({ kind: 'first', text: 'Le président a parlé lundi.' });
    return { ms: performance.now() - t, inWorkerInit: r.initMs };
  },
  articleMedianMain(articles, reps) {
    return articleMedian(articles, reps, analyze);
  },
  async articleMedianWorker(articles, reps) {
    return (await workerCall({ kind: 'articles', articles, reps })).median;
  },
  throughputMain(text) {
    const ms = timeIt(() => analyze(text, { referenceDate: '2025-06-27' }));
    return { ms, wasmMemoryBytes: exports.memory.buffer.byteLength, jsHeapBytes: performance.memory?.usedJSHeapSize ?? null };
  },
  async throughputWorker(text) {
    return workerCall({ kind: 'throughput', text });
  },
};
document.body.dataset.ready = '1';
