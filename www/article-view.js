// The analysed article with its highlights: entities, quotes, dates and the page's blocks, nested
// as the spans nest. The article is drawn in chunks of about CHUNK_CHARS characters, cut after a
// line break. Each chunk first holds its plain text (so the whole text is there at once, for
// reading, find-in-page and copying) and gets its marks when it comes near the viewport, when a
// side list points into it, or in idle time while the text is short enough;
// `content-visibility: auto` (style.css) spares the browser the layout of the chunks off screen.
// Besides the result's lists, two layers without a list of their own: the white space that goes
// with hidden boilerplate (boilerplate.js) and each quote's cue, underlined while the quote is
// hovered or focused. The marks are no Tab stops of their own (keyboard.js moves among them).

import { boilerplateGaps } from './boilerplate.js';
import { el } from './dom.js';
import { describeMark, quoteBadge, TYPE_NAMES, uncertainSpeaker, uncertainTitle } from './labels.js';
import { chunkAt, chunkStarts, cutPoints, estimatedLines, spanIndex } from './spans.js';

/** Texts this short are marked up at once, in one go. */
const SYNC_CHARS = 100_000;
/** Texts this short are marked up in idle time too; longer ones only where the reader goes. */
const FILL_CHARS = 4_000_000;
/** The result's lists drawn as marks, outermost first, with the kind each mark names. */
const LAYERS = [['blocks', 'block'], ['quotes', 'quote'], ['dates', 'date'], ['entities', 'entity']];
export const LIST_OF_KIND = { entity: 'entities', quote: 'quotes', date: 'dates' };

const idle = window.requestIdleCallback ?? ((f) => setTimeout(() => f({ timeRemaining: () => 8 }), 16));
const cancelIdle = window.cancelIdleCallback ?? clearTimeout;

/** The element that opens interval `iv` ({kind, i}) of result `r`; `first` for its first piece. */
function openElement(iv, r, first) {
  const common = { 'data-kind': iv.kind, 'data-index': iv.i };
  if (iv.kind === 'block') {
    const boilerplate = r.blocks[iv.i].kind === 'boilerplate';
    return el('span', { ...common, class: `block block-${r.blocks[iv.i].kind}`, title: boilerplate ? 'Boilerplate: a line of the page outside the article' : null });
  }
  if (iv.kind === 'gap') return el('span', { class: 'bp-gap' });
  if (iv.kind === 'cue') return el('span', { class: 'cue', 'data-cue': iv.i });
  if (iv.kind === 'quote') {
    const q = r.quotes[iv.i];
    const unsure = uncertainSpeaker(q);
    return el('q', {
      ...common, class: `quote${q.boilerplate ? ' bp' : ''}${first ? ' first' : ' cont'}${q.speaker ? '' : ' no-speaker'}${unsure ? ' uncertain' : ''}`,
      'data-speaker': first ? quoteBadge(q) : null,
      title: q.speaker ? `Quote by ${q.speaker}${unsure ? `. ${uncertainTitle(q)}` : ''}` : 'Quote (speaker not found)',
      tabindex: first ? -1 : null,
    });
  }
  if (iv.kind === 'date') {
    const d = r.dates[iv.i];
    return el('time', {
      ...common, class: `date${first ? ' first' : ' cont'}`,
      datetime: d.value ?? null,
      'data-value': d.value ?? '?',
      title: `Date: ${d.value ?? 'unresolved'}`,
      tabindex: first ? -1 : null,
    });
  }
  const m = r.entities[iv.i];
  return el('mark', {
    ...common, class: `ent t-${m.type}${first ? ' first' : ' cont'}`,
    'data-type': m.type, 'data-letter': m.type[0], 'data-cluster': m.cluster,
    title: `${TYPE_NAMES[m.type] ?? m.type}: ${m.canonical}`,
    tabindex: first ? -1 : null,
  });
}

/** Renders text[from, to) with nested marks for the intervals `ivs` (clipped to the range); an
 * interval crossing another's edge, or the range's, is split in pieces, the one at its start
 * marked `first`. */
function renderRange(text, r, ivs, from, to) {
  const points = cutPoints(ivs, from, to);
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
      if (r[LIST_OF_KIND[iv.kind]]?.[iv.i]?.corrected) {
        node.classList.add('corrected');
        node.title += ' (corrected by hand)';
      }
      (stack.length ? stack[stack.length - 1].node : root).append(node);
      stack.push({ iv, node });
    }
    (stack.length ? stack[stack.length - 1].node : root).append(text.slice(a, b));
  }
  return root;
}

/** The mark (entity, date or quote) that `t` is in, if any. */
const markOf = (t) => t instanceof Element && t.closest('#article [data-kind=entity], #article [data-kind=date], #article [data-kind=quote]');

