// Large texts in the page (issue 9): a multi-MB paste never freezes the page (a heartbeat measured
// in the page), the result shows with exact counts, the side lists show their first rows with
// "Show more", and a list item scrolls to a span far down the article, drawn on demand; a long
// file is held out of the text box (with a notice, "edit anyway" and "save"), and a text too large
// for localStorage is reported, never lost from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, analysed, launch, openPage, waitAnalysis } from './helpers.mjs';

/** Size of the big paste: about 10 MB takes 10–25 s to analyse in headless Chromium. */
const BIG_BYTES = Number(process.env.MANCHETTE_BIG_MB ?? 10) * 1e6;
/** The longest the main thread may stall (measured: about 0.25 s, receiving the worker's result). */
const FREEZE_MS = 1500;

const gold = join(ROOT, '..', 'shared', 'gold');
const joined = readdirSync(gold).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(gold, f), 'utf8')).join('\n\n') + '\n\n';
// A last article with names found nowhere else, so that its spans sit at the very end.
const TAIL = 'Dernière minute\n\nLa Première ministre néo-zélandaise Jacinda Ardern a déclaré à Wellington le 4 mars 2024 : « Nous resterons vigilants. »\n';

let env;
before(async () => {
  env = await launch();
  await env.ctx.addInitScript(() => localStorage.removeItem('manchette:text'));
});
after(async () => env?.close());

/** Starts a heartbeat in the page: the longest gap between animation frames or timer ticks. */
const startHeartbeat = (page) => page.evaluate(() => {
  const beat = { max: 0, at: 0, running: true };
  window.heartbeat = beat;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - last > beat.max) { beat.max = now - last; beat.at = last; }
    last = now;
  };
  const frame = () => { tick(); if (beat.running) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const timer = setInterval(() => { tick(); if (!beat.running) clearInterval(timer); }, 16);
});
const stopHeartbeat = (page) => page.evaluate(() => { window.heartbeat.running = false; return window.heartbeat; });

/** Pastes window.bigText into the text box as the browser's paste would (a ClipboardEvent). */
const pasteBig = (page) => page.evaluate(() => {
  const input = document.querySelector('#input');
  input.focus();
  input.select();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', window.bigText);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  input.dispatchEvent(event);
  return event.defaultPrevented;
});

