// The words the page shows for the analysis: type names, progress stages, tooltips, notes and
// the status line. Pure functions, unit-tested in tests/www/labels.test.mjs.

/** Entity types, in the order of the filters. */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
export const TYPE_NAMES = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other name' };

/** The worker's progress stages, as the progress bar names them. */
export const STAGE_NAMES = {
  language: 'detecting the language',
  tokens: 'splitting words and sentences',
  structure: 'reading the page structure',
  dates: 'finding dates',
  tagging: 'tagging names',
  entities: 'grouping entities',
  quotes: 'attributing quotes',
  rendering: 'showing the result', // the page's own step, after the worker's
};

/** "1,234" in the interface's language (English), whatever the browser's locale. */
export const count = (n) => n.toLocaleString('en');

/** A text's size for notices, e.g. "5.2 million characters". */
export function sizeInMillions(length) {
  return `${(length / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} million characters`;
}

/** A progress report as the bar shows it: the stage's name and a whole percentage (never rounded
 * up to 100 before the end). */
export function progressLabel({ stage, fraction }) {
  return { stage: STAGE_NAMES[stage] ?? stage, percent: Math.floor(fraction * 100) };
}

/** The status line after an analysis. */
export function analysisSummary(length, ms, result) {
  return `Analysed ${count(length)} characters in ${Math.max(1, Math.round(ms))} ms: `
    + `${result.entities.length} entity mentions, ${result.quotes.length} quotes, ${result.dates.length} dates.`;
}

/** The counts beside the export buttons. */
export const resultCounts = (r) => `${r.clusters.length} entities, ${r.quotes.length} quotes, ${r.dates.length} dates`;

/** Where the reference date comes from, beside the date input. */
export const referenceNote = (r) => (r.reference_date ? `${r.reference_date_source}: ${r.reference_date_note}` : r.reference_date_note);

/** How the language was chosen, beside the language menu. */
export function languageNote(r, forcedLang) {
  return forcedLang ? `set by hand: ${r.lang}` : `detected: ${r.lang} (${Math.round(r.lang_confidence * 100)} %)`;
}

/** A quote's speaker as the lists and the article's quote marks name it. */
export const speakerLabel = (q) => q.speaker ?? 'unattributed';

/** A date's value as the lists show it. */
export const dateValueLabel = (value) => value || 'unresolved';

/** The lines of the tooltip of a mark in the article: `kind` is entity, date or quote and `i` its
 * index in the result's list of that kind. */
export function describeMark(r, kind, i) {
  if (kind === 'entity') {
    const m = r.entities[i]; const c = r.clusters[m.cluster];
    return [`${TYPE_NAMES[m.type]} (${m.type})`, `“${m.text}” → ${m.canonical}`,
      c?.roles.length ? `roles: ${c.roles.join(', ')}` : null, `${c?.mentions.length ?? 1} mention(s)`].filter(Boolean);
  }
  if (kind === 'date') {
    const d = r.dates[i];
    return ['date', `“${d.text}”`, `value: ${d.value ?? 'unresolved'}`];
  }
  const q = r.quotes[i];
  return ['quote', `speaker: ${q.speaker ?? 'none found'}`, q.speaker_text ? `named as “${q.speaker_text}”` : null].filter(Boolean);
}
