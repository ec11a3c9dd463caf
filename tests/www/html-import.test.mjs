// HTML import (www/html-import.js): the walk and the text assembly, on small hand-made trees that
// have the few DOM properties the walk reads; the DOMParser step runs in e2e/features.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleText, looksLikeHtml, quietHtml, textPieces } from '../../www/html-import.js';

/** An element node: h('p', {alt: …}, 'text', h(…)). */
const h = (tag, attrs = {}, ...children) => ({
  nodeType: 1,
  tagName: tag.toUpperCase(),
  getAttribute: (name) => attrs[name] ?? null,
  childNodes: children.map((c) => (typeof c === 'string' ? { nodeType: 3, data: c } : c)),
});
const comment = (data) => ({ nodeType: 8, data });
const textOf = (root, headline = '') => assembleText(textPieces(root), headline);

test('blocks are separated by an empty line: a paragraph, and two blocks in a row (list items)', () => {
  const body = h('body', {},
    h('h1', {}, 'Le sommet de Nantes'),
    h('p', {}, 'Premier paragraphe, à ', h('b', {}, 'Nantes'), '.'),
    h('ul', {}, h('li', {}, 'un'), h('li', {}, 'deux')),
    h('p', {}, 'Fin.'));
  assert.equal(textOf(body), 'Le sommet de Nantes\n\nPremier paragraphe, à Nantes.\n\nun\n\ndeux\n\nFin.\n');
});

test('HTML white space collapses, but no-break and narrow no-break spaces are kept', () => {
  const body = h('body', {}, h('p', {}, '  Il  a\tdit\n :\u00a0« Nous\u202firons » ', h('br'), ' 12\u202f000 €  '));
  assert.equal(textOf(body), 'Il a dit :\u00a0« Nous\u202firons »\n\n12\u202f000 €\n');
  const inline = h('body', {}, h('div', {}, 'a', h('span', {}, 'b'), h('br'), 'c'));
  assert.equal(textOf(inline), 'ab\n\nc\n', 'a <br> is a block of its own');
});

test('inline elements do not break words; accents and emoji pass through', () => {
  const body = h('body', {}, h('p', {}, 'Go', h('i', {}, 'ï'), 'ta 🎉 ', h('a', { href: '#' }, 'lien'), '\u00e9t\u00e9'));
  assert.equal(textOf(body), 'Goïta 🎉 lienété\n');
});

test('an image gives its alt text; comments give nothing', () => {
  const body = h('body', {}, h('p', {}, 'Avant ', h('img', { alt: 'Carte du Mali' }), ' après', comment('caché')), h('img', { alt: '' }));
  assert.equal(textOf(body), 'Avant Carte du Mali après\n');
});

test('empty lines never come more than one in a row', () => {
  const body = h('body', {}, h('div', {}, h('div', {}, h('p', {}, 'A'))), h('section', {}, h('hr'), h('p', {}, ' ')), h('p', {}, 'B'));
  assert.equal(textOf(body), 'A\n\nB\n');
});

test('the headline is put first unless it is already near the start', () => {
  const body = h('body', {}, h('p', {}, 'Accueil | Sport'), h('p', {}, 'Le texte.'));
  assert.equal(textOf(body, 'Le titre'), 'Le titre\n\nAccueil | Sport\n\nLe texte.\n');
  assert.equal(textOf(body, 'Accueil'), 'Accueil | Sport\n\nLe texte.\n');
  const far = h('body', {}, h('p', {}, 'x'.repeat(300)), h('h1', {}, 'Le titre'));
  assert.ok(textOf(far, 'Le titre').startsWith('Le titre\n\nxxx'), 'a headline far down is still put first');
  assert.equal(textOf(h('body'), ''), '\n');
});

test('scripts, styles, handlers and style attributes are dropped before parsing', () => {
  const html = '<p onclick="x()" style="color:red">Un</p><SCRIPT>alert(1)</script >'
    + '<style>p{}</style><img src=a.png onerror=\'x()\'><p>Deux</p>';
  const quiet = quietHtml(html);
  assert.doesNotMatch(quiet, /<script|<style|\sonclick=|\sonerror=|\sstyle=/i);
  assert.match(quiet, /<p data-dropped-onclick="x\(\)" data-dropped-style="color:red">Un<\/p>/);
  assert.match(quiet, /<p>Deux<\/p>$/);
  assert.equal(quietHtml('Texte « cité » à Paris'), 'Texte « cité » à Paris');
});

test('HTML is told from text by name, type or first characters', () => {
  assert.ok(looksLikeHtml('page.HTML', '', 'x'));
  assert.ok(looksLikeHtml('page.htm', '', 'x'));
  assert.ok(looksLikeHtml('page', 'text/html', 'x'));
  assert.ok(looksLikeHtml('page.txt', 'text/plain', '  \n<!DOCTYPE html><p>x'));
  assert.ok(looksLikeHtml('sans-nom', '', '<html lang="fr">'));
  assert.ok(!looksLikeHtml('article.txt', 'text/plain', 'Le <b>gras</b> en texte brut'));
  assert.ok(!looksLikeHtml('notes.md', 'text/markdown', '# Titre'));
});
