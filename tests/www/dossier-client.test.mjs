// The dossier's worker client on a stand-in worker: answers in order, none superseded, errors
// and a failed load reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DossierWorker } from '../../www/dossier-client.js';

/** A stand-in worker that records what it is sent; `reply(data)` answers as worker.js would. */
function standIn() {
  const w = { sent: [], postMessage(m) { this.sent.push(m); }, reply(data) { this.onmessage({ data, target: this }); } };
  return w;
}

test('dossier requests are all answered, each with its own result, in any order', async () => {
  let w;
  const client = new DossierWorker({ startWorker: () => (w = standIn()) });
  w.reply({ ready: true, version: 'x' });
  await client.ready;
  const a = client.add('a', 'Texte A', { referenceDate: '2024-01-02' });
  const b = client.add('a', 'Texte B', {});
  const merged = client.merged();
  assert.deepEqual(w.sent.map((m) => [m.type, m.article ?? null]), [['dossier-add', 'a'], ['dossier-add', 'a'], ['dossier-merged', null]]);
  assert.deepEqual(w.sent[0].options, { referenceDate: '2024-01-02' });
  w.reply({ id: w.sent[1].id, result: 'a-2', ms: 1 });
  w.reply({ id: w.sent[0].id, result: 'a', ms: 1 });
  w.reply({ id: w.sent[2].id, progress: { stage: 'x', fraction: 0.5 } });
  w.reply({ id: w.sent[2].id, result: { articles: [] }, ms: 1 });
  assert.deepEqual(await Promise.all([a, b, merged]), ['a', 'a-2', { articles: [] }]);
});

test('an error answers its own request; a failed load fails those waiting', async () => {
  let w;
  const client = new DossierWorker({ startWorker: () => (w = standIn()) });
  const bad = client.reanalyze('a', { lang: 'xx' });
  w.reply({ id: w.sent[0].id, error: { kind: 'error', name: 'TypeError', message: 'bad lang' } });
  await assert.rejects(bad, { name: 'TypeError', message: 'bad lang', kind: 'error' });
  const waiting = client.remove('a');
  w.reply({ ready: false, error: { message: 'no wasm' } });
  await assert.rejects(waiting, /no wasm/);
  await assert.rejects(client.ready, /no wasm/);
});
