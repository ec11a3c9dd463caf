// Saved web pages in the page (issue 16): a real French page opened, a copied page pasted as
// text/html, and files that are no article dropped. The page reads HTML with the core's
// analyzeHtml in its worker, as the CLI does: both give the same entities for the same file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ROOT, SHOTS, analysed, api, dropFiles, launch, offOrigin, openPage, waitAnalysis } from './helpers.mjs';

/** A real saved page of the test suite (Le Monde; source and licence in tests/pages/README.md),
 * with its publication date and headline from tests/pages/expected.tsv. */
const PAGE_FILE = join(ROOT, 'tests', 'pages', 'fr-lemonde.html');
const PAGE_BYTES = readFileSync(PAGE_FILE);
const PAGE_DATE = '2019-05-07';
const PAGE_HEADLINE = 'Les sombres perspectives économiques de la Commission européenne';

let env;
let manchette;
let pageHtml;
before(async () => {
  manchette = await api();
  pageHtml = manchette.decodePage(PAGE_BYTES);
  env = await launch();
  // Every page opens on the sample, not on a text or page a previous test left saved.
  await env.ctx.addInitScript(() => {
    if (sessionStorage.getItem('keep')) return;
    localStorage.removeItem('manchette:text');
    localStorage.removeItem('manchette:page');
  });
});
after(async () => env?.close());

const pageResult = (page) => page.evaluate(() => window.manchette.result);

/** Opens `file` ({name, mimeType, buffer}) with the file input and waits for its analysis. */
async function openFile(page, file) {
  const before = await analysed(page);
  await page.setInputFiles('#file', file);
  await waitAnalysis(page, before);
}

