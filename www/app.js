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
  pending.delete(msg.id);
  if (!msg.error) {
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
  const text = $('#input').value;
  try {
    localStorage.setItem(STORE_KEY, text);
  } catch { /* storage full or disabled: not fatal */ }
  const opts = options();
  setStatus('Analysing…');
  document.body.dataset.busy = '1';
  let msg;
  try {
    msg = await request({ text, options: opts });
  } catch (e) {
    showFailure(e);
    return;
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

function loadText(text, { keepDate = false } = {}) {
  $('#input').value = text;
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

/** Intervals to draw, outermost layer first. */
function intervals(r) {
  const list = [];
  r.blocks.forEach((b, i) => list.push({ layer: 0, kind: 'block', i, start: b.start, end: b.end }));
  r.quotes.forEach((q, i) => list.push({ layer: 1, kind: 'quote', i, start: q.start, end: q.end }));
  r.dates.forEach((d, i) => list.push({ layer: 2, kind: 'date', i, start: d.start, end: d.end }));
  r.entities.forEach((m, i) => list.push({ layer: 3, kind: 'entity', i, start: m.start, end: m.end }));
  return list.filter((x) => x.start < x.end);
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

/** Renders `text` with nested marks; an interval crossing another's edge is split in pieces. */
function renderArticle(text, r) {
  const ivs = intervals(r);
  const bounds = new Set([0, text.length]);
  for (const iv of ivs) { bounds.add(iv.start); bounds.add(iv.end); }
  const points = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b);
  const starts = [...ivs].sort((a, b) => a.start - b.start);
  const root = document.createDocumentFragment();
  const stack = []; // [{iv, node}]
  const seen = new Set();
  let active = [];
  let k = 0;
  const order = (a, b) => a.layer - b.layer || a.start - b.start || b.end - a.end;
  for (let p = 0; p + 1 < points.length; p++) {
    const [from, to] = [points[p], points[p + 1]];
    active = active.filter((iv) => iv.end > from);
    while (k < starts.length && starts[k].start <= from) {
      if (starts[k].end > from) active.push(starts[k]);
      k++;
    }
    active.sort(order);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].iv === active[keep]) keep++;
    stack.length = keep;
    for (let j = keep; j < active.length; j++) {
      const iv = active[j];
      const id = `${iv.kind}:${iv.i}`;
      const node = openElement(iv, r, !seen.has(id));
      seen.add(id);
      (stack.length ? stack[stack.length - 1].node : root).append(node);
      stack.push({ iv, node });
    }
    (stack.length ? stack[stack.length - 1].node : root).append(text.slice(from, to));
  }
  return root;
}

function render() {
  const r = state.result;
  const article = $('#article');
  article.replaceChildren(renderArticle(state.text, r));
  if (!state.dateTouched) $('#refdate').value = r.reference_date ?? '';
  $('#refnote').textContent = r.reference_date
    ? `${r.reference_date_source}: ${r.reference_date_note}` : r.reference_date_note;
  $('#langinfo').textContent = state.forcedLang
    ? `set by hand: ${r.lang}`
    : `detected: ${r.lang} (${Math.round(r.lang_confidence * 100)} %)`;
  document.documentElement.lang = r.lang === 'en' ? 'en' : 'fr';
  article.lang = r.lang === 'other' ? '' : r.lang;
  state.cycle.clear();
  renderEntities();
  renderQuotes();
  renderDates();
  $('#counts').textContent = `${r.clusters.length} entities, ${r.quotes.length} quotes, ${r.dates.length} dates`;
}

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function listButton(key, label, ...rest) {
  return el('button', { type: 'button', class: 'item', 'data-key': key }, label, ...rest);
}

function renderEntities() {
  const r = state.result;
  const shown = new Set([...document.querySelectorAll('input[name=type]:checked')].map((i) => i.value));
  const query = fold($('#search').value.trim());
  const ul = $('#entities');
  const items = r.clusters
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => shown.has(c.type) && (!query || fold(c.canonical).includes(query)))
    .sort((a, b) => b.c.mentions.length - a.c.mentions.length || a.i - b.i);
  ul.replaceChildren(...items.map(({ c, i }) => el('li', { 'data-cluster': i, 'data-type': c.type, class: c.boilerplate ? 'bp' : null },
    listButton(`cluster:${i}`,
      el('span', { class: `badge t-${c.type}`, title: TYPE_NAMES[c.type] }, c.type[0]),
      el('span', { class: 'name' }, c.canonical),
      el('span', { class: 'meta' }, [TYPE_NAMES[c.type], ...c.roles].join(' · ')),
      el('span', { class: 'count', title: 'mentions' }, `×${c.mentions.length}`)))));
  $('#n-entities').textContent = `${items.length}/${r.clusters.length}`;
  for (const t of TYPES) document.body.classList.toggle(`hide-${t}`, !shown.has(t));
}

