// The page end to end: paste an article, check the highlights and side lists against the wasm
// API's own result, no request off the page's origin, no console error, and no HTML injection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SAMPLE, SHOTS, analysed, api, launch, offOrigin, openPage, paste, waitAnalysis } from './helpers.mjs';

let env;
let manchette;
before(async () => {
  manchette = await api();
  env = await launch();
});
after(async () => env?.close());

/** Checks the rendered article and lists against `expected` (the API's result for `text`). */
async function checkRendering(page, text, expected) {
  const dom = await page.evaluate(() => {
    const article = document.querySelector('#article');
    const pieces = (kind) => {
      const map = {};
      for (const e of article.querySelectorAll(`[data-kind=${kind}]`)) {
        const i = e.dataset.index;
        map[i] = (map[i] ?? '') + [...e.childNodes].map((n) => n.textContent).join('');
      }
      return map;
    };
    // A nested mark's text is counted in its parent's too, so compare each kind on its own.
    return {
      text: article.textContent,
      entities: pieces('entity'),
      quotes: pieces('quote'),
      dates: pieces('date'),
      blocks: pieces('block'),
      entityTypes: [...article.querySelectorAll('[data-kind=entity].first')].map((e) => [e.dataset.index, e.dataset.type]),
      dateValues: [...article.querySelectorAll('[data-kind=date].first')].map((e) => [e.dataset.index, e.getAttribute('datetime')]),
      clusterItems: [...document.querySelectorAll('#entities li')].map((li) => Number(li.dataset.cluster)),
      quoteItems: document.querySelectorAll('#quotes li').length,
      dateItems: [...document.querySelectorAll('#dates li')].map((li) => li.dataset.value),
      refdate: document.querySelector('#refdate').value,
    };
  });
  assert.equal(dom.text, text, 'the article shows the text exactly');
  for (const kind of ['entities', 'quotes', 'dates', 'blocks']) {
    const want = Object.fromEntries(expected[kind].map((x, i) => [String(i), text.slice(x.start, x.end)]));
    assert.deepEqual(dom[kind], want, `one highlight per ${kind} item, over its text`);
  }
  for (const [i, type] of dom.entityTypes) assert.equal(type, expected.entities[i].type);
  for (const [i, value] of dom.dateValues) assert.equal(value, expected.dates[i].value);
  assert.deepEqual([...dom.clusterItems].sort((a, b) => a - b), expected.clusters.map((_, i) => i));
  assert.equal(dom.quoteItems, expected.quotes.length);
  assert.deepEqual(new Set(dom.dateItems), new Set(expected.dates.map((d) => d.value ?? '')));
  assert.equal(dom.refdate, expected.reference_date ?? '');
}

test('a pasted article is highlighted as the API analyses it, with no request off the origin', async () => {
  const { page, errors } = await openPage(env);
  await paste(page, SAMPLE);
  const expected = manchette.analyze(SAMPLE, {});
  await checkRendering(page, SAMPLE, expected);
  assert.match(await page.locator('#status').textContent(), /Analysed/);
  // The real extractors find something of every kind in the page's own sample article.
  const seen = await page.evaluate(() => ({
    types: [...new Set([...document.querySelectorAll('#article mark[data-kind=entity]')].map((m) => m.dataset.type))],
    speakers: [...document.querySelectorAll('#quotes li .speaker')].map((s) => s.textContent),
    isoDates: [...document.querySelectorAll('#dates li .iso')].map((s) => s.textContent),
  }));
  for (const type of ['PER', 'ORG', 'LOC']) assert.ok(seen.types.includes(type), `a ${type} highlight (got ${seen.types})`);
  const named = seen.speakers.filter((s) => s !== 'speaker unknown');
  assert.ok(named.length > 0, `a quote card names its speaker (got ${seen.speakers})`);
  for (const s of named) assert.ok(expected.quotes.some((q) => q.speaker === s), `speaker ${s} comes from the API`);
  assert.ok(seen.isoDates.some((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)), `an ISO date in the timeline (got ${seen.isoDates})`);
  assert.equal(await page.locator('#langinfo').textContent().then((t) => t.includes(`detected: ${expected.lang}`)), true);
  await page.screenshot({ path: join(SHOTS, 'page.png'), fullPage: true });
  assert.deepEqual(offOrigin(env.requests, env.base), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('text with accents, emoji and narrow no-break spaces renders exactly', async () => {
  const { page, errors } = await openPage(env);
  const text = 'Le 🎉 président Emmanuel Macron a dit\u00a0: «\u202fNous irons à Bamako\u202f» lundi 23 juin 2025.\n\n👩‍👩‍👧 fin.\n';
  await paste(page, text);
  await checkRendering(page, text, manchette.analyze(text, {}));
  assert.deepEqual(errors, []);
  await page.close();
});

test('pasted HTML is shown as text: no script runs, no image loads', async () => {
  const { page, errors } = await openPage(env);
  const evil = '<script>window.__pwned = 1</script><img src="/x.png" onerror="window.__pwned = 2"> <b>gras</b> & « Paris »\n';
  await paste(page, evil);
  assert.equal(await page.locator('#article').textContent(), evil);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#article img, #article script, #article b').count(), 0);
  assert.ok(!env.requests.some((u) => u.endsWith('/x.png')), 'the image was not requested');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a quick analysis does not flash "Analysing…" in the status line', async () => {
  const { page, errors } = await openPage(env);
  await page.evaluate(() => {
    window.statusSeen = [];
    const status = document.querySelector('#status');
    new MutationObserver(() => window.statusSeen.push(status.textContent))
      .observe(status, { childList: true, characterData: true, subtree: true });
  });
  await paste(page, 'Emmanuel Macron a reçu Olaf Scholz à Paris le 3 mars 2024.');
  const seen = await page.evaluate(() => window.statusSeen);
  assert.ok(seen.length > 0 && seen.at(-1).startsWith('Analysed '), JSON.stringify(seen));
  assert.ok(!seen.some((s) => s.includes('Analysing')), JSON.stringify(seen));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page keeps responding while it analyses', async () => {
  const { page, errors } = await openPage(env);
  const big = SAMPLE.repeat(100); // ~160 KB
  const before = await analysed(page);
  await page.evaluate((t) => {
    const input = document.querySelector('#input');
    input.value = t;
    input.dispatchEvent(new Event('input'));
  }, big);
  // The main thread answers while the worker is busy.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - t0 < 2000, 'a frame was painted');
  await waitAnalysis(page, before);
  assert.equal((await page.locator('#article').textContent()).length, big.length);
  assert.deepEqual(errors, []);
  await page.close();
});
