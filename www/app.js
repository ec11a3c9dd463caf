// The manchette page: plain ES module, no framework. User text is only ever put in the DOM as
// text nodes (textContent, createTextNode), never as HTML.

const $ = (sel) => document.querySelector(sel);
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const TYPE_NAMES = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other name' };
const STORE_KEY = 'manchette:text';
const SAMPLE_URL = new URL('./samples/article-fr.txt', import.meta.url);

const state = {
  text: '',
  result: null,
  requestId: 0,
  dateTouched: false,
  forcedLang: null, // the language chosen by hand for the shown result, if any
  cycle: new Map(), // list item key -> next mention index
  shown: { entities: 0, quotes: 0, dates: 0 }, // rows shown in each side list
  held: null, // a text too long for the text box, kept here instead (see setEditorText)
  stored: null, // the text last written to localStorage
};

// ---------- the worker ----------

function makeWorker() {
  const inline = document.getElementById('worker-src'); // set by the single-file build
  const url = inline
    ? URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }))
    : new URL('./worker.js', import.meta.url);
  // The single file's worker is a classic script: Chromium refuses module workers from blob:
  // URLs on file:// pages.
  return new Worker(url, { type: inline ? 'classic' : 'module' });
}

// The worker is replaced after a crash (a Rust panic leaves its wasm instance unusable) and to cut
// an obsolete long run short; answers to superseded requests are ignored.

/** Analyses that take longer than this say so in the status line. */
const SLOW_ANALYSIS_MS = 200;
/** A run on a text this long (about 0.2 s of analysis) is cut short when a newer one is asked for. */
const LONG_RUN_CHARS = 200_000;

const pending = new Map(); // request id -> {ok, fail, long}
let worker;
let workerReady; // {ok, fail} of `ready`
let ready; // resolves once the current worker has loaded the wasm

function startWorker() {
  worker = makeWorker();
  ready = new Promise((ok, fail) => { workerReady = { ok, fail }; });
  ready.catch(() => {}); // main() reports a first load that fails; requests report their own errors
  worker.onmessage = onWorkerMessage;
  worker.onerror = (e) => {
    workerReady.fail(new Error(e.message));
    setStatus(`The analysis worker failed: ${e.message}`, true);
  };
}

function onWorkerMessage(event) {
  if (event.target !== worker) return; // from a worker replaced since it posted
  const msg = event.data;
  if ('ready' in msg) {
    if (msg.ready) {
      $('#version').textContent = `v${msg.version}`;
      workerReady.ok();
    } else workerReady.fail(new Error(msg.error.message));
    return;
  }
  const request = pending.get(msg.id);
  if (!request) return;
  if (msg.progress) {
    if (msg.id === state.requestId) showProgress(msg.progress);
    return;
  }
  if (msg.slice) {
    ((request.slices ??= {})[msg.slice.key] ??= []).push(msg.slice.items);
    return;
  }
  pending.delete(msg.id);
  if (!msg.error) {
    for (const key of msg.sliced ?? []) msg.result[key] = [].concat(...request.slices[key]);
    msg.received = performance.now();
    request.ok(msg);
    return;
  }
  const error = Object.assign(new Error(msg.error.message), { name: msg.error.name, kind: msg.error.kind });
  // A crash leaves the worker's wasm unusable: replace it before anything else is sent to it.
  if (error.kind === 'crash') replaceWorker();
  request.fail(error);
}

/** Terminates the worker and starts a new one; the requests it had not answered fail with a
 * WorkerReplaced error. */
function replaceWorker() {
  worker.terminate();
  const dropped = [...pending.values()];
  pending.clear();
  startWorker();
  for (const r of dropped) r.fail(Object.assign(new Error('the analysis worker was replaced'), { name: 'WorkerReplaced' }));
}

function send(id, message) {
  return new Promise((ok, fail) => {
    pending.set(id, { ok, fail, long: (message.text?.length ?? 0) > LONG_RUN_CHARS });
    worker.postMessage({ id, ...message });
  });
}

/** Sends `message` as the newest request. Resolves with the worker's answer, or with null when a
 * newer request has superseded it; rejects with the request's own error. */
async function request(message) {
  const id = ++state.requestId;
  // Older runs are obsolete now. A short one just finishes first (the worker answers in order);
  // a long one would hold this request up, so its worker is replaced.
  if ([...pending.values()].some((r) => r.long)) replaceWorker();
  for (;;) {
    try {
      const answer = await send(id, message);
      return id === state.requestId ? answer : null;
    } catch (e) {
      if (id !== state.requestId) return null;
      // Dropped with a worker that crashed on an older request: send it to the new worker.
      if (e.name !== 'WorkerReplaced') throw e;
    }
  }
}

