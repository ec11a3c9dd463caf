// Reviewing an analysis by hand (issue 18), on a real article of the development set: correct a
// quote's speaker, retype an entity, merge two, add a missed one by selecting its words; reload:
// the corrections are back and in both exports (JSON, and the CSV files of the ZIP); undo, redo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHOTS, launch, openPage, paste, readFile, waitAnalysis, analysed } from './helpers.mjs';

const ARTICLE = readFileSync(join(ROOT, '..', 'shared', 'news-dev', 'wikinews-fr-44046.txt'), 'utf8');

let env;
before(async () => { env = await launch(); });
after(async () => env?.close());

const corrected = (page) => page.evaluate(() => window.manchette.corrected);
const opsCount = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('manchette:corrections') ?? '{"ops":[]}').ops.length);

/** The files of a ZIP, read with Python's zipfile (which checks each CRC). */
function unzip(path) {
  const py = 'import sys, json, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; '
    + 'print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }));
}

/** Rows of a CSV file without its BOM, as objects keyed by the header (cells without quotes or
 * commas only: enough for the columns compared here). */
function csvRows(content) {
  assert.ok(content.startsWith('\uFEFF'), 'a BOM');
  const lines = content.slice(1).trimEnd().split('\r\n');
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

/** Selects text[start, end) of the article as a reader would with the mouse, and lets go (or
 * not: a touch screen has no mouseup). */
async function selectWords(page, start, end, { mouseup = true } = {}) {
  await page.evaluate(([a, b, up]) => {
    const article = document.querySelector('#article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let at = 0;
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.data.length;
      if (a >= at && a < at + len) range.setStart(n, a - at);
      if (b > at && b <= at + len) { range.setEnd(n, b - at); break; }
      at += len;
    }
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    if (up) article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, [start, end, mouseup]);
}

test('corrections: speaker, type, merge and an added entity survive a reload, go into both exports, and undo', async () => {
  const { page, errors } = await openPage(env);
  await paste(page, ARTICLE);
  let r = await corrected(page);
  assert.ok(r.quotes.length > 0 && r.clusters.length > 3, 'the article has quotes and entities');

  // 1. The first quote's speaker: another person or organisation of the article, from its list item.
  const q = r.quotes[0];
  const speakerIdx = r.clusters.findIndex((c, i) => (c.type === 'PER' || c.type === 'ORG') && i !== q.speaker_cluster);
  const speaker = r.clusters[speakerIdx].canonical;
  await page.click('#quotes li[data-quote="0"] button.edit');
  await page.selectOption('#review-menu select', String(speakerIdx));
  await page.click('#review-menu button.review-apply');
  await page.waitForFunction((s) => window.manchette.corrected.quotes[0].speaker === s, speaker);
  assert.match(await page.locator('#quotes li[data-quote="0"]').getAttribute('class'), /corrected/);

  // 2. Retype an entity from its mark in the article.
  r = await corrected(page);
  const retypedIdx = r.entities.findIndex((m) => m.type === 'ORG');
  const retyped = r.entities[retypedIdx];
  await page.click(`#article [data-kind=entity][data-index="${retypedIdx}"].first`);
  await page.click('#review-menu button.t-MISC');
  await page.waitForFunction((s) => window.manchette.corrected.entities.find((m) => m.start === s).type === 'MISC', retyped.start);
  assert.equal(await page.locator(`#article mark.corrected[data-type=MISC]`).first().textContent(), retyped.text);

  // 3. Merge two entities: the list item of one, "Same as…" the other.
  r = await corrected(page);
  const [a, b] = r.clusters.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'PER' || c.type === 'ORG').slice(-2);
  await page.click(`#entities li[data-cluster="${b.i}"] button.edit`);
  await page.selectOption('#review-menu select', String(a.i));
  await page.waitForFunction((n) => window.manchette.corrected.clusters.length === n - 1, r.clusters.length);
  r = await corrected(page);
  const merged = r.clusters.find((c) => c.corrected?.includes('merged'));
  assert.equal(merged.mentions.length, a.c.mentions.length + b.c.mentions.length);

  // 4. Add a missed one: a capitalised word no entity covers, selected in the article.
  const covered = (s, e) => r.entities.some((m) => m.start < e && m.end > s);
  const missed = [...ARTICLE.matchAll(/\b\p{Lu}[\p{L}-]{3,}/gu)].find((m) => m.index > 0 && !covered(m.index, m.index + m[0].length)
    && /[a-zà-ÿ]/.test(ARTICLE[m.index - 2] ?? ''));
  assert.ok(missed, 'the article has a capitalised word no entity covers');
  const [start, end] = [missed.index, missed.index + missed[0].length];
  await selectWords(page, start, end);
  await page.waitForSelector('#review-menu:not([hidden])');
  await page.click('#review-menu button.t-ORG');
  await page.waitForFunction((s) => window.manchette.corrected.entities.some((m) => m.start === s && m.corrected?.includes('added')), start);
  assert.equal(await opsCount(page), 4);
  await page.screenshot({ path: join(SHOTS, 'review.png'), fullPage: true });

  // Reload: the text and the corrections come back.
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForFunction(() => window.manchette.corrected?.entities.some((m) => m.corrected));
  r = await corrected(page);
  assert.equal(r.quotes[0].speaker, speaker);
  assert.deepEqual(r.quotes[0].corrected, ['speaker']);
  assert.equal(r.entities.find((m) => m.start === retyped.start).type, 'MISC');
  assert.ok(r.entities.find((m) => m.start === start && m.end === end).corrected.includes('added'));
  assert.ok(r.clusters.some((c) => c.corrected?.includes('merged')));
  assert.match(await page.locator('#review-note').textContent(), /4 corrections made by hand/);

  // The JSON export: the text, options, version and corrections, the corrected items flagged.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.match(json.suggestedFilename(), /^france-encore-un-suicide-de-postier-en-bretagne\.json$/);
  assert.equal(doc.text, ARTICLE);
  assert.deepEqual(doc.options, {});
  assert.match(doc.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(doc.corrections.map((op) => op.op), ['speaker', 'retype', 'merge', 'add']);
  assert.equal(doc.quotes[0].speaker, speaker);
  assert.equal(doc.quotes[0].original.speaker, q.speaker);
  assert.equal(doc.entities.find((m) => m.start === retyped.start).original.type, 'ORG');

  // The ZIP: four CSV files with a BOM, the corrected rows flagged.
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(zip.suggestedFilename(), 'france-encore-un-suicide-de-postier-en-bretagne.zip');
  const files = unzip(await zip.path());
  assert.deepEqual(Object.keys(files), ['entities.csv', 'mentions.csv', 'quotes.csv', 'dates.csv']);
  const quotes = csvRows(files['quotes.csv']);
  assert.equal(quotes.length, doc.quotes.length);
  assert.deepEqual([quotes[0].speaker, quotes[0].corrected, quotes[0].correction], [speaker, 'true', 'speaker']);
  assert.ok(quotes[0].context.includes(doc.quotes[0].text.slice(0, 20)), 'the context sentence holds the quote');
  const mentions = csvRows(files['mentions.csv']);
  assert.equal(mentions.length, doc.entities.length);
  assert.deepEqual(mentions.filter((m) => m.correction.includes('added')).map((m) => [m.start, m.text, m.type]), [[String(start), missed[0], 'ORG']]);
  assert.equal(mentions.find((m) => m.start === String(retyped.start)).type, 'MISC');
  const entities = csvRows(files['entities.csv']);
  assert.equal(entities.length, doc.clusters.length);
  assert.equal(entities.filter((e) => e.correction.includes('merged')).length, 1);
  assert.ok(entities.every((e) => e.article === 'France : encore un suicide de postier en Bretagne' || e.article.startsWith('"')));
  assert.equal(entities.filter((e) => e.corrected === 'false').length, doc.clusters.filter((c) => !c.corrected).length);

  // Undo with Ctrl+Z outside the text box, then redo with the button.
  await page.locator('#article').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !window.manchette.corrected.entities.some((m) => m.corrected?.includes('added')));
  assert.equal(await opsCount(page), 3);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => window.manchette.corrected.clusters.length === n, r.clusters.length);
  await page.click('#redo');
  await page.click('#redo');
  assert.equal(await opsCount(page), 4);
  // Ctrl+Z in the text box is the text box's own.
  await page.locator('#input').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await opsCount(page), 4);
  // "Show the analysis without them" shows the analysis's own result.
  await page.check('#show-original');
  r = await corrected(page);
  assert.deepEqual(r, await page.evaluate(() => window.manchette.result));
  await page.uncheck('#show-original');
  assert.deepEqual(errors, []);
  await page.close();
});

