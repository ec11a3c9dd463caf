// The analysis as files: JSON in the API's shape, and one CSV per kind of item. The formatting is
// pure (tests/www/exports.test.mjs); only the last functions touch the browser.

import { download } from './dom.js';

/** The CSV columns of each kind of item, in order: the one list that the export, the tests and
 * the README's description of the CSV files follow. Each is a field of the API's items. */
export const CSV_COLUMNS = Object.freeze({
  entities: Object.freeze(['start', 'end', 'text', 'type', 'canonical', 'cluster', 'boilerplate']),
  quotes: Object.freeze(['start', 'end', 'text', 'speaker', 'speaker_cluster', 'speaker_start', 'speaker_end', 'speaker_text', 'boilerplate']),
  dates: Object.freeze(['start', 'end', 'text', 'value', 'boilerplate']),
});

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t]/;

/** One CSV cell (RFC 4180): a list joined with "; ", null or undefined empty; quoted when it holds
 * a comma, a quote or a line break, and a would-be formula both quoted and prefixed with ' so that
 * a spreadsheet shows it as text instead of running it. */
export function csvCell(v) {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  const formula = FORMULA_START.test(s);
  return /[",\n\r]/.test(s) || formula ? `"${(formula ? "'" : '') + s.replace(/"/g, '""')}"` : s;
}

/** One CSV line for `row`, ended by CRLF; `boilerplate` is always true or false (absent means not
 * boilerplate). */
export function csvRow(row, columns) {
  return `${columns.map((c) => csvCell(c === 'boilerplate' ? Boolean(row[c]) : row[c])).join(',')}\r\n`;
}

/** A large analysis (hundreds of thousands of items) is written out a batch of items at a time,
 * letting the page breathe in between, rather than in one long JSON.stringify. */
const EXPORT_BATCH = 5_000;
const breathe = () => new Promise((done) => setTimeout(done, 0));

/** A CSV file as parts to join: the header line, then one line per row, built a batch of rows at
 * a time. */
export async function csvParts(rows, columns, batch = EXPORT_BATCH) {
  const parts = [`${columns.join(',')}\r\n`];
  for (let i = 0; i < rows.length; i += batch) {
    if (i) await breathe();
    parts.push(rows.slice(i, i + batch).map((row) => csvRow(row, columns)).join(''));
  }
  return parts;
}

/** The parts of JSON.stringify(result, null, 2): the same text, built a batch of items at a time. */
export async function jsonParts(result, batch = EXPORT_BATCH) {
  const entries = Object.entries(result).filter(([, v]) => v !== undefined && typeof v !== 'function');
  const parts = ['{'];
  for (const [n, [key, v]] of entries.entries()) {
    parts.push(`${n ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (!Array.isArray(v) || v.length === 0) {
      parts.push(JSON.stringify(v, null, 2).replaceAll('\n', '\n  '));
      continue;
    }
    parts.push('[');
    for (let i = 0; i < v.length; i += batch) {
      if (i) await breathe();
      let text = '';
      for (let j = i; j < Math.min(v.length, i + batch); j++) {
        text += `${j ? ',' : ''}\n    ${(JSON.stringify(v[j], null, 2) ?? 'null').replaceAll('\n', '\n    ')}`;
      }
      parts.push(text);
    }
    parts.push('\n  ]');
  }
  parts.push(entries.length ? '\n}' : '}');
  return parts;
}

/** Downloads the analysis as manchette.json. */
export async function exportJson(result) {
  const parts = await jsonParts(result);
  parts.push('\n');
  download('manchette.json', 'application/json', parts);
}

/** Downloads manchette-entities.csv, manchette-quotes.csv and manchette-dates.csv. */
export async function exportCsv(result) {
  for (const [kind, columns] of Object.entries(CSV_COLUMNS)) {
    download(`manchette-${kind}.csv`, 'text/csv', await csvParts(result[kind], columns));
  }
}

/** Puts the analysis on the clipboard as JSON; rejects when the browser refuses. */
export async function copyJson(result) {
  await navigator.clipboard.writeText((await jsonParts(result)).join(''));
}
