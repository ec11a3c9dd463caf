// Reviewing the analysis by hand: a small menu on a highlight of the article or an item of the
// side lists (click it, its ✎ button, or press E or the menu key on it) to retype, delete, merge or
// split an entity, reassign or clear a quote's speaker, fix a date's value; selecting words in the
// article offers to add them as an entity or to make them an entity's span. The corrections
// (corrections.js) are applied over each analysis of the same text, kept beside the text
// (storage.js), undone and redone with the bar's buttons or Ctrl+Z / Ctrl+Shift+Z outside the
// text box. The analysis as it was is shown on demand ("Show the analysis without them").

import { LIST_OF_KIND } from './article-view.js';
import { $, el } from './dom.js';
import { applyCorrections, CorrectionLog, correctionCount, OPS, refOf, textHash } from './corrections.js';
import { TYPE_NAMES, TYPES } from './labels.js';
import { SavedCorrections } from './storage.js';

/** A date value as corrected by hand: ISO 8601 at the precision known, with a time or not. */
const ISO_VALUE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}){0,2})?)?)?$/;
/** A selection on a touch screen opens the menu once it has not changed for this long. */
const SETTLE_MS = 700;
/** How the analysis found a quote's speaker (the API's `resolution`), in words. */
const HOW_FOUND = {
  named: 'by name', role: 'by a role or title', pronoun: 'through a pronoun',
  continuation: 'from the quote before', headline: 'in the headline',
};
const isEditable = (t) => t instanceof Element && (t.closest('input, textarea, select, [contenteditable=""], [contenteditable=true]') !== null);

/** The words a mark or list item shows for an item's correction, for the menu's "as analysed" line. */
function originalLine(item) {
  const o = item.original ?? {};
  const parts = [];
  if ('type' in o) parts.push(`type ${TYPE_NAMES[o.type] ?? o.type}`);
  if ('text' in o) parts.push(`words “${o.text}”`);
  if ('speaker' in o) parts.push(`speaker ${o.speaker ?? 'none'}`);
  if ('value' in o) parts.push(`value ${o.value ?? 'unresolved'}`);
  if ('cluster' in o) parts.push('another entity');
  if (item.corrected?.includes('added')) parts.push('not found (added by hand)');
  return parts.length ? `As analysed: ${parts.join(', ')}.` : null;
}

export class Review {
  /** `rerender()` shows the result again (app.js render, which calls `correct`); `view()` is the
   * article view's current view ({text, starts, chunks}) for mapping a selection to offsets. */
  constructor({ rerender, view, storage }) {
    this.rerender = rerender;
    this.view = view;
    this.saved = new SavedCorrections(storage);
    this.log = new CorrectionLog();
    /** The text the corrections' offsets index; null before the first result. */
    this.text = null;
    this.raw = null;
    this.shown = null;
    /** Notes on corrections dropped or not applied. */
    this.note = '';
    this.menu = el('div', { id: 'review-menu', class: 'review-menu', role: 'dialog', 'aria-label': 'Correct', hidden: true });
    document.body.append(this.menu);
    this.opener = null;
    this.wire();
  }

  /** The operations made so far, in order (the JSON export carries them). */
  get ops() {
    return this.log.ops;
  }

  /** Result `raw` of `text` with the corrections applied; when the text changed since the last
   * call they are moved over the edit, those it touched dropped with a note. */
  correct(text, raw) {
    if (!raw) return raw;
    if (this.text === null) {
      const saved = this.saved.load();
      if (saved && saved.text === textHash(text)) this.log = new CorrectionLog(saved.ops.filter((op) => OPS.includes(op?.op)));
      else if (saved?.ops.length) this.note = `${correctionCount(saved.ops)} saved for another text were dropped.`;
    } else if (text !== this.text) {
      const dropped = this.log.rebase(this.text, text);
      // A cleared text box drops them all, as asked: no note for that.
      this.note = dropped.length && text ? `${correctionCount(dropped)} dropped: the words they named changed.` : '';
    }
    this.text = text;
    this.raw = raw;
    // A text is hashed only when it has corrections (a 10 MB text takes a few tens of ms).
    if (!this.saved.save(this.log.ops.length ? textHash(text) : '', this.log.ops)) this.note = 'The browser\'s storage is not available: the corrections will not come back after a reload.';
    const { result, skipped } = applyCorrections(text, raw, $('#show-original')?.checked ? [] : this.log.ops);
    this.shown = result;
    this.updateBar(skipped);
    return result;
  }

  updateBar(skipped) {
    $('#undo').disabled = !this.log.done.length;
    $('#redo').disabled = !this.log.undone.length;
    const n = this.log.ops.length;
    const notes = [n ? `${correctionCount(this.log.ops)} made by hand.` : 'None yet: click a highlight or select words in the article.'];
    if (skipped.length) notes.push(`${correctionCount(skipped.map((s) => s.op))} do not apply to this analysis (${skipped[0].reason}).`);
    if (this.note) notes.push(this.note);
    $('#review-note').textContent = notes.join(' ');
  }

