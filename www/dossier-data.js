// What the dossier views show, from a merged dossier (the Dossier API's DossierResult): pure, so
// tested under Node (tests/www/dossier-data.test.mjs). Offsets are UTF-16, as the API gives them.

import { csvRow } from './exports.js';

/** The columns of the timeline CSV, as timeline tools (TimelineJS, Flourish) import them. */
export const TIMELINE_COLUMNS = Object.freeze(['date', 'headline', 'text', 'source']);

/** Titles longer than this are cut, with an ellipsis. */
const TITLE_CHARS = 70;

/** A short name for an article: its headline, else the first line of its `text`, else its file
 * name, else its id. */
export function articleTitle(article, text = '') {
  const line = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  const title = article?.headline || line || article?.file || article?.id || '';
  return title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title;
}

/** article id -> {article, number}: the articles numbered from 1 in the dossier's order. */
export function articleIndex(merged) {
  return new Map(merged.articles.map((a, i) => [a.id, { article: a, number: i + 1 }]));
}

/** The referents for the index and the matrix, those in the most articles first, then the most
 * mentioned; `types` keeps some types only. Each row has its counts per article, in the dossier's
 * order (0 where it does not appear). Mentions in a saved page's boilerplate (its menus, teasers)
 * are not counted, and a referent named only there is left out, as the article view hides them. */
export function referentRows(merged, { types = null, limit = Infinity } = {}) {
  const order = new Map(merged.articles.map((a, i) => [a.id, i]));
  const rows = merged.referents
    .map((r, index) => {
      const counts = new Array(merged.articles.length).fill(0);
      for (const { article, mentions, boilerplate } of r.articles) {
        if (order.has(article) && !boilerplate) counts[order.get(article)] = mentions;
      }
      for (const m of r.mentions) if (m.boilerplate && order.has(m.article)) counts[order.get(m.article)] = Math.max(0, counts[order.get(m.article)] - 1);
      const spread = counts.filter((c) => c > 0).length;
      return { index, referent: r, counts, total: counts.reduce((a, b) => a + b, 0), spread };
    })
    .filter((row) => row.total > 0 && (!types || types.includes(row.referent.type)));
  rows.sort((a, b) => b.spread - a.spread || b.total - a.total || a.referent.canonical.localeCompare(b.referent.canonical));
  return rows.slice(0, limit);
}

/** The speakers with their quotes outside a saved page's boilerplate, those left with none out. */
export function speakerRows(merged) {
  return merged.speakers
    .map((s) => ({ ...s, quotes: s.quotes.filter((q) => !q.boilerplate) }))
    .filter((s) => s.quotes.length > 0);
}

/** The timeline items kept by the filters: `referent` (an index into referents) named in the
 * sentence, `article` an article id; boilerplate dates (a page's copyright year) left out. */
export function filterTimeline(merged, { referent = null, article = null } = {}) {
  return merged.timeline.filter((t) => !t.boilerplate
    && (article === null || t.article === article)
    && (referent === null || t.referents.includes(referent)));
}

/** The time a date value ("2024", "2024-05", "2024-05-07") starts, in ms since 1970 (UTC), or NaN. */
export function dateValueTime(value) {
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? '');
  return m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) : NaN;
}

/** A time axis for `items`: each item's place from 0 to 1, and a tick at each year start (every
 * few years over a long span). A year or a month sits at its middle. */
export function timeAxis(items) {
  const span = (t) => {
    const start = dateValueTime(t.value);
    const [y, m] = [new Date(start).getUTCFullYear(), new Date(start).getUTCMonth()];
    const end = t.precision === 'year' ? Date.UTC(y + 1, 0, 1) : t.precision === 'month' ? Date.UTC(y, m + 1, 1) : start + 86_400_000;
    return [start, end];
  };
  const spans = items.map(span).filter(([s]) => Number.isFinite(s));
  if (!spans.length) return { from: NaN, to: NaN, places: [], ticks: [] };
  const from = Math.min(...spans.map(([s]) => s));
  const to = Math.max(...spans.map(([, e]) => e));
  const place = (time) => (time - from) / (to - from);
  const places = items.map((t) => {
    const [s, e] = span(t);
    return Number.isFinite(s) ? place((s + e) / 2) : null;
  });
  const [y0, y1] = [new Date(from).getUTCFullYear(), new Date(to).getUTCFullYear()];
  const step = Math.max(1, Math.ceil((y1 - y0) / 12));
  const ticks = [];
  for (let y = y0 + (Date.UTC(y0, 0, 1) < from ? 1 : 0); y <= y1; y += step) {
    const time = Date.UTC(y, 0, 1);
    if (time <= to) ticks.push({ label: String(y), place: place(time) });
  }
  return { from, to, places, ticks };
}

/** The timeline as a CSV for timeline tools: UTF-8 with a byte order mark (so that spreadsheet
 * programs read the accents), one row per item: the date value, the article's headline, the
 * sentence (else the date's words), the article's file name or id. `textOf(id)` gives an
 * article's text, for the title of an article without a headline. */
export function timelineCsv(merged, items = filterTimeline(merged), textOf = () => '') {
  const articles = articleIndex(merged);
  const rows = items.map((t) => {
    const a = articles.get(t.article)?.article;
    return { date: t.value, headline: articleTitle(a, textOf(t.article)), text: t.sentence ?? t.text, source: a?.file || t.article };
  });
  return `\uFEFF${TIMELINE_COLUMNS.join(',')}\r\n${rows.map((r) => csvRow(r, TIMELINE_COLUMNS)).join('')}`;
}

/** The index of the item of `list` (an article result's entities or dates) that starts at
 * `start`, or -1: how a dossier item finds its mark in its article. */
export function itemAt(list, start) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo].start === start ? lo : list.findIndex((x) => x.start === start);
}
