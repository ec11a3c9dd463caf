// The page's side of the analysis worker (worker.js; its header describes the messages). Only the
// newest request matters: answers to superseded ones are dropped. The worker is replaced after a
// crash (a Rust panic leaves its wasm instance unusable) and to cut an obsolete long run short.

/** A run on a text this long (about 0.2 s of analysis) is cut short when a newer one is asked for. */
const LONG_RUN_CHARS = 200_000;

/** Starts worker.js, or in the single-file build the worker source inlined in the page. */
export function makeWorker() {
  const inline = document.getElementById('worker-src'); // set by the single-file build
  const url = inline
    ? URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }))
    : new URL('./worker.js', import.meta.url);
  // The single file's worker is a classic script: Chromium refuses module workers from blob:
  // URLs on file:// pages.
  return new Worker(url, { type: inline ? 'classic' : 'module' });
}

/** An error for a request that a replaced worker will never answer. */
const replacedError = () => Object.assign(new Error('the analysis worker was replaced'), { name: 'WorkerReplaced' });

/** Merges the slices a long result came in (worker.js sends lists over 10,000 items apart). */
export function joinSlices(result, sliced, slices) {
  for (const key of sliced ?? []) result[key] = [].concat(...slices[key]);
  return result;
}

export class AnalysisWorker {
  /** `onReady(version)` once the wasm is loaded; `onProgress(progress)` during a long analysis of
   * the newest request; `onBroken(message)` when the worker script itself fails. `startWorker`
   * makes each worker (tests/www/worker-client.test.mjs gives a stand-in). */
  constructor({ onReady = () => {}, onProgress = () => {}, onBroken = () => {}, startWorker = makeWorker } = {}) {
    this.hooks = { onReady, onProgress, onBroken };
    this.startWorker = startWorker;
    /** request id -> {ok, fail, long, slices} */
    this.pending = new Map();
    /** The id of the newest request: the page shows its answer only. */
    this.latestId = 0;
    /** Files read so far: their requests' ids are apart from the analyses'. */
    this.fileReads = 0;
    this.start();
  }

  /** Starts a worker; `ready` resolves once it has loaded the wasm. */
  start() {
    const worker = this.startWorker();
    this.worker = worker;
    this.ready = new Promise((ok, fail) => { this.readyHooks = { ok, fail }; });
    this.ready.catch(() => {}); // the page reports a first load that fails; requests report their own errors
    worker.onmessage = (event) => this.onMessage(event);
    worker.onerror = (e) => {
      this.readyHooks.fail(new Error(e.message));
      this.hooks.onBroken(e.message);
    };
  }

  onMessage(event) {
    if (event.target !== this.worker) return; // from a worker replaced since it posted
    const msg = event.data;
    if ('ready' in msg) {
      if (msg.ready) {
        this.hooks.onReady(msg.version);
        this.readyHooks.ok();
      } else this.readyHooks.fail(new Error(msg.error.message));
      return;
    }
    const request = this.pending.get(msg.id);
    if (!request) return;
    if (msg.progress) {
      if (msg.id === this.latestId) this.hooks.onProgress(msg.progress);
      return;
    }
    if (msg.slice) {
      ((request.slices ??= {})[msg.slice.key] ??= []).push(msg.slice.items);
      return;
    }
    this.pending.delete(msg.id);
    if (!msg.error) {
      joinSlices(msg.result, msg.sliced, request.slices);
      msg.received = performance.now();
      request.ok(msg);
      return;
    }
    const error = Object.assign(new Error(msg.error.message), { name: msg.error.name, kind: msg.error.kind });
    // A crash leaves the worker's wasm unusable: replace it before anything else is sent to it.
    if (error.kind === 'crash') this.replace();
    request.fail(error);
  }

  /** Terminates the worker and starts a new one; the requests it had not answered fail with a
   * WorkerReplaced error. */
  replace() {
    this.worker.terminate();
    const dropped = [...this.pending.values()];
    this.pending.clear();
    this.start();
    for (const r of dropped) r.fail(replacedError());
  }

  send(id, message) {
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail, long: ((message.text ?? message.html)?.length ?? 0) > LONG_RUN_CHARS });
      this.worker.postMessage({ id, ...message });
    });
  }

  /** A file's bytes sniffed and decoded by the worker: {binary: its type} for a file that is not
   * text, else {text}. Not an analysis request: it supersedes none. */
  async readFile(bytes) {
    return (await this.send(`file-${++this.fileReads}`, { type: 'read-file', bytes })).result;
  }

  /** Sends `message` as the newest request. Resolves with the worker's answer ({id, result, ms,
   * received}), or with null when a newer request has superseded it; rejects with the request's
   * own error (`kind` 'crash' or 'error'). */
  async request(message) {
    const id = ++this.latestId;
    // Older runs are obsolete now. A short one just finishes first (the worker answers in order);
    // a long one would hold this request up, so its worker is replaced.
    if ([...this.pending.values()].some((r) => r.long)) this.replace();
    for (;;) {
      try {
        const answer = await this.send(id, message);
        return id === this.latestId ? answer : null;
      } catch (e) {
        if (id !== this.latestId) return null;
        // Dropped with a worker that crashed on an older request: send it to the new worker.
        if (e.name !== 'WorkerReplaced') throw e;
      }
    }
  }
}
