// The words the page shows (www/labels.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analysisSummary, count, cueText, dateValueLabel, describeMark, languageNote, progressLabel, quoteBadge, referenceNote,
  resultCounts, sizeInMillions, speakerLabel, TYPES, TYPE_NAMES, uncertainSpeaker, uncertainTitle,
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
  reference_date_note: 'publication stamp “le 24 juin 2025”',
  entities: [
    { start: 0, end: 5, text: 'Goïta', type: 'PER', canonical: 'Assimi Goïta', cluster: 0 },
    { start: 9, end: 15, text: 'Bamako', type: 'LOC', canonical: 'Bamako', cluster: 1 },
  ],
  clusters: [
    { canonical: 'Assimi Goïta', type: 'PER', roles: ['colonel', 'président'], mentions: [0, 2, 5] },
    { canonical: 'Bamako', type: 'LOC', roles: [], mentions: [1] },
  ],
  quotes: [
    { text: 'Nous irons', speaker: 'Assimi Goïta', speaker_text: 'le colonel', cue_start: 0, cue_end: 9, resolution: 'role', confidence: 0.62 },
    { text: 'Non', speaker: null, speaker_text: null, cue_start: null, cue_end: null, resolution: 'none', confidence: 0 },
    { text: 'Oui', speaker: 'Bamako', speaker_text: 'Bamako', cue_start: 16, cue_end: 20, resolution: 'named', confidence: 0.93 },
  ],
  dates: [{ text: 'mardi', value: '2025-06-24' }, { text: 'un jour', value: null }],
};

test('the status line and the notes describe the result', () => {
  assert.equal(analysisSummary(12345, 0.2, r), 'Analysed 12,345 characters in 1 ms: 2 entity mentions, 3 quotes, 2 dates.');
  assert.equal(analysisSummary(10, 41.6, r).split(' in ')[1].split(':')[0], '42 ms');
  assert.equal(resultCounts({ entities: 2, quotes: 3, dates: 2 }), '2 entities, 3 quotes, 2 dates');
});

test('the publication date note is in plain words, never the source name twice', () => {
  assert.equal(referenceNote(r), 'from the publication stamp “le 24 juin 2025”');
  assert.equal(referenceNote({ ...r, reference_date_note: 'dateline “Paris, 3 mars” without its year, taken as 2025' }),
    'from the dateline “Paris, 3 mars” without its year, taken as 2025');
  assert.equal(referenceNote({ reference_date: '2025-06-24', reference_date_source: 'given', reference_date_note: 'given by the caller' }), 'set by hand');
  assert.equal(referenceNote({ reference_date_source: 'metadata', reference_date_note: 'publication date from the page\'s metadata (article:published_time)' }),
    'from the page\'s metadata (article:published_time)');
  assert.match(referenceNote({ reference_date_source: 'inferred', reference_date_note: 'the latest day the text reports is “mardi”' }), /^estimated: the latest day/);
  assert.match(referenceNote({ reference_date: null, reference_date_source: 'none', reference_date_note: 'no publication date given or found' }), /^no publication date found/);
  for (const source of ['given', 'dateline', 'metadata', 'inferred', 'none']) {
    const note = referenceNote({ reference_date_source: source, reference_date_note: 'dateline “x”' });
    assert.doesNotMatch(note, /caller|dateline: dateline/, source);
  }
  assert.equal(languageNote(r, null), 'detected: fr (93 %)');
  assert.equal(languageNote(r, 'fr'), 'set by hand: fr');
});

test('tooltips describe an entity, a date and a quote', () => {
  assert.deepEqual(describeMark(r, 'entity', 0), ['person (PER)', '“Goïta” → Assimi Goïta', 'roles: colonel, président', '3 mentions']);
  assert.deepEqual(describeMark(r, 'entity', 1), ['place (LOC)', '“Bamako” → Bamako', '1 mention']);
  assert.deepEqual(describeMark(r, 'date', 0), ['date', '“mardi”', 'value: 2025-06-24']);
  assert.deepEqual(describeMark(r, 'date', 1), ['date', '“un jour”', 'value: unresolved']);
  const text = 'Goïta a déclaré à Bamako, selon lui';
  assert.deepEqual(describeMark(r, 'quote', 0, text), ['quote', 'speaker: Assimi Goïta (uncertain)', 'named as “le colonel”',
    uncertainTitle(r.quotes[0]), 'cue: “Goïta a d”']);
  assert.deepEqual(describeMark(r, 'quote', 1, text), ['quote', 'speaker: not found']);
  assert.deepEqual(describeMark(r, 'quote', 2), ['quote', 'speaker: Bamako', 'named as “Bamako”'], 'no text, no cue');
});

test('a speaker under 0.8 is marked uncertain, and says why; an unknown one gets no label in the article', () => {
  assert.equal(uncertainSpeaker(r.quotes[0]), true);
  assert.equal(uncertainSpeaker(r.quotes[1]), false, 'no speaker, nothing to doubt');
  assert.equal(uncertainSpeaker(r.quotes[2]), false);
  assert.equal(uncertainSpeaker({ speaker: 'X' }), false, 'a result without confidences counts as sure');
  assert.equal(uncertainTitle(r.quotes[0]), 'Uncertain speaker: guessed from a role such as “the minister”, confidence 62 %. Check it in the text.');
  assert.equal(quoteBadge(r.quotes[0]), 'Assimi Goïta ? :');
  assert.equal(quoteBadge(r.quotes[2]), 'Bamako :');
  assert.equal(quoteBadge(r.quotes[1]), null);
  assert.equal(cueText(r.quotes[2], 'Goïta a déclaré à Bamako, selon lui'), 'à Ba');
  assert.equal(cueText(r.quotes[1], 'abc'), null);
});

test('every type has a name; missing speakers and values have a word', () => {
  for (const t of TYPES) assert.ok(TYPE_NAMES[t], t);
  assert.equal(speakerLabel(r.quotes[1]), 'speaker unknown');
  assert.equal(speakerLabel(r.quotes[0]), 'Assimi Goïta');
  assert.equal(dateValueLabel(''), 'unresolved');
  assert.equal(dateValueLabel('2025-06'), '2025-06');
});
