// The worker client's merging of a long result sent in slices (www/worker-client.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSlices } from '../../www/worker-client.js';

test('slices are joined in order into the lists the worker emptied', () => {
  const result = { lang: 'fr', entities: [], dates: [], quotes: [{ start: 0 }] };
  joinSlices(result, ['entities', 'dates'], { entities: [[1, 2], [3], []], dates: [['a']] });
  assert.deepEqual(result, { lang: 'fr', entities: [1, 2, 3], dates: ['a'], quotes: [{ start: 0 }] });
});

test('a result that came whole is left as it is', () => {
  const result = { entities: [1] };
  assert.equal(joinSlices(result, undefined, undefined), result);
  assert.deepEqual(result, { entities: [1] });
});
