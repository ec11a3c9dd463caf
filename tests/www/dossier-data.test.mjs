// What the dossier views show, from a merged dossier in the Dossier API's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleTitle, dateValueTime, filterTimeline, itemAt, referentRows, speakerRows, timeAxis, timelineCsv } from '../../www/dossier-data.js';
import { articleFiles, isArticleName, sortFiles } from '../../www/files.js';

const merged = {
  articles: [
    { id: 'a', file: 'a.txt', headline: 'Mali : la junte', lang: 'fr', reference_date: '2025-06-23' },
    { id: 'b', file: 'b.txt', headline: null, lang: 'fr', reference_date: '2022-08-05' },
  ],
  referents: [
    { canonical: 'Bamako', type: 'LOC', roles: [], aliases: [], articles: [{ article: 'a', mentions: 1 }], mentions: [{ article: 'a', start: 5, end: 11 }] },
    { canonical: 'Assimi Goïta', type: 'PER', roles: ['colonel'], aliases: [], articles: [{ article: 'a', mentions: 2 }, { article: 'b', mentions: 1 }],
      mentions: [{ article: 'a', start: 0, end: 5 }, { article: 'a', start: 20, end: 25 }, { article: 'b', start: 3, end: 8 }] },
    { canonical: 'Sadio Camara', type: 'PER', roles: [], aliases: [], articles: [{ article: 'b', mentions: 3 }], mentions: [] },
  ],
  speakers: [],
  timeline: [
    { article: 'b', start: 3, end: 7, text: '2016', value: '2016', precision: 'year', sentence: 'En 2016, un contrat, dit-il.', referents: [1] },
    { article: 'a', start: 9, end: 20, text: 'août 2020', value: '2020-08', precision: 'month', sentence: null, referents: [] },
    { article: 'a', start: 30, end: 40, text: '23 juin', value: '2025-06-23', precision: 'day', sentence: 'Le 23 juin, à Bamako.', referents: [0] },
    { article: 'a', start: 50, end: 56, text: '© 2025', value: '2025', precision: 'year', sentence: null, referents: [], boilerplate: true },
  ],
};

test('the index puts the referents in the most articles first, with counts per article in order', () => {
  const rows = referentRows(merged);
  assert.deepEqual(rows.map((r) => [r.referent.canonical, r.counts, r.spread, r.total]),
    [['Assimi Goïta', [2, 1], 2, 3], ['Sadio Camara', [0, 3], 1, 3], ['Bamako', [1, 0], 1, 1]]);
  assert.deepEqual(referentRows(merged, { types: ['LOC'] }).map((r) => r.index), [0]);
  assert.equal(referentRows(merged, { limit: 1 }).length, 1);
});

test("a saved page's boilerplate names and quotes are left out of the index and the speakers", () => {
  const withPage = {
    ...merged,
    articles: [...merged.articles, { id: 'page', file: 'page.html', headline: 'Un titre', lang: 'fr', reference_date: '2019-05-07' }],
    referents: [
      ...merged.referents,
      // Named in article b's text and in the page's menu: counted in b only.
      { canonical: 'Sadio Camara', type: 'PER', roles: [], aliases: [], articles: [{ article: 'b', mentions: 1 }, { article: 'page', mentions: 1, boilerplate: true }],
        mentions: [{ article: 'b', start: 0, end: 5 }, { article: 'page', start: 9, end: 14, boilerplate: true }] },
      // Named in the page's text once and in its teasers twice: counted once.
      { canonical: 'Jean Dupont', type: 'PER', roles: [], aliases: [], articles: [{ article: 'page', mentions: 3 }],
        mentions: [{ article: 'page', start: 0, end: 5 }, { article: 'page', start: 90, end: 95, boilerplate: true }, { article: 'page', start: 99, end: 104, boilerplate: true }] },
      // Named only in the page's menu: not in the index.
      { canonical: 'Marie Menu', type: 'PER', roles: [], aliases: [], articles: [{ article: 'page', mentions: 2, boilerplate: true }], boilerplate: true,
        mentions: [{ article: 'page', start: 20, end: 25, boilerplate: true }, { article: 'page', start: 30, end: 35, boilerplate: true }] },
    ],
    speakers: [
      { referent: 5, speaker: 'Marie Menu', boilerplate: true, quotes: [{ article: 'page', quote: 0, start: 40, end: 50, text: 'Lisez-nous', boilerplate: true }] },
      { referent: 4, speaker: 'Jean Dupont', quotes: [{ article: 'page', quote: 1, start: 60, end: 70, text: 'Oui' }, { article: 'page', quote: 2, start: 80, end: 85, text: 'Non', boilerplate: true }] },
    ],
  };
  const rows = referentRows(withPage);
  const names = rows.map((r) => r.referent.canonical);
  assert.ok(!names.includes('Marie Menu'), names.join(', '));
  const row = (name, i) => rows.filter((r) => r.referent.canonical === name)[i];
  assert.deepEqual([row('Sadio Camara', 1).counts, row('Sadio Camara', 1).spread], [[0, 1, 0], 1]);
  assert.deepEqual([row('Jean Dupont', 0).counts, row('Jean Dupont', 0).total], [[0, 0, 1], 1]);
  assert.deepEqual(speakerRows(withPage).map((s) => [s.speaker, s.quotes.map((q) => q.text)]), [['Jean Dupont', ['Oui']]]);
});

