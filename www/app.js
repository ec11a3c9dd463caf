// The manchette page's entry point: makes the page's parts and wires them together. Plain ES
// modules, no framework; the single-file build bundles them (scripts/build-single.mjs). User text
// is only ever put in the DOM as text nodes (textContent, createTextNode), never as HTML.
//   state.js          the state shared by the parts (text, result, settings made by hand)
//   worker-client.js  the analysis worker: newest request only, replaced after a crash
//   editor.js         the text box, and a long text held out of it
//   html-import.js    web pages and files that are no article: told apart, judged, refused
//   files.js          files opened or dropped, many at once or a folder, read in the worker
//   dossier.js        many articles on one story, merged in the worker (dossier-*.js)
//   storage.js        the text kept for the next visit
//   article-view.js   the article with its highlights and tooltips
//   side-lists.js     the entity, quote and date lists (list-data.js: what they show)
//   keyboard.js       skip links, moving among the marks, n / p through mentions (roving.js)
//   view-tabs.js      the phone's tabs: the article or one list at a time
//   theme.js          light and dark colours
//   reference-date.js the publication date field, and a date set by hand dropped for a new text
//   exports.js        JSON and CSV files (in one ZIP, zip.js), the clipboard
//   review-ui.js      corrections by hand over the result (corrections.js), undo and redo
//   status.js, labels.js, spans.js, dom.js: the status line, the words shown, offsets, DOM helpers

import { ArticleView } from './article-view.js';
import { $, timed } from './dom.js';
import { Editor } from './editor.js';
import { copyJson, exportCsv, exportJson } from './exports.js';
import { DossierPanel } from './dossier.js';
import { articleFiles, droppedFiles, readArticleFile } from './files.js';
import { hasArticleText, openArticleItem, refusedFileNote } from './html-import.js';
import { Keyboard } from './keyboard.js';
import { analysisSummary, languageNote, resultCounts } from './labels.js';
import { ReferenceDate } from './reference-date.js';
import { SideLists } from './side-lists.js';
import { createState } from './state.js';
import { Review } from './review-ui.js';
import { hideProgress, progressShown, setStatus, showProgress } from './status.js';
import { SavedText } from './storage.js';
import { Theme } from './theme.js';
import { ViewTabs } from './view-tabs.js';
import { AnalysisWorker } from './worker-client.js';

const SAMPLE_URL = new URL('./samples/article-fr.txt', import.meta.url);
/** Analyses that take longer than this say so in the status line. */
const SLOW_ANALYSIS_MS = 200;

const state = createState();
const analyser = new AnalysisWorker({
  onReady: (version) => { $('#version').textContent = `v${version}`; state.version = version; },
  onProgress: showProgress,
  onBroken: (message) => setStatus(`The analysis worker failed: ${message}`, true),
});
const saved = new SavedText();
const editor = new Editor({ onLoad: (text, how) => loadText(text, how), onPage: (html, text) => loadPage(html, { fallback: text }) });
const article = new ArticleView($('#article'), $('#tooltip'));
const tabs = new ViewTabs();
const lists = new SideLists({
  reveal: (kind, i, visit) => {
    tabs.show('article');
    return article.reveal(kind, i, visit);
  },
  announce: (words) => keyboard.announce(words),
});
const keyboard = new Keyboard({
  article, lists, showList: (name) => tabs.show(name), showArticle: () => tabs.show('article'),
});
const refDate = new ReferenceDate(state, { onChange: () => scheduleAnalysis(0), currentText: () => editor.text });
new Theme();
const dossier = new DossierPanel({ openArticle, setStatus });
const review = new Review({ rerender: () => render(), view: () => article.view });

// ---------- analysis ----------

let timer = 0;
function scheduleAnalysis(delay = 250) {
  clearTimeout(timer);
  timer = setTimeout(runAnalysis, delay);
}

/** The analysis options set in the page: the publication date if set by hand, the language if
 * not left to detection. */
function options() {
  const o = {};
  const date = $('#refdate').value;
  if (state.dateTouched && date) o.referenceDate = date;
  const lang = $('#lang').value;
  if (lang !== 'auto') o.lang = lang;
  return o;
}

/** Keeps `text` for the next visit, with the web page it was read from (`html`, or null). */
function keep(text, html) {
  $('#storenote').textContent = saved.save(text);
  saved.savePage(saved.last === text ? html : null);
}

/** The web page being read, if the text box still holds its article text unedited; an edited
 * page is a plain text from then on. */
function currentPage() {
  const page = state.page;
  if (page && page.text !== null && page.text !== editor.text) state.page = null;
  return state.page;
}

