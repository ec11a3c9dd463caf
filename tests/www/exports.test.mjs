// CSV and JSON building for the page's exports (www/exports.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  articleDocument, CSV_COLUMNS, CSV_FILES, csvCell, csvFiles, csvParts, csvRow, csvTables, fileStem, jsonParts, sentenceAround,
} from '../../www/exports.js';
import { applyCorrections } from '../../www/corrections.js';
import { zip } from '../../www/zip.js';

test('plain cells are written as they are, accents, emoji and no-break spaces included', () => {
  assert.equal(csvCell('Assimi Goïta'), 'Assimi Goïta');
  assert.equal(csvCell('🎉 fête'), '🎉 fête');
  assert.equal(csvCell('12\u202f000\u00a0€'), '12\u202f000\u00a0€');
  assert.equal(csvCell(0), '0');
  assert.equal(csvCell(false), 'false');
});

test('null, undefined and lists become empty cells and "; "-joined cells', () => {
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(['ministre', 'porte-parole']), 'ministre; porte-parole');
  assert.equal(csvCell([]), '');
});

test('commas, quotes and line breaks are quoted, inner quotes doubled', () => {
  assert.equal(csvCell('Paris, France'), '"Paris, France"');
  assert.equal(csvCell('il a dit "non"'), '"il a dit ""non"""');
  assert.equal(csvCell('ligne 1\nligne 2'), '"ligne 1\nligne 2"');
  assert.equal(csvCell('a\r\nb'), '"a\r\nb"');
  // French quotation marks are not CSV quotes.
  assert.equal(csvCell('« Nous irons »'), '« Nous irons »');
});

test('would-be formulas are quoted and prefixed so that a spreadsheet shows them as text', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvCell('+33 1 23'), '"\'+33 1 23"');
  assert.equal(csvCell('-5'), '"\'-5"');
  assert.equal(csvCell('@cmd'), '"\'@cmd"');
  assert.equal(csvCell('\tx'), '"\'\tx"');
  assert.equal(csvCell('a=b'), 'a=b', 'only a formula at the start counts');
  assert.equal(csvCell(-5), '"\'-5"', 'a negative number too: no API field is one');
});

test('a row follows the columns, with boilerplate always true or false, and ends with CRLF', () => {
  const row = { start: 3, end: 9, text: 'Nantes', type: 'LOC', canonical: 'Nantes', cluster: 1, extra: 'x' };
  assert.equal(csvRow(row, CSV_COLUMNS.entities), '3,9,Nantes,LOC,Nantes,1,false\r\n');
  assert.equal(csvRow({ ...row, boilerplate: true }, CSV_COLUMNS.entities), '3,9,Nantes,LOC,Nantes,1,true\r\n');
  assert.equal(csvRow({ start: 0, end: 4, text: '2024', value: null }, CSV_COLUMNS.dates), '0,4,2024,,false\r\n');
});

test('the columns are the API fields the README documents, in order', () => {
  assert.deepEqual(CSV_COLUMNS.entities, ['start', 'end', 'text', 'type', 'canonical', 'cluster', 'boilerplate']);
  assert.deepEqual(CSV_COLUMNS.quotes, ['start', 'end', 'text', 'speaker', 'speaker_cluster', 'speaker_start', 'speaker_end', 'speaker_text',
    'cue_start', 'cue_end', 'resolution', 'confidence', 'boilerplate']);
  assert.deepEqual(CSV_COLUMNS.clusters, ['canonical', 'type', 'roles', 'mentions', 'boilerplate']);
  assert.deepEqual(CSV_COLUMNS.dates, ['start', 'end', 'text', 'value', 'boilerplate']);
  assert.throws(() => CSV_COLUMNS.dates.push('x'), TypeError, 'one list, not changed by a caller');
});

const quotes = Array.from({ length: 7 }, (_, i) => ({
  start: i * 10, end: i * 10 + 8, text: i % 2 ? `« Oui, ${i} »` : `Non ${i}`, speaker: i % 3 ? 'Goïta' : null,
  speaker_cluster: i % 3 ? 0 : null, speaker_start: null, speaker_end: null, speaker_text: null, boilerplate: i === 6,
}));

