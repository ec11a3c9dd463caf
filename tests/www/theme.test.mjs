// Light, dark or the system's choice (www/theme.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveTheme } from '../../www/theme.js';

test('auto follows the system; a choice made by hand wins; anything else counts as auto', () => {
  assert.equal(effectiveTheme('auto', true), 'dark');
  assert.equal(effectiveTheme('auto', false), 'light');
  assert.equal(effectiveTheme('light', true), 'light');
  assert.equal(effectiveTheme('dark', false), 'dark');
  assert.equal(effectiveTheme('sepia', true), 'dark');
});