async function runAnalysis() {
  const page = currentPage();
  let text = editor.text;
  if (!page) keep(text, null);
  refDate.check(text);
  const opts = options();
  document.body.dataset.busy = '1';
  // Most analyses take a few milliseconds: flashing "Analysing…" for them would only flicker.
  const slow = setTimeout(() => setStatus('Analysing…'), SLOW_ANALYSIS_MS);
  let msg;
  try {
    msg = await analyser.request(page ? { html: page.html, options: opts } : { text, options: opts });
  } catch (e) {
    if (page?.text === null && state.page === page) state.page = null; // a page never read is dropped
    showFailure(e);
    return;
  } finally {
    clearTimeout(slow);
  }
  if (!msg) return; // a newer request is on its way
  if (page) {
    if (page.fallback !== undefined && !hasArticleText(msg.result)) {
      loadText(page.fallback);
      return;
    }
    text = page.text = msg.result.text;
    editor.text = text;
    keep(text, page.html);
  }
  if (progressShown()) {
    // Drawing a long article takes a while too: say so before the page is busy with it.
    showProgress({ stage: 'rendering', fraction: 1 });
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    if (msg.id !== analyser.latestId) return;
  }
  hideProgress();
  state.forcedLang = opts.lang ?? null;
  state.text = text;
  state.result = msg.result;
  state.options = opts;
  render();
  performance.measure('manchette:shown', { start: msg.received, end: performance.now() });
  setStatus(analysisSummary(text.length, msg.ms, msg.result));
  delete document.body.dataset.busy;
  document.body.dataset.ready = '1';
  document.body.dataset.analysed = String(analyser.latestId);
}

/** Reports the failure of the newest request. The text stays in the editor and in storage. */
function showFailure(e) {
  hideProgress();
  delete document.body.dataset.busy;
  if (e.kind === 'crash') {
    setStatus(`The analysis crashed (a bug in manchette): ${e.name}: ${e.message}. `
      + 'The analyser has been restarted and your text is kept; edit it, or change an option, to analyse again.', true);
  } else setStatus(`${e.name}: ${e.message}`, true);
}

/** Makes the worker's wasm panic for real, to test the recovery end to end (e2e/hardening.test.mjs). */
async function panicForTests(message) {
  setStatus('Analysing…');
  document.body.dataset.busy = '1';
  try {
    await analyser.request({ type: 'panic-for-tests', message });
  } catch (e) {
    showFailure(e);
  }
}

/** Shows state.result on state.text, corrected by hand: the article, the notes beside the
 * options, the lists. */
function render() {
  const r = review.correct(state.text, state.result);
  state.shown = r;
  timed('article', () => article.show(state.text, r));
  refDate.shown(r);
  $('#langinfo').textContent = languageNote(r, state.forcedLang);
  keyboard.reset();
  timed('lists', () => lists.show(r));
  showCounts();
}

/** The numbers of items in the lists, beside the exports and on the phone's tabs. */
function showCounts() {
  $('#counts').textContent = resultCounts(lists.data.counts);
  tabs.counts(lists.data.counts);
}

// ---------- loading text ----------

/** Replaces the text and analyses it; a new article forgets a publication date set by hand
 * unless `keepDate` (the same article, edited). */
function loadText(text, { keepDate = false } = {}) {
  state.page = null;
  editor.text = text;
  if (!keepDate) refDate.forget();
  scheduleAnalysis(0);
}

/** Reads a web page as an article: its article text replaces the text once analysed, and its
 * metadata's publication date is the reference date unless one is set by hand. `fallback` (a
 * paste's plain text) is loaded instead if the page gives no article text. */
function loadPage(html, { fallback } = {}) {
  state.page = { html, text: null, fallback };
  refDate.forget();
  scheduleAnalysis(0);
}

/** Opens one file: a text, or a saved web page; a file that is not text is refused, named, and
 * the text is left as it was. */
async function loadFile(file) {
  if (!file) return;
  let read;
  try {
    read = await readArticleFile(file, analyser);
  } catch (e) {
    setStatus(`Could not read ${file.name}: ${e.message}`, true);
    return;
  }
  if (read.refused) {
    setStatus(refusedFileNote(file.name, read.refused), true);
    return;
  }
  if (read.html === undefined) loadText(read.text);
  else loadPage(read.html);
  setStatus(`Loaded ${file.name}.`);
}

/** One file is one article, as before; several make a dossier (added to the one open). */
function loadFiles(files) {
  if (files.length === 1) return loadFile(files[0]);
  if (files.length > 1) return dossier.addFiles(files);
  return null;
}

/** Shows an article of the dossier, with the options it was analysed with, at item `index` of
 * `kind` (or at its start when kind is null). */