startWorker();

// ---------- progress ----------

const STAGE_NAMES = {
  language: 'detecting the language',
  tokens: 'splitting words and sentences',
  structure: 'reading the page structure',
  dates: 'finding dates',
  tagging: 'tagging names',
  entities: 'grouping entities',
  quotes: 'attributing quotes',
  rendering: 'showing the result', // the page's own step, after the worker's
};

/** Shows the bar; the worker only reports progress on analyses that take a while. */
function showProgress({ stage, fraction }) {
  const percent = Math.floor(fraction * 100);
  $('#progress-stage').textContent = STAGE_NAMES[stage] ?? stage;
  $('#progress-bar').value = percent;
  $('#progress-percent').textContent = `${percent} %`;
  $('#progress').hidden = false;
}

function hideProgress() {
  $('#progress').hidden = true;
}

// ---------- input ----------

function setStatus(text, isError = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

let timer = 0;
function scheduleAnalysis(delay = 250) {
  clearTimeout(timer);
  timer = setTimeout(runAnalysis, delay);
}

function options() {
  const o = {};
  const date = $('#refdate').value;
  if (state.dateTouched && date) o.referenceDate = date;
  const lang = $('#lang').value;
  if (lang !== 'auto') o.lang = lang;
  return o;
}

async function runAnalysis() {
  const text = editorText();
  store(text);
  const opts = options();
  document.body.dataset.busy = '1';
  // Most analyses take a few milliseconds: flashing "Analysing…" for them would only flicker.
  const slow = setTimeout(() => setStatus('Analysing…'), SLOW_ANALYSIS_MS);
  let msg;
  try {
    msg = await request({ text, options: opts });
  } catch (e) {
    showFailure(e);
    return;
  } finally {
    clearTimeout(slow);
  }
  if (!msg) return; // a newer request is on its way
  if (!$('#progress').hidden) {
    // Drawing a long article takes a while too: say so before the page is busy with it.
    showProgress({ stage: 'rendering', fraction: 1 });
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    if (msg.id !== state.requestId) return;
  }
  hideProgress();
  state.forcedLang = opts.lang ?? null;
  state.text = text;
  state.result = msg.result;
  render();
  performance.measure('manchette:shown', { start: msg.received, end: performance.now() });
  const r = msg.result;
  setStatus(`Analysed ${text.length.toLocaleString('en')} characters in ${Math.max(1, Math.round(msg.ms))} ms: `
    + `${r.entities.length} entity mentions, ${r.quotes.length} quotes, ${r.dates.length} dates.`);
  delete document.body.dataset.busy;
  document.body.dataset.ready = '1';
  document.body.dataset.analysed = String(state.requestId);
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

/** Makes the worker's wasm panic for real, to test the recovery end to end (e2e/page.test.mjs). */
async function panicForTests(message) {
  setStatus('Analysing…');
  document.body.dataset.busy = '1';
  try {
    await request({ type: 'panic-for-tests', message });
  } catch (e) {
    showFailure(e);
  }
}

// ---------- long texts ----------

// Chromium takes about half a second per megabyte to lay out a text box's value, and then again
// on many later changes to the page; a text longer than HELD_CHARS is kept out of the text box
// (state.held) and shown in the article only, with a notice and a way to edit it anyway.
const HELD_CHARS = 500_000;

/** The text to analyse: the one held out of the text box, or the text box's. */
function editorText() {
  return state.held ?? $('#input').value;
}

/** Puts `text` in the text box, or holds it out of it if it is long. */
function setEditorText(text) {
  const input = $('#input');
  if (text.length > HELD_CHARS) {
    // As a text box would: its value has '\n' line breaks only.
    state.held = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    input.value = '';
  } else {
    state.held = null;
    input.value = text;
  }
  showHeld();
}

function showHeld() {
  const held = state.held;
  $('#input').hidden = held !== null;
  $('#held').hidden = held === null;
  if (held === null) return;
  $('#held-size').textContent = `${(held.length / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} million characters`;
}

/** Moves a held text into the text box, for editing (the page stalls while Chromium lays it out). */
function editHeld() {
  const text = state.held;
  if (text === null) return;
  state.held = null;
  const input = $('#input');
  input.value = text;
  showHeld();
  input.focus();
  input.setSelectionRange(0, 0);
}

function saveHeld() {
  if (state.held !== null) download('article.txt', 'text/plain;charset=utf-8', state.held);
}

/** A paste that would make the text box's text long is held instead (the browser would freeze
 * laying it out); a shorter one is left to the browser. */
function onPaste(e) {
  const pasted = e.clipboardData?.getData('text/plain') ?? '';
  const input = $('#input');
  const inBox = e.target === input;
  if (!inBox && state.held === null) return;
  if (inBox && input.value.length - (input.selectionEnd - input.selectionStart) + pasted.length <= HELD_CHARS) return;
  if (!inBox && e.target instanceof Element && e.target.closest('input, textarea, select, [contenteditable]')) return;
  e.preventDefault();
  if (!pasted) return;
  // In the text box: the paste replaces the selection. Elsewhere, over a held text: it replaces it.
  loadText(inBox ? input.value.slice(0, input.selectionStart) + pasted + input.value.slice(input.selectionEnd) : pasted,
    { keepDate: inBox });
}

/** Keeps the text for the next visit. A text too large for the browser's storage is not kept, and
 * the page says so (the text itself stays in the page); an older text is not left to come back
 * in its place. */
function store(text) {
  if (text === state.stored) return;
  const note = $('#storenote');
  try {
    timed('store', () => localStorage.setItem(STORE_KEY, text));
    state.stored = text;
    note.textContent = '';
  } catch (e) {
    try { localStorage.removeItem(STORE_KEY); } catch { /* storage disabled */ }
    state.stored = null;
    const size = `${(text.length / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} million characters`;
    note.textContent = e?.name === 'QuotaExceededError'
      ? `This text (${size}) is too large for the browser's storage: it will not come back after a reload. Save it as a file to keep it.`
      : `The browser's storage is not available (${e?.name ?? 'error'}): the text will not come back after a reload.`;
  }
}

function loadText(text, { keepDate = false } = {}) {
  setEditorText(text);
  if (!keepDate) {
    state.dateTouched = false;
    $('#refdate').value = '';
  }
  scheduleAnalysis(0);
}

/** Reduces an HTML page to text: DOMParser documents run no script and load no image. */
export function htmlToText(html) {
  // The parsed document is inert, but it inherits this page's CSP, which would log a violation
  // for each inline script, style and handler; drop those first (they are never text anyway).
  const quiet = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\s(on[a-z]+|style)\s*=/gi, ' data-dropped-$1='));
  const doc = new DOMParser().parseFromString(quiet, 'text/html');
  const headline = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim()
    || doc.querySelector('h1')?.textContent.trim()
    || doc.title.trim();
  doc.querySelectorAll('script, style, noscript, template, svg, iframe, object, embed, canvas, head, button, form select')
    .forEach((n) => n.remove());
  const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|BR|SECTION|ARTICLE|HEADER|FOOTER|NAV|ASIDE|MAIN|TR|TABLE|BLOCKQUOTE|FIGCAPTION|FIGURE|PRE|DT|DD|DL|ADDRESS|TIME|HR)$/;
  const out = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(child.data.replace(/[ \t\r\n\f]+/g, ' '));
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCK.test(child.tagName);
        if (block) out.push('\n');
        if (child.tagName === 'IMG' && child.getAttribute('alt')) out.push(child.getAttribute('alt'));
        walk(child);
        if (block) out.push(/^(P|H[1-6]|BLOCKQUOTE)$/.test(child.tagName) ? '\n\n' : '\n');
      }
    }
  };
  walk(doc.body ?? doc.documentElement);
  let text = out.join('').split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (headline && !text.slice(0, headline.length + 200).includes(headline)) text = `${headline}\n\n${text}`;
  return text + '\n';
}

