// The text kept for the next visit (www/storage.js), on a stand-in for localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_KEY, SavedText, STORE_KEY } from '../../www/storage.js';

/** A localStorage stand-in holding at most `quota` characters, or failing every call with `broken`. */
function fakeStorage({ quota = Infinity, broken = null } = {}) {
  const items = new Map();
  let writes = 0;
  const check = () => { if (broken) throw Object.assign(new Error('denied'), { name: broken }); };
  return {
    items,
    get writes() { return writes; },
    getItem: (k) => { check(); return items.has(k) ? items.get(k) : null; },
    setItem: (k, v) => {
      check();
      if (v.length > quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      writes++;
      items.set(k, v);
    },
    removeItem: (k) => { check(); items.delete(k); },
  };
}

test('a text is kept, read back by the next visit, and not written again unchanged', () => {
  const storage = fakeStorage();
  const saved = new SavedText(storage);
  assert.equal(saved.load(), null);
  assert.equal(saved.save('Texte 🎉 à Bamako\u202f!'), '');
  assert.equal(saved.save('Texte 🎉 à Bamako\u202f!'), '');
  assert.equal(storage.writes, 1);
  assert.equal(new SavedText(storage).load(), 'Texte 🎉 à Bamako\u202f!');
  assert.equal(storage.items.get(STORE_KEY), 'Texte 🎉 à Bamako\u202f!');
});

test('a text too large is not kept, the older one is removed, and the note says why', () => {
  const storage = fakeStorage({ quota: 10 });
  const saved = new SavedText(storage);
  saved.save('court');
  const note = saved.save('x'.repeat(2_500_000));
  assert.match(note, /^This text \(2\.5 million characters\) is too large for the browser's storage/);
  assert.equal(storage.items.has(STORE_KEY), false, 'the older text does not come back in its place');
  assert.match(saved.save('x'.repeat(2_500_000)), /too large/, 'tried again next time');
  assert.equal(saved.save('court'), '');
});

test('disabled storage gives a note, and reading it gives nothing', () => {
  const saved = new SavedText(fakeStorage({ broken: 'SecurityError' }));
  assert.equal(saved.load(), null);
  assert.equal(saved.save('texte'), "The browser's storage is not available (SecurityError): the text will not come back after a reload.");
  saved.forget();
});

test('forget removes the text, and the same text is then written again', () => {
  const storage = fakeStorage();
  const saved = new SavedText(storage);
  saved.save('texte');
  saved.forget();
  assert.equal(storage.items.has(STORE_KEY), false);
  saved.save('texte');
  assert.equal(storage.writes, 2);
});

test('a text read from a web page keeps the page beside it, until a plain text or "Clear"', () => {
  const storage = fakeStorage();
  const saved = new SavedText(storage);
  assert.equal(saved.loadPage(), null);
  saved.save('Titre\n\nTexte.');
  saved.savePage('<h1>Titre</h1><p>Texte.</p>');
  saved.savePage('<h1>Titre</h1><p>Texte.</p>');
  assert.equal(storage.writes, 2, 'an unchanged page is not written again');
  const next = new SavedText(storage);
  assert.equal(next.load(), 'Titre\n\nTexte.');
  assert.equal(next.loadPage(), '<h1>Titre</h1><p>Texte.</p>');
  next.savePage(null);
  assert.equal(storage.items.has(PAGE_KEY), false, 'a plain text forgets the page');
  next.savePage('<p>x</p>');
  next.forget();
  assert.deepEqual([...storage.items.keys()], [], '"Clear" forgets both');
});

test('a page too large for the storage is not kept, and no older page stays in its place', () => {
  const storage = fakeStorage({ quota: 20 });
  const saved = new SavedText(storage);
  saved.savePage('<p>court</p>');
  saved.savePage(`<p>${'x'.repeat(100)}</p>`);
  assert.equal(new SavedText(storage).loadPage(), null);
});

test('corrections are kept beside the text and read back; an empty list removes them', async () => {
  const { SavedCorrections, CORRECTIONS_KEY } = await import('../../www/storage.js');
  const storage = fakeStorage();
  const saved = new SavedCorrections(storage);
  assert.equal(saved.load(), null);
  const ops = [{ op: 'retype', ref: { start: 0, end: 5, text: 'Paris' }, type: 'LOC' }];
  assert.equal(saved.save('12:abc', ops), true);
  assert.deepEqual(new SavedCorrections(storage).load(), { text: '12:abc', ops });
  assert.equal(saved.save('12:abc', []), true);
  assert.equal(storage.items.has(CORRECTIONS_KEY), false);
  storage.items.set(CORRECTIONS_KEY, '{not json');
  assert.equal(saved.load(), null, 'unreadable corrections are ignored');
  assert.equal(new SavedCorrections(fakeStorage({ broken: 'SecurityError' })).save('1:a', ops), false);
});