test('corrections follow an edit elsewhere in the text and are dropped, with a note, where the words changed', async () => {
  const { page, errors } = await openPage(env);
  const cleared = await analysed(page);
  await page.click('#clear'); // the text and corrections of the test before
  await waitAnalysis(page, cleared);
  await paste(page, ARTICLE);
  assert.equal(await opsCount(page), 0);
  const r = await corrected(page);
  const last = r.entities.at(-1);
  await page.click(`#article [data-kind=entity][data-index="${r.entities.length - 1}"].first`);
  const other = ['PER', 'ORG', 'LOC', 'MISC'].find((t) => t !== last.type);
  await page.click(`#review-menu button.t-${other}`);
  await page.waitForFunction((n) => window.manchette.corrected.entities.at(-1).type === n, other);
  // An edit before it: the correction moves with its words.
  await paste(page, `Brève. ${ARTICLE}`);
  let now = await corrected(page);
  assert.equal(now.entities.find((m) => m.start === last.start + 7)?.type, other);
  // The words themselves changed: it is dropped, and the page says so.
  const edited = `Brève. ${ARTICLE.slice(0, last.start)}X${ARTICLE.slice(last.start + 1)}`;
  await paste(page, edited);
  now = await corrected(page);
  assert.ok(!now.entities.some((m) => m.corrected));
  assert.match(await page.locator('#review-note').textContent(), /1 correction dropped: the words they named changed/);
  assert.equal(await opsCount(page), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('corrections from the keyboard and by selection: a span fixed, a mention split off, a date valued, a speaker typed in, a quote deleted', async () => {
  const { page, errors } = await openPage(env);
  const cleared = await analysed(page);
  await page.click('#clear');
  await waitAnalysis(page, cleared);
  await paste(page, ARTICLE);
  let r = await corrected(page);

  // The span: select the entity's words and one more word before them.
  const m = r.entities.find((x) => /\s/.test(ARTICLE[x.start - 1]) && /\p{L}/u.test(ARTICLE[x.start - 2]));
  const wider = ARTICLE.lastIndexOf(' ', m.start - 2) + 1;
  await selectWords(page, wider, m.end);
  await page.waitForSelector('#review-menu:not([hidden])');
  await page.screenshot({ path: join(SHOTS, 'review-menu.png') });
  await page.click(`#review-menu button:has-text("Make these the words of “${m.text}”")`);
  await page.waitForFunction(([a, b]) => window.manchette.corrected.entities.some((x) => x.start === a && x.end === b), [wider, m.end]);
  r = await corrected(page);
  const fixed = r.entities.find((x) => x.start === wider);
  assert.equal(fixed.text, ARTICLE.slice(wider, m.end));
  assert.deepEqual(fixed.original, { start: m.start, end: m.end, text: m.text });

  // Split a mention off an entity of several, from its mark with the keyboard (E opens the menu).
  const c = r.clusters.findIndex((x) => x.mentions.length > 1);
  const second = r.clusters[c].mentions[1];
  await page.locator(`#article [data-kind=entity][data-index="${second}"].first`).focus();
  await page.keyboard.press('e');
  await page.waitForSelector('#review-menu:not([hidden])');
  // Escape closes it and gives the focus back to the mark.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#review-menu').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), String(second));
  await page.keyboard.press('e');
  await page.click('#review-menu button:has-text("Split this mention off")');
  await page.waitForFunction((n) => window.manchette.corrected.clusters.length === n + 1, r.clusters.length);

  // A date's value, from its list item with the keyboard.
  r = await corrected(page);
  const d = r.dates[0];
  await page.locator(`#dates li[data-value="${d.value}"] button.item`).focus();
  await page.keyboard.press('e');
  await page.fill('#review-menu input', '1999-12');
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => window.manchette.corrected.dates.find((x) => x.start === s).value === '1999-12', d.start);
  assert.equal(await page.locator('#article time.corrected').first().getAttribute('datetime'), '1999-12');
  // A value that is not a date is refused, with the reason.
  await page.locator('#dates li[data-value="1999-12"] button.item').focus();
  await page.keyboard.press('e');
  await page.fill('#review-menu input', 'demain');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#review-menu [role=alert]').textContent(), /YYYY/);
  await page.keyboard.press('Escape');

  // A speaker the article does not name as an entity, typed in.
  await page.click('#quotes li[data-quote="1"] button.edit');
  await page.selectOption('#review-menu select', 'other');
  await page.fill('#review-menu input', 'un porte-parole de SUD');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.manchette.corrected.quotes[1].speaker === 'un porte-parole de SUD');
  assert.equal((await corrected(page)).quotes[1].speaker_cluster, null);
  assert.match(await page.locator('#quotes li[data-quote="1"] .speaker').textContent(), /un porte-parole de SUD/);

  // Delete a quote from its list item's ✎ button.
  const quotes = r.quotes.length;
  await page.click('#quotes li[data-quote="0"] button.edit');
  await page.click('#review-menu button:has-text("Delete the quote")');
  await page.waitForFunction((n) => window.manchette.corrected.quotes.length === n - 1, quotes);
  assert.equal(await page.locator('#quotes li').count(), quotes - 1);
  assert.equal(await opsCount(page), 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, selecting words (no mouse) offers to add them as an entity', async () => {
  const phone = await launch({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  try {
    const { page, errors } = await openPage(phone);
    await paste(page, ARTICLE);
    const words = 'fédérations nationales';
    const start = ARTICLE.indexOf(words);
    await selectWords(page, start, start + words.length, { mouseup: false });
    await page.waitForSelector('#review-menu:not([hidden])');
    assert.equal(await page.locator('#review-menu .review-title').textContent(), `“${words}”`);
    await page.locator('#review-menu button.t-ORG').tap();
    await page.waitForFunction((s) => window.manchette.corrected.entities.some((m) => m.start === s && m.type === 'ORG'), start);
    await page.screenshot({ path: join(SHOTS, 'review-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await phone.close();
  }
});