async function loadFile(file) {
  if (!file) return;
  const raw = await file.text();
  const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html'
    || /^\s*(<!doctype html|<html)/i.test(raw);
  loadText(isHtml ? htmlToText(raw) : raw);
  setStatus(`Loaded ${file.name}.`);
}

// ---------- rendering ----------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c); // strings become text nodes
  return e;
}

/** Times `fn` as a performance measure named `manchette:NAME` (scripts/page-bench.mjs reads them). */
function timed(name, fn) {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`manchette:${name}`, { start, end: performance.now() });
  }
}

// The article is drawn in chunks of about CHUNK_CHARS characters, cut after a line break. Each
// chunk first holds its plain text (so the whole text is there at once, for reading, find-in-page
// and copying) and gets its marks when it comes near the viewport, when a side list points into it,
// or in idle time while the text is short enough; `content-visibility: auto` (style.css) spares
// the browser the layout of the chunks off screen.
const CHUNK_CHARS = 16_000;
/** Texts this short are marked up at once, in one go. */
const SYNC_CHARS = 100_000;
/** Texts this short are marked up in idle time too; longer ones only where the reader goes. */
const FILL_CHARS = 4_000_000;
const LAYERS = [['blocks', 'block'], ['quotes', 'quote'], ['dates', 'date'], ['entities', 'entity']];