  /** Replaces the corrections by `ops` (one undo step) and shows the result again, with the focus
   * back on the item of `kind` starting at `start` if given. */
  change(ops, focus = null) {
    this.closeMenu(false);
    this.note = '';
    this.log.replace(ops);
    this.rerender();
    if (focus) this.focusItem(focus.kind, focus.start);
  }

  /** Adds entity operation `op` and focuses the entity's mark. */
  add(op) {
    this.change([...this.log.ops, op], { kind: 'entity', start: op.ref?.start ?? op.start });
  }

  undo() {
    if (this.log.undo()) { this.closeMenu(false); this.rerender(); }
  }

  redo() {
    if (this.log.redo()) { this.closeMenu(false); this.rerender(); }
  }

  focusItem(kind, start) {
    const list = this.shown?.[LIST_OF_KIND[kind]] ?? [];
    const i = list.findIndex((x) => x.start === start);
    document.querySelector(`#article [data-kind=${kind}][data-index="${i}"].first`)?.focus({ preventScroll: true });
  }

  wire() {
    const article = $('#article');
    const panels = document.querySelector('.panels');
    $('#undo').addEventListener('click', () => this.undo());
    $('#redo').addEventListener('click', () => this.redo());
    $('#show-original').addEventListener('change', () => this.rerender());
    // Escape closes the menu first, before any other use of the key on the page.
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.menu.hidden) { e.stopPropagation(); this.closeMenu(true); }
    }, true);
    document.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isEditable(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) this.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') this.redo();
      else return;
      e.preventDefault();
    });
    document.addEventListener('mousedown', (e) => {
      if (!this.menu.hidden && !this.menu.contains(e.target)) this.closeMenu(false);
    });
    article.addEventListener('click', (e) => {
      if (this.selection()) return;
      const mark = e.target instanceof Element && e.target.closest('[data-kind=entity], [data-kind=quote], [data-kind=date]');
      if (mark) this.openForMark(mark);
    });
    article.addEventListener('mouseup', () => setTimeout(() => this.openForSelection(), 0));
    // A touch screen selects with a long press and handles, without a mouseup: offer the menu once
    // the selection has stayed put for a moment.
    let settle = 0;
    document.addEventListener('selectionchange', () => {
      clearTimeout(settle);
      if (matchMedia('(pointer: coarse)').matches) settle = setTimeout(() => { if (this.menu.hidden) this.openForSelection(); }, SETTLE_MS);
    });
    const menuKey = (e) => e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey) || ((e.key === 'e' || e.key === 'E') && !e.ctrlKey && !e.metaKey && !e.altKey);
    article.addEventListener('keydown', (e) => {
      if (!menuKey(e)) return;
      const mark = e.target instanceof Element && e.target.closest('[data-kind=entity], [data-kind=quote], [data-kind=date]');
      if (this.openForSelection() || (mark && this.openForMark(mark))) e.preventDefault();
    });
    panels.addEventListener('click', (e) => {
      const edit = e.target instanceof Element && e.target.closest('button.edit');
      if (edit) this.openForKey(edit.dataset.key, edit);
    });
    panels.addEventListener('keydown', (e) => {
      const item = e.target instanceof Element && e.target.closest('button.item');
      if (item && menuKey(e)) { e.preventDefault(); this.openForKey(item.dataset.key, item); }
    });
  }

  // ---------- the menu ----------

  /** Shows the menu with `content` under `anchor` (an element or a DOMRect); not while the
   * analysis is shown without the corrections. */
  openMenu(anchor, title, ...content) {
    if ($('#show-original').checked) return false;
    this.opener = anchor instanceof Element ? anchor : document.activeElement;
    this.menu.replaceChildren(el('p', { class: 'review-title' }, title), ...content.filter(Boolean),
      el('button', { type: 'button', class: 'review-close', 'aria-label': 'Close' }, '×'));
    this.menu.querySelector('.review-close').addEventListener('click', () => this.closeMenu(true));
    this.menu.hidden = false;
    $('#tooltip').hidden = true; // the mark's tooltip would show under the menu
    const box = anchor instanceof Element ? anchor.getBoundingClientRect() : anchor;
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    this.menu.style.left = `${window.scrollX + Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8))}px`;
    this.menu.style.top = `${window.scrollY + box.bottom + 6}px`;
    this.menu.querySelector('button:not(.review-close), select, input')?.focus({ preventScroll: true });
    return true;
  }

  closeMenu(refocus) {
    if (this.menu.hidden) return;
    this.menu.hidden = true;
    if (refocus && this.opener?.isConnected) this.opener.focus({ preventScroll: true });
  }

  /** A row of buttons, each running its action. */
  buttons(label, specs) {
    return el('div', { class: 'review-row', role: 'group', 'aria-label': label }, el('span', { class: 'review-label' }, label),
      ...specs.filter(Boolean).map(([text, action, attrs = {}]) => {
        const b = el('button', { type: 'button', ...attrs }, text);
        b.addEventListener('click', action);
        return b;
      }));
  }

  asAnalysed(item) {
    const line = originalLine(item);
    return line && el('p', { class: 'review-original note' }, line);
  }

  openForMark(mark) {
    const kind = mark.dataset.kind;
    const item = this.shown?.[LIST_OF_KIND[kind]]?.[Number(mark.dataset.index)];
    if (!item) return false;
    if (kind === 'entity') return this.entityMenu(mark, item, false);
    if (kind === 'quote') return this.quoteMenu(mark, item);
    return this.dateMenu(mark, [item]);
  }

  /** Opens the menu of the side list item `key` ("cluster:3", "quote:0", "date:2025-06-24"). */
  openForKey(key, anchor) {
    const r = this.shown;
    const colon = key.indexOf(':');
    const [kind, rest] = [key.slice(0, colon), key.slice(colon + 1)];
    if (kind === 'cluster') {
      const c = r.clusters[Number(rest)];
      return c && this.entityMenu(anchor, r.entities[c.mentions[0]], true);
    }
    if (kind === 'quote') return r.quotes[Number(rest)] && this.quoteMenu(anchor, r.quotes[Number(rest)]);
    const dates = r.dates.filter((d) => (d.value ?? '') === rest);
    return dates.length > 0 && this.dateMenu(anchor, dates);
  }

  /** The menu of entity mention `m`: of its whole entity when `whole` (a list item). */
  entityMenu(anchor, m, whole) {
    const r = this.shown;
    const c = r.clusters[m.cluster];
    const ref = refOf(m);
    const others = r.clusters.map((o, i) => ({ o, i })).filter(({ i }) => i !== m.cluster);
    const merge = el('select', { 'aria-label': 'Merge with another entity' },
      el('option', { value: '' }, 'Same as…'),
      ...others.map(({ o, i }) => el('option', { value: i }, `${o.canonical} (${TYPE_NAMES[o.type]})`)));
    merge.addEventListener('change', () => {
      const into = r.clusters[Number(merge.value)];
      if (merge.value !== '' && into) this.add({ op: 'merge', ref, into: refOf(r.entities[into.mentions[0]]) });
    });
    const n = c.mentions.length;
    return this.openMenu(anchor, `${whole ? c.canonical : `“${m.text}”`} — ${TYPE_NAMES[c.type]}${n > 1 ? `, ${n} mentions` : ''}`,
      this.asAnalysed(whole ? c : m),
      this.buttons('Type', TYPES.map((t) => [TYPE_NAMES[t], () => this.add({ op: 'retype', ref, type: t }), { 'aria-pressed': String(t === c.type), class: `t-${t}` }])),
      el('div', { class: 'review-row' }, el('label', {}, 'Merge: ', merge)),
      this.buttons('Edit', [
        !whole && n > 1 && ['Split this mention off', () => this.add({ op: 'split', ref })],
        !whole && ['Delete this mention', () => this.change([...this.log.ops, { op: 'delete', kind: 'entity', ref }])],
        (whole || n > 1) && [`Delete the entity${n > 1 ? ` (${n} mentions)` : ''}`, () => this.change([...this.log.ops, { op: 'delete', kind: 'entity', ref, all: true }])],
      ]),
      !whole && el('p', { class: 'note' }, 'To fix its words, select the right ones in the article.'));
  }

  quoteMenu(anchor, q) {
    const r = this.shown;
    const ref = refOf(q);
    // People and organisations, and the speaker found whatever its type.
    const speakers = r.clusters.map((c, i) => ({ c, i })).filter(({ c, i }) => c.type === 'PER' || c.type === 'ORG' || i === q.speaker_cluster);
    const pick = el('select', { 'aria-label': 'Speaker' },
      el('option', { value: 'none' }, 'No speaker'),
      ...speakers.map(({ c, i }) => el('option', { value: i, selected: q.speaker_cluster === i }, c.canonical)),
      el('option', { value: 'other', selected: q.speaker !== null && q.speaker_cluster === null }, 'Another name…'));
    const name = el('input', { type: 'text', 'aria-label': 'Speaker\'s name', value: q.speaker_cluster === null ? q.speaker ?? '' : '', hidden: pick.value !== 'other' });
    pick.addEventListener('change', () => { name.hidden = pick.value !== 'other'; if (!name.hidden) name.focus(); });
    const apply = () => {
      const chosen = r.clusters[Number(pick.value)];
      if (pick.value === 'none') this.change([...this.log.ops, { op: 'speaker', ref, speaker: null, entity: null }]);
      else if (pick.value === 'other' && name.value.trim()) this.change([...this.log.ops, { op: 'speaker', ref, speaker: name.value.trim(), entity: null }]);
      else if (chosen) this.change([...this.log.ops, { op: 'speaker', ref, speaker: chosen.canonical, entity: refOf(r.entities[chosen.mentions[0]]) }]);
      else return;
      this.focusItem('quote', ref.start);
    };
    name.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
    const short = q.text.length > 60 ? `${q.text.slice(0, 57)}…` : q.text;
    const found = q.corrected ? null : el('p', { class: 'note' }, q.speaker
      ? `Speaker found ${HOW_FOUND[q.resolution] ?? q.resolution}, confidence ${Math.round(q.confidence * 100)} %.`
      : 'The analysis found no speaker.');
    return this.openMenu(anchor, `Quote « ${short} »`, this.asAnalysed(q), found,
      el('div', { class: 'review-row' }, el('label', {}, 'Said by ', pick), name),
      this.buttons('Edit', [['Set the speaker', apply, { class: 'review-apply' }],
        ['Delete the quote', () => this.change([...this.log.ops, { op: 'delete', kind: 'quote', ref }])]]));
  }

  /** The menu of dates `dates` (one mark, or a list item's group of the same value). */
  dateMenu(anchor, dates) {
    const d = dates[0];
    const value = el('input', { type: 'text', 'aria-label': 'Value (YYYY, YYYY-MM or YYYY-MM-DD)', value: d.value ?? '', placeholder: 'YYYY-MM-DD', size: 12 });
    const error = el('span', { class: 'note', role: 'alert' });
    const apply = () => {
      const v = value.value.trim();
      if (v && !ISO_VALUE.test(v)) { error.textContent = 'Write it as YYYY, YYYY-MM or YYYY-MM-DD.'; return; }
      this.change([...this.log.ops, ...dates.map((x) => ({ op: 'value', ref: refOf(x), value: v || null }))], { kind: 'date', start: d.start });
    };
    value.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
    const title = dates.length > 1 ? `${dates.length} dates valued ${d.value ?? 'unresolved'}` : `Date “${d.text}”`;
    return this.openMenu(anchor, title, this.asAnalysed(d),
      el('div', { class: 'review-row' }, el('label', {}, 'Value ', value), error),
      this.buttons('Edit', [[dates.length > 1 ? 'Set them all' : 'Set the value', apply, { class: 'review-apply' }],
        [dates.length > 1 ? 'Delete them' : 'Delete the date', () => this.change([...this.log.ops, ...dates.map((x) => ({ op: 'delete', kind: 'date', ref: refOf(x) }))])]]));
  }

  // ---------- selecting words ----------

  /** The selected words of the article as {start, end, rect}, trimmed of spaces, or null. */
  selection() {
    const sel = window.getSelection();
    const v = this.view();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !v) return null;
    const range = sel.getRangeAt(0);
    const offset = (node, at) => {
      const chunk = (node instanceof Element ? node : node.parentElement)?.closest('#article .chunk');
      if (!chunk) return null;
      const before = document.createRange();
      before.setStart(chunk, 0);
      before.setEnd(node, at);
      return v.starts[Number(chunk.dataset.chunk)] + before.toString().length;
    };
    let [start, end] = [offset(range.startContainer, range.startOffset), offset(range.endContainer, range.endOffset)];
    if (start === null || end === null) return null;
    while (start < end && /\s/.test(v.text[start])) start++;
    while (end > start && /\s/.test(v.text[end - 1])) end--;
    return start < end ? { start, end, rect: range.getBoundingClientRect() } : null;
  }

  /** Opens the menu for the selected words: add them as an entity, or make them the span of an
   * entity mention they overlap. False when nothing is selected. */
  openForSelection() {
    const s = this.selection();
    if (!s || !this.shown) return false;
    const words = this.text.slice(s.start, s.end);
    if (words.length > 200) return false;
    const overlapping = this.shown.entities.filter((m) => m.start < s.end && m.end > s.start && !(m.start === s.start && m.end === s.end)).slice(0, 3);
    return this.openMenu(s.rect, `“${words}”`,
      this.buttons('Add as', TYPES.map((t) => [TYPE_NAMES[t], () => this.add({ op: 'add', start: s.start, end: s.end, type: t }), { class: `t-${t}` }])),
      overlapping.length > 0 && this.buttons('Or', overlapping.map((m) => [`Make these the words of “${m.text}”`,
        () => this.change([...this.log.ops, { op: 'span', ref: refOf(m), start: s.start, end: s.end }], { kind: 'entity', start: s.start })])));
  }
}
