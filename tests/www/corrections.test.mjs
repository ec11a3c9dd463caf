// Corrections over an analysis (www/corrections.js): each operation, their order, refs that no
// longer hold, rebasing over an edit, undo and redo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCorrections, CorrectionLog, rebase, refOf, textHash } from '../../www/corrections.js';

const TEXT = 'Emmanuel Macron a reçu Olaf Scholz à Paris. « Nous avançons », a dit Macron lundi. Le Monde.';
const find = (words, from = 0) => {
  const start = TEXT.indexOf(words, from);
  return { start, end: start + words.length, text: words };
};
const mention = (words, type, cluster, canonical, from = 0) => ({ ...find(words, from), type, canonical, cluster });
/** A result shaped as the API's, by hand. */
function result() {
  const macron2 = TEXT.indexOf('Macron', 20);
  return {
    lang: 'fr', headline: null,
    entities: [
      mention('Emmanuel Macron', 'PER', 0, 'Emmanuel Macron'),
      mention('Olaf Scholz', 'PER', 1, 'Olaf Scholz'),
      mention('Paris', 'PER', 2, 'Paris'),
      mention('Macron', 'PER', 0, 'Emmanuel Macron', macron2),
    ],
    clusters: [
      { canonical: 'Emmanuel Macron', type: 'PER', roles: ['président'], mentions: [0, 3], boilerplate: false },
      { canonical: 'Olaf Scholz', type: 'PER', roles: [], mentions: [1], boilerplate: false },
      { canonical: 'Paris', type: 'PER', roles: [], mentions: [2], boilerplate: false },
    ],
    quotes: [{
      ...find('Nous avançons'), speaker: 'Olaf Scholz', speaker_cluster: 1,
      speaker_start: null, speaker_end: null, speaker_text: null, cue_start: null, cue_end: null, resolution: 'named', confidence: 0.6,
    }],
    dates: [{ ...find('lundi'), value: '2025-06-23' }],
    blocks: [],
  };
}
const apply = (ops) => applyCorrections(TEXT, result(), ops);

test('no corrections give the analysis itself', () => {
  const r = result();
  assert.equal(applyCorrections(TEXT, r, []).result, r);
});

test('a correction leaves the other items as the analysis gave them, a mention typed apart from its entity and a speaker named apart included', () => {
  const r = result();
  r.entities[3].type = 'ORG';
  r.quotes[0].speaker = 'Scholz';
  const { result: out } = applyCorrections(TEXT, r, [{ op: 'value', ref: find('lundi'), value: null }]);
  assert.deepEqual(out.entities, r.entities);
  assert.deepEqual(out.clusters, r.clusters);
  assert.deepEqual(out.quotes, r.quotes);
});

test('retype changes the type of the whole entity, keeping the analysis\'s own', () => {
  const { result: r, skipped } = apply([{ op: 'retype', ref: find('Paris'), type: 'LOC' }]);
  assert.deepEqual(skipped, []);
  assert.equal(r.entities[2].type, 'LOC');
  assert.deepEqual(r.entities[2].corrected, ['type']);
  assert.deepEqual(r.entities[2].original, { type: 'PER' });
  assert.equal(r.clusters[2].type, 'LOC');
  assert.equal(r.entities[0].corrected, undefined, 'other items are untouched');
  assert.deepEqual(r.entities[0], result().entities[0]);
});

test('span moves a mention and renames a one-mention entity', () => {
  const r = apply([{ op: 'add', ...find('Le Monde'), type: 'ORG' }, { op: 'span', ref: find('Le Monde'), ...find('Monde') }]).result;
  const m = r.entities.find((e) => e.text === 'Monde');
  assert.deepEqual(m.corrected, ['added', 'span']);
  assert.equal(r.clusters[m.cluster].canonical, 'Monde');
  const grown = apply([{ op: 'span', ref: find('Paris'), start: find('à Paris').start, end: find('Paris').end }]).result;
  assert.equal(grown.entities[2].text, 'à Paris');
  assert.deepEqual(grown.entities[2].original, { start: find('Paris').start, end: find('Paris').end, text: 'Paris' });
});

test('delete removes a mention, or a whole entity, and the entity\'s quotes lose their cluster', () => {
  let r = apply([{ op: 'delete', kind: 'entity', ref: find('Paris') }]).result;
  assert.equal(r.entities.length, 3);
  assert.equal(r.clusters.length, 2);
  r = apply([{ op: 'delete', kind: 'entity', ref: find('Olaf Scholz'), all: true }]).result;
  assert.equal(r.quotes[0].speaker_cluster, null);
  assert.equal(r.quotes[0].speaker, 'Olaf Scholz');
  assert.deepEqual(r.clusters.map((c) => c.mentions), [[0, 2], [1]], 'indices renumbered');
  r = apply([{ op: 'delete', kind: 'quote', ref: find('Nous avançons') }, { op: 'delete', kind: 'date', ref: find('lundi') }]).result;
  assert.deepEqual([r.quotes.length, r.dates.length], [0, 0]);
});

test('add makes a new entity in text order; merge and split move mentions between entities', () => {
  let r = apply([{ op: 'add', ...find('Le Monde'), type: 'ORG' }]).result;
  assert.equal(r.entities.at(-1).text, 'Le Monde');
  assert.equal(r.clusters.at(-1).canonical, 'Le Monde');
  assert.deepEqual(r.clusters.at(-1).corrected, ['added']);
  r = apply([{ op: 'merge', ref: find('Olaf Scholz'), into: find('Emmanuel Macron') }]).result;
  assert.equal(r.clusters.length, 2);
  assert.deepEqual(r.clusters[0].mentions, [0, 1, 3]);
  assert.equal(r.quotes[0].speaker_cluster, 0, 'the quotes follow the merged entity');
  assert.equal(r.quotes[0].speaker, 'Emmanuel Macron');
  assert.deepEqual(r.clusters[0].corrected, ['merged']);
  r = apply([{ op: 'split', ref: find('Macron', 20) }]).result;
  assert.equal(r.clusters.length, 4);
  assert.equal(r.clusters[3].canonical, 'Macron');
  assert.deepEqual(r.clusters[0].mentions, [0]);
  const one = apply([{ op: 'split', ref: find('Paris') }]);
  assert.equal(one.skipped[0].reason, 'already an entity of its own');
});

