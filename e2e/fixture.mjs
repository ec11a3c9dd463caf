// A hand-made analysis of the sample article, in the shape analyze returns, so the page's
// rendering, lists, filters and exports are tested before (and whatever) the extractors find.
import { SAMPLE } from './helpers.mjs';

function at(text, needle, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture: ${needle} #${nth} not in the sample`);
  }
  return { start: i, end: i + needle.length, text: needle };
}

export function fixture(apiResult) {
  const t = SAMPLE;
  const clusters = [
    { canonical: 'Agnès Pannier-Runacher', type: 'PER', roles: ['ministre de la Transition écologique'] },
    { canonical: 'Nantes', type: 'LOC', roles: [] },
    { canonical: 'Commission européenne', type: 'ORG', roles: [] },
    { canonical: 'Ursula von der Leyen', type: 'PER', roles: ['présidente de la Commission européenne'] },
    { canonical: 'France Nature Environnement', type: 'ORG', roles: [] },
    { canonical: 'Antoine Gatet', type: 'PER', roles: ['porte-parole'] },
    { canonical: 'La Gazette de l’Ouest', type: 'ORG', roles: [] },
  ].map((c) => ({ ...c, mentions: [], boilerplate: false }));
  const raw = [
    [at(t, 'Nantes', 0), 1], [at(t, 'Claire Dufresne'), -1], [at(t, 'Nantes', 1), 1],
    [at(t, 'Agnès Pannier-Runacher'), 0], [at(t, 'Nantes', 2), 1],
    [at(t, 'Commission européenne'), 2], [at(t, 'Ursula von der Leyen'), 3], [at(t, 'Nantes', 3), 1],
    [at(t, 'France Nature Environnement'), 4], [at(t, 'Antoine Gatet'), 5], [at(t, 'Nantes', 4), 1],
    [at(t, 'La Gazette de l’Ouest'), 6],
  ].filter(([, c]) => c >= 0).sort((a, b) => a[0].start - b[0].start);
  const entities = raw.map(([span, c], i) => {
    clusters[c].mentions.push(i);
    return { ...span, type: clusters[c].type, canonical: clusters[c].canonical, cluster: c };
  });
  const gazette = entities.findIndex((e) => e.cluster === 6);
  entities[gazette].boilerplate = true;
  clusters[6].boilerplate = true;
  const quote = (needle, speaker, cluster) => {
    const s = at(t, needle);
    const name = speaker && at(t, speaker);
    return { ...s, speaker: cluster === null ? null : clusters[cluster].canonical, speaker_cluster: cluster,
      speaker_start: name ? name.start : null, speaker_end: name ? name.end : null, speaker_text: name ? name.text : null };
  };
  const quotes = [
    quote('Nous n’avons plus le luxe d’attendre la prochaine sécheresse pour agir', null, 0),
    quote('un fonds de 3 milliards d’euros d’ici à 2027', 'Ursula von der Leyen', 3),
    // Crosses the entity "Nantes"? No: this one contains it, nested.
    quote('Les annonces sont là, les calendriers beaucoup moins', 'Antoine Gatet', 5),
    quote('déclaration de Nantes', null, null),
  ].sort((a, b) => a.start - b.start);
  const dates = [
    [at(t, 'mardi 14 octobre 2025'), '2025-10-14'], [at(t, 'lundi 13 octobre'), '2025-10-13'],
    [at(t, '16 octobre'), '2025-10-16'], [at(t, 'l’été 2022'), '2022'], [at(t, '2027'), '2027'],
    [at(t, 'printemps 2026'), '2026'], [at(t, 'Hier'), '2025-10-13'], [at(t, 'mars 2024'), '2024-03'],
    [at(t, 'jeudi'), '2025-10-16'], [at(t, '© 2025'), null],
  ].map(([s, value]) => ({ ...s, value })).sort((a, b) => a.start - b.start);
  dates[dates.length - 1].boilerplate = true;
  const boilerplate = new Set([0, apiResult.blocks.length - 3, apiResult.blocks.length - 2, apiResult.blocks.length - 1]);
  const blocks = apiResult.blocks.map((b, i) => ({ ...b, kind: boilerplate.has(i) ? 'boilerplate' : i === 1 ? 'headline' : b.kind }));
  return {
    ...apiResult,
    reference_date: '2025-10-14', reference_date_source: 'dateline', reference_date_note: 'from “Publié le mardi 14 octobre 2025”',
    headline: t.slice(blocks[1].start, blocks[1].end), authors: ['Claire Dufresne'],
    entities, quotes, dates, clusters, blocks,
  };
}
