// Long inputs and crashes (issue 9): a progress bar while a multi-MB text is analysed, a newer
// text that cuts an obsolete long run short, and recovery from a real panic inside the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE, analysed, api, launch, openPage, paste, waitAnalysis } from './helpers.mjs';

let env;
let manchette;
before(async () => {
  manchette = await api();
  env = await launch();
  // Every page opens on the sample, not on the long text a previous test left saved.
  await env.ctx.addInitScript(() => localStorage.removeItem('manchette:text'));
});
after(async () => env?.close());

/** Puts `text` in the editor as a paste would, without waiting for the analysis. */
const type = (page, text) => page.evaluate((t) => {
  const input = document.querySelector('#input');
  input.value = t;
  input.dispatchEvent(new Event('input'));
}, text);

/** Records what the progress bar shows, each time it changes, in `window.progressSeen`. */
const watchProgress = (page) => page.evaluate(() => {
  window.progressSeen = [];
  const box = document.querySelector('#progress');
  new MutationObserver(() => {
    if (box.hidden) return;
    const seen = {
      value: document.querySelector('#progress-bar').value,
      stage: document.querySelector('#progress-stage').textContent,
      percent: document.querySelector('#progress-percent').textContent,
    };
    const last = window.progressSeen.at(-1);
    if (!last || last.value !== seen.value || last.stage !== seen.stage) window.progressSeen.push(seen);
  }).observe(box, { attributes: true, childList: true, characterData: true, subtree: true });
});

test('a multi-MB text shows a labelled progress bar that grows, then the result', async () => {
  const { page, errors } = await openPage(env);
  const big = SAMPLE.repeat(Math.ceil(2e6 / SAMPLE.length)); // ~2 MB, a few seconds
  await watchProgress(page);
  const before = await analysed(page);
  await type(page, big);
  await page.waitForSelector('#progress:not([hidden])');
  assert.equal(await page.locator('#status').textContent(), 'Analysing…', 'a long run says so');
  const bar = page.getByRole('progressbar', { name: /^Analysing: [a-z ]+$/ });
  assert.equal(await bar.count(), 1, 'the bar is named by its label, with the stage');
  await waitAnalysis(page, before);
  assert.equal(await page.locator('#progress').isHidden(), true, 'the bar goes when the result comes');

  const seen = await page.evaluate(() => window.progressSeen);
  const values = seen.map((s) => s.value);
  assert.ok(new Set(values).size >= 3, `the bar moved several times: ${JSON.stringify(seen)}`);
  for (let i = 1; i < values.length; i++) assert.ok(values[i - 1] <= values[i], `never back: ${values}`);
  assert.ok(values.every((v) => v >= 0 && v <= 100), `${values}`);
  for (const s of seen) assert.equal(s.percent, `${s.value} %`);
  assert.ok(seen.some((s) => s.stage === 'tagging names'), `the longest stage is named: ${seen.map((s) => s.stage)}`);
  assert.deepEqual(seen.at(-1), { value: 100, stage: 'showing the result', percent: '100 %' });

  // Counted in the page: sending 2 MB of text and its analysis back to Node would take long.
  const shown = await page.evaluate(() => ({
    text: document.querySelector('#article').textContent.length,
    entities: window.manchette.result.entities.length,
  }));
  assert.equal(shown.text, big.length);
  assert.match(await page.locator('#status').textContent(), /^Analysed 2,\d{3},\d{3} characters/);
  const one = manchette.analyze(SAMPLE, {});
  assert.ok(shown.entities > one.entities.length * (big.length / SAMPLE.length) * 0.9, 'entities found throughout');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a newer text cuts an obsolete long analysis short', async () => {
  const { page, errors } = await openPage(env);
  const started = [];
  page.on('worker', (w) => started.push(w));
  // Long enough to be still running when the short text comes: ~6 MB, about 2 s at 3–4 MB/s (1 MB
  // took only 0.3 s once the analysis got faster, and could finish first).
  await type(page, SAMPLE.repeat(Math.ceil(6e6 / SAMPLE.length)));
  await page.waitForSelector('#progress:not([hidden])');
  const short = 'Un texte court, écrit à Paris le 3 mars 2024.\n';
  // Playwright may announce the new worker after the page has shown the result: wait for it.
  const replaced = page.waitForEvent('worker', { timeout: 10_000 });
  const before = await analysed(page);
  // Set as the long text was: Playwright's fill() edits the 6 MB text box, which under load can
  // take longer than the obsolete analysis itself, which then finishes first.
  await type(page, short);
  await waitAnalysis(page, before);
  await replaced;
  assert.equal(started.length, 1, 'the worker busy with the obsolete run was replaced');
  assert.equal(await page.locator('#article').textContent(), short);
  assert.deepEqual(await page.evaluate(() => window.manchette.result), manchette.analyze(short, {}));
  assert.equal(await page.locator('#progress').isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a panic inside the wasm is reported; the worker is replaced and the text kept', async () => {
  const { page, errors } = await openPage(env);
  const text = 'Le ministre a parlé à Lyon le 3 mars 2024 : « Nous tiendrons », a-t-il dit.\n';
  await paste(page, text);
  const started = [];
  page.on('worker', (w) => started.push(w));
  // Playwright may announce the new worker after the page has shown the error: wait for it.
  const replaced = page.waitForEvent('worker', { timeout: 10_000 });
  const before = await analysed(page);
  await page.evaluate(() => window.manchette.panicForTests('boom from the test 🎉'));
  await replaced;

  const status = page.locator('#status');
  assert.equal(await status.getAttribute('class'), 'error');
  const message = await status.textContent();
  assert.match(message, /^The analysis crashed \(a bug in manchette\): PanicError: manchette panicked: boom from the test 🎉 \(at src\/wasm\.rs:\d+\)\./);
  assert.match(message, /restarted and your text is kept/);
  assert.equal(started.length, 1, 'a new worker replaces the crashed one');
  assert.equal(await page.inputValue('#input'), text, 'the text stays in the editor');
  assert.equal(await page.evaluate(() => localStorage.getItem('manchette:text')), text, 'and in storage');
  assert.equal(await analysed(page), before);
  assert.equal(await page.evaluate(() => document.body.dataset.busy), undefined);

  // The next analysis runs in the new worker.
  await page.locator('#input').press('End');
  await page.locator('#input').pressSequentially(' Fin.');
  await waitAnalysis(page, before);
  assert.deepEqual(await page.evaluate(() => window.manchette.result), manchette.analyze(`${text} Fin.`, {}));
  assert.match(await status.textContent(), /^Analysed/);
  // The panic hook also logs the panic with its stack to the worker's console.
  assert.deepEqual(errors.filter((e) => !e.includes('panicked at')), []);
  await page.close();
});
