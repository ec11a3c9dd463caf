// Accessibility and daily use end to end (issue 18), on a real article of ../shared/news-dev
// copied from a web page (a menu line, a byline, a dateline and a footer around it): axe-core
// finds no serious or critical violation in light and dark, on a desktop and a phone; the keyboard
// reaches the lists in a few presses of Tab and n / p go through an item's mentions; on a phone a
// list is one tap away; a date set by hand does not stick to the next article; hidden boilerplate
// leaves no gap and leaves the lists. Screenshots go to target/screenshots/a11y-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHOTS, analysed, api, launch, openPage, paste, waitAnalysis } from './helpers.mjs';

const NEWS_DEV = join(ROOT, '..', 'shared', 'news-dev');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A news-dev article as copied from a web page: menu, headline, byline, dateline, body, footer. */
function copiedPage(name) {
  const t = readFileSync(join(NEWS_DEV, name), 'utf8');
  const nl = t.indexOf('\n');
  return `Accueil | International | Politique | Économie | Sports\n\n${t.slice(0, nl)}\n\nPar Claire Martin\n`
    + `Publié le 6 novembre 2012 à 10h30\n${t.slice(nl)}\n\n© 2012 Le Journal. Tous droits réservés.\nMentions légales | Contact | Newsletter\n`;
}
const ARTICLE = copiedPage('wikinews-fr-45674.txt');
/** The title of the article copied in ARTICLE: its news-dev file's first line. */
const ARTICLE_TITLE = readFileSync(join(NEWS_DEV, 'wikinews-fr-45674.txt'), 'utf8').split('\n')[0];
const OTHER = readFileSync(join(NEWS_DEV, 'wikinews-fr-44881.txt'), 'utf8');

let env;
let manchette;
before(async () => {
  manchette = await api();
  // The page's CSP forbids inline scripts: the test injects axe-core past it.
  env = await launch({ bypassCSP: true });
});
after(async () => env?.close());

/** A page showing `text` analysed, at `viewport`, in `colorScheme`. */
async function pageWith(text, viewport = DESKTOP, colorScheme = 'light') {
  const opened = await openPage(env);
  await opened.page.setViewportSize(viewport);
  await opened.page.emulateMedia({ colorScheme });
  await paste(opened.page, text);
  return opened;
}

/** axe-core's serious and critical violations on the page as it is. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`axe-core: no serious or critical violation, ${scheme}, ${device}`, async () => {
      const { page, errors } = await pageWith(ARTICLE, viewport, scheme);
      // The system's colours are followed by the stylesheet alone (no flash of light colours).
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), scheme);
      // On screen: dimmed boilerplate, the byline, highlights of every kind, an uncertain speaker.
      for (const sel of ['.block-boilerplate', '.block-byline', 'mark.ent', 'time.date', 'q.quote']) {
        assert.ok(await page.locator(`#article ${sel}`).count() > 0, sel);
      }
      // A mention is shown, with its position.
      if (device === 'phone') await page.click('#view-tabs [data-view=entities]');
      await page.locator('#entities button.item').first().click();
      assert.match(await page.locator('#position').textContent(), /mention 1\//);
      await page.locator('#article q.quote.first').first().focus(); // its tooltip and cue shown
      const views = device === 'phone' ? ['article', 'entities', 'quotes', 'dates'] : ['article'];
      for (const view of views) {
        if (device === 'phone') await page.click(`#view-tabs [data-view=${view}]`);
        const found = await axeViolations(page);
        assert.deepEqual(found, [], `${scheme} ${device} ${view}: ${JSON.stringify(found, null, 1)}`);
        if (view === 'quotes') await page.screenshot({ path: join(SHOTS, `a11y-${scheme}-phone-quotes.png`) });
      }
      if (device === 'phone') await page.click('#view-tabs [data-view=article]');
      await page.screenshot({ path: join(SHOTS, `a11y-${scheme}-${device}.png`), fullPage: device === 'desktop' });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

/** The colour scheme the page shows and its background. */
const shownColours = (page) => page.evaluate(() => [getComputedStyle(document.documentElement).colorScheme, getComputedStyle(document.documentElement).backgroundColor]);
const DARK = ['dark', 'rgb(17, 24, 39)'];
const LIGHT = ['light', 'rgb(255, 255, 255)'];