/** Chunk start offsets: every cut is after a '\n' when one is near, and never inside a surrogate pair. */
function chunkStarts(text) {
  const starts = [0];
  let pos = 0;
  while (text.length - pos > CHUNK_CHARS * 1.5) {
    let cut = text.indexOf('\n', pos + CHUNK_CHARS);
    if (cut >= 0 && cut - pos <= CHUNK_CHARS * 3) cut += 1;
    else {
      cut = pos + CHUNK_CHARS;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut += 1;
    }
    if (cut >= text.length) break;
    starts.push(cut);
    pos = cut;
  }
  return starts;
}

/** One list of spans (sorted by start, as the API gives them, or sorted here) with a running
 * maximum of their ends, to find the spans that overlap a range in O(log n + k). */
function spanIndex(list) {
  let order = null;
  for (let i = 1; i < list.length; i++) {
    if (list[i].start < list[i - 1].start) {
      order = Uint32Array.from(list.keys()).sort((a, b) => list[a].start - list[b].start);
      break;
    }
  }
  const at = order ? (k) => list[order[k]] : (k) => list[k];
  const maxEnd = new Float64Array(list.length);
  let m = -Infinity;
  for (let k = 0; k < list.length; k++) maxEnd[k] = m = Math.max(m, at(k).end);
  /** Indices of the spans with start < b and end > a (non-empty ones only). */
  return (a, b) => {
    let lo = 0; let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (maxEnd[mid] > a) hi = mid; else lo = mid + 1; }
    const out = [];
    for (let k = lo; k < list.length; k++) {
      const x = at(k);
      if (x.start >= b) break;
      if (x.end > a && x.start < x.end) out.push(order ? order[k] : k);
    }
    return out;
  };
}

function openElement(iv, r, first) {
  const common = { 'data-kind': iv.kind, 'data-index': iv.i };
  if (iv.kind === 'block') {
    return el('span', { ...common, class: `block block-${r.blocks[iv.i].kind}` });
  }
  if (iv.kind === 'quote') {
    const q = r.quotes[iv.i];
    return el('q', {
      ...common, class: `quote${q.boilerplate ? ' bp' : ''}${first ? ' first' : ' cont'}`,
      'data-speaker': first ? `${q.speaker ?? 'unattributed'} :` : null,
      title: `Quote — ${q.speaker ? `speaker: ${q.speaker}` : 'no speaker found'}`,
      tabindex: first ? 0 : null,
    });
  }
  if (iv.kind === 'date') {
    const d = r.dates[iv.i];
    return el('time', {
      ...common, class: `date${first ? ' first' : ' cont'}`,
      datetime: d.value ?? null,
      'data-value': d.value ?? '?',
      title: `Date: ${d.value ?? 'unresolved'}`,
      tabindex: first ? 0 : null,
    });
  }
  const m = r.entities[iv.i];
  return el('mark', {
    ...common, class: `ent t-${m.type}${first ? ' first' : ' cont'}`,
    'data-type': m.type, 'data-letter': m.type[0], 'data-cluster': m.cluster,
    title: `${TYPE_NAMES[m.type] ?? m.type}: ${m.canonical}`,
    tabindex: first ? 0 : null,
  });
}

/** Renders text[from, to) with nested marks for the intervals `ivs` (clipped to the range); an
 * interval crossing another's edge, or the range's, is split in pieces, the one at its start
 * marked `first`. */
function renderRange(text, r, ivs, from, to) {
  const bounds = new Set([from, to]);
  for (const iv of ivs) {
    if (iv.start > from && iv.start < to) bounds.add(iv.start);
    if (iv.end > from && iv.end < to) bounds.add(iv.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const starts = [...ivs].sort((a, b) => a.start - b.start);
  const root = document.createDocumentFragment();
  const stack = []; // [{iv, node}]
  let active = [];
  let k = 0;
  const order = (a, b) => a.layer - b.layer || a.start - b.start || b.end - a.end;
  for (let p = 0; p + 1 < points.length; p++) {
    const [a, b] = [points[p], points[p + 1]];
    active = active.filter((iv) => iv.end > a);
    while (k < starts.length && starts[k].start <= a) {
      if (starts[k].end > a) active.push(starts[k]);
      k++;
    }
    active.sort(order);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].iv === active[keep]) keep++;
    stack.length = keep;
    for (let j = keep; j < active.length; j++) {
      const iv = active[j];
      const node = openElement(iv, r, iv.start === a);
      (stack.length ? stack[stack.length - 1].node : root).append(node);
      stack.push({ iv, node });
    }
    (stack.length ? stack[stack.length - 1].node : root).append(text.slice(a, b));
  }
  return root;
}

/** The article being shown: its chunks, and which of them have their marks. */
let view = null;

