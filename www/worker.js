// Runs analyze in a module Web Worker so the page never freezes. Requests wait for the wasm to load.
//   in:  {id, text, options}, or {id, html, options} (a saved web page, read by analyzeHtml: the
//        result's `text` is the article text its offsets index), or {id, type: 'read-file', bytes}
//        (a file's bytes sniffed and decoded; result {binary: 'a PDF document'} for a file that is
//        not text, else {text}), or {id, type: 'panic-for-tests', message} (see below), or a
//        dossier message (handled by the worker's one Dossier; see DOSSIER_MESSAGES): {id, type:
//        'dossier-add', article, text, options}, 'dossier-add-html' {article, html, options} (a
//        saved web page, read once by Dossier.addHtml), 'dossier-reanalyze' {article, options},
//        'dossier-remove' {article}, 'dossier-clear', 'dossier-merged' (its articles without their
//        lists of items and a page's text: 200 articles' worth would stall the page for a quarter
//        of a second in one structured clone), 'dossier-article' {article} (one article of the
//        last merge, whole)
//   out: {ready: true, version} or {ready: false, error} once, at load;
//        {id, progress: {stage, fraction}} at most every PROGRESS_EVERY_MS during a long analysis;
//        then {id, result, ms} or {id, error: {kind, name, message}}. A long list of the result
//        comes first in slices, {id, slice: {key, items}}, and is [] in the result, whose `sliced`
//        names those lists: the page would freeze for seconds taking a 50 MB text's result in one
//        message (a structured clone of a million objects), and a slice at a time it does not.
// An error of kind 'crash' (a Rust panic, or another trap such as running out of memory) leaves
// the wasm instance unusable: the page must replace this worker. Other errors (kind 'error') are
// bad options or input, and the worker goes on.
import init, { analyze, analyzeHtml, decodePage, fileKind, version, Dossier, __panicForTests } from './pkg/manchette.js';

const PROGRESS_EVERY_MS = 100;
const SLICE_ITEMS = 10_000;

/** Builds the word tables and models of both languages (about 25 ms, once per worker) while the
 * reader is still pasting, so that the first real analysis is as fast as the next ones. */
const warmUp = () => {
  analyze('Le président Emmanuel Macron a déclaré mardi à Paris : « Nous irons. »', {});
  analyze('The president said on Tuesday in London: "We will go."', {});
};

const ready = init(self.MANCHETTE_WASM ? { module_or_path: self.MANCHETTE_WASM } : undefined)
  .then(() => {
    self.postMessage({ ready: true, version: version() });
    warmUp();
  })
  .catch((e) => self.postMessage({ ready: false, error: { name: e.name, message: String(e.message ?? e) } }));

/** The dossier of the page (one a worker): articles added one at a time, merged on demand. */
let dossier = null;
const theDossier = () => (dossier ??= new Dossier());
/** The last merge, whose articles 'dossier-article' gives whole. */
let lastMerged = null;

/** An article of a merge without its lists (entities, quotes, dates, clusters, blocks) and a
 * page's text. */
const articleSummary = (a) => Object.fromEntries(Object.entries(a).filter(([k, v]) => !Array.isArray(v) && k !== 'text'));

/** What each dossier message does; its answer is the message's `result`. */
const DOSSIER_MESSAGES = {
  'dossier-add': ({ article, text, options }) => theDossier().add(article, text, options ?? {}),
  'dossier-add-html': ({ article, html, options }) => theDossier().addHtml(article, html, options ?? {}),
  'dossier-reanalyze': ({ article, options }) => theDossier().reanalyze(article, options ?? {}),
  'dossier-remove': ({ article }) => theDossier().remove(article),
  'dossier-clear': () => {
    dossier?.free();
    dossier = null;
    lastMerged = null;
    return true;
  },
  'dossier-merged': () => {
    lastMerged = theDossier().merged();
    return { ...lastMerged, articles: lastMerged.articles.map(articleSummary) };
  },
  'dossier-article': ({ article }) => lastMerged?.articles.find((a) => a.id === article) ?? null,
};

/** Messages about files and pages, answered with their `result`. */
const FILE_MESSAGES = {
  'read-file': ({ bytes }) => {
    const binary = fileKind(bytes);
    return binary ? { binary } : { text: decodePage(bytes) };
  },
};

/** PanicError comes from the module's panic hook; a RuntimeError is any other trap. */
const isCrash = (e) => e?.name === 'PanicError' || e instanceof WebAssembly.RuntimeError;

self.onmessage = async (event) => {
  await ready;
  const { id, type, text, html, options, message } = event.data;
  try {
    if (type === 'panic-for-tests') {
      // The real panic path for the end-to-end test: a Rust panic inside the real .wasm.
      __panicForTests(String(message));
      throw new Error('__panicForTests returned');
    }
    const started = performance.now();
    const handler = DOSSIER_MESSAGES[type] ?? FILE_MESSAGES[type];
    if (handler) {
      const result = handler(event.data) ?? null;
      self.postMessage({ id, result, ms: performance.now() - started });
      return;
    }
    let posted = started; // so that a short analysis posts no progress at all
    const onProgress = (progress) => {
      const now = performance.now();
      if (now - posted < PROGRESS_EVERY_MS || progress.fraction >= 1) return;
      posted = now;
      self.postMessage({ id, progress });
    };
    const result = html === undefined ? analyze(text, { ...options, onProgress }) : analyzeHtml(html, { ...options, onProgress });
    const ms = performance.now() - started;
    const sliced = Object.keys(result).filter((key) => Array.isArray(result[key]) && result[key].length > SLICE_ITEMS);
    for (const key of sliced) {
      const list = result[key];
      for (let i = 0; i < list.length; i += SLICE_ITEMS) self.postMessage({ id, slice: { key, items: list.slice(i, i + SLICE_ITEMS) } });
      result[key] = [];
    }
    self.postMessage(sliced.length ? { id, result, ms, sliced } : { id, result, ms });
  } catch (e) {
    self.postMessage({
      id,
      error: { kind: isCrash(e) ? 'crash' : 'error', name: e?.name ?? 'Error', message: String(e?.message ?? e) },
    });
  }
};