test('the timeline filters by person (named in the sentence) and by article, without boilerplate', () => {
  assert.equal(filterTimeline(merged).length, 3);
  assert.deepEqual(filterTimeline(merged, { referent: 1 }).map((t) => t.value), ['2016']);
  assert.deepEqual(filterTimeline(merged, { article: 'a' }).map((t) => t.value), ['2020-08', '2025-06-23']);
  assert.deepEqual(filterTimeline(merged, { article: 'a', referent: 1 }), []);
});

test('date values become times, and the axis places a year and a month at their middle', () => {
  assert.equal(dateValueTime('2024-02-29'), Date.UTC(2024, 1, 29));
  assert.equal(dateValueTime('2024-05'), Date.UTC(2024, 4, 1));
  assert.equal(dateValueTime('2024'), Date.UTC(2024, 0, 1));
  assert.ok(Number.isNaN(dateValueTime(null)));
  const axis = timeAxis(filterTimeline(merged));
  assert.equal(axis.from, Date.UTC(2016, 0, 1));
  assert.equal(axis.to, Date.UTC(2025, 5, 24));
  assert.ok(axis.places[0] > 0 && axis.places[0] < 0.1, 'the year 2016 sits in its middle');
  assert.ok(axis.places[1] < axis.places[2] && axis.places[2] < 1 && axis.places[2] > 0.99);
  assert.deepEqual(axis.ticks.map((t) => t.label), ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  assert.equal(axis.ticks[0].place, 0);
  assert.deepEqual(timeAxis([]).places, []);
});

test('the timeline CSV has a BOM, the columns timeline tools read, and the article of each row', () => {
  const csv = timelineCsv(merged, filterTimeline(merged), (id) => (id === 'b' ? '\n  Coopération Mali-Russie\nsuite' : ''));
  assert.ok(csv.startsWith('\uFEFFdate,headline,text,source\r\n'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[1], '2016,Coopération Mali-Russie,"En 2016, un contrat, dit-il.",b.txt');
  assert.equal(lines[2], '2020-08,Mali : la junte,août 2020,a.txt');
  assert.equal(lines.length, 5);
});

test('an article without a headline is named by its first line, cut when long, else its file', () => {
  assert.equal(articleTitle({ headline: 'Titre', file: 'x.txt' }, 'autre'), 'Titre');
  assert.equal(articleTitle({ headline: null, file: 'x.txt' }, '\n\nPremière ligne\nsuite'), 'Première ligne');
  assert.equal(articleTitle({ headline: null, file: 'x.txt' }), 'x.txt');
  assert.equal(articleTitle({ headline: 'x'.repeat(150) }).length, 70);
});

test('an item of an article is found by its start offset', () => {
  const list = [{ start: 0 }, { start: 7 }, { start: 7 }, { start: 30 }];
  assert.equal(itemAt(list, 7), 1);
  assert.equal(itemAt(list, 30), 3);
  assert.equal(itemAt(list, 8), -1);
  assert.equal(itemAt([], 0), -1);
});

test('a folder gives its article files only, in path order with numbers compared as numbers', () => {
  const f = (name, path = '') => ({ name, webkitRelativePath: path });
  assert.ok(isArticleName('a.HTML') && isArticleName('b.md') && !isArticleName('c.pdf') && !isArticleName('.d.txt'));
  const picked = articleFiles([f('10.txt', 'd/10.txt'), f('2.txt', 'd/2.txt'), f('x.png', 'd/x.png'), f('.hidden.txt', 'd/.hidden.txt')]);
  assert.deepEqual(picked.map((x) => x.name), ['2.txt', '10.txt']);
  assert.deepEqual(articleFiles([f('notes.pdf')]).map((x) => x.name), ['notes.pdf'], 'a file picked by name is kept');
  assert.deepEqual(sortFiles([f('b'), f('a')]).map((x) => x.name), ['a', 'b']);
});
