// What the side lists show, computed from a result: entities by number of mentions, dates grouped
// by value, the type filter and the accent-blind search, paging, and the mentions a list item
// points to. Pure; unit-tested in tests/www/list-data.test.mjs.

import { count, TYPE_NAMES } from './labels.js';

/** A side list shows this many rows, then a "Show more" button for as many again. */
export const LIST_ROWS = 200;

/** `s` lower-cased without its accents and other combining marks, for a search that finds
 * « Goïta » when one types "goita". */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The lists' view of result `r`, made once per result: `clusters` as {c, i} (i its index in
 * r.clusters) with the most mentioned first, ties in text order; the dates' indices grouped by
 * value (`groups`, '' for unresolved ones) and the values sorted (`dateKeys`, unresolved last);
 * `quotes`, the indices of the quotes listed. With `hideBoilerplate`, the items in page boilerplate
 * are left out, and a cluster keeps only its mentions outside it (none left: it is left out). */
export function listData(r, { hideBoilerplate = false } = {}) {
  const shown = (x) => !(hideBoilerplate && x.boilerplate);
  const clusters = [];
  r.clusters.forEach((c, i) => {
    if (!hideBoilerplate) return clusters.push({ c, i });
    const mentions = c.mentions.filter((m) => shown(r.entities[m] ?? {}));
    if (c.boilerplate || (c.mentions.length && !mentions.length)) return 0;
    return clusters.push({ c: mentions.length === c.mentions.length ? c : { ...c, mentions }, i });
  });
  clusters.sort((a, b) => b.c.mentions.length - a.c.mentions.length || a.i - b.i);
  const groups = new Map();
  r.dates.forEach((d, i) => {
    if (!shown(d)) return;
    const key = d.value ?? '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  const dateKeys = [...groups.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b));
  const quotes = [...r.quotes.keys()].filter((i) => shown(r.quotes[i]));
  const dateCount = [...groups.values()].reduce((n, g) => n + g.length, 0);
  return {
    result: r, clusters, folded: new Map(), groups, dateKeys, quotes, hideBoilerplate,
    counts: { entities: clusters.length, quotes: quotes.length, dates: dateCount },
  };
}

/** The clusters of `data` of a type in `types` whose folded canonical name contains the folded
 * `query` (every one when it is blank). Folded names are kept in `data` for the next keystroke. */
export function filterClusters(data, types, query) {
  const q = fold(query.trim());
  const folded = (c, i) => {
    if (!data.folded.has(i)) data.folded.set(i, fold(c.canonical));
    return data.folded.get(i);
  };
  return data.clusters.filter(({ c, i }) => types.has(c.type) && (!q || folded(c, i).includes(q)));
}

/** A cluster's second line: its type in words, then its roles. */
export const clusterMeta = (c) => [TYPE_NAMES[c.type], ...c.roles].join(' · ');

/** The texts of a group of dates, as the date list shows them: the distinct texts among the first
 * 1,000, at most 12, in text order. */
export function dateTexts(r, indices) {
  return [...new Set(indices.slice(0, 1000).map((i) => r.dates[i].text))].slice(0, 12).join(' · ');
}

/** The "Show more" button's label, or null when all `total` rows are shown. */
export function moreLabel(shown, total, pageRows = LIST_ROWS) {
  if (shown >= total) return null;
  return `Show ${count(Math.min(pageRows, total - shown))} more (${count(shown)} of ${count(total)} shown)`;
}

/** The key of a list item: what it points to in the result. */
export const itemKey = {
  cluster: (i) => `cluster:${i}`,
  quote: (i) => `quote:${i}`,
  date: (value) => `date:${value}`,
};

/** The mentions a list item's `key` points to, as [kind, index] in text order; empty spans, which
 * have nothing to show, and hidden boilerplate are left out. */
export function targetsOf(data, key) {
  const r = data.result;
  const colon = key.indexOf(':');
  const [kind, rest] = [key.slice(0, colon), key.slice(colon + 1)];
  let items = [];
  if (kind === 'cluster') items = (r.clusters[Number(rest)]?.mentions ?? []).map((i) => ['entity', i]);
  else if (kind === 'quote') items = [['quote', Number(rest)]];
  else if (kind === 'date') items = (data.groups.get(rest) ?? []).map((i) => ['date', i]);
  const list = { entity: r.entities, quote: r.quotes, date: r.dates };
  return items.filter(([k, i]) => list[k][i] && list[k][i].start < list[k][i].end && !(data.hideBoilerplate && list[k][i].boilerplate));
}
