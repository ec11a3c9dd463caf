// Builds one self-contained HTML file from www/ and the built www/pkg: styles, script, sample
// article, analysis worker and the .wasm (base64) inlined, with a CSP of hashes that allows
// nothing else. It works from file:// as well as over HTTP.
//   node scripts/build-single.mjs [OUT]     (default dist/manchette.html; run npm run build first)
// The page's ES modules (www/app.js and what it imports) become one inline module script through
// esbuild: it resolves the import graph and renames clashing names, which a concatenation would not.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'manchette.html'));
const read = (p) => readFileSync(join(www, p), 'utf8');

/** Text for a <script> or <style> element: it must not close the element early. */
function inert(text, what) {
  if (/<\/(script|style)/i.test(text) || /<!--/.test(text)) throw new Error(`${what} contains </script, </style or <!--`);
  return text;
}
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const glue = read('pkg/manchette.js');
const wasm = readFileSync(join(www, 'pkg', 'manchette_bg.wasm')).toString('base64');
const workerCode = read('worker.js');
const importLine = "import init, { analyze, analyzeHtml, decodePage, fileKind, version, Dossier, __panicForTests } from './pkg/manchette.js';";
if (!workerCode.includes(importLine)) throw new Error('worker.js no longer starts with the expected import');
// A classic worker: Chromium refuses module workers from blob: URLs on file:// pages.
const classicGlue = glue
  .replace(/^export \{ initSync, __wbg_init as default \};$/m, '')
  .replace(/^export function /gm, 'function ')
  .replace(/^export class /gm, 'class ')
  .replaceAll('import.meta.url', 'self.location.href');
if (/^\s*(import|export)\b/m.test(classicGlue)) throw new Error('the wasm-bindgen glue has an import or export left');
const worker = [
  `self.MANCHETTE_WASM = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));`,
  classicGlue,
  'const init = __wbg_init;',
  workerCode.replace(importLine, ''),
].join('\n');

const css = '\n' + read('style.css');
/** www/app.js with every module it imports, as one ES module (import.meta.url stays the page's). */
function bundleApp() {
  const { outputFiles } = buildSync({
    entryPoints: [join(www, 'app.js')], bundle: true, format: 'esm', write: false, charset: 'utf8',
    legalComments: 'none', logLevel: 'silent',
  });
  return outputFiles[0].text;
}
const app = '\n' + bundleApp();
const csp = [
  "default-src 'none'",
  `script-src ${sha256(app)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha256(css)}`,
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The demo dossier's articles ({file, text}, in www/samples/dossier/CREDIT.txt's order). */
function demoDossier() {
  const files = read('samples/dossier/CREDIT.txt').match(/wikinews-fr-\d+\.txt/g);
  return files.map((file) => ({ file, text: read(`samples/dossier/${file}`) }));
}

let html = read('index.html');
const swap = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html lacks ${from}`);
  html = html.replace(from, () => to);
};
swap(html.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/)[0],
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
// One file from disk: no manifest or service worker to install, and the icon inlined.
swap('<link rel="icon" href="icon.svg" type="image/svg+xml">', '<link rel="icon" href="data:,">');
swap('<link rel="manifest" href="manifest.webmanifest">', '');
swap('<link rel="stylesheet" href="style.css">', `<style>${inert(css, 'style.css')}</style>`);
swap('<script type="module" src="app.js"></script>', [
  `<script type="text/plain" id="worker-src">${inert(worker, 'worker')}</script>`,
  `<script type="text/plain" id="sample-src">${inert(read('samples/article-fr.txt'), 'sample')}</script>`,
  `<script type="application/json" id="demo-src">${inert(JSON.stringify(demoDossier()), 'demo dossier')}</script>`,
  `<script type="module">${inert(app, 'app.js')}</script>`,
].join('\n  '));

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`manchette: wrote ${out} (${html.length.toLocaleString('en')} bytes)`);