function renderQuotes() {
  const r = state.result;
  $('#quotes').replaceChildren(...r.quotes.map((q, i) => el('li', { 'data-quote': i, class: q.boilerplate ? 'bp' : null },
    listButton(`quote:${i}`,
      el('span', { class: 'speaker' }, q.speaker ?? 'unattributed'),
      ' — ',
      el('span', { class: 'qtext' }, `« ${q.text} »`)))));
  $('#n-quotes').textContent = String(r.quotes.length);
}

function renderDates() {
  const r = state.result;
  const groups = new Map();
  r.dates.forEach((d, i) => {
    const key = d.value ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  const keys = [...groups.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b));
  $('#dates').replaceChildren(...keys.map((v) => el('li', { 'data-value': v },
    listButton(`date:${v}`,
      el('span', { class: 'iso' }, v || 'unresolved'),
      el('span', { class: 'texts' }, [...new Set(groups.get(v).map((i) => r.dates[i].text))].join(' · ')),
      el('span', { class: 'count' }, `×${groups.get(v).length}`)))));
  $('#n-dates').textContent = String(r.dates.length);
}

/** The article elements (first pieces) a list item points to, in text order. */
function targetsOf(key) {
  const r = state.result;
  const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  let sel = [];
  if (kind === 'cluster') sel = r.clusters[Number(rest)].mentions.map((i) => `[data-kind=entity][data-index="${i}"]`);
  else if (kind === 'quote') sel = [`[data-kind=quote][data-index="${Number(rest)}"]`];
  else if (kind === 'date') sel = r.dates.map((d, i) => ((d.value ?? '') === rest ? `[data-kind=date][data-index="${i}"]` : null)).filter(Boolean);
  return sel.map((s) => $('#article').querySelector(`${s}.first`)).filter(Boolean);
}

function goTo(key) {
  const targets = targetsOf(key);
  if (!targets.length) return;
  const n = state.cycle.get(key) ?? 0;
  const target = targets[n % targets.length];
  state.cycle.set(key, n + 1);
  document.querySelectorAll('.flash').forEach((e) => e.classList.remove('flash'));
  target.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
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
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportJson() {
  if (state.result) download('manchette.json', 'application/json', JSON.stringify(state.result, null, 2) + '\n');
}
function exportCsv() {
  if (!state.result) return;
  for (const kind of ['entities', 'quotes', 'dates']) {
    const rows = state.result[kind].map((x) => ({ ...x, boilerplate: Boolean(x.boilerplate) }));
    download(`manchette-${kind}.csv`, 'text/csv', toCsv(rows, CSV_COLUMNS[kind]));
  }
}
async function copyJson() {
  if (!state.result) return;
  try {
    await navigator.clipboard.writeText(JSON.stringify(state.result, null, 2));
    setStatus('Copied the analysis as JSON.');
  } catch (e) {
    setStatus(`Could not copy: ${e.message}`, true);
  }
}

// ---------- wiring ----------

function wire() {
  const input = $('#input');
  input.addEventListener('input', () => scheduleAnalysis());
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
    loadText('');
    input.focus();
  });
  document.querySelectorAll('input[name=type]').forEach((i) => i.addEventListener('change', () => state.result && renderEntities()));
  $('#search').addEventListener('input', () => state.result && renderEntities());
  document.querySelector('.panels').addEventListener('click', (e) => {
    const button = e.target.closest('button.item');
    if (button) goTo(button.dataset.key);
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
  if (saved !== null && saved !== '') loadText(saved);
  else await loadSample();
}

// For the end-to-end tests and the console: the last result, rendering a given result, and a real
// panic in the worker's wasm.
window.manchette = Object.freeze({
  get text() { return state.text; },
  get result() { return state.result; },
  render(text, result) {
    state.text = text;
    state.result = result;
    render();
  },
  panicForTests,
});

main();
