// Going from mention to mention of one list item (n / p), and saying where one is. Pure;
// unit-tested in tests/www/mentions.test.mjs.

import { itemKey } from './list-data.js';
import { dateValueLabel } from './labels.js';

/** The key of the list item a mark of the article belongs to: an entity mention's cluster, a
 * date's value, the quote itself. */
export function keyOfMark(r, kind, i) {
  if (kind === 'entity') return itemKey.cluster(r.entities[i].cluster);
  if (kind === 'date') return itemKey.date(r.dates[i].value ?? '');
  return itemKey.quote(i);
}

/** The position `delta` steps from `from` among `count` mentions, wrapping round; from -1 (none
 * shown yet) a step forward gives the first and a step back the last. */
export function stepIndex(from, count, delta) {
  if (count <= 0) return -1;
  const start = from < 0 ? (delta > 0 ? -1 : 0) : from;
  return (((start + delta) % count) + count) % count;
}

/** What list item `key` is called when its mentions are announced. */
export function itemName(r, key) {
  const colon = key.indexOf(':');
  const [kind, rest] = [key.slice(0, colon), key.slice(colon + 1)];
  if (kind === 'cluster') return r.clusters[Number(rest)]?.canonical ?? '';
  if (kind === 'date') return `date ${dateValueLabel(rest)}`;
  const q = r.quotes[Number(rest)];
  return q?.speaker ? `quote by ${q.speaker}` : 'quote';
}

/** The position shown and announced after a jump: "Nantes: mention 2/5". */
export const positionLabel = (name, index, count) => `${name}: mention ${index + 1}/${count}`;
