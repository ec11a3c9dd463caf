// The TypeScript declarations describe what analyze really returns: every key path of a real
// result appears in the generated interfaces, with a matching type, and the reverse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE, WWW, api } from './helpers.mjs';

/** Parses `export interface X { key?: type; }` blocks of a .d.ts into {X: {key: {type, optional}}}. */
export function interfaces(dts) {
  const out = {};
  for (const [, name, body] of dts.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    const fields = {};
    for (const [, key, optional, type] of body.replace(/\/\*\*[\s\S]*?\*\//g, '').matchAll(/^\s*(\w+)(\??):\s*([^;]+);/gm)) {
      fields[key] = { type: type.trim(), optional: optional === '?' };
    }
    out[name] = fields;
  }
  const aliases = {};
  for (const [, name, type] of dts.matchAll(/export type (\w+) = ([^;]+);/g)) aliases[name] = type.trim();
  return { interfaces: out, aliases };
}

/** Checks `value` against the TypeScript type `type`; returns the list of problems. */
function check(value, type, path, defs, seen) {
  const alts = type.split('|').map((t) => t.trim());
  const problems = [];
  for (const alt of alts) {
    const errs = [];
    if (alt === 'null') { if (value !== null) errs.push('not null'); }
    else if (alt === 'string') { if (typeof value !== 'string') errs.push('not a string'); }
    else if (alt === 'number') { if (typeof value !== 'number') errs.push('not a number'); }
    else if (alt === 'boolean') { if (typeof value !== 'boolean') errs.push('not a boolean'); }
    else if (/^".*"$/.test(alt)) { if (value !== JSON.parse(alt)) errs.push(`not ${alt}`); }
    else if (alt.endsWith('[]')) {
      if (!Array.isArray(value)) errs.push('not an array');
      else value.forEach((v, i) => errs.push(...check(v, alt.slice(0, -2), `${path}[${i}]`, defs, seen)));
    } else if (defs.aliases[alt]) errs.push(...check(value, defs.aliases[alt], path, defs, seen));
    else if (defs.interfaces[alt]) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) errs.push('not an object');
      else {
        const fields = defs.interfaces[alt];
        for (const [k, v] of Object.entries(value)) {
          seen.add(`${alt}.${k}`);
          if (!fields[k]) errs.push(`${path}.${k}: key missing from interface ${alt}`);
          else errs.push(...check(v, fields[k].type, `${path}.${k}`, defs, seen));
        }
        for (const [k, f] of Object.entries(fields)) {
          if (!f.optional && !(k in value)) errs.push(`${path}.${k}: required by ${alt} but absent`);
        }
      }
    } else errs.push(`unknown type ${alt}`);
    if (errs.length === 0) return [];
    problems.push(...errs);
  }
  return problems.map((p) => (p.startsWith(path) ? p : `${path}: ${p}`));
}

const DTS = readFileSync(join(WWW, 'pkg', 'manchette.d.ts'), 'utf8');

test('the d.ts declares analyze, init, initSync, maxInputBytes and version', () => {
  assert.match(DTS, /export function analyze\(text: string, options\?: AnalyzeOptions[^)]*\): Analysis;/);
  assert.match(DTS, /export function maxInputBytes\(\): number;/);
  assert.match(DTS, /export function version\(\): string;/);
  assert.match(DTS, /export function initSync\(/);
  assert.match(DTS, /export default function __wbg_init/);
  assert.doesNotMatch(DTS, /export function __panicForTests/, 'the hidden test export is not declared');
});

test('every key of real results is declared, with a matching type', async () => {
  const m = await api();
  const defs = interfaces(DTS);
  assert.ok(defs.interfaces.Analysis, 'interface Analysis');
  const seen = new Set();
  const texts = [SAMPLE, '', 'The minister said: "We will go to Paris on Monday."',
    'Le 🎉 président Emmanuel Macron a dit\u00a0: «\u202fNous irons à Bamako\u202f» lundi 23 juin 2025.'];
  for (const text of texts) {
    for (const options of [undefined, {}, { referenceDate: '2025-06-24' }, { lang: 'en' }]) {
      const r = m.analyze(text, options);
      assert.deepEqual(check(r, 'Analysis', 'result', defs, seen), [], 'result matches the declared Analysis');
    }
  }
  for (const key of Object.keys(defs.interfaces.Analysis)) assert.ok(seen.has(`Analysis.${key}`), `Analysis.${key} seen`);
});

test('progress objects match the declared AnalyzeProgress, and every declared stage occurs', async () => {
  const m = await api();
  const defs = interfaces(DTS);
  assert.equal(defs.interfaces.AnalyzeOptions.onProgress?.type, '((progress: AnalyzeProgress) => void) | null');
  const seen = new Set();
  const stages = [];
  m.analyze(SAMPLE, {
    onProgress(p) {
      assert.deepEqual(check(p, 'AnalyzeProgress', 'progress', defs, seen), []);
      stages.push(p.stage);
    },
  });
  const declared = defs.aliases.AnalyzeStage.split('|').map((t) => JSON.parse(t.trim()));
  assert.deepEqual([...new Set(stages)], declared, 'every stage, in the declared order');
  for (const key of Object.keys(defs.interfaces.AnalyzeProgress)) assert.ok(seen.has(`AnalyzeProgress.${key}`));
});

test('the page follows the declarations: CSV columns are item fields, every stage and type is named', async () => {
  const { CSV_COLUMNS } = await import('../www/exports.js');
  const { STAGE_NAMES, TYPES, TYPE_NAMES } = await import('../www/labels.js');
  const defs = interfaces(DTS);
  const union = (alias) => defs.aliases[alias].split('|').map((t) => JSON.parse(t.trim()));
  for (const [kind, columns] of Object.entries(CSV_COLUMNS)) {
    const item = defs.interfaces.Analysis[kind]?.type.replace(/\[\]$/, '');
    assert.ok(defs.interfaces[item], `Analysis.${kind} is a list of a declared interface`);
    for (const column of columns) assert.ok(defs.interfaces[item][column], `CSV column ${kind}.${column} is a field of ${item}`);
  }
  for (const stage of union('AnalyzeStage')) assert.ok(STAGE_NAMES[stage], `the progress bar names stage ${stage}`);
  assert.deepEqual(TYPES, union('EntityType'), 'the type filters are the entity types, in order');
  for (const type of TYPES) assert.ok(TYPE_NAMES[type], type);
});