test('a CSV file is the header and one line per row, the same text whatever the batch size', async () => {
  const csv = (await csvParts(quotes, CSV_COLUMNS.quotes)).join('');
  const lines = csv.split('\r\n');
  assert.equal(lines[0], CSV_COLUMNS.quotes.join(','));
  assert.equal(lines.length, quotes.length + 2);
  assert.equal(lines.at(-1), '');
  assert.equal(lines[2], '10,18,"« Oui, 1 »",Goïta,0,,,,,,,,false');
  assert.equal(lines[7], '60,68,Non 6,,,,,,,,,,true');
  for (const batch of [1, 2, 3, 7, 100]) {
    const parts = await csvParts(quotes, CSV_COLUMNS.quotes, batch);
    assert.equal(parts.join(''), csv, `batch ${batch}`);
    assert.equal(parts.length, 1 + Math.ceil(quotes.length / batch));
  }
  assert.deepEqual(await csvParts([], CSV_COLUMNS.dates), ['start,end,text,value,boilerplate\r\n']);
});

test('the JSON export is JSON.stringify(result, null, 2), whatever the batch size', async () => {
  const result = {
    lang: 'fr', lang_confidence: 0.97, reference_date: null, notes: [], empty: {},
    nested: { a: [1, { b: 'c' }] },
    quotes, dates: [{ start: 0, end: 4, text: '2024', value: '2024' }],
    text: 'Ligne 1\nLigne « 2 » 🎉\u00a0fin', skipped: undefined,
  };
  const expected = JSON.stringify(result, null, 2);
  for (const batch of [1, 2, 5, 5000]) assert.equal((await jsonParts(result, batch)).join(''), expected, `batch ${batch}`);
  assert.equal((await jsonParts({})).join(''), JSON.stringify({}, null, 2));
  assert.equal((await jsonParts({ list: [null, 1] })).join(''), JSON.stringify({ list: [null, 1] }, null, 2));
});

test('the sentence around a quote: from the sentence or line before to the end of the one after', () => {
  const text = 'Titre\nIl pleut. « Nous irons à Paris », a déclaré M. Dupont lundi. Puis il est parti.\nFin';
  const q = text.indexOf('Nous');
  assert.equal(sentenceAround(text, q, q + 19), '« Nous irons à Paris », a déclaré M. Dupont lundi.');
  const t = text.indexOf('Titre');
  assert.equal(sentenceAround(text, t, t + 5), 'Titre', 'a line alone');
  assert.equal(sentenceAround('x'.repeat(1000), 500, 501).length, 601, 'at most 300 characters on each side');
});

test('file names come from the headline, accents dropped, words joined', () => {
  assert.equal(fileStem('Le sommet de Nantes s’ouvre : « Élysée », 2025'), 'le-sommet-de-nantes-s-ouvre-elysee-2025');
  assert.equal(fileStem(null), 'manchette');
  assert.equal(fileStem('« ! »'), 'manchette');
  const long = fileStem('Une très longue manchette qui parle de beaucoup de choses à la fois et encore plus');
  assert.ok(long.length <= 60 && !long.endsWith('-'), long);
  assert.equal(long, 'une-tres-longue-manchette-qui-parle-de-beaucoup-de-choses-a');
});

const TEXT = 'Emmanuel Macron à Paris. « Oui, bien sûr », a dit Macron.';
const at = (w, from = 0) => { const start = TEXT.indexOf(w, from); return { start, end: start + w.length, text: w }; };
const RESULT = {
  headline: null,
  entities: [
    { ...at('Emmanuel Macron'), type: 'PER', canonical: 'Emmanuel Macron', cluster: 0 },
    { ...at('Paris'), type: 'PER', canonical: 'Paris', cluster: 1 },
    { ...at('Macron', 20), type: 'PER', canonical: 'Emmanuel Macron', cluster: 0 },
  ],
  clusters: [
    { canonical: 'Emmanuel Macron', type: 'PER', roles: ['président', 'chef'], mentions: [0, 2], boilerplate: false },
    { canonical: 'Paris', type: 'PER', roles: [], mentions: [1], boilerplate: false },
  ],
  quotes: [{
    ...at('Oui, bien sûr'), speaker: null, speaker_cluster: null, speaker_start: null, speaker_end: null, speaker_text: null,
    cue_start: at('a dit').start, cue_end: at('a dit').end, resolution: 'none', confidence: 0,
  }],
  dates: [],
};

