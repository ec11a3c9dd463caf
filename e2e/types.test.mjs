// The TypeScript declarations (generated from the Rust result types, src/report.d.ts) describe
// what analyze really returns: real results, written out as object literals, compile with
// `tsc --strict` against the package's manchette.d.ts, so an undeclared key (excess property),
// a missing required key or a wrong type fails, and so does an undeclared or missing stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE, WWW, api } from './helpers.mjs';

const DTS = readFileSync(join(WWW, 'pkg', 'manchette.d.ts'), 'utf8');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

/** Compiles `source` (which may import types from './manchette') with tsc --strict; returns its errors. */
function tscErrors(source) {
  const dir = mkdtempSync(join(tmpdir(), 'manchette-types-'));
  try {
    copyFileSync(join(WWW, 'pkg', 'manchette.d.ts'), join(dir, 'manchette.d.ts'));
    writeFileSync(join(dir, 'check.ts'), source);
    execFileSync(TSC, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext',
      '--moduleResolution', 'bundler', '--lib', 'es2022,dom,esnext.disposable', '--types', '', 'check.ts'],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Real results of analyze over varied texts and options. */
async function results() {
  const m = await api();
  const texts = [SAMPLE, '', 'The minister said: "We will go to Paris on Monday."',
    'Le 🎉 président Emmanuel Macron a dit\u00a0: «\u202fNous irons à Bamako\u202f» lundi 23 juin 2025.',
    'Partager sur Facebook\nLire aussi : la suite\nLe 23 juin, Aminata Traoré a déclaré : « Rien. »\n© Info Matin'];
  const out = [];
  for (const text of texts) {
    for (const options of [undefined, {}, { referenceDate: '2025-06-24' }, { lang: 'en' }]) out.push(m.analyze(text, options));
  }
  return out;
}

test('the d.ts declares analyze, init, initSync, maxInputBytes and version, with the generated result types', () => {
  assert.match(DTS, /export function analyze\(text: string, options\?: AnalyzeOptions[^)]*\): Analysis;/);
  assert.match(DTS, /export function maxInputBytes\(\): number;/);
  assert.match(DTS, /export function version\(\): string;/);
  assert.match(DTS, /export function initSync\(/);
  assert.match(DTS, /export default function __wbg_init/);
  assert.doesNotMatch(DTS, /export function __panicForTests/, 'the hidden test export is not declared');
  const generated = readFileSync(join(ROOT, 'src', 'report.d.ts'), 'utf8');
  assert.ok(DTS.includes(generated.trim()), 'src/report.d.ts is in the package declarations');
});

test('real results compile as the declared Analysis under tsc --strict', async () => {
  const all = await results();
  assert.ok(all.some((r) => r.quotes.length && r.dates.length && r.entities.some((e) => e.boilerplate)),
    'the texts give quotes, dates and boilerplate mentions');
  const errors = tscErrors(`import type { Analysis } from './manchette';\n`
    + `export const results: Analysis[] = ${JSON.stringify(all, null, 1)};\n`);
  assert.equal(errors, '', 'real results match the declarations');
});

test('tsc does catch a result that does not match', async () => {
  const [r] = await results();
  const extra = { ...r, entities: r.entities.map((e, i) => (i ? e : { ...e, confidence: 1 })) };
  assert.match(tscErrors(`import type { Analysis } from './manchette';\n`
    + `export const r: Analysis = ${JSON.stringify(extra)};\n`), /confidence/, 'an undeclared key');
  const { dates, ...missing } = r;
  assert.match(tscErrors(`import type { Analysis } from './manchette';\n`
    + `export const r: Analysis = ${JSON.stringify(missing)};\n`), /dates/, 'a missing key');
});

test('progress objects match the declared AnalyzeProgress, and every declared stage occurs, in order', async () => {
  const m = await api();
  const progress = [];
  m.analyze(SAMPLE, { onProgress(p) { progress.push(p); } });
  const stages = [...new Set(progress.map((p) => p.stage))];
  // Record<AnalyzeStage, true> needs every declared stage, and refuses any other.
  const errors = tscErrors(`import type { AnalyzeOptions, AnalyzeProgress, AnalyzeStage } from './manchette';\n`
    + `export const progress: AnalyzeProgress[] = ${JSON.stringify(progress)};\n`
    + `export const stages: Record<AnalyzeStage, true> = ${JSON.stringify(Object.fromEntries(stages.map((s) => [s, true])))};\n`
    + `export const options: AnalyzeOptions = { onProgress: (p: AnalyzeProgress) => { progress.push(p); } };\n`);
  assert.equal(errors, '');
  const declared = DTS.match(/export type AnalyzeStage = ([^;]+);/)[1].split('|').map((t) => JSON.parse(t.trim()));
  assert.deepEqual(stages, declared, 'every stage, in the declared order');
});

test('the page follows the declarations: CSV columns are item fields, every stage and type is named', async () => {
  const { CSV_COLUMNS } = await import('../www/exports.js');
  const { STAGE_NAMES, TYPES, TYPE_NAMES } = await import('../www/labels.js');
  // Each list of columns must be keys of its item type: tsc refuses any other string.
  const checks = Object.entries(CSV_COLUMNS).map(([kind, columns]) =>
    `export const ${kind}: (keyof Analysis['${kind}'][number])[] = ${JSON.stringify(columns)};\n`);
  assert.equal(tscErrors(`import type { Analysis } from './manchette';\n${checks.join('')}`), '');
  const union = (alias) => DTS.match(new RegExp(`export type ${alias} = ([^;]+);`))[1].split('|').map((t) => JSON.parse(t.trim()));
  for (const stage of union('AnalyzeStage')) assert.ok(STAGE_NAMES[stage], `the progress bar names stage ${stage}`);
  assert.deepEqual(TYPES, union('EntityType'), 'the type filters are the entity types, in order');
  for (const type of TYPES) assert.ok(TYPE_NAMES[type], type);
});
