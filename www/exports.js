// The analysis as files: JSON in the API's shape with the text, the options, the version and the
// corrections; and CSV tables (entities, mentions, quotes, dates) in one ZIP. The formatting is
// pure (tests/www/exports.test.mjs); only the last functions touch the browser.

import { download } from './dom.js';
import { fold } from './list-data.js';
import { zip } from './zip.js';

/** The CSV columns that are fields of the API's items, for each kind of item, in order: the one
 * list that the export, the tests and the README's description of the CSV files follow
 * (e2e/types.test.mjs checks them against the declared types). `clusters` is the entity table,
 * its `mentions` a count. */
export const CSV_COLUMNS = Object.freeze({
  entities: Object.freeze(['start', 'end', 'text', 'type', 'canonical', 'cluster', 'boilerplate']),
  quotes: Object.freeze(['start', 'end', 'text', 'speaker', 'speaker_cluster', 'speaker_start', 'speaker_end', 'speaker_text',
    'cue_start', 'cue_end', 'resolution', 'confidence', 'boilerplate']),
  dates: Object.freeze(['start', 'end', 'text', 'value', 'boilerplate']),
  clusters: Object.freeze(['canonical', 'type', 'roles', 'mentions', 'boilerplate']),
});

/** The CSV files of the ZIP: each file's name, the result's list it comes from, and its columns:
 * the article first, the API fields (with a few derived ones), and whether the row was corrected
 * by hand and what was (a list such as "type; merged"). */
export const CSV_FILES = Object.freeze([
  { name: 'entities.csv', list: 'clusters', columns: ['article', 'entity', ...CSV_COLUMNS.clusters, 'corrected', 'correction'] },
  { name: 'mentions.csv', list: 'entities', columns: ['article', ...CSV_COLUMNS.entities, 'corrected', 'correction'] },
  { name: 'quotes.csv', list: 'quotes', columns: ['article', ...CSV_COLUMNS.quotes.slice(0, -1), 'cue', 'context', 'boilerplate', 'corrected', 'correction'] },
  { name: 'dates.csv', list: 'dates', columns: ['article', ...CSV_COLUMNS.dates, 'corrected', 'correction'] },
]);

/** A context sentence is cut to this many characters on each side of its quote. */
const CONTEXT_CHARS = 300;

/** Text[i] ends a sentence: ., !, ? or … followed by a space or the end, but not the period of an
 * initial or of "M." (one capital letter alone). */
function endsSentence(text, i) {
  const c = text[i];
  if (!(c === '.' || c === '!' || c === '?' || c === '…') || !(i + 1 >= text.length || /\s/.test(text[i + 1]))) return false;
  return !(text[i] === '.' && /\p{Lu}/u.test(text[i - 1] ?? '') && !/\p{L}/u.test(text[i - 2] ?? ''));
}

/** The sentence around text[start, end): from the end of the sentence or line before to the end
 * of the sentence or line after, at most CONTEXT_CHARS more on each side. */
export function sentenceAround(text, start, end) {
  let a = start;
  const floor = Math.max(0, start - CONTEXT_CHARS);
  while (a > floor && text[a - 1] !== '\n' && !endsSentence(text, a - 2)) a--;
  let b = end;
  const ceil = Math.min(text.length, end + CONTEXT_CHARS);
  while (b < ceil && text[b] !== '\n' && !endsSentence(text, b)) b++;
  if (b < text.length && endsSentence(text, b)) b++;
  return text.slice(a, b).trim();
}

/** A file name stem from `headline`: lower case, accents dropped, words joined by "-", at most
 * 60 characters cut at a word; "manchette" when nothing is left. */
export function fileStem(headline) {
  const words = fold(headline ?? '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!words) return 'manchette';
  return words.length <= 60 ? words : words.slice(0, 61).replace(/-[^-]*$/, '') || words.slice(0, 60);
}

/** The rows of each CSV file for `result` of `text` (`article` names it in every row): objects
 * with the keys of CSV_FILES' columns. */
export function csvTables(text, result, article) {
  const flags = (x) => ({ article, corrected: Boolean(x.corrected), correction: x.corrected ?? [] });
  const slice = (a, b) => (a === null || a === undefined ? null : text.slice(a, b));
  return {
    clusters: result.clusters.map((c, i) => ({ ...c, ...flags(c), entity: i, mentions: c.mentions.length })),
    entities: result.entities.map((m) => ({ ...m, ...flags(m) })),
    quotes: result.quotes.map((q) => ({ ...q, ...flags(q), cue: slice(q.cue_start, q.cue_end), context: sentenceAround(text, q.start, q.end) })),
    dates: result.dates.map((d) => ({ ...d, ...flags(d) })),
  };
}

/** The CSV files of `result` of `text`, as [{name, content}]: UTF-8 text with a byte order mark,
 * so that spreadsheet programs read the accents. */
export async function csvFiles(text, result, article) {
  const tables = csvTables(text, result, article);
  const files = [];
  for (const { name, list, columns } of CSV_FILES) {
    files.push({ name, content: `\uFEFF${(await csvParts(tables[list], columns)).join('')}` });
  }
  return files;
}

/** The JSON export of an article: the result in the API's shape (corrected items flagged), with
 * the text its offsets index, the options and library version it was analysed with, and the
 * corrections made by hand. */
export function articleDocument({ text, result, options, version, corrections }) {
  return { ...result, text, options, version, corrections };
}

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

/** Downloads the article's document (articleDocument's argument) as HEADLINE.json. */
export async function exportJson(doc) {
  const parts = await jsonParts(articleDocument(doc));
  parts.push('\n');
  download(`${fileStem(doc.result.headline)}.json`, 'application/json', parts);
}

/** Downloads HEADLINE.zip, holding the four CSV files. */
export async function exportCsv({ text, result }) {
  const stem = fileStem(result.headline);
  download(`${stem}.zip`, 'application/zip', [zip(await csvFiles(text, result, result.headline ?? stem), new Date())]);
}

/** Puts the article's document on the clipboard as JSON; rejects when the browser refuses. */
export async function copyJson(doc) {
  await navigator.clipboard.writeText((await jsonParts(articleDocument(doc))).join(''));
}