test('a quote\'s speaker is reassigned to an entity, named by hand, or cleared', () => {
  let r = apply([{ op: 'speaker', ref: find('Nous avançons'), speaker: 'Emmanuel Macron', entity: find('Macron', 20) }]).result;
  const q = r.quotes[0];
  assert.deepEqual([q.speaker, q.speaker_cluster, q.speaker_text, q.confidence], ['Emmanuel Macron', 0, 'Macron', 1]);
  assert.deepEqual(q.corrected, ['speaker']);
  assert.equal(q.original.speaker, 'Olaf Scholz');
  r = apply([{ op: 'speaker', ref: find('Nous avançons'), speaker: 'un conseiller', entity: null }]).result;
  assert.deepEqual([r.quotes[0].speaker, r.quotes[0].speaker_cluster], ['un conseiller', null]);
  r = apply([{ op: 'speaker', ref: find('Nous avançons'), speaker: null, entity: null }]).result;
  assert.deepEqual([r.quotes[0].speaker, r.quotes[0].resolution, r.quotes[0].confidence], [null, 'none', 0]);
});

test('a date gets its value by hand', () => {
  const r = apply([{ op: 'value', ref: find('lundi'), value: '2025-06-30' }]).result;
  assert.equal(r.dates[0].value, '2025-06-30');
  assert.deepEqual(r.dates[0].original, { value: '2025-06-23' });
});

test('operations whose words changed, or whose item is gone, are skipped with a reason', () => {
  const stale = { op: 'retype', ref: { ...find('Paris'), text: 'Lyon' }, type: 'LOC' };
  const { result: r, skipped } = apply([stale, { op: 'retype', ref: find('lundi'), type: 'LOC' }]);
  assert.deepEqual(skipped.map((s) => s.reason), ['the text at “Lyon” changed', 'no such entity']);
  assert.deepEqual(r.entities, result().entities);
});

test('malformed operations (a hand-edited storage) are skipped, not thrown', () => {
  const { result: r, skipped } = apply([null, { op: 'retype', type: 'LOC' }, { op: 'retype', ref: find('Paris'), type: 'CITY' },
    { op: 'merge', ref: find('Paris') }, { op: 'nothing' }, { op: 'add', start: 5, end: 2, type: 'PER' }]);
  assert.deepEqual(skipped.map((s) => s.reason), ['not an operation', 'no item named', 'unknown type CITY', 'no entity to merge into',
    'unknown operation nothing', 'its span is outside the text']);
  assert.deepEqual(r.entities, result().entities);
});

test('rebase keeps operations before an edit, moves those after it, drops those it touches', () => {
  const ops = [
    { op: 'retype', ref: find('Emmanuel Macron'), type: 'ORG' },
    { op: 'retype', ref: find('Paris'), type: 'LOC' },
    { op: 'value', ref: find('lundi'), value: '2025-06-30' },
  ];
  const edited = TEXT.replace('Olaf Scholz', 'le chancelier Olaf Scholz');
  const { ops: kept, dropped } = rebase(ops, TEXT, edited);
  assert.deepEqual(dropped, []);
  assert.deepEqual(kept[0], ops[0]);
  assert.equal(edited.slice(kept[1].ref.start, kept[1].ref.end), 'Paris');
  assert.equal(edited.slice(kept[2].ref.start, kept[2].ref.end), 'lundi');
  const touched = rebase(ops, TEXT, TEXT.replace('Paris', 'Berlin'));
  assert.deepEqual(touched.dropped, [ops[1]]);
  assert.deepEqual(rebase(ops, TEXT, 'Un autre article.').ops, []);
  assert.equal(rebase(ops, TEXT, TEXT).ops, ops);
});

test('the log undoes and redoes, and a new change empties the redo stack', () => {
  const log = new CorrectionLog();
  const a = { op: 'retype', ref: refOf(result().entities[2]), type: 'LOC' };
  const b = { op: 'value', ref: find('lundi'), value: null };
  log.push(a);
  log.push(b);
  assert.deepEqual(log.ops, [a, b]);
  assert.ok(log.undo());
  assert.deepEqual(log.ops, [a]);
  assert.ok(log.undo());
  assert.deepEqual(log.ops, []);
  assert.equal(log.undo(), false);
  assert.ok(log.redo());
  assert.deepEqual(log.ops, [a]);
  log.push(b);
  assert.equal(log.redo(), false);
  const edited = TEXT.replace('Paris', 'Lyon');
  assert.deepEqual(log.rebase(TEXT, edited), [a]);
  assert.deepEqual(log.ops.map((op) => edited.slice(op.ref.start, op.ref.end)), ['lundi']);
  assert.ok(log.undo(), 'a rebased list is undone one operation at a time');
  assert.deepEqual(log.ops, []);
  assert.equal(log.undo(), false);
  const saved = new CorrectionLog([a, b]);
  assert.ok(saved.undo());
  assert.deepEqual(saved.ops, [a], 'a saved list too');
});

test('the text hash changes with the text', () => {
  assert.equal(textHash(TEXT), textHash(`${TEXT}`));
  assert.notEqual(textHash(TEXT), textHash(TEXT.replace('P', 'p')));
});
