// Corrections made by hand over an analysis: a list of operations, each naming the item it changes
// by its offsets and its words, applied in order over the result the analysis gave. Named so, they
// apply again to a new analysis of the same text, follow an edit elsewhere in the text (rebase),
// and are dropped, with a note, when the words they name changed. Undo and redo keep the lists
// that came before and after. Pure and serialisable; unit-tested in tests/www/corrections.test.mjs.
//
// Operations ({op, ...}); a "ref" is {start, end, text}, the item as it stands when the operation
// runs (after the ones before it):
//   retype  {ref, type}              the entity of mention ref gets type (all its mentions)
//   span    {ref, start, end}        mention ref covers [start, end) instead
//   delete  {kind, ref, all?}        removes an entity mention (all: its whole entity), a quote or a date
//   add     {start, end, type}       a missed entity mention, an entity of its own
//   merge   {ref, into}              the entity of mention ref joins the entity of mention into
//   split   {ref}                    mention ref leaves its entity for one of its own
//   speaker {ref, speaker, entity}   quote ref is said by `speaker` (entity: a mention ref of the
//                                    speaker's entity, or null), or by no one when speaker is null
//   value   {ref, value}             date ref means `value` (ISO 8601, or null)

import { TYPES } from './labels.js';

/** The operations, for checking a list read back from storage. */
export const OPS = ['retype', 'span', 'delete', 'add', 'merge', 'split', 'speaker', 'value'];

/** A ref to item `x` of the result: its offsets and words. */
export const refOf = (x) => ({ start: x.start, end: x.end, text: x.text });

/** The operations of `ops` moved from `oldText` to `newText`: the edit is the part between their
 * common start and their common end; an operation wholly before it keeps its offsets, one wholly
 * after it moves by the change in length, one touching it is dropped. Returns {ops, dropped}. */
