// Hidden boilerplate leaves no gap (www/boilerplate.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boilerplateGaps } from '../../www/boilerplate.js';

/** Blocks for `lines` of [kind, text] joined by blank lines, and the text. */
function page(lines) {
  let text = '';
  const blocks = lines.map(([kind, line], k) => {
    if (k) text += '\n\n';
    const start = text.length;
    text += line;
    return { start, end: text.length, kind };
  });
  return { text, blocks };
}

/** The text as shown with boilerplate and its gaps hidden. */
function hidden({ text, blocks }) {
  const cut = [...blocks.filter((b) => b.kind === 'boilerplate'), ...boilerplateGaps(text, blocks)].sort((a, b) => a.start - b.start);
  let out = ''; let at = 0;
  for (const c of cut) { out += text.slice(at, c.start); at = c.end; }
  return out + text.slice(at);
}

test('a menu above, a notice between and a footer below go without leaving blank lines', () => {
  const p = page([['boilerplate', 'Accueil | International'], ['headline', 'Titre'], ['body', 'Un.'],
    ['boilerplate', 'Lire aussi'], ['body', 'Deux.'], ['boilerplate', '© 2025'], ['boilerplate', 'Mentions']]);
  assert.equal(hidden(p), 'Titre\n\nUn.\n\nDeux.');
});

test('no boilerplate, no gap; text between blocks that is not white space stays', () => {
  assert.deepEqual(boilerplateGaps(page([['headline', 'T'], ['body', 'B']]).text, page([['headline', 'T'], ['body', 'B']]).blocks), []);
  const text = 'Menu x Corps';
  assert.deepEqual(boilerplateGaps(text, [{ start: 0, end: 4, kind: 'boilerplate' }, { start: 7, end: 12, kind: 'body' }]), []);
  assert.deepEqual(boilerplateGaps('', []), []);
});
