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

/** The counts beside the export buttons: `counts` is {entities, quotes, dates}, the numbers the
 * lists show (boilerplate left out when it is hidden). */
export const resultCounts = ({ entities, quotes, dates }) => `${entities} entities, ${quotes} quotes, ${dates} dates`;

/** Where the publication date comes from, beside the date input, in plain words. */
export function referenceNote(r) {
  const note = r.reference_date_note ?? '';
  switch (r.reference_date_source) {
    case 'given': return 'set by hand';
    case 'dateline': return `from the ${note}`;
    case 'metadata': return `from ${note.replace(/^publication date from /, '')}`;
    case 'inferred': return `estimated: ${note}`;
    default: return 'no publication date found: set one to resolve “yesterday”, “Monday”…';
  }
}

/** How the language was chosen, beside the language menu. */
export function languageNote(r, forcedLang) {
  return forcedLang ? `set by hand: ${r.lang}` : `detected: ${r.lang} (${Math.round(r.lang_confidence * 100)} %)`;
}

/** A quote's speaker as the lists name it. */
export const speakerLabel = (q) => q.speaker ?? 'speaker unknown';

/** Below this confidence a speaker is shown as uncertain (above it, it was right at least 95 % of
 * the time on real news: src/report.d.ts). */
export const SURE_SPEAKER = 0.8;

/** A speaker was found but with a confidence under SURE_SPEAKER (results without a confidence
 * count as sure). */
export const uncertainSpeaker = (q) => q.speaker !== null && q.speaker !== undefined && typeof q.confidence === 'number' && q.confidence < SURE_SPEAKER;

const RESOLUTION_WORDS = {
  named: 'named next to the quote',
  role: 'guessed from a role such as “the minister”',
  pronoun: 'guessed from a pronoun such as “she”',
  continuation: 'carried over from the previous quote',
  headline: 'named in the headline',
  none: 'not found',
};

/** What the "?" of an uncertain speaker says when hovered. */
export const uncertainTitle = (q) => `Uncertain speaker: ${RESOLUTION_WORDS[q.resolution] ?? q.resolution ?? 'found'}, `
  + `confidence ${Math.round(q.confidence * 100)} %. Check it in the text.`;

/** A quote's label in the article (its mark's data-speaker), or null when no speaker was found:
 * those quotes stay highlighted without a label. */
export const quoteBadge = (q) => (q.speaker ? `${q.speaker}${uncertainSpeaker(q) ? ' ?' : ''} :` : null);

/** The words of a quote's cue (the verb or introducer: "a déclaré", "selon") in `text`, or null. */
export const cueText = (q, text) => (text && q.cue_start !== null && q.cue_start !== undefined && q.cue_end > q.cue_start
  ? text.slice(q.cue_start, q.cue_end) : null);

/** A date's value as the lists show it. */
export const dateValueLabel = (value) => value || 'unresolved';

/** "1 mention", "3 mentions". */
const mentionCount = (n) => `${count(n)} mention${n === 1 ? '' : 's'}`;

/** The lines of the tooltip of a mark in the article: `kind` is entity, date or quote and `i` its
 * index in the result's list of that kind; `text` (the analysed text) gives a quote's cue words. */
export function describeMark(r, kind, i, text = '') {
  if (kind === 'entity') {
    const m = r.entities[i]; const c = r.clusters[m.cluster];
    return [`${TYPE_NAMES[m.type]} (${m.type})`, `“${m.text}” → ${m.canonical}`,
      c?.roles.length ? `roles: ${c.roles.join(', ')}` : null, mentionCount(c?.mentions.length ?? 1)].filter(Boolean);
  }
  if (kind === 'date') {
    const d = r.dates[i];
    return ['date', `“${d.text}”`, `value: ${d.value ?? 'unresolved'}`];
  }
  const q = r.quotes[i];
  const cue = cueText(q, text);
  return ['quote', `speaker: ${q.speaker ?? 'not found'}${uncertainSpeaker(q) ? ' (uncertain)' : ''}`,
    q.speaker_text ? `named as “${q.speaker_text}”` : null,
    uncertainSpeaker(q) ? uncertainTitle(q) : null,
    cue ? `cue: “${cue}”` : null].filter(Boolean);
}
