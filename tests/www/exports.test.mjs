// CSV and JSON building for the page's exports (www/exports.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_COLUMNS, csvCell, csvParts, csvRow, jsonParts } from '../../www/exports.js';

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
  assert.deepEqual(CSV_COLUMNS.quotes, ['start', 'end', 'text', 'speaker', 'speaker_cluster', 'speaker_start', 'speaker_end', 'speaker_text', 'boilerplate']);
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
  assert.equal(lines[2], '10,18,"« Oui, 1 »",Goïta,0,,,,false');
  assert.equal(lines[7], '60,68,Non 6,,,,,,true');
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
