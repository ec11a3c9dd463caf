// n / p through an item's mentions (www/mentions.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemName, keyOfMark, positionLabel, stepIndex } from '../../www/mentions.js';

const r = {
  entities: [{ cluster: 1 }, { cluster: 0 }],
  clusters: [{ canonical: 'Nantes' }, { canonical: 'Ursula von der Leyen' }],
  quotes: [{ speaker: null }, { speaker: 'Antoine Gatet' }],
  dates: [{ value: '2025-10-14' }, { value: null }],
};

test('a mark belongs to its cluster, its date value or its quote', () => {
  assert.equal(keyOfMark(r, 'entity', 0), 'cluster:1');
  assert.equal(keyOfMark(r, 'date', 0), 'date:2025-10-14');
  assert.equal(keyOfMark(r, 'date', 1), 'date:');
  assert.equal(keyOfMark(r, 'quote', 1), 'quote:1');
});

test('n and p wrap round; the first step goes to the first or the last mention', () => {
  assert.equal(stepIndex(-1, 5, 1), 0);
  assert.equal(stepIndex(-1, 5, -1), 4);
  assert.equal(stepIndex(3, 5, 1), 4);
  assert.equal(stepIndex(4, 5, 1), 0);
  assert.equal(stepIndex(0, 5, -1), 4);
  assert.equal(stepIndex(0, 1, 1), 0);
  assert.equal(stepIndex(0, 0, 1), -1);
});

test('the position names the item and counts from 1', () => {
  assert.equal(positionLabel(itemName(r, 'cluster:0'), 1, 5), 'Nantes: mention 2/5');
  assert.equal(itemName(r, 'date:2025-10-14'), 'date 2025-10-14');
  assert.equal(itemName(r, 'date:'), 'date unresolved');
  assert.equal(itemName(r, 'quote:1'), 'quote by Antoine Gatet');
  assert.equal(itemName(r, 'quote:0'), 'quote');
});
