// The page's features (issue 7): files, drag and drop, date and language changes, side lists,
// filters, exports, clipboard, offline reload, saved text, keyboard use, narrow screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAMPLE, SHOTS, analysed, api, launch, offOrigin, openPage, paste, waitAnalysis } from './helpers.mjs';
import { fixture } from './fixture.mjs';
import { CSV_FILES, csvCell, fileStem } from '../www/exports.js';
import { execFileSync } from 'node:child_process';

let env;
let manchette;
before(async () => {
  manchette = await api();
  env = await launch();
  await env.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
});
after(async () => env?.close());

const pageResult = (page) => page.evaluate(() => window.manchette.result);

/** Opens the page with the sample pasted and the fixture rendered over it. */
async function withFixture() {
  const { page, errors } = await openPage(env);
  await paste(page, SAMPLE);
  const fx = fixture(await pageResult(page));
  await page.evaluate(([t, r]) => window.manchette.render(t, r), [SAMPLE, fx]);
  return { page, errors, fx };
}

test('a .txt, a .md and an .html file can be opened; HTML is read as a page safely', async () => {
  const { page, errors } = await openPage(env);
  const files = [
    { name: 'a.txt', mimeType: 'text/plain', text: 'Texte brut 🎉 : « bonjour ».\n' },
    { name: 'b.md', mimeType: 'text/markdown', text: '# Titre\n\nParagraphe *markdown* à Paris.\n' },
  ];
  for (const f of files) {
    const before = await analysed(page);
    await page.setInputFiles('#file', { name: f.name, mimeType: f.mimeType, buffer: Buffer.from(f.text) });
    await waitAnalysis(page, before);
    assert.equal(await page.inputValue('#input'), f.text);
    assert.equal(await page.locator('#article').textContent(), f.text);
    assert.deepEqual(await pageResult(page), manchette.analyze(f.text, {}));
  }
  const html = `<!doctype html><html><head><title>Titre de l’onglet</title>
    <meta property="og:title" content="Le sommet de Nantes s’ouvre">
    <script>window.__ran = 1</script><style>p { color: red }</style></head>
    <body><nav>Accueil | Sport</nav><article><p>Paragraphe un, à <b>Nantes</b>.</p>
    <img src="/tracker.png" onerror="window.__ran = 2"><p>Deuxième « paragraphe ».</p>
    <script>document.title = 'x'</script></article></body></html>`;
  const before = await analysed(page);
  await page.setInputFiles('#file', { name: 'c.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await waitAnalysis(page, before);
  const expected = manchette.analyzeHtml(html, {});
  assert.deepEqual(await pageResult(page), expected, 'read by the core, as analyzeHtml reads it');
  assert.equal(await page.inputValue('#input'), expected.text);
  assert.ok(expected.text.includes('Paragraphe un, à Nantes.\n\nDeuxième « paragraphe ».'), expected.text);
  assert.ok(!expected.text.includes('window.'), 'no script text');
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.ok(!env.requests.some((u) => u.includes('tracker.png')));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file dropped on the page is analysed', async () => {
  const { page, errors } = await openPage(env);
  const before = await analysed(page);
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['Déposé à Lyon le 3 mars 2024.\n'], 'drop.txt', { type: 'text/plain' }));
    return d;
  });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  assert.equal(await page.locator('#dropzone.over').count(), 1);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await waitAnalysis(page, before);
  assert.equal(await page.inputValue('#input'), 'Déposé à Lyon le 3 mars 2024.\n');
  assert.equal(await page.locator('#dropzone.over').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing the publication date or the language runs the analysis again', async () => {
  const { page, errors } = await openPage(env);
  await paste(page, SAMPLE);
  assert.equal(await page.inputValue('#refdate'), manchette.analyze(SAMPLE, {}).reference_date ?? '');
  let before = await analysed(page);
  await page.fill('#refdate', '2025-06-24');
  await waitAnalysis(page, before);
  const r = await pageResult(page);
  assert.deepEqual(r, manchette.analyze(SAMPLE, { referenceDate: '2025-06-24' }));
  assert.equal(r.reference_date, '2025-06-24');
  assert.equal(r.reference_date_source, 'given');
  assert.equal(await page.locator('#refnote').textContent(), 'set by hand');
  // The date stays as typed while the text is edited.
  before = await analysed(page);
  await page.locator('#input').press('End');
  await page.locator('#input').type(' Fin.');
  await waitAnalysis(page, before);
  assert.equal((await pageResult(page)).reference_date, '2025-06-24');
  before = await analysed(page);
  await page.selectOption('#lang', 'en');
  await waitAnalysis(page, before);
  assert.equal((await pageResult(page)).lang, 'en');
  assert.equal(await page.locator('#langinfo').textContent(), 'set by hand: en', 'a forced language is not called detected');
  before = await analysed(page);
  await page.selectOption('#lang', 'auto');
  await waitAnalysis(page, before);
  assert.match(await page.locator('#langinfo').textContent(), /^detected: fr \(\d+ %\)$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('marks, side lists, click-to-scroll cycling, filters and search (fixture)', async () => {
  const { page, errors, fx } = await withFixture();
  // Every item has a highlight over its own text.
  for (const [kind, list] of [['entity', fx.entities], ['quote', fx.quotes], ['date', fx.dates]]) {
    const texts = await page.$$eval(`#article [data-kind=${kind}]`, (els) => {
      const m = {};
      for (const e of els) m[e.dataset.index] = (m[e.dataset.index] ?? '') + [...e.childNodes].map((n) => n.textContent).join('');
      return m;
    });
    assert.deepEqual(texts, Object.fromEntries(list.map((x, i) => [String(i), x.text])), kind);
  }
  assert.equal(await page.locator('#article').textContent(), SAMPLE);
  assert.equal(await page.locator('#article time[datetime="2024-03"]').textContent(), 'mars 2024');
  assert.equal(await page.locator('#article q.first').first().getAttribute('data-speaker'), 'Agnès Pannier-Runacher :');
  // Lists.
  assert.equal(await page.locator('#entities li').count(), fx.clusters.length);
  assert.equal(await page.locator('#entities li').first().locator('.name').textContent(), 'Nantes'); // most mentions first
  assert.match(await page.locator('#entities li').first().textContent(), /×5/);
  assert.deepEqual(await page.locator('#quotes li .speaker').allTextContents(),
    ['Agnès Pannier-Runacher', 'Ursula von der Leyen', 'Antoine Gatet', 'speaker unknown']);
  const timeline = await page.locator('#dates li .iso').allTextContents();
  assert.deepEqual(timeline, ['2022', '2024-03', '2025-10-13', '2025-10-14', '2025-10-16', '2026', '2027', 'unresolved']);
  // Clicking cycles through the mentions.
  const nantes = page.locator('#entities li').first().locator('button.item');
  const mentions = fx.clusters[1].mentions;
  for (let k = 0; k < mentions.length + 1; k++) {
    await nantes.click();
    // A mention in a part of the article not yet marked up is flashed once that part is drawn.
    const visit = `${(k % mentions.length) + 1}/${mentions.length}`;
    await page.waitForFunction((v) => document.querySelector('#article .flash')?.dataset.visit === v, visit, { timeout: 5000 })
      .catch(() => {}); // the assertion below reports what is shown instead
    const flashed = await page.locator('#article .flash').evaluate((e) => [e.dataset.index, e.dataset.visit]);
    assert.deepEqual(flashed, [String(mentions[k % mentions.length]), `${(k % mentions.length) + 1}/${mentions.length}`]);
  }
  // A near mention is reached by a smooth scroll, which a loaded machine may not have finished.
  const isInView = () => {
    const r = document.querySelector('#article .flash').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  };
  await page.waitForFunction(isInView, null, { timeout: 5000 }).catch(() => {}); // asserted below
  assert.ok(await page.evaluate(isInView), 'the mention is scrolled into view');
  await page.locator('#quotes li button.item').nth(2).click();
  assert.equal(await page.locator('#article .flash').textContent(), fx.quotes[2].text);
  await page.locator('#dates li button.item', { hasText: '2025-10-13' }).click();
  assert.equal(await page.locator('#article .flash').textContent(), 'lundi 13 octobre');
  await page.locator('#dates li button.item', { hasText: '2025-10-13' }).click();
  assert.equal(await page.locator('#article .flash').textContent(), 'Hier');
  // Filters and search.
  await page.uncheck('input[name=type][value=PER]');
  assert.equal(await page.locator('#entities li[data-type=PER]').count(), 0);
  assert.equal(await page.locator('#entities li').count(), 4);
  assert.ok(await page.evaluate(() => document.body.classList.contains('hide-PER')));
  await page.check('input[name=type][value=PER]');
  await page.fill('#search', 'LEYEN');
  assert.deepEqual(await page.locator('#entities li .name').allTextContents(), ['Ursula von der Leyen']);
  await page.fill('#search', 'agnes');
  assert.deepEqual(await page.locator('#entities li .name').allTextContents(), ['Agnès Pannier-Runacher']);
  await page.fill('#search', '');
  // Boilerplate: dimmed (by its colour), then hidden.
  const bp = page.locator('#article .block-boilerplate').first();
  const colour = (sel) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).color);
  assert.notEqual(await colour('#article .block-boilerplate'), await colour('#article'));
  await page.check('#hide-boilerplate');
  assert.equal(await bp.isVisible(), false);
  await page.uncheck('#hide-boilerplate');
  await page.screenshot({ path: join(SHOTS, 'fixture.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('exports: JSON with the text, options and version; one ZIP of CSV files; the clipboard', async () => {
  const { page, errors, fx } = await withFixture();
  const stem = fileStem(fx.headline);
  const version = await page.evaluate(() => document.querySelector('#version').textContent.slice(1));
  const doc = { ...fx, text: SAMPLE, options: {}, version, corrections: [] };
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(json.suggestedFilename(), `${stem}.json`);
  assert.deepEqual(JSON.parse(await readFile(await json.path(), 'utf8')), doc);
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(zip.suggestedFilename(), `${stem}.zip`);
  const py = 'import sys, json, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; '
    + 'print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
  const csv = JSON.parse(execFileSync('python3', ['-c', py, await zip.path()], { encoding: 'utf8' }));
  assert.deepEqual(Object.keys(csv), CSV_FILES.map((f) => f.name));
  const lines = (s) => s.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  for (const f of CSV_FILES) {
    assert.ok(csv[f.name].startsWith('\uFEFF'), `${f.name}: a BOM, for spreadsheet programs`);
    assert.equal(lines(csv[f.name])[0], f.columns.join(','));
  }
  const article = csvCell(fx.headline);
  assert.equal(lines(csv['mentions.csv']).length, fx.entities.length + 1);
  const e0 = fx.entities[0];
  assert.equal(lines(csv['mentions.csv'])[1], `${article},${e0.start},${e0.end},${e0.text},${e0.type},${e0.canonical},${e0.cluster},false,false,`);
  assert.equal(lines(csv['entities.csv']).length, fx.clusters.length + 1);
  assert.equal(lines(csv['entities.csv'])[1], `${article},0,Agnès Pannier-Runacher,PER,ministre de la Transition écologique,1,false,false,`);
  assert.equal(lines(csv['quotes.csv']).length, fx.quotes.length + 1);
  const q1 = fx.quotes[1];
  assert.ok(lines(csv['quotes.csv'])[2].startsWith(
    `${article},${q1.start},${q1.end},${q1.text},${q1.speaker},${q1.speaker_cluster},${q1.speaker_start},${q1.speaker_end},${q1.speaker_text},`));
  assert.ok(lines(csv['dates.csv']).includes(`${article},${fx.dates.at(-1).start},${fx.dates.at(-1).end},© 2025,,true,false,`));
  // A cell with a comma is quoted.
  assert.ok(lines(csv['quotes.csv'])[3].includes(`,"${fx.quotes[2].text}",`));
  await page.click('#copy-json');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('#status').textContent));
  assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), doc);
  assert.deepEqual(offOrigin(env.requests, env.base), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a web app manifest makes the page installable', async () => {
  const { page, errors } = await openPage(env);
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.name.startsWith('manchette'));
  const icon = await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), manifest.icons[0].src);
  assert.match(icon, /image\/svg\+xml/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the text is kept across reloads until "Clear"; the page works offline', async () => {
  const { page, errors } = await openPage(env);
  const text = 'Texte gardé 🎉 à Bordeaux, le 2 mai 2024.\n';
  await paste(page, text);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.inputValue('#input'), text);
  assert.equal(await page.locator('#article').textContent(), text);
  // Offline: the service worker serves the page, the worker and the wasm from its cache.
  await env.ctx.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    assert.equal(await page.locator('#article').textContent(), text);
    assert.deepEqual(await pageResult(page), manchette.analyze(text, {}));
  } finally {
    await env.ctx.setOffline(false);
  }
  await page.click('#clear');
  await page.waitForFunction(() => document.querySelector('#article').textContent === '');
  assert.equal(await page.evaluate(() => localStorage.getItem('manchette:text') ?? ''), '');
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForFunction((s) => document.querySelector('#input').value === s, SAMPLE);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await page.close();
});