export function rebase(ops, oldText, newText) {
  if (!ops.length || oldText === newText) return { ops, dropped: [] };
  let head = 0;
  const most = Math.min(oldText.length, newText.length);
  while (head < most && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < most - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  const [editEnd, shift] = [oldText.length - tail, newText.length - oldText.length];
  /** The span moved to the new text, or null when the edit touches it. */
  const move = (s) => {
    if (s.end <= head) return s;
    if (s.start >= editEnd) return { ...s, start: s.start + shift, end: s.end + shift };
    return null;
  };
  const kept = [];
  const dropped = [];
  for (const op of ops) {
    const moved = { ...op };
    let ok = true;
    for (const key of ['ref', 'into', 'entity']) {
      if (!op[key]) continue;
      moved[key] = move(op[key]);
      ok &&= moved[key] !== null;
    }
    if (op.op === 'span' || op.op === 'add') {
      const span = move({ start: op.start, end: op.end });
      if (span) Object.assign(moved, span);
      else ok = false;
    }
    (ok ? kept : dropped).push(ok ? moved : op);
  }
  return { ops: kept, dropped };
}

/** Why operation `op` cannot apply to `text`, or null: each ref and span must hold the same words. */
function staleReason(op, text) {
  if (!op || typeof op !== 'object') return 'not an operation';
  if ((op.op === 'retype' || op.op === 'add') && !TYPES.includes(op.type)) return `unknown type ${op.type}`;
  if (['retype', 'span', 'delete', 'merge', 'split', 'speaker', 'value'].includes(op.op) && !op.ref) return 'no item named';
  if (op.op === 'merge' && !op.into) return 'no entity to merge into';
  for (const key of ['ref', 'into', 'entity']) {
    const r = op[key];
    if (r && text.slice(r.start, r.end) !== r.text) return `the text at “${r.text}” changed`;
  }
  if ((op.op === 'span' || op.op === 'add') && !(op.start >= 0 && op.start < op.end && op.end <= text.length)) return 'its span is outside the text';
  return null;
}

/** The analysis as objects the operations change in place: mentions, entities, quotes, dates. */
function workingCopy(r) {
  const entities = r.clusters.map((c) => ({ canonical: c.canonical, type: c.type, roles: [...c.roles], boilerplate: c.boilerplate, from: c, corrected: new Set(), original: {} }));
  const mentions = r.entities.map((m) => ({ m: { ...m }, entity: entities[m.cluster], from: m, corrected: new Set(), original: {} }));
  const quotes = r.quotes.map((q) => {
    const entity = q.speaker_cluster === null ? null : entities[q.speaker_cluster];
    return { q: { ...q }, entity, analysed: entity, from: q, corrected: new Set(), original: {} };
  });
  const dates = r.dates.map((d) => ({ d: { ...d }, from: d, corrected: new Set(), original: {} }));
  return { entities, mentions, quotes, dates };
}

/** Marks `item` corrected by `what`, keeping the analysis's values of `fields` the first time. */
function touch(item, what, source, fields) {
  item.corrected.add(what);
  for (const f of fields) if (!(f in item.original)) item.original[f] = source[f];
}

const at = (list, key, ref) => list.find((x) => x[key].start === ref.start && x[key].end === ref.end);

/** Runs one operation on working copy `w`; returns null, or why it does not apply. */
function run(w, op, text) {
  const mention = (ref) => at(w.mentions, 'm', ref);
  const members = (entity) => w.mentions.filter((x) => x.entity === entity);
  switch (op.op) {
    case 'retype': {
      const x = mention(op.ref);
      if (!x) return 'no such entity';
      for (const y of members(x.entity)) { touch(y, 'type', y.m, ['type']); y.m.type = op.type; }
      touch(x.entity, 'type', x.entity, ['type']);
      x.entity.type = op.type;
      return null;
    }
    case 'span': {
      const x = mention(op.ref);
      if (!x) return 'no such entity';
      if (mention(op)) return 'an entity already has that span';
      touch(x, 'span', x.m, ['start', 'end', 'text']);
      const was = x.m.text;
      Object.assign(x.m, { start: op.start, end: op.end, text: text.slice(op.start, op.end) });
      const e = x.entity;
      if (e.canonical === was || members(e).length === 1 || x.m.text.length > e.canonical.length) {
        touch(e, 'span', e, ['canonical']);
        e.canonical = members(e).map((y) => y.m.text).reduce((a, b) => (b.length > a.length ? b : a));
      }
      return null;
    }
    case 'delete': {
      const list = { entity: w.mentions, quote: w.quotes, date: w.dates }[op.kind];
      const key = { entity: 'm', quote: 'q', date: 'd' }[op.kind];
      const x = list && at(list, key, op.ref);
      if (!x) return `no such ${op.kind}`;
      const gone = op.kind === 'entity' && op.all ? members(x.entity) : [x];
      for (const y of gone) list.splice(list.indexOf(y), 1);
      return null;
    }
    case 'add': {
      if (mention(op)) return 'an entity already has that span';
      const words = text.slice(op.start, op.end);
      const entity = { canonical: words, type: op.type, roles: [], boilerplate: false, from: null, corrected: new Set(['added']), original: {} };
      w.entities.push(entity);
      w.mentions.push({ m: { start: op.start, end: op.end, text: words, type: op.type, canonical: words, cluster: -1 }, entity, from: null, corrected: new Set(['added']), original: {} });
      return null;
    }
    case 'merge': {
      const [x, into] = [mention(op.ref), mention(op.into)];
      if (!x || !into) return 'no such entity';
      const [gone, kept] = [x.entity, into.entity];
      if (gone === kept) return 'already one entity';
      touch(kept, 'merged', kept, ['canonical', 'roles']);
      for (const y of members(gone)) { touch(y, 'merged', y.m, ['cluster', 'type']); y.entity = kept; y.m.type = kept.type; }
      if (gone.canonical.length > kept.canonical.length) kept.canonical = gone.canonical;
      kept.roles = [...new Set([...kept.roles, ...gone.roles])];
      kept.boilerplate = kept.boilerplate && gone.boilerplate;
      for (const q of w.quotes) if (q.entity === gone) q.entity = kept;
      return null;
    }
    case 'split': {
      const x = mention(op.ref);
      if (!x) return 'no such entity';
      if (members(x.entity).length < 2) return 'already an entity of its own';
      touch(x, 'split', x.m, ['cluster']);
      const entity = { canonical: x.m.text, type: x.m.type, roles: [], boilerplate: Boolean(x.m.boilerplate), from: null, corrected: new Set(['split']), original: {} };
      w.entities.push(entity);
      x.entity = entity;
      return null;
    }
    case 'speaker': {
      const q = at(w.quotes, 'q', op.ref);
      if (!q) return 'no such quote';
      const by = op.entity ? mention(op.entity) : null;
      if (op.entity && !by) return 'no such speaker entity';
      touch(q, 'speaker', q.q, ['speaker', 'speaker_cluster', 'speaker_start', 'speaker_end', 'speaker_text', 'resolution', 'confidence']);
      q.entity = by ? by.entity : null;
      Object.assign(q.q, {
        speaker: by ? null : op.speaker ?? null,
        speaker_start: by ? by.m.start : null,
        speaker_end: by ? by.m.end : null,
        speaker_text: by ? by.m.text : null,
        resolution: op.speaker || by ? q.q.resolution : 'none',
        confidence: op.speaker || by ? 1 : 0,
      });
      return null;
    }
    case 'value': {
      const d = at(w.dates, 'd', op.ref);
      if (!d) return 'no such date';
      touch(d, 'value', d.d, ['value']);
      d.d.value = op.value || null;
      return null;
    }
    default:
      return `unknown operation ${op.op}`;
  }
}

/** Gives `out` the `corrected` list and `original` values of working item `x`, when corrected. */
function flag(out, x) {
  if (!x.corrected.size) return out;
  out.corrected = [...x.corrected];
  if (Object.keys(x.original).length) out.original = { ...x.original };
  return out;
}

/** Result `r` of `text` with operations `ops` applied in order. Returns {result, skipped}: the
 * corrected result (r itself when there are none), in the API's shape with the clusters, their
 * indices and the quotes' speaker clusters renumbered, each corrected item carrying `corrected`
 * (what was corrected: "type", "span", "added", "merged", "split", "speaker", "value") and
 * `original` (the analysis's values of the fields changed); and the operations that did not
 * apply, as {op, reason}. */
export function applyCorrections(text, r, ops) {
  if (!ops.length) return { result: r, skipped: [] };
  const w = workingCopy(r);
  const skipped = [];
  for (const op of ops) {
    const reason = staleReason(op, text) ?? run(w, op, text);
    if (reason) skipped.push({ op, reason });
  }
  w.mentions.sort((a, b) => a.m.start - b.m.start || a.m.end - b.m.end);
  // Entities in order of first mention; those left without mentions go.
  const order = [];
  const index = new Map();
  for (const x of w.mentions) if (!index.has(x.entity)) { index.set(x.entity, order.length); order.push(x.entity); }
  // A mention keeps its own type (the analysis may type one mention apart from its entity).
  const entities = w.mentions.map((x) => flag({ ...x.m, canonical: x.entity.canonical, cluster: index.get(x.entity) }, x));
  const clusters = order.map((e) => flag({
    canonical: e.canonical, type: e.type, roles: e.roles,
    mentions: [], boilerplate: e.boilerplate,
  }, e));
  entities.forEach((m, i) => clusters[m.cluster].mentions.push(i));
  const quotes = w.quotes.map((q) => {
    const cluster = q.entity && index.has(q.entity) ? index.get(q.entity) : null;
    // The speaker's name follows its entity when that changed; else it stays as the analysis gave it.
    const same = !q.corrected.size && q.entity === q.analysed && q.entity?.canonical === q.entity?.from?.canonical;
    const speaker = cluster === null || same ? q.q.speaker : order[cluster].canonical;
    return flag({ ...q.q, speaker, speaker_cluster: cluster }, q);
  });
  const dates = w.dates.map((d) => flag({ ...d.d }, d));
  return { result: { ...r, entities, quotes, dates, clusters }, skipped };
}

/** What the operations of a list do, counted for a note: "2 corrections". */
export const correctionCount = (ops) => `${ops.length} correction${ops.length === 1 ? '' : 's'}`;

/** The corrections of one text with their undo and redo stacks: each change pushes the list it
 * replaces. The lists are never changed in place, so that each stays as it was. A log made from a
 * saved or rebased list can undo its operations one by one, last first (the page only ever adds
 * operations, so that is the history they were made in). */
export class CorrectionLog {
  constructor(ops = []) {
    this.ops = ops;
    this.undone = [];
    this.done = ops.map((_, i) => ops.slice(0, i));
  }

  /** Adds operation `op` after the others. */
  push(op) {
    this.replace([...this.ops, op]);
  }

  /** Replaces the list; the old one can be brought back by undo. */
  replace(ops) {
    this.done.push(this.ops);
    this.undone = [];
    this.ops = ops;
  }

  /** Brings back the list before the last change; false when there is none. */
  undo() {
    if (!this.done.length) return false;
    this.undone.push(this.ops);
    this.ops = this.done.pop();
    return true;
  }

  /** Brings back the list the last undo took away; false when there is none. */
  redo() {
    if (!this.undone.length) return false;
    this.done.push(this.ops);
    this.ops = this.undone.pop();
    return true;
  }

  /** The list for a new text, rebased; the stacks start again from it (their offsets were the
   * old text's). Returns the operations dropped. */
  rebase(oldText, newText) {
    const { ops, dropped } = rebase(this.ops, oldText, newText);
    if (ops !== this.ops) Object.assign(this, new CorrectionLog(ops));
    return dropped;
  }
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units: the saved corrections name the text they
 * were made on by it. */
export function textHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}
