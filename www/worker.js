// Runs analyze in a module Web Worker so the page never freezes. Messages: {id, text, options}
// in; {id, result} or {id, error: {name, message}} out. Requests wait for the wasm to load.
import init, { analyze, version } from './pkg/manchette.js';

const ready = init(self.MANCHETTE_WASM ? { module_or_path: self.MANCHETTE_WASM } : undefined)
  .then(() => self.postMessage({ ready: true, version: version() }))
  .catch((e) => self.postMessage({ ready: false, error: { name: e.name, message: String(e.message ?? e) } }));

self.onmessage = async (event) => {
  await ready;
  const { id, text, options } = event.data;
  try {
    const started = performance.now();
    const result = analyze(text, options);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? e) } });
  }
};
