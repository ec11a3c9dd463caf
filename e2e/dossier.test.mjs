// The dossier (issue 17): the five sample articles of ../shared/gold dropped at once (read at test
// time, not shipped), the merged index, the timeline linked to the articles, a reload, and the
// main thread's longest stall while a 200-article dossier is built; a saved web page dropped with
// articles keeps its boilerplate out of the index and its metadata's date, and so does a page
// open in the text box added with "Add the text above".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHOTS, analysed, api, launch, openPage, waitAnalysis } from './helpers.mjs';

const GOLD = join(ROOT, '..', 'shared', 'gold');
const goldFiles = readdirSync(GOLD).filter((f) => f.endsWith('.txt')).sort();
const goldText = (name) => readFileSync(join(GOLD, name), 'utf8');

/** A real saved page of the test suite (Le Monde; tests/pages/README.md) and its metadata date. */
const PAGE_FILE = join(ROOT, 'tests', 'pages', 'fr-lemonde.html');
const PAGE_DATE = '2019-05-07';

let env;
let manchette;
/** Each article's publication date as analysed alone (the JS API in Node). */
let ownDates;
before(async () => {
  manchette = await api();
  ownDates = goldFiles.map((name) => manchette.analyze(goldText(name), {}).reference_date);
  env = await launch({ viewport: { width: 1280, height: 900 } });
});
after(async () => env?.close());

/** Waits until the dossier shows `n` articles and nothing is being added. */
const dossierOf = (page, n) => page.waitForFunction((k) => document.body.dataset.dossier === String(k) && !document.body.dataset.dossierBusy, n, { timeout: 120_000 });

/** Files ({name, text}) to drop on the page at once, as from a file manager. */
const transfer = (page, files) => page.evaluateHandle((fs) => {
  const d = new DataTransfer();
  for (const f of fs) d.items.add(new File([f.text], f.name, { type: 'text/plain' }));
  return d;
}, files);

/** Drops files ({name, text}) on the page at once. */
async function drop(page, files) {
  await page.dispatchEvent('body', 'drop', { dataTransfer: await transfer(page, files) });
}

