// The dossier kept for the next visit, in IndexedDB: each article's text and options (it is
// analysed again on load; analyses are not stored). `indexedDB` is the browser's, or a stand-in.

const DB_NAME = 'manchette';
const STORE = 'dossier';

/** An IndexedDB request's result, as a promise. */
const requestDone = (r) => new Promise((ok, fail) => {
  r.onsuccess = () => ok(r.result);
  r.onerror = () => fail(r.error);
});

/** A transaction committed, as a promise. */
const committed = (tx) => new Promise((ok, fail) => {
  tx.oncomplete = () => ok();
  tx.onerror = () => fail(tx.error);
  tx.onabort = () => fail(tx.error);
});

export class SavedDossier {
  constructor(idb = globalThis.indexedDB) {
    this.db = null;
    this.idb = idb;
  }

  /** The database, opened once; null when IndexedDB is unavailable (private modes, file://). */
  async open() {
    if (this.db) return this.db;
    if (!this.idb) return null;
    try {
      const request = this.idb.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      this.db = await requestDone(request);
    } catch {
      this.idb = null;
    }
    return this.db;
  }

  /** Runs `fn(store)` in a transaction; resolves with the request it makes's result once committed. */
  async run(mode, fn) {
    const db = await this.open();
    if (!db) return null;
    const tx = db.transaction(STORE, mode);
    const request = fn(tx.objectStore(STORE));
    const [result] = await Promise.all([requestDone(request), committed(tx)]);
    return result;
  }

  /** The saved articles ({id, file, text, options, order}) in the order they were added. */
  async load() {
    const all = (await this.run('readonly', (s) => s.getAll())) ?? [];
    return all.sort((a, b) => a.order - b.order);
  }

  put(article) { return this.run('readwrite', (s) => s.put(article)); }

  remove(id) { return this.run('readwrite', (s) => s.delete(id)); }

  clear() { return this.run('readwrite', (s) => s.clear()); }
}