function renderArticle(text, r) {
  view?.observer?.disconnect();
  if (view) cancelIdle(view.idle);
  const starts = chunkStarts(text);
  const article = $('#article');
  // An estimate of each chunk's height until it is laid out (then the browser remembers it).
  const style = getComputedStyle(article);
  const lineHeight = parseFloat(style.lineHeight) || 30;
  const perLine = Math.max(20, Math.floor((article.clientWidth || 600) / ((parseFloat(style.fontSize) || 17) * 0.5)));
  const v = {
    text, r, starts,
    chunks: [],
    marked: new Uint8Array(starts.length),
    left: starts.length,
    index: Object.fromEntries(LAYERS.map(([list]) => [list, spanIndex(r[list])])),
    observer: null,
    idle: 0,
  };
  for (let c = 0; c < starts.length; c++) {
    const [a, b] = [starts[c], starts[c + 1] ?? text.length];
    const chunk = el('div', { class: starts.length > 1 ? 'chunk lazy' : 'chunk', 'data-chunk': c }, text.slice(a, b));
    if (starts.length > 1) {
      let lines = 1;
      for (let i = text.indexOf('\n', a); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) lines++;
      lines += Math.floor((b - a) / perLine);
      chunk.style.containIntrinsicSize = `auto ${Math.round(lines * lineHeight)}px`;
    }
    v.chunks.push(chunk);
  }
  view = v;
  article.replaceChildren(...v.chunks);
  if (text.length <= SYNC_CHARS) {
    for (let c = 0; c < starts.length; c++) markChunk(c);
    return;
  }
  v.observer = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) markChunk(Number(e.target.dataset.chunk));
  }, { rootMargin: '100% 0px' });
  for (const chunk of v.chunks) v.observer.observe(chunk);
  if (text.length <= FILL_CHARS) fillWhenIdle(v);
}

/** Gives chunk `c` of the current view its marks, once. */
function markChunk(c) {
  const v = view;
  if (!v || v.marked[c]) return;
  const [a, b] = [v.starts[c], v.starts[c + 1] ?? v.text.length];
  const ivs = [];
  LAYERS.forEach(([list, kind], layer) => {
    for (const i of v.index[list](a, b)) ivs.push({ layer, kind, i, start: v.r[list][i].start, end: v.r[list][i].end });
  });
  v.chunks[c].replaceChildren(renderRange(v.text, v.r, ivs, a, b));
  v.marked[c] = 1;
  if (--v.left === 0) v.observer?.disconnect();
}

const idle = window.requestIdleCallback ?? ((f) => setTimeout(() => f({ timeRemaining: () => 8 }), 16));
const cancelIdle = window.cancelIdleCallback ?? clearTimeout;

/** Marks up the remaining chunks a few at a time, when the page has nothing else to do. */
function fillWhenIdle(v) {
  let next = 0;
  const step = (deadline) => {
    if (view !== v) return;
    while (next < v.starts.length && deadline.timeRemaining() > 2) markChunk(next++);
    if (next < v.starts.length) v.idle = idle(step);
  };
  v.idle = idle(step);
}

/** The first piece of an item's mark in the article, drawn on demand if its chunk has no marks yet. */
function markOfItem(kind, i) {
  const v = view;
  const list = { entity: 'entities', quote: 'quotes', date: 'dates' }[kind];
  const start = v.r[list][i].start;
  let lo = 0; let hi = v.starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (v.starts[mid] <= start) lo = mid; else hi = mid - 1; }
  markChunk(lo);
  return v.chunks[lo].querySelector(`[data-kind=${kind}][data-index="${i}"].first`);
}

function render() {
  const r = state.result;
  const article = $('#article');
  timed('article', () => renderArticle(state.text, r));
  if (!state.dateTouched) $('#refdate').value = r.reference_date ?? '';
  $('#refnote').textContent = r.reference_date
    ? `${r.reference_date_source}: ${r.reference_date_note}` : r.reference_date_note;
  $('#langinfo').textContent = state.forcedLang
    ? `set by hand: ${r.lang}`
    : `detected: ${r.lang} (${Math.round(r.lang_confidence * 100)} %)`;
  document.documentElement.lang = r.lang === 'en' ? 'en' : 'fr';
  article.lang = r.lang === 'other' ? '' : r.lang;
  state.cycle.clear();
  lists = null;
  state.shown = { entities: LIST_ROWS, quotes: LIST_ROWS, dates: LIST_ROWS };
  timed('lists', () => {
    renderEntities();
    renderQuotes();
    renderDates();
  });
  $('#counts').textContent = `${r.clusters.length} entities, ${r.quotes.length} quotes, ${r.dates.length} dates`;
}

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function listButton(key, label, ...rest) {
  return el('button', { type: 'button', class: 'item', 'data-key': key }, label, ...rest);
}

