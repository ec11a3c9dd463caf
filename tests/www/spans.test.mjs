// Offsets and slices of the article (www/spans.js): chunk cuts, span lookups, cut points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkAt, chunkStarts, cutPoints, estimatedLines, spanIndex } from '../../www/spans.js';

/** The spans overlapping [a, b), found the slow way. */
const overlapping = (list, a, b) => list.flatMap((s, i) => (s.start < b && s.end > a && s.start < s.end ? [i] : []));

test('a short text is one chunk', () => {
  assert.deepEqual(chunkStarts(''), [0]);
  assert.deepEqual(chunkStarts('abc', 10), [0]);
  assert.deepEqual(chunkStarts('x'.repeat(15), 10), [0], 'up to one and a half chunks stay one');
});

test('chunks are cut just after a line break when one is near', () => {
  const text = `${'a'.repeat(12)}\n${'b'.repeat(12)}\n${'c'.repeat(12)}\n`;
  const starts = chunkStarts(text, 10);
  assert.deepEqual(starts, [0, 13, 26]);
  for (const s of starts.slice(1)) assert.equal(text[s - 1], '\n');
  assert.equal(starts.map((s, i) => text.slice(s, starts[i + 1])).join(''), text, 'the chunks make the text again');
});

test('without a near line break the cut is at the chunk size, never inside a surrogate pair', () => {
  const emoji = '🎉'.repeat(40); // 80 UTF-16 code units, all in pairs
  const starts = chunkStarts(emoji, 11);
  assert.ok(starts.length > 3);
  for (const s of starts) assert.ok(s % 2 === 0, `cut at ${s} splits a pair`);
  const accents = 'é'.repeat(100);
  assert.deepEqual(chunkStarts(accents, 40), [0, 40], 'the last chunk takes up to one and a half chunk sizes');
});

test('chunkAt finds the chunk holding an offset', () => {
  const starts = [0, 13, 26];
  assert.deepEqual([0, 12, 13, 25, 26, 1000].map((o) => chunkAt(starts, o)), [0, 0, 1, 1, 2, 2]);
  assert.equal(chunkAt([0], 5), 0);
});

test('spanIndex finds the overlapping non-empty spans, sorted or not', () => {
  const sorted = [{ start: 0, end: 5 }, { start: 2, end: 30 }, { start: 6, end: 6 }, { start: 7, end: 9 }, { start: 20, end: 22 }];
  const find = spanIndex(sorted);
  assert.deepEqual(find(5, 7), [1]);
  assert.deepEqual(find(0, 100), [0, 1, 3, 4], 'the empty span is left out');
  assert.deepEqual(find(9, 20), [1]);
  assert.deepEqual(find(30, 40), []);
  const shuffled = [sorted[4], sorted[0], sorted[3], sorted[1], sorted[2]];
  const findShuffled = spanIndex(shuffled);
  for (const [a, b] of [[0, 1], [5, 7], [8, 21], [0, 100], [22, 30]]) {
    assert.deepEqual(findShuffled(a, b).sort(), overlapping(shuffled, a, b).sort(), `[${a}, ${b})`);
  }
  assert.deepEqual(spanIndex([])(0, 10), []);
});

test('spanIndex agrees with a linear scan on random spans', () => {
  let seed = 7;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let round = 0; round < 50; round++) {
    const list = Array.from({ length: random(40) }, () => { const start = random(200); return { start, end: start + random(60) }; });
    if (round % 2) list.sort((x, y) => x.start - y.start);
    const find = spanIndex(list);
    for (let q = 0; q < 20; q++) {
      const a = random(250); const b = a + random(80);
      assert.deepEqual([...find(a, b)].sort((x, y) => x - y), overlapping(list, a, b));
    }
  }
});

test('cut points are the range ends and the span edges inside it, sorted', () => {
  const spans = [{ start: 2, end: 8 }, { start: 5, end: 12 }, { start: 0, end: 3 }];
  assert.deepEqual(cutPoints(spans, 1, 10), [1, 2, 3, 5, 8, 10]);
  assert.deepEqual(cutPoints([], 4, 9), [4, 9]);
});

test('an unrendered chunk is estimated by its line breaks and its wraps', () => {
  const text = 'abc\ndef\n' + 'x'.repeat(45);
  assert.equal(estimatedLines(text, 0, 3, 20), 1);
  assert.equal(estimatedLines(text, 0, 8, 20), 3);
  assert.equal(estimatedLines(text, 8, text.length, 20), 3);
  assert.equal(estimatedLines(text, 0, text.length, 20), 5, 'the breaks of the range only, plus one wrap each 20 characters');
});
