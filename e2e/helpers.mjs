// Shared set-up for the end-to-end tests: the static server, Debian's Chromium through
// playwright-core, a request log, and the wasm package loaded in Node for comparisons.
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WWW = join(ROOT, 'www');
export const SHOTS = join(ROOT, 'target', 'screenshots');
export const SAMPLE = readFileSync(join(WWW, 'samples', 'article-fr.txt'), 'utf8');

/** The package the page uses, initialised in Node. */
export async function api() {
  const mod = await import('../www/pkg/manchette.js');
  mod.initSync({ module: readFileSync(join(WWW, 'pkg', 'manchette_bg.wasm')) });
  return mod;
}

/** Starts the server and a browser; `close()` stops both. */
export async function launch({ root = WWW, ...contextOptions } = {}) {
  const server = await serve(root, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = await mkdtemp(join(tmpdir(), 'manchette-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    ...contextOptions,
  });
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  await mkdir(SHOTS, { recursive: true });
  return {
    server, base, ctx, requests,
    async close() {
      await ctx.close();
      server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A new page that records errors; `errors` must stay empty. */
export async function openPage(env, url = env.base) {
  const page = await env.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  return { page, errors };
}

/** The id of the last finished analysis. */
export const analysed = (page) => page.evaluate(() => Number(document.body.dataset.analysed ?? 0));

/** Waits until an analysis newer than `after` has been rendered. */
export async function waitAnalysis(page, after) {
  await page.waitForFunction((n) => Number(document.body.dataset.analysed ?? 0) > n && !document.body.dataset.busy, after);
}

/** Replaces the text area's content as a paste would, and waits for the analysis. */
export async function paste(page, text) {
  const before = await analysed(page);
  await page.locator('#input').fill(text);
  await waitAnalysis(page, before);
}

/** Drops files ({name, type, text}) on the page at once, as from a file manager. */
export async function dropFiles(page, files) {
  const data = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([f.text], f.name, { type: f.type }));
    return d;
  }, files);
  await page.dispatchEvent('body', 'drop', { dataTransfer: data });
}

/** Every request went to the page's own origin (or to blob:/data: URLs it made itself). */
export function offOrigin(requests, base) {
  const origin = new URL(base).origin;
  return requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
}

export { readFile };
