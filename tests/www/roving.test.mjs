// The roving tab index (www/roving.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrowTarget, setStop } from '../../www/roving.js';

test('arrows move one step and stop at the ends; Home and End jump; other keys do nothing', () => {
  assert.equal(arrowTarget('ArrowDown', 0, 3), 1);
  assert.equal(arrowTarget('ArrowRight', 2, 3), 2);
  assert.equal(arrowTarget('ArrowUp', 0, 3), 0);
  assert.equal(arrowTarget('ArrowLeft', 2, 3), 1);
  assert.equal(arrowTarget('Home', 2, 3), 0);
  assert.equal(arrowTarget('End', 0, 3), 2);
  assert.equal(arrowTarget('Tab', 0, 3), null);
  assert.equal(arrowTarget('ArrowDown', 0, 0), null);
});

test('one item of the group is the Tab stop: the one asked for, else the first', () => {
  const items = [{}, {}, {}];
  assert.equal(setStop(items, items[1]), items[1]);
  assert.deepEqual(items.map((i) => i.tabIndex), [-1, 0, -1]);
  assert.equal(setStop(items, { other: true }), items[0]);
  assert.deepEqual(items.map((i) => i.tabIndex), [0, -1, -1]);
  assert.equal(setStop([]), null);
});