// A side list shows its first LIST_ROWS rows and a "Show more" button for the rest; its count,
// filters and search always cover every item.
const LIST_ROWS = 200;

/** What the lists need from the current result, computed once per result. */
let lists = null;
function listData() {
  if (lists?.result === state.result) return lists;
  const r = state.result;
  const clusters = r.clusters.map((c, i) => ({ c, i })).sort((a, b) => b.c.mentions.length - a.c.mentions.length || a.i - b.i);
  const groups = new Map();
  r.dates.forEach((d, i) => {
    const key = d.value ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  const dateKeys = [...groups.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b));
  lists = { result: r, clusters, folded: new Map(), groups, dateKeys };
  return lists;
}

/** Fills `ul` with the rows `make(item)` for the first `state.shown[name]` items and sets up its
 * "Show more" button. */
function fillList(name, ul, items, make) {
  const n = Math.min(items.length, state.shown[name]);
  ul.replaceChildren(...items.slice(0, n).map(make));
  let more = ul.nextElementSibling?.classList.contains('more') ? ul.nextElementSibling : null;
  if (n >= items.length) {
    more?.remove();
    return;
  }
  if (!more) {
    more = el('button', { type: 'button', class: 'more', 'data-list': name });
    ul.after(more);
  }
  more.textContent = `Show ${Math.min(LIST_ROWS, items.length - n).toLocaleString('en')} more `
    + `(${n.toLocaleString('en')} of ${items.length.toLocaleString('en')} shown)`;
}

function showMore(name) {
  state.shown[name] += LIST_ROWS;
  ({ entities: renderEntities, quotes: renderQuotes, dates: renderDates })[name]();
}

function renderEntities() {
  const r = state.result;
  const data = listData();
  const shown = new Set([...document.querySelectorAll('input[name=type]:checked')].map((i) => i.value));
  const query = fold($('#search').value.trim());
  const folded = (c, i) => {
    if (!data.folded.has(i)) data.folded.set(i, fold(c.canonical));
    return data.folded.get(i);
  };
  const items = data.clusters.filter(({ c, i }) => shown.has(c.type) && (!query || folded(c, i).includes(query)));
  fillList('entities', $('#entities'), items, ({ c, i }) => el('li', { 'data-cluster': i, 'data-type': c.type, class: c.boilerplate ? 'bp' : null },
    listButton(`cluster:${i}`,
      el('span', { class: `badge t-${c.type}`, title: TYPE_NAMES[c.type] }, c.type[0]),
      el('span', { class: 'name' }, c.canonical),
      el('span', { class: 'meta' }, [TYPE_NAMES[c.type], ...c.roles].join(' · ')),
      el('span', { class: 'count', title: 'mentions' }, `×${c.mentions.length}`))));
  $('#n-entities').textContent = `${items.length}/${r.clusters.length}`;
  for (const t of TYPES) document.body.classList.toggle(`hide-${t}`, !shown.has(t));
}

function renderQuotes() {
  const r = state.result;
  fillList('quotes', $('#quotes'), r.quotes, (q, i) => el('li', { 'data-quote': i, class: q.boilerplate ? 'bp' : null },
    listButton(`quote:${i}`,
      el('span', { class: 'speaker' }, q.speaker ?? 'unattributed'),
      ' — ',
      el('span', { class: 'qtext' }, `« ${q.text} »`))));
  $('#n-quotes').textContent = String(r.quotes.length);
}

function renderDates() {
  const r = state.result;
  const { groups, dateKeys } = listData();
  fillList('dates', $('#dates'), dateKeys, (v) => el('li', { 'data-value': v },
    listButton(`date:${v}`,
      el('span', { class: 'iso' }, v || 'unresolved'),
      el('span', { class: 'texts' }, [...new Set(groups.get(v).slice(0, 1000).map((i) => r.dates[i].text))].slice(0, 12).join(' · ')),
      el('span', { class: 'count' }, `×${groups.get(v).length}`))));
  $('#n-dates').textContent = String(r.dates.length);
}

/** The items a list entry points to, as [kind, index] in the list's order (text order). */
function targetsOf(key) {
  const r = state.result;
  const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  let items = [];
  if (kind === 'cluster') items = r.clusters[Number(rest)].mentions.map((i) => ['entity', i]);
  else if (kind === 'quote') items = [['quote', Number(rest)]];
  else if (kind === 'date') items = (listData().groups.get(rest) ?? []).map((i) => ['date', i]);
  const list = { entity: r.entities, quote: r.quotes, date: r.dates };
  return items.filter(([k, i]) => list[k][i] && list[k][i].start < list[k][i].end);
}

function goTo(key) {
  const targets = targetsOf(key);
  if (!targets.length) return;
  const n = state.cycle.get(key) ?? 0;
  const target = markOfItem(...targets[n % targets.length]);
  if (!target) return;
  state.cycle.set(key, n + 1);
  document.querySelectorAll('.flash').forEach((e) => e.classList.remove('flash'));
  // Far away, jump: the chunks passed on the way would change their estimated heights under a
  // smooth scroll. Once there, the chunks around get their marks, so check the place again.
  const box = target.getBoundingClientRect();
  const far = box.bottom < -innerHeight || box.top > 2 * innerHeight;
  const smooth = !far && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  if (far) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const b = target.getBoundingClientRect();
      if (b.top < 0 || b.bottom > innerHeight) target.scrollIntoView({ block: 'center' });
    }));
  }
  void target.offsetWidth; // restart the animation
  target.classList.add('flash');
  target.dataset.visit = `${(n % targets.length) + 1}/${targets.length}`;
  target.focus({ preventScroll: true });
}

