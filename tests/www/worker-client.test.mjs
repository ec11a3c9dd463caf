// The page's side of the analysis worker (www/worker-client.js), on stand-in workers: newest
// request only, slices joined, a crashed or obsolete worker replaced and the newest request sent
// again to the new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisWorker, joinSlices } from '../../www/worker-client.js';

/** A stand-in for a Web Worker: records what it is sent; `answer(data)` posts a message back. */
class FakeWorker {
  constructor() {
    this.sent = [];
    this.terminated = false;
  }
  postMessage(message) { this.sent.push(message); }
  terminate() { this.terminated = true; }
  answer(data) { this.onmessage({ target: this, data }); }
  get last() { return this.sent.at(-1); }
}

/** An AnalysisWorker over stand-ins; `workers` are the ones it started, the last the current one. */
function setUp() {
  const workers = [];
  const seen = { versions: [], progress: [], broken: [] };
  const client = new AnalysisWorker({
    onReady: (v) => seen.versions.push(v),
    onProgress: (p) => seen.progress.push(p),
    onBroken: (m) => seen.broken.push(m),
    startWorker: () => { const w = new FakeWorker(); workers.push(w); return w; },
  });
  return { client, workers, seen, current: () => workers.at(-1) };
}
const result = (text) => ({ text, entities: [], quotes: [], dates: [] });
const crash = { kind: 'crash', name: 'PanicError', message: 'boom 🎉' };

test('the worker says it is ready once, with its version', async () => {
  const { client, current, seen } = setUp();
  current().answer({ ready: true, version: '0.1.0' });
  await client.ready;
  assert.deepEqual(seen.versions, ['0.1.0']);
});

test('a worker that fails to load rejects `ready`, and a broken script is reported', async () => {
  const { client, current, seen } = setUp();
  current().answer({ ready: false, error: { name: 'CompileError', message: 'bad wasm' } });
  await assert.rejects(client.ready, /bad wasm/);
  const other = setUp();
  other.current().onerror({ message: 'SyntaxError in worker.js' });
  await assert.rejects(other.client.ready, /SyntaxError/);
  assert.deepEqual(other.seen.broken, ['SyntaxError in worker.js']);
  assert.deepEqual(seen.broken, []);
});

test('a request resolves with its answer, a sliced result joined again', async () => {
  const { client, current } = setUp();
  const pending = client.request({ text: 'Bamako 🎉', options: {} });
  const { id } = current().last;
  assert.deepEqual(current().last, { id, text: 'Bamako 🎉', options: {} });
  current().answer({ id, slice: { key: 'entities', items: [1, 2] } });
  current().answer({ id, slice: { key: 'entities', items: [3] } });
  current().answer({ id, result: result('Bamako 🎉'), ms: 3, sliced: ['entities'] });
  const answer = await pending;
  assert.deepEqual(answer.result.entities, [1, 2, 3]);
  assert.equal(answer.ms, 3);
  assert.equal(typeof answer.received, 'number');
});

test('a superseded request resolves with null; progress is reported for the newest only', async () => {
  const { client, current, seen } = setUp();
  const first = client.request({ text: 'un', options: {} });
  const second = client.request({ text: 'deux', options: {} });
  const [a, b] = current().sent.map((m) => m.id);
  current().answer({ id: a, progress: { stage: 'tagging', fraction: 0.5 } });
  current().answer({ id: b, progress: { stage: 'dates', fraction: 0.2 } });
  current().answer({ id: a, result: result('un'), ms: 1 });
  current().answer({ id: b, result: result('deux'), ms: 1 });
  assert.equal(await first, null);
  assert.equal((await second).result.text, 'deux');
  assert.deepEqual(seen.progress, [{ stage: 'dates', fraction: 0.2 }]);
  assert.equal(client.latestId, b);
});

