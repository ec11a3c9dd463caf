// What the side lists show (www/list-data.js): order, grouping, filtering, search, paging, targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterMeta, dateTexts, filterClusters, fold, itemKey, LIST_ROWS, listData, moreLabel, targetsOf } from '../../www/list-data.js';

const span = (start, end, extra = {}) => ({ start, end, text: `t${start}`, ...extra });
const result = {
  entities: [span(0, 5), span(10, 15), span(20, 26), span(30, 30), span(40, 45)],
  clusters: [
    { canonical: 'Assimi Goïta', type: 'PER', roles: ['président de la transition'], mentions: [0] },
    { canonical: 'Bamako', type: 'LOC', roles: [], mentions: [1, 2, 3] },
    { canonical: 'Wagner', type: 'ORG', roles: [], mentions: [4] },
    { canonical: 'Ségou', type: 'LOC', roles: [], mentions: [] },
  ],
  quotes: [span(50, 60), span(70, 70)],
  dates: [
    span(1, 5, { value: '2025-06-24', text: 'mardi' }), span(6, 9, { value: null, text: 'hier' }),
    span(11, 20, { value: '2024', text: '2024' }), span(21, 25, { value: '2025-06-24', text: 'ce jour' }),
    span(26, 30, { value: '2025-06-24', text: 'mardi' }), span(31, 33, { value: '2025-06', text: 'juin' }),
  ],
};

test('fold drops accents and case, and keeps other letters and emoji', () => {
  assert.equal(fold('Assimi GOÏTA'), 'assimi goita');
  assert.equal(fold('Ségou Œuvre'), 'segou œuvre');
  assert.equal(fold('e\u0301te\u0301'), 'ete', 'decomposed accents too');
  assert.equal(fold('Fête 🎉'), 'fete 🎉');
});

test('entities come by number of mentions, ties in text order', () => {
  assert.deepEqual(listData(result).clusters.map(({ i }) => i), [1, 0, 2, 3]);
});

test('dates are grouped by value, sorted, with the unresolved ones last', () => {
  const data = listData(result);
  assert.deepEqual(data.dateKeys, ['2024', '2025-06', '2025-06-24', '']);
  assert.deepEqual(data.groups.get('2025-06-24'), [0, 3, 4]);
  assert.deepEqual(data.groups.get(''), [1]);
  assert.equal(dateTexts(result, data.groups.get('2025-06-24')), 'mardi · ce jour', 'distinct texts, in order');
});

test('the type filter and the search cover every entity, accent-blind', () => {
  const data = listData(result);
  const names = (types, q) => filterClusters(data, new Set(types), q).map(({ c }) => c.canonical);
  assert.deepEqual(names(['PER', 'ORG', 'LOC', 'MISC'], ''), ['Bamako', 'Assimi Goïta', 'Wagner', 'Ségou']);
  assert.deepEqual(names(['LOC'], '  '), ['Bamako', 'Ségou']);
  assert.deepEqual(names(['PER', 'LOC'], 'GOITA'), ['Assimi Goïta']);
  assert.deepEqual(names(['PER', 'LOC'], 'ségo'), ['Ségou']);
  assert.deepEqual(names(['ORG'], 'goïta'), [], 'the filter applies with the search');
  assert.deepEqual(names([], ''), []);
});

test('a cluster is described by its type and its roles', () => {
  assert.equal(clusterMeta(result.clusters[0]), 'person · président de la transition');
  assert.equal(clusterMeta(result.clusters[2]), 'organisation');
});

test('"Show more" says how many more and how many are shown, until all are', () => {
  assert.equal(moreLabel(200, 1234), 'Show 200 more (200 of 1,234 shown)');
  assert.equal(moreLabel(1200, 1234), 'Show 34 more (1,200 of 1,234 shown)');
  assert.equal(moreLabel(1234, 1234), null);
  assert.equal(moreLabel(3, 3), null);
  assert.equal(moreLabel(2, 5, 2), 'Show 2 more (2 of 5 shown)');
  assert.equal(LIST_ROWS, 200);
});

test('a list item points to its non-empty mentions in text order', () => {
  const data = listData(result);
  assert.deepEqual(targetsOf(data, itemKey.cluster(1)), [['entity', 1], ['entity', 2]], 'the empty mention 3 is left out');
  assert.deepEqual(targetsOf(data, itemKey.quote(0)), [['quote', 0]]);
  assert.deepEqual(targetsOf(data, itemKey.quote(1)), [], 'an empty quote has nothing to show');
  assert.deepEqual(targetsOf(data, itemKey.date('2025-06-24')), [['date', 0], ['date', 3], ['date', 4]]);
  assert.deepEqual(targetsOf(data, itemKey.date('')), [['date', 1]]);
  assert.deepEqual(targetsOf(data, itemKey.date('1999')), []);
  assert.deepEqual(targetsOf(data, itemKey.cluster(3)), []);
});

test('hidden boilerplate leaves the lists, their counts and the mentions a list item points to', () => {
  const bp = {
    ...result,
    entities: result.entities.map((e, i) => (i === 2 || i === 4 ? { ...e, boilerplate: true } : e)),
    clusters: result.clusters.map((c, i) => (i === 2 ? { ...c, boilerplate: true } : c)),
    quotes: [result.quotes[0], { ...result.quotes[0], boilerplate: true }],
    dates: result.dates.map((d, i) => (i === 5 ? { ...d, boilerplate: true } : d)),
  };
  const shown = listData(bp);
  assert.deepEqual(shown.counts, { entities: 4, quotes: 2, dates: 6 }, 'shown, boilerplate counts');
  const data = listData(bp, { hideBoilerplate: true });
  assert.deepEqual(data.clusters.map(({ i }) => i), [1, 0, 3], 'Wagner, only in boilerplate, is left out');
  assert.deepEqual(data.clusters[0].c.mentions, [1, 3], 'Bamako keeps its mentions outside boilerplate');
  assert.deepEqual(data.quotes, [0]);
  assert.deepEqual(data.dateKeys, ['2024', '2025-06-24', '']);
  assert.deepEqual(data.counts, { entities: 3, quotes: 1, dates: 5 });
  assert.deepEqual(targetsOf(data, itemKey.cluster(1)), [['entity', 1]], 'the boilerplate mention 2 is left out');
  assert.deepEqual(targetsOf(data, itemKey.quote(1)), []);
  assert.equal(bp.clusters[1].mentions.length, 3, 'the result itself is not changed');
});
