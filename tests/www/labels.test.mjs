// The words the page shows (www/labels.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analysisSummary, count, dateValueLabel, describeMark, languageNote, progressLabel, referenceNote, resultCounts,
  sizeInMillions, speakerLabel, TYPES, TYPE_NAMES,
} from '../../www/labels.js';

test('numbers and sizes are written in English, whatever the locale', () => {
  assert.equal(count(1234567), '1,234,567');
  assert.equal(sizeInMillions(5_240_000), '5.2 million characters');
  assert.equal(sizeInMillions(6_000_000), '6 million characters');
  assert.equal(sizeInMillions(540_000), '0.5 million characters');
});

test('progress shows the stage in words and a percentage never rounded up', () => {
  assert.deepEqual(progressLabel({ stage: 'tagging', fraction: 0.999 }), { stage: 'tagging names', percent: 99 });
  assert.deepEqual(progressLabel({ stage: 'rendering', fraction: 1 }), { stage: 'showing the result', percent: 100 });
  assert.deepEqual(progressLabel({ stage: 'new-stage', fraction: 0.5 }), { stage: 'new-stage', percent: 50 });
});

const r = {
  lang: 'fr', lang_confidence: 0.934, reference_date: '2025-06-24', reference_date_source: 'dateline',
  reference_date_note: 'le 24 juin 2025',
  entities: [
    { start: 0, end: 5, text: 'Goïta', type: 'PER', canonical: 'Assimi Goïta', cluster: 0 },
    { start: 9, end: 15, text: 'Bamako', type: 'LOC', canonical: 'Bamako', cluster: 1 },
  ],
  clusters: [
    { canonical: 'Assimi Goïta', type: 'PER', roles: ['colonel', 'président'], mentions: [0, 2, 5] },
    { canonical: 'Bamako', type: 'LOC', roles: [], mentions: [1] },
  ],
  quotes: [{ text: 'Nous irons', speaker: 'Assimi Goïta', speaker_text: 'le colonel' }, { text: 'Non', speaker: null, speaker_text: null }],
  dates: [{ text: 'mardi', value: '2025-06-24' }, { text: 'un jour', value: null }],
};

test('the status line and the notes describe the result', () => {
  assert.equal(analysisSummary(12345, 0.2, r), 'Analysed 12,345 characters in 1 ms: 2 entity mentions, 2 quotes, 2 dates.');
  assert.equal(analysisSummary(10, 41.6, r).split(' in ')[1].split(':')[0], '42 ms');
  assert.equal(resultCounts(r), '2 entities, 2 quotes, 2 dates');
  assert.equal(referenceNote(r), 'dateline: le 24 juin 2025');
  assert.equal(referenceNote({ reference_date: null, reference_date_note: 'no date found' }), 'no date found');
  assert.equal(languageNote(r, null), 'detected: fr (93 %)');
  assert.equal(languageNote(r, 'fr'), 'set by hand: fr');
});

test('tooltips describe an entity, a date and a quote', () => {
  assert.deepEqual(describeMark(r, 'entity', 0), ['person (PER)', '“Goïta” → Assimi Goïta', 'roles: colonel, président', '3 mention(s)']);
  assert.deepEqual(describeMark(r, 'entity', 1), ['place (LOC)', '“Bamako” → Bamako', '1 mention(s)']);
  assert.deepEqual(describeMark(r, 'date', 0), ['date', '“mardi”', 'value: 2025-06-24']);
  assert.deepEqual(describeMark(r, 'date', 1), ['date', '“un jour”', 'value: unresolved']);
  assert.deepEqual(describeMark(r, 'quote', 0), ['quote', 'speaker: Assimi Goïta', 'named as “le colonel”']);
  assert.deepEqual(describeMark(r, 'quote', 1), ['quote', 'speaker: none found']);
});

test('every type has a name; missing speakers and values have a word', () => {
  for (const t of TYPES) assert.ok(TYPE_NAMES[t], t);
  assert.equal(speakerLabel(r.quotes[1]), 'unattributed');
  assert.equal(speakerLabel(r.quotes[0]), 'Assimi Goïta');
  assert.equal(dateValueLabel(''), 'unresolved');
  assert.equal(dateValueLabel('2025-06'), '2025-06');
});