test(`a ${BIG_BYTES / 1e6} MB paste: no freeze, exact counts, capped lists, click-to-scroll to the end`, { timeout: 300_000 }, async () => {
  const { page, errors } = await openPage(env);
  const copies = Math.ceil(BIG_BYTES / Buffer.byteLength(joined));
  // Built in the page: sending megabytes through the DevTools protocol would be the slow part.
  const length = await page.evaluate(([j, n, t]) => (window.bigText = j.repeat(n) + t).length, [joined, copies, TAIL]);
  const before = await analysed(page);
  await startHeartbeat(page);
  assert.equal(await pasteBig(page), true, 'the page takes the paste over');
  // Held out of the text box, with a notice.
  await page.waitForSelector('#held:not([hidden])');
  assert.equal(await page.locator('#input').isHidden(), true);
  assert.match(await page.locator('#held').textContent(), /This text is long \(\d+(\.\d)? million characters\)/);
  assert.equal(await page.evaluate(() => window.manchette.editorText === window.bigText), true);
  await page.waitForSelector('#progress:not([hidden])', { timeout: 60_000 });
  await page.waitForFunction((n) => Number(document.body.dataset.analysed ?? 0) > n && !document.body.dataset.busy, before,
    { timeout: 240_000, polling: 250 });
  await page.waitForTimeout(500); // the frames after the result: layout and the first marks
  const beat = await stopHeartbeat(page);
  console.log(`# ${(length / 1e6).toFixed(1)} M characters: longest main-thread stall ${Math.round(beat.max)} ms`);
  assert.ok(beat.max < FREEZE_MS, `the page froze for ${Math.round(beat.max)} ms`);

  // The whole text is in the article, only the chunks near the viewport have their marks yet.
  const shown = await page.evaluate(() => {
    const r = window.manchette.result;
    return {
      same: document.querySelector('#article').textContent === window.bigText,
      entities: r.entities.length, quotes: r.quotes.length, dates: r.dates.length, clusters: r.clusters.length,
      marked: document.querySelectorAll('#article [data-kind=entity]').length,
      counts: ['#n-entities', '#n-quotes', '#n-dates', '#counts'].map((s) => document.querySelector(s).textContent),
      rows: ['#entities li', '#quotes li', '#dates li'].map((s) => document.querySelectorAll(s).length),
      status: document.querySelector('#status').textContent,
      storenote: document.querySelector('#storenote').textContent,
      stored: localStorage.getItem('manchette:text'),
    };
  });
  assert.equal(shown.same, true, 'the article shows the text exactly');
  assert.ok(shown.marked > 0 && shown.marked < shown.entities, `marks drawn where the reader is (${shown.marked} of ${shown.entities})`);
  assert.ok(shown.entities > 10 * copies, `entities found throughout (${shown.entities})`);
  assert.deepEqual(shown.counts, [`${shown.clusters}/${shown.clusters}`, String(shown.quotes), String(shown.dates),
    `${shown.clusters} entities, ${shown.quotes} quotes, ${shown.dates} dates`]);
  assert.match(shown.status, new RegExp(`^Analysed ${length.toLocaleString('en')} characters in \\d+ ms: ${shown.entities} entity mentions, ${shown.quotes} quotes, ${shown.dates} dates\\.$`));
  assert.ok(shown.quotes > 200, `${shown.quotes} quotes`);
  assert.equal(shown.rows[1], 200, 'the first 200 quotes are listed');
  // Too large for localStorage: said so, and no older text is left to come back instead.
  assert.match(shown.storenote, /too large for the browser's storage: it will not come back after a reload/);
  assert.equal(shown.stored, null);

  // "Show more" lists the next rows; the count stays exact.
  const more = page.locator('#quotes + button.more');
  assert.equal(await more.textContent(), `Show 200 more (200 of ${shown.quotes.toLocaleString('en')} shown)`);
  await more.click();
  assert.equal(await page.locator('#quotes li').count(), 400);
  assert.equal(await page.locator('#n-quotes').textContent(), String(shown.quotes));

  // The first entity of the list scrolls to its first mention.
  await page.locator('#entities li button.item').first().click();
  const first = await page.evaluate(() => {
    const r = window.manchette.result;
    const li = document.querySelector('#entities li');
    const flash = document.querySelector('#article .flash');
    const box = flash.getBoundingClientRect();
    return { want: r.clusters[li.dataset.cluster].mentions[0], got: Number(flash.dataset.index), text: flash.textContent,
      inView: box.top >= 0 && box.bottom <= innerHeight };
  });
  assert.equal(first.got, first.want);
  assert.equal(first.inView, true);

  // Search finds a name that only the last article has; its span, in a chunk not drawn yet, is
  // drawn and scrolled to.
  await page.fill('#search', 'ardern');
  assert.deepEqual(await page.locator('#entities li .name').allTextContents(), ['Jacinda Ardern']);
  assert.equal(await page.evaluate(() => document.querySelector('#article [data-kind=entity][title$="Jacinda Ardern"]')), null);
  await page.locator('#entities li button.item').first().click();
  await page.waitForTimeout(200);
  const last = await page.evaluate(() => {
    const flash = document.querySelector('#article .flash');
    const box = flash.getBoundingClientRect();
    return { text: flash.textContent, start: window.manchette.result.entities[flash.dataset.index].start,
      inView: box.top >= 0 && box.bottom <= innerHeight, focused: document.activeElement === flash };
  });
  assert.equal(last.text, 'Jacinda Ardern');
  assert.ok(last.start > length - TAIL.length);
  assert.equal(last.inView, true, 'scrolled into view');
  assert.equal(last.focused, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long file is held out of the text box: notice, save, edit anyway; a short paste is left to the browser', async () => {
  const { page, errors } = await openPage(env);
  const text = joined.repeat(Math.ceil(600_000 / joined.length)); // just over the 500,000 characters held
  let before = await analysed(page);
  await page.setInputFiles('#file', { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await waitAnalysis(page, before);
  assert.equal(await page.locator('#input').isHidden(), true);
  assert.equal(await page.inputValue('#input'), '');
  assert.equal(await page.evaluate((n) => window.manchette.text.length === n, text.length), true);
  assert.match(await page.locator('#held').textContent(), /\(0\.6 million characters\)/);
  // Fits in localStorage: kept for the next visit.
  assert.equal(await page.evaluate((n) => localStorage.getItem('manchette:text')?.length === n, text.length), true);
  assert.equal(await page.locator('#storenote').textContent(), '');
  // Save as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-held')]);
  assert.equal(download.suggestedFilename(), 'article.txt');
  assert.equal(readFileSync(await download.path(), 'utf8'), text);
  // Edit anyway: the text moves to the text box, and typing analyses it as usual.
  await page.click('#edit-held');
  assert.equal(await page.locator('#held').isHidden(), true);
  assert.equal(await page.evaluate((n) => document.querySelector('#input').value.length === n, text.length), true);
  before = await analysed(page);
  await page.locator('#input').press('Control+End');
  await page.keyboard.type(' Fin.');
  await waitAnalysis(page, before);
  assert.equal(await page.evaluate(() => window.manchette.text.endsWith(' Fin.')), true);
  // A short paste goes into the text box the usual way.
  await page.locator('#input').fill('');
  const held = await page.evaluate(() => {
    const input = document.querySelector('#input');
    input.focus();
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', 'Court.');
    const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    input.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(held, false);
  assert.deepEqual(errors, []);
  await page.close();
});