test('the colour switch overrides the system and is remembered', async () => {
  const { page, errors } = await pageWith(OTHER, DESKTOP, 'dark');
  assert.deepEqual(await shownColours(page), DARK);
  await page.selectOption('#theme', 'light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.inputValue('#theme'), 'light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.deepEqual(await shownColours(page), LIGHT);
  await page.selectOption('#theme', 'auto');
  assert.deepEqual(await shownColours(page), DARK);
  // A dark choice on a light system.
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await shownColours(page), LIGHT);
  await page.selectOption('#theme', 'dark');
  assert.deepEqual(await shownColours(page), DARK);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the interface is in English, the article in its own language', async () => {
  const { page, errors } = await pageWith(ARTICLE);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getAttribute('#article', 'lang'), 'fr');
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: the lists in a few Tabs from page load, n / p through the mentions, Escape back', async () => {
  const { page, errors } = await pageWith(ARTICLE);
  await page.reload(); // the page as loaded, with the article kept from the last visit
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForSelector('#entities button.item');
  let tabs = 0;
  for (; tabs < 5; tabs++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.id === 'skip-lists')) await page.keyboard.press('Enter');
    if (await page.evaluate(() => document.activeElement.matches('#entities button.item'))) break;
  }
  tabs += 1;
  assert.ok(tabs <= 5, `first list item after ${tabs} presses of Tab`);
  console.log(`# a11y: first list item reached after ${tabs} press(es) of Tab`);
  // The list is one Tab stop; arrows move inside it.
  assert.equal(await page.locator('#entities button.item[tabindex="0"]').count(), 1);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('#entities button.item')].indexOf(document.activeElement)), 1);
  await page.keyboard.press('ArrowUp');
  const key = await page.evaluate(() => document.activeElement.dataset.key);
  const result = await page.evaluate(() => window.manchette.result);
  const cluster = result.clusters[Number(key.split(':')[1])];
  assert.ok(cluster.mentions.length >= 2, 'the most mentioned entity has several mentions');
  const focusedMention = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.dataset.kind === 'entity' ? Number(a.dataset.index) : null;
  });
  const n = cluster.mentions.length;
  await page.keyboard.press('Enter');
  assert.equal(await focusedMention(), cluster.mentions[0]);
  assert.equal(await page.locator('#position').textContent(), `${cluster.canonical}: mention 1/${n}`);
  assert.equal(await page.getAttribute('#position', 'role'), 'status', 'announced');
  await page.keyboard.press('n');
  assert.equal(await focusedMention(), cluster.mentions[1]);
  assert.equal(await page.locator('#position').textContent(), `${cluster.canonical}: mention 2/${n}`);
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  assert.equal(await focusedMention(), cluster.mentions[n - 1], 'p wraps round to the last mention');
  assert.equal(await page.locator('#position').textContent(), `${cluster.canonical}: mention ${n}/${n}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), key, 'Escape goes back to the list item');
  // The article is one Tab stop; the arrows go from mark to mark.
  await page.focus('#skip-article');
  await page.keyboard.press('Enter');
  const stops = await page.evaluate(() => [document.querySelector('#article'), ...document.querySelectorAll('#article [tabindex]')]
    .filter((e) => e.tabIndex === 0).length);
  assert.equal(stops, 1, 'one Tab stop in the article');
  // The stop is the mark visited last; Home goes to the first mark, End to the last.
  await page.keyboard.press('Home');
  const focusedMark = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.matches('#article .first[data-kind]') ? `${a.dataset.kind}:${a.dataset.index}` : null;
  });
  const first = await focusedMark();
  const marks = await page.$$eval('#article .first[data-kind]:not([data-kind=block])', (els) => els.map((e) => `${e.dataset.kind}:${e.dataset.index}`));
  assert.equal(first, marks[0]);
  await page.keyboard.press('ArrowRight');
  const second = await focusedMark();
  assert.ok(second && second !== first, `${first} then ${second}`);
  assert.equal(await page.locator('#tooltip').isVisible(), true, 'a focused mark shows its details');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedMark(), first);
  await page.keyboard.press('End');
  assert.equal(await focusedMark(), marks.at(-1));
  assert.deepEqual(errors, []);
  await page.close();
});

test('phone: the lists are one tap away, and the article one tap back', async () => {
  const { page, errors } = await pageWith(ARTICLE, PHONE);
  assert.equal(await page.locator('#view-tabs').isVisible(), true);
  await page.click('#view-tabs [data-view=entities]');
  const item = page.locator('#entities button.item').first();
  const box = await item.boundingBox();
  const bar = await page.locator('#view-tabs').boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= bar.y, `the first list item is on screen (${JSON.stringify(box)})`);
  assert.equal(await page.locator('#article').isVisible(), false, 'not below the article');
  await item.click();
  assert.equal(await page.locator('#article').isVisible(), true, 'a list item shows the article');
  // (the scroll may be smooth)
  await page.waitForFunction((barTop) => {
    const b = document.querySelector('#article .flash')?.getBoundingClientRect();
    return b && b.top >= 0 && b.bottom <= barTop;
  }, bar.y, { timeout: 3000 });
  // The next mention is one tap away too, in a bar above the tabs that hides no more than it needs.
  const where = await page.locator('.where').boundingBox();
  assert.ok(where.height < 80 && where.y + where.height <= bar.y, `position bar ${JSON.stringify(where)}`);
  assert.match(await page.locator('#position').textContent(), /: mention 1\/\d+$/);
  const index = await page.locator('#article .flash').getAttribute('data-index');
  await page.click('#mention-next');
  assert.match(await page.locator('#position').textContent(), /: mention 2\/\d+$/);
  assert.notEqual(await page.locator('#article .flash').getAttribute('data-index'), index);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling (${width})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('ISO dates never wrap in the middle', async () => {
  const { page, errors } = await pageWith(ARTICLE, PHONE);
  await page.click('#view-tabs [data-view=dates]');
  const lines = await page.$$eval('#dates .iso', (els) => els.map((e) => e.getClientRects().length));
  assert.ok(lines.length > 0);
  assert.ok(lines.every((n) => n === 1), JSON.stringify(lines));
  assert.equal(await page.locator('#dates .iso').first().evaluate((e) => getComputedStyle(e).whiteSpace), 'nowrap');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a date set by hand is dropped for a new article, and offered back', async () => {
  const { page, errors } = await pageWith(ARTICLE);
  let before = await analysed(page);
  await page.fill('#refdate', '2025-06-24');
  await waitAnalysis(page, before);
  assert.equal((await page.evaluate(() => window.manchette.result)).reference_date, '2025-06-24');
  await paste(page, OTHER);
  const own = manchette.analyze(OTHER, {});
  const shown = await page.evaluate(() => window.manchette.result);
  assert.equal(shown.reference_date, own.reference_date, 'the new article has its own date');
  assert.deepEqual(shown, own);
  assert.equal(await page.inputValue('#refdate'), own.reference_date);
  assert.match(await page.locator('#date-offer').textContent(), /Use 2025-06-24/);
  before = await analysed(page);
  await page.click('#date-offer');
  await waitAnalysis(page, before);
  assert.equal((await page.evaluate(() => window.manchette.result)).reference_date, '2025-06-24');
  assert.equal(await page.locator('#date-offer').isVisible(), false);
  assert.equal(await page.locator('#refnote').textContent(), 'set by hand');
  assert.deepEqual(errors, []);
  await page.close();
});

test('hidden boilerplate leaves no gap and leaves the lists and counts', async () => {
  const { page, errors } = await pageWith(ARTICLE);
  const r = manchette.analyze(ARTICLE, {});
  const visible = {
    entities: r.clusters.filter((c) => !c.boilerplate).length,
    quotes: r.quotes.filter((q) => !q.boilerplate).length,
    dates: r.dates.filter((d) => !d.boilerplate).length,
  };
  assert.ok(r.dates.some((d) => d.boilerplate), 'the footer\'s date is boilerplate');
  await page.check('#hide-boilerplate');
  const shown = await page.evaluate(() => document.querySelector('#article').innerText);
  // The menu line is boilerplate and the title after it the headline, then the byline and the
  // dateline; the footer is boilerplate. Hidden, the menu and the footer take their blank lines along.
  assert.deepEqual(r.blocks.slice(0, 4).map((b) => [b.kind, ARTICLE.slice(b.start, b.end)]), [
    ['boilerplate', 'Accueil | International | Politique | Économie | Sports'],
    ['headline', ARTICLE_TITLE],
    ['byline', 'Par Claire Martin'],
    ['dateline', 'Publié le 6 novembre 2012 à 10h30'],
  ]);
  const footer = r.blocks.find((b, i) => i > 0 && b.kind === 'boilerplate');
  assert.equal(ARTICLE.slice(footer.start, footer.end), '© 2012 Le Journal. Tous droits réservés.');
  assert.ok(r.blocks.filter((b) => b.start >= footer.start).every((b) => b.kind === 'boilerplate'), 'the footer runs to the end');
  assert.equal(shown.trim(), ARTICLE.slice(r.blocks[1].start, footer.start).trim());
  assert.doesNotMatch(shown, /^\s*\n/, 'no blank lines left at the start');
  assert.doesNotMatch(shown, /\n\s*\n\s*$/, 'no blank lines left at the end');
  assert.equal(await page.locator('#n-dates').textContent(), String(visible.dates));
  assert.equal(await page.locator('#n-quotes').textContent(), String(visible.quotes));
  assert.match(await page.locator('#counts').textContent(), new RegExp(`^${visible.entities} entities, ${visible.quotes} quotes, ${visible.dates} dates$`));
  assert.equal(await page.locator('#dates li').count(), new Set(r.dates.filter((d) => !d.boilerplate).map((d) => d.value ?? '')).size);
  await page.uncheck('#hide-boilerplate');
  assert.equal(await page.locator('#n-dates').textContent(), String(r.dates.length));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a quote shows its cue on hover; an uncertain speaker is marked in the article and the list', async () => {
  const { page, errors } = await pageWith(ARTICLE);
  const r = manchette.analyze(ARTICLE, {});
  const i = r.quotes.findIndex((q) => q.cue_start !== null && q.cue_end > q.cue_start);
  assert.ok(i >= 0, 'a quote with a cue');
  await page.locator(`#article q[data-index="${i}"].first`).hover();
  const cue = await page.$$eval('#article .cue.shown', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(cue, ARTICLE.slice(r.quotes[i].cue_start, r.quotes[i].cue_end));
  assert.match(await page.locator('#tooltip').textContent(), /cue: “/);
  const unsure = r.quotes.findIndex((q) => q.speaker && q.confidence < 0.8);
  assert.ok(unsure >= 0, 'an uncertain speaker in this article');
  assert.match(await page.getAttribute(`#article q[data-index="${unsure}"].first`, 'data-speaker'), / \? :$/);
  assert.match(await page.getAttribute(`#article q[data-index="${unsure}"].first`, 'class'), /uncertain/);
  const mark = page.locator(`#quotes li[data-quote="${unsure}"] .uncertain`);
  assert.match(await mark.getAttribute('title'), /^Uncertain speaker: .*confidence \d+ %/);
  const sure = r.quotes.findIndex((q) => q.speaker && q.confidence >= 0.8);
  if (sure >= 0) assert.equal(await page.locator(`#quotes li[data-quote="${sure}"] .uncertain`).count(), 0);
  const none = r.quotes.findIndex((q) => !q.speaker);
  if (none >= 0) {
    assert.equal(await page.getAttribute(`#article q[data-index="${none}"].first`, 'data-speaker'), null, 'no label without a speaker');
    assert.equal(await page.locator(`#quotes li[data-quote="${none}"] .speaker.unknown`).textContent(), 'speaker unknown');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the arrow keys cross the chunks of a long article, marking them up on the way', async () => {
  const long = `${OTHER}\n\n`.repeat(60); // ~130,000 characters: drawn in lazily marked chunks
  const { page, errors } = await pageWith(long);
  const chunks = await page.locator('#article .chunk').count();
  assert.ok(chunks > 2, `${chunks} chunks`);
  await page.locator('#article').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  const last = await page.evaluate(() => {
    const a = document.activeElement;
    return { chunk: Number(a.closest('.chunk').dataset.chunk), kind: a.dataset.kind, index: Number(a.dataset.index) };
  });
  assert.equal(last.chunk, chunks - 1, 'End goes to the last chunk');
  const r = await page.evaluate(() => window.manchette.result);
  const ends = ['entities', 'dates', 'quotes'].map((list) => r[list].at(-1)?.start ?? -1);
  assert.equal(r[{ entity: 'entities', date: 'dates', quote: 'quotes' }[last.kind]][last.index].start, Math.max(...ends), 'the last mark of the text');
  // Back across a chunk boundary, one mark at a time.
  let crossed = false;
  for (let k = 0; k < 400 && !crossed; k++) {
    await page.keyboard.press('ArrowLeft');
    crossed = await page.evaluate((c) => Number(document.activeElement.closest('.chunk').dataset.chunk) < c, chunks - 1);
  }
  assert.ok(crossed, 'ArrowLeft went back into the previous chunk');
  assert.deepEqual(errors, []);
  await page.close();
});
