// Light, dark or the system's choice (www/theme.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explicitTheme } from '../../www/theme.js';

test('a choice made by hand is set; auto and anything else leave the colours to the system (CSS)', () => {
  assert.equal(explicitTheme('light'), 'light');
  assert.equal(explicitTheme('dark'), 'dark');
  assert.equal(explicitTheme('auto'), null);
  assert.equal(explicitTheme('sepia'), null);
  assert.equal(explicitTheme(''), null);
});

test('the dark palette is the same for the system\'s choice and the reader\'s', () => {
  const css = readFileSync(new URL('../../www/style.css', import.meta.url), 'utf8');
  /** The declarations of the block opened by `head`, one per entry, spaces squeezed. */
  const block = (head) => {
    const start = css.indexOf(head);
    assert.ok(start >= 0, head);
    const body = css.slice(start + head.length, css.indexOf('}', start));
    return body.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);
  };
  const system = block('@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) {');
  const chosen = block(':root[data-theme=dark] {');
  assert.ok(chosen.length > 20, 'the whole palette is read');
  assert.deepEqual(system, chosen);
});