test('the CSV tables: entities with roles and counts, quotes with cue and sentence, corrected rows flagged', async () => {
  const ops = [
    { op: 'retype', ref: at('Paris'), type: 'LOC' },
    { op: 'speaker', ref: at('Oui, bien sûr'), speaker: 'Emmanuel Macron', entity: at('Macron', 20) },
  ];
  const { result } = applyCorrections(TEXT, RESULT, ops);
  const tables = csvTables(TEXT, result, 'Un article');
  assert.deepEqual(Object.keys(tables).sort(), CSV_FILES.map((f) => f.list).sort());
  const files = await csvFiles(TEXT, result, 'Un article');
  assert.deepEqual(files.map((f) => f.name), ['entities.csv', 'mentions.csv', 'quotes.csv', 'dates.csv']);
  const lines = Object.fromEntries(files.map((f) => [f.name, f.content.split('\r\n')]));
  for (const f of files) assert.ok(f.content.startsWith('\uFEFFarticle,'), `${f.name} has a BOM`);
  assert.equal(lines['entities.csv'][0], '\uFEFFarticle,entity,canonical,type,roles,mentions,boilerplate,corrected,correction');
  assert.equal(lines['entities.csv'][1], 'Un article,0,Emmanuel Macron,PER,président; chef,2,false,false,');
  assert.equal(lines['entities.csv'][2], 'Un article,1,Paris,LOC,,1,false,true,type');
  assert.equal(lines['mentions.csv'][2], `Un article,${at('Paris').start},${at('Paris').end},Paris,LOC,Paris,1,false,true,type`);
  assert.equal(lines['quotes.csv'][0], '\uFEFFarticle,start,end,text,speaker,speaker_cluster,speaker_start,speaker_end,speaker_text,'
    + 'cue_start,cue_end,resolution,confidence,cue,context,boilerplate,corrected,correction');
  const q = at('Oui, bien sûr');
  const [s, c] = [at('Macron', 20), at('a dit')];
  assert.equal(lines['quotes.csv'][1], `Un article,${q.start},${q.end},"Oui, bien sûr",Emmanuel Macron,0,${s.start},${s.end},Macron,`
    + `${c.start},${c.end},none,1,a dit,"« Oui, bien sûr », a dit Macron.",false,true,speaker`);
  assert.deepEqual(lines['dates.csv'], ['\uFEFFarticle,start,end,text,value,boilerplate,corrected,correction', '']);
});

test('the JSON document holds the text, options, version and corrections beside the result', () => {
  const doc = articleDocument({ text: TEXT, result: RESULT, options: { lang: 'fr' }, version: '0.1.0', corrections: [] });
  assert.equal(doc.text, TEXT);
  assert.deepEqual(doc.options, { lang: 'fr' });
  assert.equal(doc.version, '0.1.0');
  assert.deepEqual(doc.corrections, []);
  assert.equal(doc.entities, RESULT.entities);
});

/** The entries of a ZIP read back from its central directory and local headers, CRC checked. */
function readZip(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  assert.equal(v.getUint32(end, true), 0x06054b50, 'end of central directory');
  const n = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < n; i++) {
    assert.equal(v.getUint32(p, true), 0x02014b50);
    const [size, nameLen, local] = [v.getUint32(p + 24, true), v.getUint16(p + 28, true), v.getUint32(p + 42, true)];
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    assert.equal(v.getUint32(local, true), 0x04034b50);
    const data = bytes.subarray(local + 30 + nameLen, local + 30 + nameLen + size);
    out.push({ name, crc: v.getUint32(p + 16, true), data: new TextDecoder('utf-8', { ignoreBOM: true }).decode(data) });
    p += 46 + nameLen;
  }
  return out;
}

test('the ZIP holds the files as stored, with their CRC-32, and unzip and Python read it', async () => {
  const { crc32 } = await import('../../www/zip.js');
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926, 'the CRC-32 check value');
  assert.equal(crc32(new Uint8Array()), 0);
  const files = [{ name: 'entités.csv', content: '\uFEFFa,b\r\nÉ,🎉\r\n' }, { name: 'vide.csv', content: '' }, { name: 'b.bin', content: new Uint8Array([0, 255, 7]) }];
  const bytes = zip(files, new Date(2025, 5, 24, 13, 45, 30));
  const read = readZip(bytes);
  assert.deepEqual(read.map((f) => f.name), ['entités.csv', 'vide.csv', 'b.bin']);
  assert.equal(read[0].data, files[0].content);
  assert.equal(read[0].crc, crc32(new TextEncoder().encode(files[0].content)));
  const dir = mkdtempSync(join(tmpdir(), 'manchette-zip-'));
  try {
    const path = join(dir, 'a.zip');
    writeFileSync(path, bytes);
    const py = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; '
      + 'print("|".join(i.filename + "=" + str(i.file_size) + "@" + str(i.date_time[:5]) for i in z.infolist()))';
    let listed;
    try {
      listed = execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }).trim();
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    if (listed !== undefined) {
      const size = new TextEncoder().encode(files[0].content).length;
      assert.equal(listed, `entités.csv=${size}@(2025, 6, 24, 13, 45)|vide.csv=0@(2025, 6, 24, 13, 45)|b.bin=3@(2025, 6, 24, 13, 45)`);
    }
    try {
      assert.match(execFileSync('unzip', ['-t', path], { encoding: 'utf8' }), /No errors detected/);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
