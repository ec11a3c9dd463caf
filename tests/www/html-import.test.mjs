// Web pages and files that are no article (www/html-import.js, www/files.js): HTML told from
// text, a page's reading judged, a refused file named. The reading itself is the core's
// (analyzeHtml), tested in Rust and end to end in e2e/webpage.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasArticleText, looksLikeHtml, openArticleItem, refusedFileNote } from '../../www/html-import.js';
import { readArticleFile } from '../../www/files.js';

test('HTML is told from text by name, type or first characters', () => {
  assert.ok(looksLikeHtml('page.HTML', '', 'x'));
  assert.ok(looksLikeHtml('page.htm', '', 'x'));
  assert.ok(looksLikeHtml('page', 'text/html', 'x'));
  assert.ok(looksLikeHtml('page.txt', 'text/plain', '  \n<!DOCTYPE html><p>x'));
  assert.ok(looksLikeHtml('sans-nom', '', '<html lang="fr">'));
  assert.ok(!looksLikeHtml('article.txt', 'text/plain', 'Le <b>gras</b> en texte brut'));
  assert.ok(!looksLikeHtml('notes.md', 'text/markdown', '# Titre'));
});

test('a page has article text when a line outside its boilerplate is not blank', () => {
  const text = 'Titre\n\nMenu | Sport\n';
  assert.ok(hasArticleText({ text, blocks: [{ start: 0, end: 5, kind: 'headline' }, { start: 7, end: 19, kind: 'boilerplate' }] }));
  assert.ok(!hasArticleText({ text, blocks: [{ start: 7, end: 19, kind: 'boilerplate' }] }), 'boilerplate only');
  assert.ok(!hasArticleText({ text: ' \n', blocks: [{ start: 0, end: 1, kind: 'body' }] }), 'a blank line');
  assert.ok(!hasArticleText({ text: '', blocks: [] }), 'nothing read');
});

test('a refused file is named with its type, and the text is said to be kept', () => {
  const note = refusedFileNote('rapport.pdf', 'a PDF document');
  assert.match(note, /^rapport\.pdf is a PDF document, not an article/);
  assert.match(note, /text is unchanged/);
});

/** A File-like object and a worker stand-in that sniffs a few magic numbers as fileKind does. */
const file = (name, type, text) => ({ name, type, arrayBuffer: async () => new TextEncoder().encode(text).buffer });
const worker = {
  async readFile(bytes) {
    assert.ok(bytes instanceof Uint8Array, 'the worker gets the bytes');
    const head = new TextDecoder().decode(bytes.slice(0, 5));
    return head === '%PDF-' ? { binary: 'a PDF document' } : { text: new TextDecoder().decode(bytes) };
  },
};

test('readArticleFile: a text, a saved page, or a file refused with its type', async () => {
  assert.deepEqual(await readArticleFile(file('a.txt', 'text/plain', 'Texte à Lyon.'), worker), { text: 'Texte à Lyon.' });
  const html = '<!doctype html><p>Un paragraphe.</p>';
  assert.deepEqual(await readArticleFile(file('page.html', 'text/html', html), worker), { html });
  assert.deepEqual(await readArticleFile(file('sans-nom', '', html), worker), { html }, 'by its first characters');
  assert.deepEqual(await readArticleFile(file('x.pdf', 'application/pdf', '%PDF-1.7\n'), worker), { refused: 'a PDF document' });
  assert.deepEqual(await readArticleFile(file('x.html', 'text/html', '%PDF-1.7\n'), worker), { refused: 'a PDF document' },
    'the bytes decide, not the name');
});

test('the open article joins a dossier as its web page while its text is unedited', () => {
  const html = '<html><article><p>Le président a parlé.</p></article></html>';
  const page = { html, text: 'Le président a parlé.\n', fallback: '' };
  const options = { lang: 'fr' };
  assert.deepEqual(openArticleItem({ id: 'a', text: page.text, page, options }), { id: 'a', html, options });
  // Edited, a page never read, or no page: the box's text, as it stands.
  assert.deepEqual(openArticleItem({ id: 'a', text: 'Le président a parlé. Ajout\n', page, options }),
    { id: 'a', text: 'Le président a parlé. Ajout\n', options });
  assert.deepEqual(openArticleItem({ id: 'a', text: 'x', page: { html, text: null }, options }), { id: 'a', text: 'x', options });
  assert.deepEqual(openArticleItem({ id: 'a', text: 'x', page: null, options }), { id: 'a', text: 'x', options });
  assert.equal(openArticleItem({ id: 'a', text: ' \n', page, options }), null);
});