/** Pastes a synthetic clipboard carrying `html` (and `plain`) into the text box, all of it selected. */
async function pasteHtml(page, html, plain) {
  const before = await analysed(page);
  await page.evaluate(([h, p]) => {
    const input = document.querySelector('#input');
    input.focus();
    input.select();
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', p);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, plain]);
  await waitAnalysis(page, before);
}

/** What the article view and the lists show: the text, the blocks in order, and the list items. */
const shown = (page) => page.evaluate(() => {
  const visible = (e) => e.getClientRects().length > 0;
  const blocks = [...document.querySelectorAll('#article [data-kind=block]')].map((b) => ({
    kind: b.className.replace(/^block block-/, ''),
    text: b.textContent,
    // Dimmed: boilerplate is drawn in the dim colour (not by opacity, for contrast; style.css).
    dimmed: getComputedStyle(b).color !== getComputedStyle(document.querySelector('#article')).color
      || Number(getComputedStyle(b).opacity) < 1,
    title: b.title,
    visible: visible(b),
  }));
  const items = (sel, key) => [...document.querySelectorAll(sel)].map((li) => ({ key: li.dataset[key], bp: li.classList.contains('bp'), visible: visible(li) }));
  return {
    article: document.querySelector('#article').textContent,
    input: window.manchette.editorText,
    blocks,
    clusters: items('#entities li', 'cluster'),
    quotes: items('#quotes li', 'quote'),
    dates: items('#dates li', 'value'),
    refdate: document.querySelector('#refdate').value,
    refnote: document.querySelector('#refnote').textContent,
  };
});

/** The page shows `expected` (analyzeHtml's result): the article first, boilerplate dimmed and
 * marked, then hidden with its list items when "Hide boilerplate" is on; the metadata date. */
async function checkPageShown(page, expected) {
  assert.deepEqual(await pageResult(page), expected, 'the page shows analyzeHtml\'s result');
  const view = await shown(page);
  assert.equal(view.article, expected.text, 'the article view shows the extracted text');
  assert.equal(view.input, expected.text, 'the text box holds the extracted text');
  assert.ok(expected.text.startsWith(`${PAGE_HEADLINE}\n`), 'the headline comes first');
  assert.deepEqual(view.blocks[0], { kind: 'headline', text: PAGE_HEADLINE, dimmed: false, title: '', visible: true });
  assert.equal(view.blocks[1].kind, 'byline');
  const firstBp = view.blocks.findIndex((b) => b.kind === 'boilerplate');
  assert.ok(firstBp > 2, 'the article\'s body comes before any boilerplate');
  assert.ok(view.blocks.slice(0, firstBp).some((b) => b.kind === 'body' && b.text.length > 200), 'a body paragraph');
  const boilerplate = view.blocks.filter((b) => b.kind === 'boilerplate');
  assert.ok(boilerplate.length >= 10, `the page's menus, teasers and footer are kept as boilerplate (${boilerplate.length})`);
  for (const b of boilerplate) {
    assert.ok(b.dimmed, `dimmed: ${b.text}`);
    assert.match(b.title, /^Boilerplate/, 'and marked as such');
  }
  assert.equal(view.refdate, PAGE_DATE, 'the publication date from the metadata');
  assert.match(view.refnote, /^from the page's metadata/);

  const bpClusters = expected.clusters.filter((c) => c.boilerplate).length;
  assert.ok(bpClusters > 0, 'the page has entities found only in its boilerplate');
  assert.ok(view.clusters.some((c) => c.bp && c.visible), 'shown, dimmed, while boilerplate is shown');
  await page.check('#hide-boilerplate');
  const hidden = await shown(page);
  assert.ok(hidden.blocks.filter((b) => b.kind === 'boilerplate').every((b) => !b.visible), 'boilerplate lines hidden');
  assert.ok(hidden.blocks.filter((b) => b.kind !== 'boilerplate').every((b) => b.visible), 'article lines shown');
  for (const list of ['clusters', 'quotes', 'dates']) {
    for (const item of hidden[list]) assert.equal(item.visible, !item.bp, `${list} item ${item.key}: boilerplate ones out of the list`);
  }
  const visibleClusters = hidden.clusters.filter((c) => c.visible).map((c) => Number(c.key));
  assert.equal(visibleClusters.length, expected.clusters.length - bpClusters);
  for (const i of visibleClusters) assert.ok(!expected.clusters[i].boilerplate);
  await page.uncheck('#hide-boilerplate');
}

test('a saved French page opened shows its article first, boilerplate set apart, the metadata date', async () => {
  const { page, errors } = await openPage(env);
  const expected = manchette.analyzeHtml(pageHtml, {});
  await openFile(page, { name: 'fr-lemonde.html', mimeType: 'text/html', buffer: PAGE_BYTES });
  await checkPageShown(page, expected);
  await page.screenshot({ path: join(SHOTS, 'webpage.png'), fullPage: true });

  // A reload reads the page again, not its text alone.
  await page.evaluate(() => sessionStorage.setItem('keep', '1'));
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.deepEqual(await pageResult(page), expected, 'the page comes back after a reload');
  await page.evaluate(() => sessionStorage.removeItem('keep'));

  // The date can be set by hand; the page is read again from its HTML with it.
  let before = await analysed(page);
  await page.fill('#refdate', '2019-05-10');
  await waitAnalysis(page, before);
  assert.deepEqual(await pageResult(page), manchette.analyzeHtml(pageHtml, { referenceDate: '2019-05-10' }));
  assert.equal(await page.inputValue('#refdate'), '2019-05-10');

  // Edited, the article is a plain text from then on.
  before = await analysed(page);
  await page.locator('#input').fill(`${expected.text}Ajout.\n`);
  await waitAnalysis(page, before);
  assert.deepEqual(await pageResult(page), manchette.analyze(`${expected.text}Ajout.\n`, { referenceDate: '2019-05-10' }));

  assert.deepEqual(offOrigin(env.requests, env.base), [], 'the saved page loads nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a paste of text/html is read as the same page; HTML with no text falls back to the plain text', async () => {
  const { page, errors } = await openPage(env);
  const expected = manchette.analyzeHtml(pageHtml, {});
  await pasteHtml(page, pageHtml, 'texte brut de secours');
  await checkPageShown(page, expected);

  await pasteHtml(page, '<img src="x.png" alt="">', 'Le texte brut, à Lyon.');
  assert.equal(await page.inputValue('#input'), 'Le texte brut, à Lyon.');
  assert.deepEqual(await pageResult(page), manchette.analyze('Le texte brut, à Lyon.', {}));

  // Dragged from another page (no file, text/html and text/plain), it is read the same way.
  let before = await analysed(page);
  const dt = await page.evaluateHandle((h) => {
    const d = new DataTransfer();
    d.setData('text/html', h);
    d.setData('text/plain', 'texte brut de secours');
    return d;
  }, pageHtml);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await waitAnalysis(page, before);
  assert.deepEqual(await pageResult(page), expected);

  // A plain-text paste is the browser's, as before.
  before = await analysed(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'ignored');
    document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(400);
  assert.equal(await analysed(page), before, 'nothing loaded by the page itself');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a dropped PDF or an opened image is refused by type; the text stays', async () => {
  const { page, errors } = await openPage(env);
  const text = await page.inputValue('#input');
  const before = await analysed(page);
  await dropFiles(page, [{ name: 'rapport.pdf', type: 'application/pdf', text: '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n' }]);
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('rapport.pdf'));
  assert.match(await page.locator('#status').textContent(), /^rapport\.pdf is a PDF document, not an article/);
  assert.equal(await page.locator('#status.error').count(), 1);

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.setInputFiles('#file', { name: 'photo.html', mimeType: 'text/html', buffer: png });
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('photo.html'));
  assert.match(await page.locator('#status').textContent(), /^photo\.html is a PNG image, not an article/, 'the bytes decide, not the name');

  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('#input'), text, 'the text is kept');
  assert.equal(await analysed(page), before, 'and not analysed again');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a saved page\'s scripts never run, and nothing it names is loaded', async () => {
  const { page, errors } = await openPage(env);
  const marked = pageHtml
    .replace('<head>', '<head><script>window.__ran = "head"</script><base href="http://example.invalid/">')
    .replace('</body>', '<img src="http://example.invalid/pixel.png" onerror="window.__ran = \'onerror\'">'
      + '<iframe src="http://example.invalid/frame"></iframe><link rel="stylesheet" href="http://example.invalid/x.css">'
      + '<script src="http://example.invalid/tracker.js"></script></body>');
  assert.notEqual(marked, pageHtml);
  const requests = env.requests.length;
  await openFile(page, { name: 'marked.html', mimeType: 'text/html', buffer: Buffer.from(marked) });
  assert.equal((await pageResult(page)).reference_date, PAGE_DATE);
  await pasteHtml(page, marked, '');
  assert.equal((await pageResult(page)).reference_date, PAGE_DATE);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'no script or handler ran');
  const made = env.requests.slice(requests);
  assert.deepEqual(offOrigin(made, env.base), [], 'no request left the page');
  assert.ok(!made.some((u) => /pixel|tracker|frame|x\.css|lemonde/.test(u)), `nothing the page names was fetched: ${made}`);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Code-point offsets (the CLI's) to UTF-16 ones (the page's) over `text`. */
function utf16Offsets(text) {
  const at = [0];
  for (const ch of text) at.push(at.at(-1) + ch.length);
  return at;
}

/** The CLI's JSON lines for `files`, built by `cargo run` if it is not up to date with the sources. */
function cliAnalyze(files) {
  const out = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'manchette', '--', 'analyze', ...files],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

/** The spans of a result's entities, quotes and dates, with what identifies each, in UTF-16 units
 * (`at` maps the CLI's code points to them; identity for the page's). */
function spansOf(r, at = (i) => i) {
  const span = (x) => [at(x.start), at(x.end), x.text, Boolean(x.boilerplate)];
  return {
    entities: r.entities.map((e) => [...span(e), e.type, e.canonical]),
    quotes: r.quotes.map((q) => [...span(q), q.speaker ?? null]),
    dates: r.dates.map((d) => [...span(d), d.value ?? null]),
    blocks: r.blocks.map((b) => [at(b.start), at(b.end), b.kind]),
  };
}

test('the CLI and the page give the same entities for the same .html file', async () => {
  const { page, errors } = await openPage(env);
  await openFile(page, { name: 'fr-lemonde.html', mimeType: 'text/html', buffer: PAGE_BYTES });
  const shownResult = await pageResult(page);
  const [cli] = cliAnalyze([PAGE_FILE]);
  assert.equal(cli.text, shownResult.text, 'the same article text');
  const at = utf16Offsets(cli.text);
  const cliSpans = spansOf(cli, (i) => at[i]);
  assert.ok(cliSpans.entities.length > 20, `entities found (${cliSpans.entities.length})`);
  assert.deepEqual(spansOf(shownResult), cliSpans);
  for (const [start, end, text] of spansOf(shownResult).entities) assert.equal(shownResult.text.slice(start, end), text);
  assert.equal(shownResult.reference_date, cli.reference_date);
  assert.equal(shownResult.reference_date_source, cli.reference_date_source);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the CLI and the page\'s package agree on every saved page of tests/pages', () => {
  const dir = join(ROOT, 'tests', 'pages');
  const paths = readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => join(dir, f));
  assert.ok(paths.length >= 12, `${paths.length} pages`);
  // The saved pages have no character outside the BMP: a copy of one with emoji in its paragraphs
  // makes the CLI's code points and the page's UTF-16 units differ.
  const emoji = join(mkdtempSync(join(tmpdir(), 'manchette-pages-')), 'fr-lemonde-emoji.html');
  writeFileSync(emoji, pageHtml.replace(/<p>/g, '<p>🎉 Emmanuel Macron 👩‍👩‍👧 '));
  paths.push(emoji);
  const cli = cliAnalyze(paths);
  let astral = 0;
  paths.forEach((path, k) => {
    const file = basename(path);
    const page = manchette.analyzeHtml(manchette.decodePage(readFileSync(path)), {});
    assert.equal(cli[k].text, page.text, `${file}: the same article text`);
    const at = utf16Offsets(page.text);
    astral += page.text.length - (at.length - 1);
    assert.deepEqual(spansOf(page), spansOf(cli[k], (i) => at[i]), file);
    assert.equal(page.reference_date, cli[k].reference_date, file);
  });
  rmSync(dirname(emoji), { recursive: true });
  assert.ok(astral >= 10, `characters outside the BMP: ${astral}`);
  console.log(`${paths.length} pages compared; ${astral} characters outside the BMP (two UTF-16 units each)`);
});

test('several files dropped make a dossier: a saved page read as a page with its metadata date, a PDF left out', async () => {
  const { page, errors } = await openPage(env);
  const { text: pageText } = manchette.analyzeHtml(pageHtml, {});
  const note = 'Note de Lyon, le 3 mars 2024 : rien à signaler.\n';
  await dropFiles(page, [
    { name: 'lemonde.html', type: 'text/html', text: pageHtml },
    { name: 'note.txt', type: 'text/plain', text: note },
    { name: 'scan.pdf', type: 'application/pdf', text: '%PDF-1.4\n' },
  ]);
  await page.waitForFunction(() => document.body.dataset.dossier === '2' && !document.body.dataset.dossierBusy, null, { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Added'));
  assert.match(await page.locator('#status').textContent(), /^Added 2 articles to the dossier\. scan\.pdf is a PDF document, not an article/);
  const row = page.locator('#dossier-articles li', { hasText: 'lemonde.html' });
  assert.equal(await row.locator('input[type=date]').inputValue(), PAGE_DATE, 'the page\'s metadata date');
  assert.equal(await row.locator('button.linkish').textContent(), PAGE_HEADLINE);
  await row.locator('button.linkish').click();
  await page.waitForFunction(() => document.body.dataset.opened);
  assert.equal(await page.locator('#article').textContent(), pageText, 'opened, the article text read from the page');
  assert.deepEqual(errors, []);
  await page.close();
});
