// Light, dark or the system's choice (www/theme.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explicitTheme } from '../../www/theme.js';

test('a choice made by hand is set; auto and anything else leave the colours to the system (CSS)', () => {
  assert.equal(explicitTheme('light'), 'light');
  assert.equal(explicitTheme('dark'), 'dark');
  assert.equal(explicitTheme('auto'), null);
  assert.equal(explicitTheme('sepia'), null);
  assert.equal(explicitTheme(''), null);
});