test('the five sample articles dropped at once make a dossier that survives a reload', async () => {
  const { page, errors } = await openPage(env);
  const started = Date.now();
  await drop(page, goldFiles.map((name) => ({ name, text: goldText(name) })));
  await dossierOf(page, 5);
  console.log(`5-article dossier: built and shown in ${Date.now() - started} ms`);

  // Five articles, each with its own publication date.
  const rows = page.locator('#dossier-articles li');
  assert.equal(await rows.count(), 5);
  const dates = await rows.locator('input[type=date]').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(dates, ownDates);
  assert.equal(new Set(dates).size, 4, 'four different dates among the five articles (two appeared the same day)');

  // Assimi Goïta once in the person index, with counts in the articles where he appears.
  const goita = page.locator('#dossier-index tbody tr', { hasText: 'Assimi Goïta' });
  assert.equal(await goita.count(), 1);
  const counts = await goita.locator('td.hit').count();
  assert.ok(counts >= 3, `Assimi Goïta counted in ${counts} articles`);

  // A count opens its article at the person's first mention there.
  const cell = goita.locator('td.hit button').last();
  const [cellArticle, cellAt] = [await cell.getAttribute('data-article'), Number(await cell.getAttribute('data-at'))];
  await cell.click();
  await page.waitForFunction((id) => document.body.dataset.opened === id, cellArticle);
  const mark = await page.evaluate(() => {
    const m = document.querySelector('#article .flash');
    return m && { kind: m.dataset.kind, entity: window.manchette.result.entities[Number(m.dataset.index)] };
  });
  assert.equal(mark.kind, 'entity');
  assert.equal(mark.entity.start, cellAt);
  assert.equal(mark.entity.canonical.includes('Go'), true, `opened at ${mark.entity.text}`);

  // The timeline spans 2022 to 2025, each item linked to its article; a click opens it at the date.
  const merged = await page.evaluate(() => window.manchette.dossier);
  const years = merged.timeline.filter((t) => !t.boilerplate).map((t) => t.value.slice(0, 4)).sort();
  assert.ok(years[0] <= '2022' && years.at(-1) >= '2025', `timeline from ${years[0]} to ${years.at(-1)}`);
  const ticks = await page.locator('#timeline-axis .tick').allTextContents();
  assert.ok(Number(ticks[0]) <= 2022 && Number(ticks.at(-1)) >= 2024, `axis ticks ${ticks}`);
  const items = page.locator('#dossier-timeline li');
  const ids = new Set(merged.articles.map((a) => a.id));
  for (const article of await items.evaluateAll((lis) => lis.map((li) => li.dataset.article))) assert.ok(ids.has(article));
  const second = merged.articles[2];
  const item = page.locator(`#dossier-timeline li[data-article="${second.id}"] button`).first();
  const at = Number(await item.getAttribute('data-at'));
  await item.click();
  await page.waitForFunction((id) => document.body.dataset.opened === id, second.id);
  const flashed = await page.evaluate(() => {
    const m = document.querySelector('#article .flash');
    return m && { kind: m.dataset.kind, start: window.manchette.result.dates[Number(m.dataset.index)].start };
  });
  assert.deepEqual(flashed, { kind: 'date', start: at });
  assert.equal(await page.inputValue('#refdate'), ownDates[2]);

  // The timeline as a CSV for timeline tools: BOM, columns, one row per shown item.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dossier-export')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFdate,headline,text,source\r\n'), csv.slice(0, 40));
  assert.equal(csv.trimEnd().split('\r\n').length - 1, await items.count());

  await page.locator('#dossier').screenshot({ path: join(SHOTS, 'dossier.png') });

  // Kept across a reload (IndexedDB), analysed again.
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await dossierOf(page, 5);
  assert.deepEqual(await page.locator('#dossier-articles input[type=date]').evaluateAll((inputs) => inputs.map((i) => i.value)), dates);

  // A changed date analyses that article again; removing one and starting anew.
  await page.locator('#dossier-articles li').nth(4).locator('input[type=date]').fill('2022-08-10');
  await page.waitForFunction(() => document.querySelectorAll('#dossier-articles input[type=date]')[4]?.value === '2022-08-10');
  await page.locator('#dossier-articles li').first().getByRole('button', { name: /Remove/ }).click();
  await dossierOf(page, 4);
  await page.click('#dossier-new');
  await dossierOf(page, 0);
  assert.equal(await page.locator('#dossier').isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 200-article dossier is built in the worker without freezing the page', async () => {
  const { page, errors } = await openPage(env);
  await page.evaluate(() => document.querySelector('#dossier-new').click()); // an empty dossier to start with
  await dossierOf(page, 0);
  const texts = goldFiles.map(goldText);
  const files = Array.from({ length: 200 }, (_, i) => ({ name: `article-${String(i + 1).padStart(3, '0')}.txt`, text: texts[i % texts.length] }));
  // Made before the stalls are watched: the test's own making of 200 files is not the page's work.
  const dt = await transfer(page, files);
  await page.evaluate(() => {
    window.stalls = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.stalls.push(e.duration); }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await dossierOf(page, 200);
  const ms = Date.now() - started;
  const longest = await page.evaluate(() => Math.max(0, ...window.stalls));
  console.log(`200-article dossier: built in ${ms} ms, longest main-thread stall ${Math.round(longest)} ms`);
  // The figure is printed (the < 200 ms budget is a benchmark's, measured on a quiet machine:
  // 50-84 ms); the test only fails on a frozen page, which no load on a 2-core runner explains.
  assert.ok(longest < 1000, `longest stall ${longest} ms: the page froze`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a saved page dropped with articles keeps its menus\' and teasers\' names out of the index, and its own date', async () => {
  const { page, errors } = await openPage(env);
  await page.evaluate(() => document.querySelector('#dossier-new').click());
  await dossierOf(page, 0);
  const html = manchette.decodePage(readFileSync(PAGE_FILE));
  const texts = goldFiles.slice(0, 2).map((name) => ({ name, text: goldText(name) }));
  // What the core's Dossier (in Node) says is named only in the page's boilerplate, in no article.
  const reference = new manchette.Dossier();
  for (const t of texts) reference.add(t.name, t.text, {});
  reference.addHtml('lemonde', html, {});
  const expected = reference.merged();
  reference.free();
  const menuOnly = expected.referents.filter((r) => r.boilerplate).map((r) => r.canonical);
  const pageOwn = expected.referents.filter((r) => !r.boilerplate && r.articles.some((a) => a.article === 'lemonde' && !a.boilerplate));
  assert.ok(menuOnly.length >= 10, `names only in the page's menus and teasers: ${menuOnly}`);
  assert.ok(menuOnly.includes('Xi Jinping') && menuOnly.includes('Donald Trump'), `${menuOnly}`);

  await page.dispatchEvent('body', 'drop', { dataTransfer: await transfer(page, [...texts, { name: 'lemonde.html', text: html }]) });
  await dossierOf(page, 3);

  /** What the dossier shows: the page's date, the names of the index (every type), the timeline. */
  const shown = async () => {
    await page.selectOption('#dossier-type', '');
    await page.waitForFunction(() => document.querySelectorAll('#dossier-index tbody tr').length > 0);
    return {
      date: await page.locator('#dossier-articles li', { hasText: 'lemonde.html' }).locator('input[type=date]').inputValue(),
      names: await page.locator('#dossier-index tbody tr').evaluateAll((trs) => trs.map((tr) => window.manchette.dossier.referents[Number(tr.dataset.referent)].canonical)),
      people: await page.locator('#timeline-person option').allTextContents(),
      timeline: await page.locator('#dossier-timeline li').evaluateAll((lis) => lis.map((li) => li.dataset.value)),
    };
  };
  const check = (view) => {
    assert.equal(view.date, PAGE_DATE, 'the page\'s metadata date');
    for (const name of menuOnly) {
      assert.ok(!view.names.includes(name), `${name} (only in the page's boilerplate) is in the index`);
      assert.ok(!view.people.includes(name), `${name} is offered as a timeline filter`);
    }
    for (const r of pageOwn) assert.ok(view.names.includes(r.canonical), `the page's own ${r.canonical} is in the index`);
    assert.ok(!view.timeline.includes('2016-08-11'), 'a teaser\'s date is on the timeline');
  };
  const view = await shown();
  check(view);
  console.log(`saved page in a dossier: ${menuOnly.length} boilerplate-only names left out, ${view.names.length} names shown`);
  await page.locator('#dossier').screenshot({ path: join(SHOTS, 'dossier-webpage.png') });

  // Opened from the dossier, the page shows its article text and its blocks.
  const row = page.locator('#dossier-articles li', { hasText: 'lemonde.html' });
  await row.locator('button.linkish').click();
  await page.waitForFunction(() => document.body.dataset.opened);
  assert.equal(await page.locator('#article').textContent(), manchette.analyzeHtml(html, {}).text);
  assert.ok(await page.locator('#article .block-boilerplate').count() > 10, 'its boilerplate lines marked');

  // After a reload the page is read again as a page.
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await dossierOf(page, 3);
  check(await shown());
  await page.click('#dossier-new');
  await dossierOf(page, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a web page open in the text box joins the dossier as a page: its boilerplate names and teasers\' dates stay out', async () => {
  const { page, errors } = await openPage(env);
  await page.evaluate(() => document.querySelector('#dossier-new').click());
  await dossierOf(page, 0);
  const html = manchette.decodePage(readFileSync(PAGE_FILE));
  const read = manchette.analyzeHtml(html, {});
  const texts = goldFiles.slice(0, 2).map((name) => ({ name, text: goldText(name) }));
  const reference = new manchette.Dossier();
  for (const t of texts) reference.add(t.name, t.text, {});
  reference.addHtml('lemonde', html, {});
  const menuOnly = reference.merged().referents.filter((r) => r.boilerplate).map((r) => r.canonical);
  reference.free();
  assert.ok(menuOnly.includes('Xi Jinping'), `${menuOnly}`);

  // A dossier of two articles, then the page opened in the text box and added to it.
  await page.dispatchEvent('body', 'drop', { dataTransfer: await transfer(page, texts) });
  await dossierOf(page, 2);
  const before = await analysed(page);
  await page.dispatchEvent('body', 'drop', { dataTransfer: await transfer(page, [{ name: 'lemonde.html', text: html }]) });
  await waitAnalysis(page, before);
  assert.equal(await page.locator('#input').inputValue(), read.text);
  await page.click('#dossier-add-text');
  await dossierOf(page, 3);
  const row = page.locator('#dossier-articles li', { hasText: read.headline.slice(0, 30) });
  assert.equal(await row.locator('input[type=date]').inputValue(), PAGE_DATE, 'the page\'s metadata date');
  await page.selectOption('#dossier-type', '');
  await page.waitForFunction(() => document.querySelectorAll('#dossier-index tbody tr').length > 0);
  const names = await page.locator('#dossier-index tbody tr').evaluateAll((trs) => trs.map((tr) => window.manchette.dossier.referents[Number(tr.dataset.referent)].canonical));
  for (const name of menuOnly) assert.ok(!names.includes(name), `${name} (only in the page's boilerplate) is in the index`);
  const timeline = await page.locator('#dossier-timeline li').evaluateAll((lis) => lis.map((li) => li.dataset.value));
  assert.ok(!timeline.includes('2016-08-11'), 'a teaser\'s date is on the timeline');
  await page.click('#dossier-new');
  await dossierOf(page, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
