// The dossier: many articles on one story. Its articles are analysed and merged in the worker
// (dossier-client.js), kept for the next visit in IndexedDB (dossier-store.js) and shown by
// dossier-view.js. `openArticle(text, result, options, kind, at)` shows one article in the page's
// article view, at an item.

import { download } from './dom.js';
import { itemAt, timelineCsv } from './dossier-data.js';
import { DossierWorker } from './dossier-client.js';
import { SavedDossier } from './dossier-store.js';
import { DossierView } from './dossier-view.js';
import { readArticleFile } from './files.js';
import { refusedFileNote } from './html-import.js';

const DEMO = ['wikinews-fr-44485.txt', 'wikinews-fr-44540.txt', 'wikinews-fr-44373.txt', 'wikinews-fr-44655.txt', 'wikinews-fr-44881.txt'];
const DEMO_URL = new URL('./samples/dossier/', import.meta.url);

export class DossierPanel {
  constructor({ openArticle, setStatus }) {
    this.hooks = { openArticle, setStatus };
    this.client = null;
    this.store = new SavedDossier();
    /** article id -> {id, file, text, options, order} ({id, file, html, …} for a saved web page), as
     * stored */
    this.articles = new Map();
    this.merged = null;
    this.order = 0;
    /** Changes run one after another, so that a merge never sees half an addition. */
    this.queue = Promise.resolve();
    this.view = new DossierView({
      onOpen: (article, kind, at) => this.open(article, kind, at),
      onDate: (id, date) => this.change(id, { referenceDate: date || undefined }),
      onLang: (id, lang) => this.change(id, { lang: lang === 'auto' ? undefined : lang }),
      onRemove: (id) => this.remove(id),
    });
  }

  /** The dossier's worker, started on first use: a page used for one article at a time loads no
   * second copy of the wasm. */
  get worker() {
    return (this.client ??= new DossierWorker());
  }

  /** Runs `job` after the changes before it; reports its failure in the status line. */
  enqueue(job) {
    this.queue = this.queue.then(job).catch((e) => this.hooks.setStatus(`Dossier: ${e.name}: ${e.message}`, true));
    return this.queue;
  }

  /** Adds articles given as {file, text, options?}, or {file, html, options?} for a saved web page
   * (read once, by the core, keeping its boilerplate lines and its publication date), one at a
   * time with progress, then merges. */
  addTexts(items) {
    return this.enqueue(async () => {
      document.body.dataset.dossierBusy = '1';
      const started = performance.now();
      for (const [i, item] of items.entries()) {
        this.view.progress(i, items.length, item.file);
        const options = item.options ?? {};
        const wanted = item.id ?? item.file ?? `article-${this.order + 1}`;
        const addOptions = { ...options, file: item.file ?? null };
        const id = item.html === undefined
          ? await this.worker.add(wanted, item.text, addOptions)
          : await this.worker.addHtml(wanted, item.html, addOptions);
        const content = item.html === undefined ? { text: item.text } : { html: item.html };
        const saved = { id, file: item.file ?? null, ...content, options, order: this.order++ };
        this.articles.set(id, saved);
        if (!item.restored) await this.store.put(saved).catch(() => {});
      }
      this.view.progress(items.length, items.length);
      await this.refresh();
      performance.measure('manchette:dossier', { start: started, end: performance.now() });
      delete document.body.dataset.dossierBusy;
    });
  }

  /** Reads `files` (in order) and adds them: a saved web page as a page (its boilerplate lines
   * and its metadata's publication date kept); a file that is not text is left out and named. */
  async addFiles(files) {
    const items = [];
    const refused = [];
    for (const file of files) {
      const name = file.webkitRelativePath || file.name;
      const read = await readArticleFile(file, this.worker);
      if (read.refused) refused.push(refusedFileNote(name, read.refused));
      else items.push(read.html === undefined ? { file: name, text: read.text } : { file: name, html: read.html });
    }
    await this.addTexts(items);
    this.hooks.setStatus([`Added ${items.length} articles to the dossier.`, ...refused].join(' '), refused.length > 0);
  }

  /** The dossier of the last visit, analysed again. */
  async restore() {
    const saved = await this.store.load().catch(() => []);
    if (saved.length) await this.addTexts(saved.map((a) => ({ ...a, restored: true })));
  }

  /** The built-in demo: five French Wikinews articles (CC BY 2.5; the credit is shown). */
  async demo() {
    await this.reset();
    const inline = document.getElementById('demo-src'); // set by the single-file build
    const texts = inline
      ? JSON.parse(inline.textContent)
      : await Promise.all(DEMO.map(async (file) => ({ file, text: await (await fetch(new URL(file, DEMO_URL))).text() })));
    await this.addTexts(texts);
  }

  /** Merges again and shows the result. */
  async refresh() {
    this.merged = await this.worker.merged();
    await this.view.show(this.merged, this.articles);
    document.body.dataset.dossier = String(this.merged.articles.length);
    // The demo's articles are credited wherever they are shown, after a reload too.
    document.getElementById('demo-credit').hidden = ![...this.articles.values()].some((a) => DEMO.includes(a.file));
  }

  /** Analyses one article again with changed options (its date or language). */
  change(id, changes) {
    return this.enqueue(async () => {
      const a = this.articles.get(id);
      if (!a) return;
      a.options = Object.fromEntries(Object.entries({ ...a.options, ...changes }).filter(([, v]) => v !== undefined));
      await this.worker.reanalyze(id, a.options);
      await this.store.put(a).catch(() => {});
      await this.refresh();
    });
  }

  remove(id) {
    return this.enqueue(async () => {
      await this.worker.remove(id);
      this.articles.delete(id);
      await this.store.remove(id).catch(() => {});
      await this.refresh();
    });
  }

  /** Starts a new, empty dossier. */
  reset() {
    return this.enqueue(async () => {
      await this.worker.clear();
      this.articles.clear();
      this.order = 0;
      await this.store.clear().catch(() => {});
      await this.refresh();
    });
  }

  /** Shows article `id` in the article view at an item: `kind` entity or date at offset `at`,
   * quote with `at` its index, or `article` for its start. */
  async open(id, kind, at) {
    const saved = this.articles.get(id);
    const article = saved && await this.worker.article(id);
    if (!article) return;
    const list = { entity: article.entities, date: article.dates }[kind];
    const index = list ? itemAt(list, at) : kind === 'quote' ? at : -1;
    // A page's article text is its result's (the text its offsets index).
    this.hooks.openArticle(article.text ?? saved.text, article, saved.options, index >= 0 ? kind : null, index);
  }

  /** Saves the timeline (as filtered) as a CSV for timeline tools. */
  exportTimeline() {
    if (!this.merged) return;
    download('manchette-dossier-timeline.csv', 'text/csv;charset=utf-8', timelineCsv(this.merged, this.view.timelineItems(), (id) => this.articles.get(id)?.text ?? ''));
  }
}
