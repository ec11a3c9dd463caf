// `npm run build:single`: one self-contained HTML file that works from file:// with no request
// other than its own file, its CSP intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SAMPLE, SHOTS, api, launch, paste } from './helpers.mjs';

let env;
let dir;
let file;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'manchette-single-'));
  file = join(dir, 'manchette.html');
  execFileSync('node', [join(ROOT, 'scripts', 'build-single.mjs'), file], { stdio: 'pipe' });
  env = await launch();
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the single file inlines everything and keeps a strict CSP', () => {
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet|\bhref="(?!data:)[^"#]/);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test('the single file works from file://', async () => {
  const m = await api();
  const page = await env.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.inputValue('#input'), SAMPLE, 'the inlined sample is loaded');
  const text = 'Hors ligne 🎉 : « Nous irons à Bamako » lundi 23 juin 2025.\n';
  await paste(page, text);
  assert.equal(await page.locator('#article').textContent(), text);
  assert.deepEqual(await page.evaluate(() => window.manchette.result), m.analyze(text, {}));
  await page.screenshot({ path: join(SHOTS, 'single-file.png') });
  assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single file has the demo dossier inlined, merged in its worker', async () => {
  const page = await env.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#demo-dossier');
  await page.waitForFunction(() => document.body.dataset.dossier === '5' && !document.body.dataset.dossierBusy);
  assert.equal(await page.locator('#dossier-articles li').count(), 5);
  assert.equal(await page.locator('#demo-credit').isVisible(), true);
  assert.match(await page.locator('#demo-credit').textContent(), /CC BY 2\.5/);
  assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), []);
  assert.deepEqual(errors, []);
  await page.close();
});
