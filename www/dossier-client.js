// The page's side of the dossier: the articles live in the analysis worker's Dossier (worker.js,
// dossier messages), in a worker of their own, so that the single article's newest-request-only
// worker (worker-client.js), which it replaces to cut a long run short, never loses them.
// Requests are answered in order; none supersedes another.

import { makeWorker } from './worker-client.js';

export class DossierWorker {
  /** `startWorker` makes the worker (tests give a stand-in). */
  constructor({ startWorker = makeWorker } = {}) {
    this.worker = startWorker();
    this.pending = new Map();
    this.nextId = 0;
    this.ready = new Promise((ok, fail) => { this.readyHooks = { ok, fail }; });
    this.ready.catch(() => {});
    this.worker.onmessage = (event) => this.onMessage(event.data);
    this.worker.onerror = (e) => this.failAll(new Error(e.message ?? 'the dossier worker failed'));
  }

  onMessage(msg) {
    if ('ready' in msg) {
      if (msg.ready) this.readyHooks.ok();
      else this.failAll(new Error(msg.error.message));
      return;
    }
    const request = this.pending.get(msg.id);
    if (!request || msg.progress || msg.slice) return;
    this.pending.delete(msg.id);
    if (msg.error) request.fail(Object.assign(new Error(msg.error.message), { name: msg.error.name, kind: msg.error.kind }));
    else request.ok(msg.result);
  }

  failAll(error) {
    this.readyHooks.fail(error);
    for (const r of this.pending.values()) r.fail(error);
    this.pending.clear();
  }

  /** Sends a dossier message ({type, ...}); resolves with its result. */
  call(type, fields = {}) {
    const id = `d${++this.nextId}`;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      this.worker.postMessage({ id, type, ...fields });
    });
  }

  /** Adds an article; resolves with the id used (the given one, or `id-2`… when taken). */
  add(article, text, options) { return this.call('dossier-add', { article, text, options }); }

  /** A file's bytes sniffed and decoded: {binary: its type} or {text} (as AnalysisWorker.readFile). */
  readFile(bytes) { return this.call('read-file', { bytes }); }

  /** Adds a saved web page, read by the core as `analyzeHtml` reads it (its boilerplate lines
   * marked, its metadata's publication date the reference date unless `options` gives one);
   * resolves with the id used. */
  addHtml(article, html, options) { return this.call('dossier-add-html', { article, html, options }); }

  reanalyze(article, options) { return this.call('dossier-reanalyze', { article, options }); }

  remove(article) { return this.call('dossier-remove', { article }); }

  clear() { return this.call('dossier-clear'); }

  /** The merged view (DossierResult), its articles without their lists of items. */
  merged() { return this.call('dossier-merged'); }

  /** Article `article` of the last merge, whole (its analysis, id and file). */
  article(article) { return this.call('dossier-article', { article }); }
}
