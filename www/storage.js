// The text kept for the next visit, in localStorage. A text too large for the browser's storage is
// not kept and the page says why; an older text is then removed, so that it does not come back in
// the new one's place after a reload. A text read from a web page keeps the page's HTML beside it,
// so that the next visit reads the page again (its boilerplate and publication date) rather than
// its text alone.

import { sizeInMillions } from './labels.js';
import { timed } from './dom.js';

export const STORE_KEY = 'manchette:text';
export const PAGE_KEY = 'manchette:page';

/** The saved text of one browser profile; `storage` is localStorage, or a stand-in in tests. */
export class SavedText {
  constructor(storage = globalThis.localStorage) {
    this.storage = storage;
    /** The text last written, so that an unchanged text is not written again. */
    this.last = null;
    /** The page last written (null: none), likewise. */
    this.lastPage = null;
  }

  /** The item `key`, or null when there is none or storage is disabled. */
  read(key) {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  /** The text saved by the last visit, or null. */
  load() {
    this.last = this.read(STORE_KEY);
    return this.last;
  }

  /** The web page whose text was saved by the last visit, or null. */
  loadPage() {
    this.lastPage = this.read(PAGE_KEY);
    return this.lastPage;
  }

  /** Keeps `html`, the page the saved text was read from, or forgets it (null). A page too large
   * for the storage is not kept: its text alone comes back. */
  savePage(html) {
    if (html === this.lastPage) return;
    this.lastPage = null;
    try {
      this.storage.removeItem(PAGE_KEY);
      if (html !== null) timed('store', () => this.storage.setItem(PAGE_KEY, html));
      this.lastPage = html;
    } catch { /* too large, or storage disabled: no page comes back */ }
  }

  /** Keeps `text`. Returns '' once it is kept, or a note saying why it will not come back. */
  save(text) {
    if (text === this.last) return '';
    try {
      timed('store', () => this.storage.setItem(STORE_KEY, text));
      this.last = text;
      return '';
    } catch (e) {
      this.forget();
      return e?.name === 'QuotaExceededError'
        ? `This text (${sizeInMillions(text.length)}) is too large for the browser's storage: it will not come back after a reload. Save it as a file to keep it.`
        : `The browser's storage is not available (${e?.name ?? 'error'}): the text will not come back after a reload.`;
    }
  }

  /** Removes the saved text and its page. */
  forget() {
    try {
      this.storage.removeItem(STORE_KEY);
      this.storage.removeItem(PAGE_KEY);
    } catch { /* storage disabled */ }
    this.last = null;
    this.lastPage = null;
  }
}

export const CORRECTIONS_KEY = 'manchette:corrections';

/** The corrections made by hand on the saved text, beside it: {text, ops} with the text named by
 * its hash (corrections.js), so that they come back only with the text they were made on. */
export class SavedCorrections {
  constructor(storage = globalThis.localStorage) {
    this.storage = storage;
  }

  /** The saved {text, ops}, or null when there are none or they cannot be read. */
  load() {
    try {
      const saved = JSON.parse(this.storage.getItem(CORRECTIONS_KEY));
      return saved && typeof saved.text === 'string' && Array.isArray(saved.ops) ? saved : null;
    } catch {
      return null;
    }
  }

  /** Keeps `ops` for the text of hash `text`; an empty list removes the saved one. Returns false
   * when the browser's storage refused. */
  save(text, ops) {
    try {
      if (ops.length) this.storage.setItem(CORRECTIONS_KEY, JSON.stringify({ text, ops }));
      else this.storage.removeItem(CORRECTIONS_KEY);
      return true;
    } catch {
      return false;
    }
  }
}