function openArticle(text, result, opts, kind, index) {
  clearTimeout(timer);
  state.page = null;
  analyser.latestId++; // an analysis of the text box still under way is obsolete now
  editor.text = text;
  keep(text, null);
  refDate.opened(opts, result, text);
  $('#lang').value = opts.lang ?? 'auto';
  state.forcedLang = opts.lang ?? null;
  state.text = text;
  state.result = result;
  state.options = opts;
  render();
  hideProgress();
  delete document.body.dataset.busy;
  document.body.dataset.opened = result.id;
  setStatus(`Article: ${result.headline ?? result.file ?? result.id}.`);
  if (kind === null || !article.reveal(kind, index, '')) $('#article').scrollIntoView({ block: 'start' });
}

async function loadSample() {
  const inline = document.getElementById('sample-src'); // set by the single-file build
  loadText(inline ? inline.textContent : await (await fetch(SAMPLE_URL)).text());
}

// ---------- wiring ----------

/** A button's handler running `exporter(article)` on the shown article, if any ({text, result
 * as corrected, options, version, corrections}), and saying `done` after it or `failed` with the
 * reason. */
function exporting(exporter, { done = null, failed = 'Could not export' } = {}) {
  return async () => {
    if (!state.result) return;
    try {
      await exporter({ text: state.text, result: state.shown, options: state.options, version: state.version, corrections: review.ops });
      if (done) setStatus(done);
    } catch (e) {
      setStatus(`${failed}: ${e.message}`, true);
    }
  };
}

function wire() {
  const input = $('#input');
  input.addEventListener('input', () => scheduleAnalysis());
  $('#file').addEventListener('change', (e) => loadFiles(articleFiles(e.target.files)));
  $('#folder').addEventListener('change', (e) => dossier.addFiles(articleFiles(e.target.files)));
  $('#dossier-add').addEventListener('change', (e) => dossier.addFiles(articleFiles(e.target.files)));
  $('#dossier-add-text').addEventListener('click', () => {
    const item = openArticleItem({ id: state.result?.headline || 'article', text: editor.text, page: currentPage(), options: options() });
    if (item) dossier.addTexts([item]);
  });
  $('#dossier-export').addEventListener('click', () => dossier.exportTimeline());
  $('#dossier-new').addEventListener('click', () => dossier.reset());
  $('#demo-dossier').addEventListener('click', () => dossier.demo());
  const zone = document.body;
  zone.addEventListener('dragover', (e) => { e.preventDefault(); $('#dropzone').classList.add('over'); });
  zone.addEventListener('dragleave', (e) => { if (!e.relatedTarget) $('#dropzone').classList.remove('over'); });
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    $('#dropzone').classList.remove('over');
    const plain = e.dataTransfer?.getData('text/plain');
    const html = e.dataTransfer?.getData('text/html');
    const files = await droppedFiles(e.dataTransfer);
    if (files.length) loadFiles(files);
    else if (html?.trim()) loadPage(html, { fallback: plain ?? '' });
    else if (plain) loadText(plain);
  });
  $('#lang').addEventListener('change', () => scheduleAnalysis(0));
  const hideBoilerplate = () => {
    const hide = $('#hide-boilerplate').checked;
    document.body.classList.toggle('hide-boilerplate', hide);
    lists.setHideBoilerplate(hide);
    if (lists.data) showCounts();
  };
  $('#hide-boilerplate').addEventListener('change', hideBoilerplate);
  hideBoilerplate(); // the browser may have restored the box ticked
  $('#sample').addEventListener('click', loadSample);
  $('#clear').addEventListener('click', () => {
    saved.forget();
    loadText('');
    input.focus();
  });
  $('#export-json').addEventListener('click', exporting(exportJson));
  $('#export-csv').addEventListener('click', exporting(exportCsv));
  $('#copy-json').addEventListener('click', exporting(copyJson, { done: 'Copied the analysis as JSON.', failed: 'Could not copy' }));
}

async function main() {
  wire();
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !document.getElementById('worker-src')) {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { type: 'module' })
      .catch((e) => console.warn('service worker not registered:', e.message));
  }
  const text = saved.load();
  const page = saved.loadPage();
  const restored = dossier.restore();
  try {
    await analyser.ready;
  } catch (e) {
    setStatus(`Could not load the WebAssembly module: ${e.message}`, true);
    return;
  }
  if (page !== null) loadPage(page);
  else if (text !== null && text !== '') loadText(text);
  else await loadSample();
  await restored;
}

// For the end-to-end tests and the console: the last result, rendering a given result, and a real
// panic in the worker's wasm.
window.manchette = Object.freeze({
  get text() { return state.text; },
  /** The text being edited: the text box's, or the one held out of it. */
  get editorText() { return editor.text; },
  get result() { return state.result; },
  /** The result shown: the last result with the corrections made by hand. */
  get corrected() { return state.shown; },
  render(text, result) {
    state.text = text;
    state.result = result;
    render();
  },
  panicForTests,
  /** The merged dossier last shown. */
  get dossier() { return dossier.merged; },
});

main();
