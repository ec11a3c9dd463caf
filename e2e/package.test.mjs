// The npm package: `npm pack` of pkg/, installed into a scratch project from the tarball, used
// from Node with initSync, and from TypeScript with tsc --strict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

let dir;
let tarball;
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'manchette-pack-'));
  const packed = JSON.parse(npm(['pack', join(ROOT, 'pkg'), '--json', '--pack-destination', dir], dir));
  tarball = { path: join(dir, packed[0].filename), files: packed[0].files.map((f) => f.path) };
  const project = join(dir, 'consumer');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', tarball.path], project);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds the module, the wasm, the types, the readme and the licence', () => {
  for (const f of ['package.json', 'manchette.js', 'manchette_bg.wasm', 'manchette.d.ts', 'README.md', 'LICENSE']) {
    assert.ok(tarball.files.includes(f), `${f} in ${tarball.files}`);
  }
});

test('an installed package analyses text from Node with initSync', () => {
  const project = join(dir, 'consumer');
  writeFileSync(join(project, 'main.mjs'), `
    import { readFileSync } from 'node:fs';
    import { initSync, analyze, version, maxInputBytes } from 'manchette';
    initSync({ module: readFileSync(new URL(import.meta.resolve('manchette/manchette_bg.wasm'))) });
    const text = 'Le président Emmanuel Macron a déclaré lundi 23 juin : « Nous irons à Bamako 🎉 ».';
    const r = analyze(text, { referenceDate: '2025-06-24' });
    for (const kind of ['entities', 'quotes', 'dates']) {
      for (const x of r[kind]) if (text.slice(x.start, x.end) !== x.text) throw new Error(kind + ' offsets');
    }
    let typeError = false;
    try { analyze(null); } catch (e) { typeError = e instanceof TypeError; }
    console.log(JSON.stringify({ version: version(), max: maxInputBytes(), ref: r.reference_date, lang: r.lang, typeError }));
  `);
  const out = JSON.parse(execFileSync('node', ['main.mjs'], { cwd: project, encoding: 'utf8' }));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"/m)[1];
  assert.deepEqual(out, { version: cargo, max: 64 * 1024 * 1024, ref: '2025-06-24', lang: 'fr', typeError: true });
});

test('a TypeScript consumer compiles with tsc --strict against the installed package', () => {
  const project = join(dir, 'consumer');
  copyFileSync(join(ROOT, 'e2e', 'fixtures', 'consumer.ts'), join(project, 'consumer.ts'));
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
    '--lib', 'es2022,dom,esnext.disposable', '--types', '', 'consumer.ts'];
  try {
    execFileSync(tsc, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
  // And it does catch a mistake.
  writeFileSync(join(project, 'wrong.ts'), "import { analyze } from 'manchette';\nconst n: number = analyze('x').lang;\n");
  assert.throws(() => execFileSync(tsc, [...args.slice(0, -1), 'wrong.ts'], { cwd: project, stdio: 'pipe' }));
});