// ---------- tooltip ----------

function describe(node) {
  const r = state.result;
  const i = Number(node.dataset.index);
  if (node.dataset.kind === 'entity') {
    const m = r.entities[i]; const c = r.clusters[m.cluster];
    return [`${TYPE_NAMES[m.type]} (${m.type})`, `“${m.text}” → ${m.canonical}`,
      c?.roles.length ? `roles: ${c.roles.join(', ')}` : null, `${c?.mentions.length ?? 1} mention(s)`];
  }
  if (node.dataset.kind === 'date') {
    const d = r.dates[i];
    return ['date', `“${d.text}”`, `value: ${d.value ?? 'unresolved'}`];
  }
  const q = r.quotes[i];
  return ['quote', `speaker: ${q.speaker ?? 'none found'}`, q.speaker_text ? `named as “${q.speaker_text}”` : null];
}

function showTip(node) {
  const tip = $('#tooltip');
  tip.replaceChildren(...describe(node).filter(Boolean).map((line) => el('div', {}, line)));
  tip.hidden = false;
  const box = node.getBoundingClientRect();
  tip.style.left = `${Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - 260)}px`;
  tip.style.top = `${window.scrollY + box.bottom + 6}px`;
}
const hideTip = () => { $('#tooltip').hidden = true; };
const markOf = (t) => t instanceof Element && t.closest('#article [data-kind=entity], #article [data-kind=date], #article [data-kind=quote]');

// ---------- exports ----------