export class ArticleView {
  /** Draws into `article` (#article) and shows its tooltips in `tooltip` (#tooltip). */
  constructor(article, tooltip) {
    this.article = article;
    this.tooltip = tooltip;
    /** The article shown: its text and result, chunks, and which of them have their marks. */
    this.view = null;
    article.addEventListener('mouseover', (e) => { const m = markOf(e.target); if (m) this.showTip(m); });
    article.addEventListener('mouseout', (e) => { if (markOf(e.target) && !markOf(e.relatedTarget)) this.hideTip(); });
    article.addEventListener('focusin', (e) => { const m = markOf(e.target); if (m) this.showTip(m); else this.hideTip(); });
    article.addEventListener('focusout', () => this.hideTip());
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.hideTip(); });
  }

  /** Shows `text` with the marks of its analysis `r`. */
  show(text, r) {
    const old = this.view;
    old?.observer?.disconnect();
    if (old) cancelIdle(old.idle);
    const starts = chunkStarts(text);
    const article = this.article;
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
      extra: [[-1, 'gap', boilerplateGaps(text, r.blocks)],
        [LAYERS.length, 'cue', r.quotes.map((q) => ({ start: q.cue_start ?? 0, end: q.cue_end ?? 0 }))]]
        .map(([layer, kind, spans]) => ({ layer, kind, spans, index: spanIndex(spans) })),
      observer: null,
      idle: 0,
    };
    for (let c = 0; c < starts.length; c++) {
      const [a, b] = [starts[c], starts[c + 1] ?? text.length];
      const chunk = el('div', { class: starts.length > 1 ? 'chunk lazy' : 'chunk', 'data-chunk': c }, text.slice(a, b));
      if (starts.length > 1) chunk.style.containIntrinsicSize = `auto ${Math.round(estimatedLines(text, a, b, perLine) * lineHeight)}px`;
      v.chunks.push(chunk);
    }
    this.view = v;
    article.replaceChildren(...v.chunks);
    article.tabIndex = 0; // the article's Tab stop, until one of its marks takes it
    article.lang = r.lang === 'other' ? '' : r.lang;
    if (text.length <= SYNC_CHARS) {
      for (let c = 0; c < starts.length; c++) this.markChunk(c);
      return;
    }
    v.observer = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) this.markChunk(Number(e.target.dataset.chunk));
    }, { rootMargin: '100% 0px' });
    for (const chunk of v.chunks) v.observer.observe(chunk);
    if (text.length <= FILL_CHARS) this.fillWhenIdle(v);
  }

  /** Gives chunk `c` of the current view its marks, once. */
  markChunk(c) {
    const v = this.view;
    if (!v || v.marked[c]) return;
    const [a, b] = [v.starts[c], v.starts[c + 1] ?? v.text.length];
    const ivs = [];
    LAYERS.forEach(([list, kind], layer) => {
      for (const i of v.index[list](a, b)) ivs.push({ layer, kind, i, start: v.r[list][i].start, end: v.r[list][i].end });
    });
    for (const { layer, kind, spans, index } of v.extra) {
      for (const i of index(a, b)) ivs.push({ layer, kind, i, start: spans[i].start, end: spans[i].end });
    }
    v.chunks[c].replaceChildren(renderRange(v.text, v.r, ivs, a, b));
    v.marked[c] = 1;
    if (--v.left === 0) v.observer?.disconnect();
  }

  /** Marks up the remaining chunks a few at a time, when the page has nothing else to do. */
  fillWhenIdle(v) {
    let next = 0;
    const step = (deadline) => {
      if (this.view !== v) return;
      while (next < v.starts.length && deadline.timeRemaining() > 2) this.markChunk(next++);
      if (next < v.starts.length) v.idle = idle(step);
    };
    v.idle = idle(step);
  }

  /** The first piece of an item's mark in the article, drawn on demand if its chunk has no marks yet. */
  markOfItem(kind, i) {
    const v = this.view;
    const c = chunkAt(v.starts, v.r[LIST_OF_KIND[kind]][i].start);
    this.markChunk(c);
    return v.chunks[c].querySelector(`[data-kind=${kind}][data-index="${i}"].first`);
  }

  /** Scrolls to item `i` of `kind` (entity, quote or date), flashes and focuses its mark, which
   * shows `visit` ("2/6": which of the list item's mentions it is). Returns false when the item
   * has no mark. */
  reveal(kind, i, visit) {
    const target = this.markOfItem(kind, i);
    if (!target) return false;
    this.article.querySelectorAll('.flash').forEach((e) => e.classList.remove('flash'));
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
    target.dataset.visit = visit;
    target.focus({ preventScroll: true });
    return true;
  }

  showTip(mark) {
    const tip = this.tooltip;
    const [kind, i] = [mark.dataset.kind, Number(mark.dataset.index)];
    const lines = describeMark(this.view.r, kind, i, this.view.text);
    this.showCue(kind === 'quote' ? i : null);
    tip.replaceChildren(...lines.map((line) => el('div', {}, line)));
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    tip.style.left = `${Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - 260)}px`;
    tip.style.top = `${window.scrollY + box.bottom + 6}px`;
  }

  hideTip() {
    this.tooltip.hidden = true;
    this.showCue(null);
  }

  /** Underlines the cue of quote `i` (null: none). */
  showCue(i) {
    this.article.querySelectorAll('.cue.shown').forEach((e) => e.classList.remove('shown'));
    if (i !== null) this.article.querySelectorAll(`.cue[data-cue="${i}"]`).forEach((e) => e.classList.add('shown'));
  }
}
