// A date set by hand belongs to its text (www/reference-date.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNewText } from '../../www/reference-date.js';

const article = 'Nantes, le 14 octobre. La ministre a annoncé un plan.\n\nLes associations restent prudentes.';

test('edits of the same article keep it the same text', () => {
  assert.equal(isNewText(article, article), false);
  assert.equal(isNewText(article, `${article} Fin.`), false, 'typed at the end');
  assert.equal(isNewText(article, `Titre\n${article}`), false, 'typed at the start');
  assert.equal(isNewText(article, article.replace('un plan', 'un plan de 3 milliards')), false, 'typed in the middle');
  assert.equal(isNewText(article, article.replace('\n\nLes associations restent prudentes.', '')), false, 'a paragraph cut');
  assert.equal(isNewText('', article), false, 'a date set before the text was typed stays');
});

test('another article, or an emptied box, is a new text', () => {
  assert.equal(isNewText(article, 'Bamako, 23 juin 2025. Le colonel Assimi Goïta a prêté serment.'), true);
  assert.equal(isNewText(article, ''), true);
  assert.equal(isNewText(article, '   \n'), true);
  assert.equal(isNewText(article, `Lyon. ${article.slice(-20)}`), true, 'most of it replaced');
});