test('keyboard only: controls, lists and the article are reachable, the marks by the arrow keys, and explained', async () => {
  const { page, errors } = await withFixture();
  await page.locator('body').focus();
  const reached = new Set();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const a = document.activeElement;
      return a.id || (a.matches('#article [data-kind]') ? `mark:${a.dataset.kind}` : a.matches('.list button') ? `item:${a.closest('.list').id}` : a.tagName);
    });
    reached.add(id);
  }
  for (const id of ['skip-lists', 'skip-article', 'input', 'file', 'refdate', 'lang', 'hide-boilerplate', 'sample', 'clear', 'theme',
    'export-json', 'search', 'article', 'item:entities', 'item:quotes', 'item:dates']) assert.ok(reached.has(id), `${id} reachable by Tab`);
  assert.ok(![...reached].some((id) => id.startsWith('mark:')), 'the marks are not Tab stops');
  // From the article, the arrows go through the marks, each explained.
  await page.locator('#article').focus();
  const kinds = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowRight');
    const kind = await page.evaluate(() => document.activeElement.dataset.kind);
    kinds.add(kind);
    if (kind === 'entity') {
      assert.equal(await page.locator('#tooltip').isVisible(), true, 'focus on a mark shows its details');
      assert.match(await page.locator('#tooltip').textContent(), /→/);
    }
  }
  for (const kind of ['entity', 'quote', 'date']) assert.ok(kinds.has(kind), `${kind} marks reached by the arrows`);
  // Enter on a list item moves the focus to the mention.
  await page.locator('#entities li button.item').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.kind), 'entity');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#tooltip').isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('narrow screens: one column, no sideways scrolling, the lists behind tabs', async () => {
  const { page, errors } = await withFixture();
  await page.setViewportSize({ width: 375, height: 740 });
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    article: getComputedStyle(document.querySelector('#article')).display,
    panels: getComputedStyle(document.querySelector('#panel-entities')).display,
  }));
  assert.ok(layout.scroll <= 375, `page width ${layout.scroll}`);
  assert.deepEqual([layout.article, layout.panels], ['block', 'none'], 'the article first, the lists a tap away');
  await page.screenshot({ path: join(SHOTS, 'narrow.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