function csvCell(v) {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"` : s;
}
export function toCsv(rows, columns) {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\r\n') + '\r\n';
}
const CSV_COLUMNS = {
  entities: ['start', 'end', 'text', 'type', 'canonical', 'cluster', 'boilerplate'],
  quotes: ['start', 'end', 'text', 'speaker', 'speaker_cluster', 'speaker_start', 'speaker_end', 'speaker_text', 'boilerplate'],
  dates: ['start', 'end', 'text', 'value', 'boilerplate'],
};

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob(Array.isArray(content) ? content : [content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// A large analysis (hundreds of thousands of items) is written out a batch of items at a time,
// letting the page breathe in between, rather than in one long JSON.stringify.
const EXPORT_BATCH = 5_000;
const breathe = () => new Promise((done) => setTimeout(done, 0));

/** The parts of JSON.stringify(result, null, 2), the same text. */
async function jsonParts(result) {
  const entries = Object.entries(result).filter(([, v]) => v !== undefined && typeof v !== 'function');
  const parts = ['{'];
  for (const [n, [key, v]] of entries.entries()) {
    parts.push(`${n ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (!Array.isArray(v) || v.length === 0) {
      parts.push(JSON.stringify(v, null, 2).replaceAll('\n', '\n  '));
      continue;
    }
    parts.push('[');
    for (let i = 0; i < v.length; i += EXPORT_BATCH) {
      if (i) await breathe();
      let batch = '';
      for (let j = i; j < Math.min(v.length, i + EXPORT_BATCH); j++) {
        batch += `${j ? ',' : ''}\n    ${(JSON.stringify(v[j], null, 2) ?? 'null').replaceAll('\n', '\n    ')}`;
      }
      parts.push(batch);
    }
    parts.push('\n  ]');
  }
  parts.push(entries.length ? '\n}' : '}');
  return parts;
}

/** The parts of toCsv(rows, columns), with `boilerplate` as true or false. */
async function csvParts(rows, columns) {
  const parts = [`${columns.join(',')}\r\n`];
  for (let i = 0; i < rows.length; i += EXPORT_BATCH) {
    if (i) await breathe();
    parts.push(rows.slice(i, i + EXPORT_BATCH)
      .map((row) => `${columns.map((c) => csvCell(c === 'boilerplate' ? Boolean(row[c]) : row[c])).join(',')}\r\n`).join(''));
  }
  return parts;
}

async function exportJson() {
  const result = state.result;
  if (!result) return;
  const parts = await jsonParts(result);
  parts.push('\n');
  download('manchette.json', 'application/json', parts);
}
async function exportCsv() {
  const result = state.result;
  if (!result) return;
  for (const kind of ['entities', 'quotes', 'dates']) {
    download(`manchette-${kind}.csv`, 'text/csv', await csvParts(result[kind], CSV_COLUMNS[kind]));
  }
}
async function copyJson() {
  const result = state.result;
  if (!result) return;
  try {
    await navigator.clipboard.writeText((await jsonParts(result)).join(''));
    setStatus('Copied the analysis as JSON.');
  } catch (e) {
    setStatus(`Could not copy: ${e.message}`, true);
  }
}

// ---------- wiring ----------

function wire() {
  const input = $('#input');
  input.addEventListener('input', () => scheduleAnalysis());
  document.addEventListener('paste', onPaste);
  $('#edit-held').addEventListener('click', editHeld);
  $('#save-held').addEventListener('click', saveHeld);
  $('#file').addEventListener('change', (e) => loadFile(e.target.files[0]));
  const zone = document.body;
  zone.addEventListener('dragover', (e) => { e.preventDefault(); $('#dropzone').classList.add('over'); });
  zone.addEventListener('dragleave', (e) => { if (!e.relatedTarget) $('#dropzone').classList.remove('over'); });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    $('#dropzone').classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) loadFile(file);
    else if (e.dataTransfer?.getData('text/plain')) loadText(e.dataTransfer.getData('text/plain'));
  });
  $('#refdate').addEventListener('change', () => { state.dateTouched = Boolean($('#refdate').value); scheduleAnalysis(0); });
  $('#lang').addEventListener('change', () => scheduleAnalysis(0));
  $('#hide-boilerplate').addEventListener('change', (e) => document.body.classList.toggle('hide-boilerplate', e.target.checked));
  $('#sample').addEventListener('click', loadSample);
  $('#clear').addEventListener('click', () => {
    try { localStorage.removeItem(STORE_KEY); } catch { /* ignore */ }
    state.stored = null;
    loadText('');
    input.focus();
  });
  document.querySelectorAll('input[name=type]').forEach((i) => i.addEventListener('change', () => state.result && renderEntities()));
  $('#search').addEventListener('input', () => state.result && renderEntities());
  document.querySelector('.panels').addEventListener('click', (e) => {
    const button = e.target.closest('button.item');
    if (button) goTo(button.dataset.key);
    const more = e.target.closest('button.more');
    if (more) showMore(more.dataset.list);
  });
  $('#export-json').addEventListener('click', exportJson);
  $('#export-csv').addEventListener('click', exportCsv);
  $('#copy-json').addEventListener('click', copyJson);
  const article = $('#article');
  article.addEventListener('mouseover', (e) => { const m = markOf(e.target); if (m) showTip(m); });
  article.addEventListener('mouseout', (e) => { if (markOf(e.target) && !markOf(e.relatedTarget)) hideTip(); });
  article.addEventListener('focusin', (e) => { const m = markOf(e.target); if (m) showTip(m); else hideTip(); });
  article.addEventListener('focusout', hideTip);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); });
}

async function loadSample() {
  const inline = document.getElementById('sample-src'); // set by the single-file build
  loadText(inline ? inline.textContent : await (await fetch(SAMPLE_URL)).text());
}

async function main() {
  wire();
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !document.getElementById('worker-src')) {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { type: 'module' })
      .catch((e) => console.warn('service worker not registered:', e.message));
  }
  let saved = null;
  try { saved = localStorage.getItem(STORE_KEY); } catch { /* ignore */ }
  try {
    await ready;
  } catch (e) {
    setStatus(`Could not load the WebAssembly module: ${e.message}`, true);
    return;
  }
  if (saved !== null && saved !== '') {
    state.stored = saved;
    loadText(saved);
  }
  else await loadSample();
}

// For the end-to-end tests and the console: the last result, rendering a given result, and a real
// panic in the worker's wasm.
window.manchette = Object.freeze({
  get text() { return state.text; },
  /** The text being edited: the text box's, or the one held out of it. */
  get editorText() { return editorText(); },
  get result() { return state.result; },
  render(text, result) {
    state.text = text;
    state.result = result;
    render();
  },
  panicForTests,
});

main();
