// What a paste does (www/editor.js): left to the browser, a long text held out of the text box, or
// a web page read as one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asTextBoxValue, HELD_CHARS, pasteOutcome } from '../../www/editor.js';

const long = 'x'.repeat(HELD_CHARS);

test('a paste that leaves the text box short is the browser\'s', () => {
  assert.deepEqual(pasteOutcome({ pasted: 'court', inBox: true, value: 'abc', selectionStart: 1, selectionEnd: 2, held: false }), { action: 'browser' });
  assert.deepEqual(pasteOutcome({ pasted: long.slice(1), inBox: true, value: 'ab', selectionStart: 0, selectionEnd: 1, held: false }),
    { action: 'browser' }, 'exactly HELD_CHARS after the paste');
  assert.deepEqual(pasteOutcome({ pasted: 'x', inBox: false, held: false }), { action: 'browser' }, 'outside the box, no text held');
});

test('a paste that makes the text long replaces the selection and keeps the date', () => {
  assert.deepEqual(pasteOutcome({ pasted: long, inBox: true, value: 'Début 🎉 fin', selectionStart: 6, selectionEnd: 8, held: false }),
    { action: 'load', text: `Début ${long} fin`, keepDate: true });
});

test('over a held text, a paste outside any field replaces it as a new article', () => {
  assert.deepEqual(pasteOutcome({ pasted: 'Nouvel article', inBox: false, held: true }), { action: 'load', text: 'Nouvel article', keepDate: false });
  assert.deepEqual(pasteOutcome({ pasted: 'x', inBox: false, held: true, inField: true }), { action: 'browser' }, 'into the search box');
  assert.deepEqual(pasteOutcome({ pasted: '', inBox: false, held: true }), { action: 'ignore' }, 'an empty paste changes nothing');
});

test('a held text has the text box\'s line breaks', () => {
  assert.equal(asTextBoxValue('a\r\nb\rc\nd'), 'a\nb\nc\nd');
  const same = 'é\n🎉';
  assert.equal(asTextBoxValue(same), same);
});

test('a paste of HTML that replaces the whole text is a web page, with its plain text as fallback', () => {
  const html = '<h1>Titre</h1><p>Texte.</p>';
  const page = { action: 'page', html, text: 'Titre\nTexte.' };
  assert.deepEqual(pasteOutcome({ pasted: 'Titre\nTexte.', html, inBox: true, value: '', held: false }), page, 'into an empty text box');
  assert.deepEqual(pasteOutcome({ pasted: 'Titre\nTexte.', html, inBox: true, value: 'ancien', selectionStart: 0, selectionEnd: 6, held: false }),
    page, 'over the whole text, selected');
  assert.deepEqual(pasteOutcome({ pasted: 'Titre\nTexte.', html, inBox: false, held: false }), page, 'outside any field');
  assert.deepEqual(pasteOutcome({ pasted: 'Titre\nTexte.', html, inBox: false, held: true }), page, 'over a held text');
});

test('a paste of HTML into part of the text, or into another field, stays plain text', () => {
  const html = '<b>mot</b>';
  assert.deepEqual(pasteOutcome({ pasted: 'mot', html, inBox: true, value: 'abc', selectionStart: 1, selectionEnd: 2, held: false }), { action: 'browser' });
  assert.deepEqual(pasteOutcome({ pasted: 'mot', html, inBox: false, held: false, inField: true }), { action: 'browser' }, 'the search box');
  assert.deepEqual(pasteOutcome({ pasted: 'mot', html: '  ', inBox: true, value: '', held: false }), { action: 'browser' }, 'blank HTML');
});