test('a crash rejects its request and replaces the worker; messages from the old one are ignored', async () => {
  const { client, workers, current } = setUp();
  const pending = client.request({ text: 'x', options: {} });
  const crashed = current();
  crashed.answer({ id: crashed.last.id, error: crash });
  await assert.rejects(pending, (e) => e.kind === 'crash' && e.name === 'PanicError' && e.message === 'boom 🎉');
  assert.equal(workers.length, 2);
  assert.ok(crashed.terminated);
  const next = client.request({ text: 'y', options: {} });
  crashed.answer({ id: current().last.id, result: result('old worker'), ms: 1 }); // ignored
  current().answer({ id: current().last.id, result: result('y'), ms: 1 });
  assert.equal((await next).result.text, 'y');
});

test('an input error rejects its request and keeps the worker', async () => {
  const { client, workers, current } = setUp();
  const pending = client.request({ text: 'x', options: { lang: 'xx' } });
  current().answer({ id: current().last.id, error: { kind: 'error', name: 'TypeError', message: 'bad lang' } });
  await assert.rejects(pending, { name: 'TypeError', message: 'bad lang' });
  assert.equal(workers.length, 1);
});

test('the newest request, dropped with a worker that crashed on an older one, goes to the new worker', async () => {
  const { client, workers, current } = setUp();
  const older = client.request({ text: 'ancien', options: {} });
  const newer = client.request({ text: 'nouveau', options: {} });
  const [a] = current().sent.map((m) => m.id);
  current().answer({ id: a, error: crash });
  assert.equal(await older, null, 'the older request is superseded: no error shown for it');
  assert.equal(workers.length, 2);
  const resent = current().last;
  assert.equal(resent.text, 'nouveau');
  current().answer({ id: resent.id, result: result('nouveau'), ms: 1 });
  assert.equal((await newer).result.text, 'nouveau');
});

test('a newer request cuts an obsolete long run short; a short one is waited for', async () => {
  const { client, workers, current } = setUp();
  const long = client.request({ text: 'x'.repeat(200_001), options: {} });
  const short = client.request({ text: 'court', options: {} });
  assert.equal(workers.length, 2, 'the long run\'s worker was replaced');
  assert.ok(workers[0].terminated);
  assert.equal(await long, null);
  assert.deepEqual(current().sent.map((m) => m.text), ['court']);
  current().answer({ id: current().last.id, result: result('court'), ms: 1 });
  assert.equal((await short).result.text, 'court');

  const { client: c2, workers: w2 } = setUp();
  c2.request({ text: 'x'.repeat(200_000), options: {} });
  c2.request({ text: 'court', options: {} });
  assert.equal(w2.length, 1, 'a run of 200,000 characters is not long');
});

test('a result that came whole is left as it is by joinSlices', () => {
  const whole = { entities: [1] };
  assert.equal(joinSlices(whole, undefined, undefined), whole);
  assert.deepEqual(whole, { entities: [1] });
});

test('a file read answers with its result and supersedes no analysis', async () => {
  const { client, current } = setUp();
  const analysis = client.request({ text: 'Lyon', options: {} });
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
  const read = client.readFile(bytes);
  const sent = current().last;
  assert.equal(sent.type, 'read-file');
  assert.equal(sent.bytes, bytes);
  assert.notEqual(sent.id, client.latestId, 'an id of its own');
  current().answer({ id: sent.id, result: { binary: 'a PDF document' }, ms: 0 });
  assert.deepEqual(await read, { binary: 'a PDF document' });
  const { id } = current().sent[0];
  current().answer({ id, result: result('Lyon'), ms: 1 });
  assert.deepEqual((await analysis).result, result('Lyon'), 'the analysis is still the newest');
});

test('an HTML analysis longer than a long run is cut short by a newer request, as a text is', async () => {
  const { client, workers } = setUp();
  client.request({ html: `<p>${'x'.repeat(200_001)}</p>`, options: {} });
  client.request({ text: 'court', options: {} });
  assert.equal(workers.length, 2, 'the worker was replaced');
  assert.ok(workers[0].terminated);
});
