//! Keeping and typing candidates with a small, explainable score: each piece of evidence adds
//! weight to one type, the best type wins. Weights: a gazetteer entry 3.5–4.5, a title or an
//! organisation noun 3, a leading first name 3, a place preposition 1.5, the shape of the name
//! (acronym, several words) about 1.

use super::candidates::{Origin, Piece};
use super::cluster::NameHasher;
use super::context::Ctx;
use super::cues;
use super::gazetteer::class;
use crate::analysis::EntityType;
use std::collections::HashSet;

/// Evidence weights per type, in `EntityType` order (PER, ORG, LOC, MISC).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores(pub [f32; 4]);

impl Scores {
    fn add(&mut self, kind: EntityType, w: f32) {
        self.0[kind as usize] += w;
    }

    pub fn best(&self) -> (EntityType, f32) {
        let kinds = [EntityType::PER, EntityType::ORG, EntityType::LOC, EntityType::MISC];
        let mut best = (EntityType::ORG, 0.0);
        for (k, w) in kinds.into_iter().zip(self.0) {
            if w > best.1 {
                best = (k, w);
            }
        }
        best
    }
}

/// A candidate kept after filtering, with its type evidence and the role before it.
#[derive(Clone, Debug)]
pub struct Typed {
    pub first: usize,
    pub last: usize,
    pub scores: Scores,
    pub kind: EntityType,
    /// Roles and titles before the name, nearest first.
    pub roles: Vec<String>,
    /// Words of the name (particles and hyphens not counted).
    pub words: usize,
    /// Weight of the best type from gazetteers, patterns and cues alone (not the name's shape,
    /// not the tagger): 0 when nothing but capital letters makes this a name.
    pub evidence: f32,
    /// The name's letters and digits, folded, hashed: mentions of one name share it ("Oréval",
    /// "l’Oréval" aside), as clustering keys them ([`super::cluster::NameHasher`]).
    pub key: u64,
}

/// [`Typed::key`] of tokens `first..=last`: their letters and digits hashed by [`NameHasher`](super::cluster::NameHasher), read
/// in place from the folded tokens (no string built).
pub fn key_of(ctx: &Ctx, first: usize, last: usize) -> u64 {
    let mut h = NameHasher::new();
    for i in first..=last {
        ctx.fold(i).chars().filter(|c| c.is_alphanumeric()).for_each(|c| h.push(c));
    }
    h.finish()
}

fn word_count(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a..=b)
        .filter(|&i| {
            ctx.is_cap(i) || (ctx.doc.tokens[i].kind == crate::text::TokenKind::Word && !ctx.is_lower(i))
        })
        .count()
        .max(1)
}

/// Feasts are no places, whatever town bears their name: "Christmas lights", "à Noël".
fn is_feast(f: &str) -> bool {
    crate::words::word_list!("entities/fr/feasts.txt", "entities/en/feasts.txt").contains(f)
}

/// A name in a term of science or medicine named after someone: "boson de Higgs", "maladie
/// d'Alzheimer", a headline's "Boson de Higgs" (`data/entities/fr/eponym_nouns.txt`).
fn eponym_term(ctx: &Ctx, p: Piece) -> bool {
    let nouns = crate::words::word_list!("entities/fr/eponym_nouns.txt");
    let de = |k: usize| ctx.is_lower(k) && matches!(ctx.fold(k), "de" | "d'");
    let after_term = p.first >= 2 && de(p.first - 1) && nouns.contains(ctx.fold(p.first - 2));
    let opens_term = p.first < p.last && nouns.contains(ctx.fold(p.first)) && de(p.first + 1);
    ctx.doc.lang != crate::analysis::Lang::En && (after_term || opens_term)
}

/// Drops words that cannot open a name (function words, sentence-initial common words) from
/// the front of `p`, and the whole piece when nothing name-like remains.
pub fn filter(ctx: &Ctx, p: Piece, person_words: &HashSet<&str>) -> Option<Piece> {
    if p.first == p.last && ctx.is_function_word(p.first) {
        return None; // "Au", "En" are towns somewhere, and never names here
    }
    if p.first == p.last && is_feast(ctx.fold(p.first)) {
        return None;
    }
    if p.first == p.last && p.classes & class::DEMONYM != 0 && ctx.doc.lang == crate::analysis::Lang::En {
        // English writes adjectives of nationality capitalised: "the Malian leader".
        let next = p.last + 1;
        let adjective = ctx.continues(next) && ctx.is_lower(next) && !ctx.is_function_word(next);
        if adjective && !ctx.fold(p.first).ends_with('s') {
            return None;
        }
    }
    if eponym_term(ctx, p) {
        return None;
    }
    if p.origin != Origin::Name || p.classes & class::NAME != 0 {
        return Some(p);
    }
    let mut first = p.first;
    // Leading words that are not names.
    while first <= p.last {
        let f = ctx.fold(first);
        let lone = first == p.last;
        let known = ctx.classes(first, first) & (class::NAME | class::FIRST_NAME) != 0;
        // A capitalised article inside a sentence opens the name: "de La Baule", "Le Mans"; so
        // does an elided one heading a line that is the name alone ("L’Écho de l’Audomarois").
        let masthead = f == "l'" && ctx.doc.tokens.get(p.last + 1).map_or(true, |t| t.newlines_before > 0);
        let name_article = matches!(f, "la" | "le" | "les" | "l'")
            && (!ctx.is_initial(first) || masthead)
            && first < p.last
            && !ctx.is_all_caps(first)
            && ctx.is_cap(first + 1 + usize::from(ctx.text(first + 1) == "-"));
        // "Haut-Doubs", "SAINT-NAZAIRE", "Aire-sur-la-Lys": a word glued by a hyphen to the rest
        // of the name is part of it, whatever it means alone.
        let compound = first + 1 < p.last
            && ctx.text(first + 1) == "-"
            && !ctx.doc.tokens[first + 1].space_before
            && (ctx.is_cap(first + 2) || super::candidates::in_toponym_chain(ctx, first + 1))
            && !ctx.is_function_word(first);
        // "A. Montebourg": an initial, whatever word the letter spells alone.
        let initial = first < p.last && ctx.text(first + 1) == "." && ctx.text(first).chars().count() == 1;
        let drop = !compound
            && !name_article
            && !initial
            && (ctx.is_function_word(first)
                || (!known
                    && ctx.is_initial(first)
                    && ctx.is_common(first)
                    && !ctx.capitalised_inside.contains(f))
                || (!known && ctx.is_all_caps(first) && ctx.is_common(first)));
        if !drop || (lone && !ctx.is_function_word(first) && !ctx.is_common(first)) {
            break;
        }
        first += 1;
        // Skip joiners after a dropped word.
        while first <= p.last && (ctx.is_lower(first) || ctx.text(first) == "-") {
            first += 1;
        }
    }
    if first > p.last {
        return None;
    }
    let p = Piece { first, classes: ctx.classes(first, p.last), ..p };
    if p.classes & class::NAME != 0 {
        return Some(p);
    }
    let names: Vec<usize> = (p.first..=p.last).filter(|&i| ctx.is_cap(i)).collect();
    let any_first_name = names.iter().any(|&i| ctx.classes(i, i) & class::FIRST_NAME != 0);
    let title_close = cues::title_before(ctx, p.first).is_some_and(|t| p.first - t <= 2);
    // "l’hôpital de Calais", "Arques : …": a common word's capital means a name there.
    let cued = title_close
        || cues::place_noun_before(ctx, p.first)
        || cues::kicker(ctx, p.first, p.last)
        || (p.first == p.last && cues::title_word_after_the(ctx, p.first))
        || cues::org_noun_before(ctx, p.first)
        || cues::source_before(ctx, p.first)
        || cues::byline_before(ctx, p.first);
    if names.len() == 1 {
        let i = names[0];
        let f = ctx.fold(i);
        if ctx.is_function_word(i) {
            return None;
        }
        if any_first_name || cued || person_words.contains(f) {
            return Some(p);
        }
        if ctx.is_acronym(i) {
            return (!ctx.is_common(i)).then_some(p);
        }
        if ctx.is_initial(i) {
            // A capital forced by the sentence start: a name only if the article writes it
            // capitalised elsewhere.
            return ctx.capitalised_inside.contains(f).then_some(p);
        }
        if ctx.is_common(i) && ctx.classes(i, i) & class::TITLE == 0 {
            return None;
        }
        if ctx.classes(i, i) & (class::TITLE | class::ORG_HEAD) != 0 {
            return None;
        }
        return Some(p);
    }
    let all_common = names.iter().all(|&i| ctx.is_common(i) || ctx.classes(i, i) & class::TITLE != 0);
    // "Environment Agency": capitalised common words closed by an English head noun, not at the
    // start of a sentence, are an organisation's name.
    let head_final = ctx.doc.lang == crate::analysis::Lang::En
        && !ctx.is_initial(p.first)
        && names.last().is_some_and(|&i| ctx.classes(i, i) & class::ORG_HEAD != 0);
    (!all_common || any_first_name || cued || head_final).then_some(p)
}

/// Weighs the evidence for each type of a kept candidate.
pub fn score(ctx: &Ctx, p: &Piece, tagger: Option<(EntityType, f32)>) -> Typed {
    let mut s = Scores::default();
    let c = p.classes;
    let words = word_count(ctx, p.first, p.last);
    if p.origin == Origin::OrgPattern {
        s.add(EntityType::ORG, 5.0);
    }
    if c & class::COUNTRY != 0 {
        s.add(EntityType::LOC, 4.5);
    }
    if c & class::REGION != 0 {
        s.add(EntityType::LOC, 4.0);
    }
    if c & class::CITY != 0 {
        s.add(EntityType::LOC, 3.5);
    }
    if c & class::LANDMARK != 0 {
        s.add(EntityType::LOC, 3.5);
        if cues::governed_before(ctx, p.first) {
            s.add(EntityType::ORG, 5.0);
        }
    }
    if c & (class::ORG | class::MEDIA) != 0 {
        s.add(EntityType::ORG, 4.5);
    }
    if c & class::DEMONYM != 0 {
        s.add(EntityType::MISC, 4.5);
    }
    let first_name = ctx.classes(p.first, p.first) & class::FIRST_NAME != 0;
    if first_name {
        s.add(EntityType::PER, if words >= 2 { 3.0 } else { 2.5 });
    }
    let title = cues::title_before(ctx, p.first);
    if title.is_some() {
        s.add(EntityType::PER, 3.0);
    }
    if cues::byline_before(ctx, p.first) {
        s.add(EntityType::PER, 3.0);
    }
    if cues::org_noun_before(ctx, p.first) || cues::source_before(ctx, p.first) {
        s.add(EntityType::ORG, 3.0);
    }
    // The head after an elided article that opens the name: "L’Écho de l’Audomarois".
    let head = if p.first < p.last && !ctx.is_cap(p.first) && ctx.fold(p.first) == "l'" {
        p.first + 1
    } else {
        p.first
    };
    if words >= 2 && ctx.classes(head, head) & class::ORG_HEAD != 0 {
        s.add(EntityType::ORG, 3.0);
    }
    // English puts the head last: "Environment Agency", "Coast Gazette".
    if words >= 2
        && ctx.doc.lang == crate::analysis::Lang::En
        && ctx.classes(p.last, p.last) & class::ORG_HEAD != 0
    {
        s.add(EntityType::ORG, 3.0);
    }
    // "Verreries du Quercy", "Fruitière des Deux-Lacs": an unknown word named after a place.
    if p.origin == Origin::Name && super::candidates::unknown_head_of(ctx, p.first, p.last) {
        s.add(EntityType::ORG, 2.5);
    }
    if cues::place_preposition(ctx, p.first) {
        s.add(EntityType::LOC, 1.5);
    }
    // "shares in Safaricom"
    if p.first > 0 && cues::holding_in(ctx, p.first - 1) && ctx.continues(p.first) {
        s.add(EntityType::ORG, 2.0);
    }
    // "la mosquée Sidi Yahia", "l’hôpital Sao Joao", "le stade Pierre-Mauroy": a place, even
    // named after someone (so above a first name and the tagger's vote against).
    if ctx.doc.lang != crate::analysis::Lang::En && cues::building_noun_before(ctx, p.first) {
        s.add(EntityType::LOC, 5.0);
    }
    // "le maire de Mignovillard", "l’hôpital d’Helfaut", "the mayor of Chester"
    if cues::place_noun_before(ctx, p.first) {
        s.add(EntityType::LOC, 2.5);
    }
    // "NAIROBI, Oct 8 (Reuters) -", "CELINA, Ohio (AP) —", "Pontarlier, jeudi 26 septembre"
    if cues::dateline_place(ctx, p.first, p.last) {
        s.add(EntityType::LOC, 4.0);
    }
    // "Arques : la salle des fêtes …": a local page's line opening on a name and a colon.
    if cues::kicker(ctx, p.first, p.last) && p.first == p.last {
        s.add(EntityType::LOC, 2.0);
    }
    // "V. Sapounov": an initial opens a person's name.
    if p.last > p.first + 1
        && ctx.text(p.first).chars().count() == 1
        && ctx.is_cap(p.first)
        && ctx.text(p.first + 1) == "."
    {
        s.add(EntityType::PER, 3.0);
    }
    // "St. Henry", "Mt. Vernon": an abbreviated saint or mount opens a place.
    if p.last > p.first
        && matches!(ctx.text(p.first), "St" | "Ste" | "Mt" | "Ft")
        && ctx.text(p.first + 1) == "."
    {
        s.add(EntityType::LOC, 3.0);
    }
    // "told the Examiner", "the Post": a newspaper's closing word alone, inside a sentence.
    if p.first == p.last && c & class::NAME == 0 && cues::title_word_after_the(ctx, p.first) {
        s.add(EntityType::ORG, 3.0);
    }
    // "Matignon rappelle", "the White House said": a seat of power that speaks.
    if c & class::LANDMARK != 0 && cues::speaks_after(ctx, p.last) {
        s.add(EntityType::ORG, 5.0);
    }
    if p.first == p.last && is_feast(ctx.fold(p.first)) {
        s.add(EntityType::MISC, 8.0);
    }
    // "la loi Egalim", "the Online Safety Act": a law's name is no person.
    if cues::law_before(ctx, p.first) {
        s.add(EntityType::MISC, 3.5);
    }
    // "CELINA, Ohio", "Aurillac (Cantal)"
    if cues::region_after(ctx, p.last) {
        s.add(EntityType::LOC, 3.0);
    }
    // "Safaricom, the country's biggest company", "Jeantet Charpente, une entreprise de …"
    if cues::org_apposition_after(ctx, p.last) {
        s.add(EntityType::ORG, 3.0);
    }
    // "Frodsham Street", "Ellesmere Port", "Wabash River" (not "Damon Hill")
    if words >= 2 && ctx.classes(p.last, p.last) & class::PLACE_TAIL != 0 && !first_name && ctx.is_cap(p.last)
    {
        s.add(EntityType::LOC, 3.5);
    }
    // "Mont-de-Marsan", "Boulogne-sur-Mer": hyphens with "-de-", "-sur-", "-l’" make a place.
    if p.last > p.first
        && (p.first..=p.last).any(|k| ctx.is_lower(k) && super::candidates::in_toponym_chain(ctx, k))
    {
        s.add(EntityType::LOC, 2.5);
    }
    // "Haut-Doubs": a known place after a hyphen.
    if p.last >= p.first + 2 && ctx.text(p.last - 1) == "-" && ctx.classes(p.last, p.last) & class::PLACE != 0
    {
        s.add(EntityType::LOC, 3.0);
    }
    // "Saint-Nazaire", "Sainte-Foy": French hyphenated saints' names are mostly places.
    if p.last > p.first
        && matches!(ctx.fold(p.first), "saint" | "sainte")
        && ctx.text(p.first + 1) == "-"
        && ctx.doc.lang != crate::analysis::Lang::En
    {
        s.add(EntityType::LOC, 2.0);
    }
    // "Stagecoach, which runs most services": English says "who" of people.
    let thing = ctx.doc.lang == crate::analysis::Lang::En && cues::thing_relative_after(ctx, p.last);
    let (lead, evidence) = s.best();
    if p.first == p.last && ctx.is_acronym(p.first) {
        s.add(EntityType::ORG, 1.0);
    }
    if words >= 2 {
        // The shape of a person's name only where nothing says it is something else.
        if evidence == 0.0 || lead == EntityType::PER {
            s.add(EntityType::PER, 1.0);
        }
    } else {
        s.add(EntityType::ORG, 0.8);
        let f = ctx.fold(p.last);
        if crate::words::word_list!("entities/surname_endings.txt").ends(f) {
            s.add(EntityType::PER, 1.2);
        }
    }
    if let Some((kind, confidence)) = tagger {
        // Against a cue in the text (a gazetteer entry, a title, an organisation noun, a
        // dateline), the tagger's vote counts half: it reads two words either side, trained on
        // other text, and calls most unknown capitalised words people.
        let against = evidence >= 3.0 && kind != lead;
        s.add(kind, if against { 1.5 } else { 3.0 } * confidence);
    }
    if thing {
        s.0[EntityType::PER as usize] = 0.0;
    }
    let (kind, _) = s.best();
    let mut roles = Vec::new();
    if kind == EntityType::PER {
        if let Some(t) = title {
            roles.extend(cues::role_text(ctx, t, p.first));
            // "le ministre de la Défense, le Général Sadio CAMARA": the role before the rank.
            if let Some(t2) = cues::title_before(ctx, t) {
                roles.extend(cues::role_text(ctx, t2, t));
            }
        }
    }
    Typed {
        first: p.first,
        last: p.last,
        scores: s,
        kind,
        roles,
        words,
        evidence,
        key: key_of(ctx, p.first, p.last),
    }
}

/// One-word mentions nothing backed, named elsewhere in the article: the same name kept there
/// ("Chester" in a breadcrumb, a place in the body), or the first word of an organisation's
/// fuller name, which then names it ("Brenneman" after "Brenneman Tool & Die").
pub fn back_from_elsewhere(ctx: &Ctx, typed: &mut [Typed], keep: &mut [bool]) {
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut kept: std::collections::HashMap<u64, EntityType> = std::collections::HashMap::new();
    for (t, _) in typed.iter().zip(keep.iter()).filter(|(_, k)| **k) {
        kept.entry(t.key).or_insert(t.kind);
        let head = t.first;
        if t.kind == EntityType::ORG
            && t.words >= 2
            && ctx.is_cap(head)
            && ctx.classes(head, head) == 0
            && !ctx.is_common(head)
        {
            kept.entry(key_of(ctx, head, head)).or_insert(EntityType::ORG);
        }
    }
    for (t, k) in typed.iter_mut().zip(keep.iter_mut()) {
        if !*k && t.words == 1 {
            if let Some(&kind) = kept.get(&t.key) {
                *k = true;
                t.kind = kind;
            }
        }
    }
}

/// One sense per article and per coordination: a mention typed on the tagger's word or the
/// name's shape alone takes the type that cues in the text give the same name elsewhere
/// ("le groupe Oréval" … "l’offre d’Oréval"), or, failing any, most of its mentions; and a name
/// coordinated with a place ("routes to Wrexham and Ellesmere Port", "de Guéret à
/// Mont-de-Marsan", "between Celina and Coldwater") is a place when nothing says otherwise.
pub fn harmonise(ctx: &Ctx, typed: &mut [Typed]) {
    const STRONG: f32 = 2.5;
    // Mentions by name: sorted (key, index) pairs, one run per name.
    let mut by_key: Vec<(u64, usize)> = typed.iter().enumerate().map(|(i, t)| (t.key, i)).collect();
    by_key.sort_unstable();
    let mut members: Vec<usize> = Vec::new();
    for run in by_key.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        members.clear();
        members.extend(run.iter().map(|&(_, i)| i));
        let members = &members;
        let strong: Vec<EntityType> =
            members.iter().filter(|&&i| typed[i].evidence >= STRONG).map(|&i| typed[i].kind).collect();
        let target = if let Some(&k) = strong.first() {
            strong.iter().all(|&x| x == k).then_some(k)
        } else {
            let mut tally = [0usize; 4];
            for &i in members {
                tally[typed[i].kind as usize] += 1;
            }
            let best = (0..4).max_by_key(|&k| tally[k]).unwrap_or(0);
            (tally[best] * 2 > members.len()).then(|| {
                typed[members.iter().copied().find(|&i| typed[i].kind as usize == best).unwrap_or(members[0])]
                    .kind
            })
        };
        if let Some(k) = target {
            for &i in members {
                if typed[i].evidence < STRONG {
                    typed[i].kind = k;
                }
            }
        }
    }
    for i in 1..typed.len() {
        let (a, b) = (&typed[i - 1], &typed[i]);
        if !coordinated(ctx, a.last, b.first) {
            continue;
        }
        let weak = |t: &Typed| {
            t.evidence == 0.0
                && (t.kind == EntityType::ORG || (t.kind == EntityType::PER && t.scores.best().1 < 2.0))
        };
        let place = |t: &Typed| t.kind == EntityType::LOC && t.evidence >= 1.5;
        if place(a) && weak(b) {
            typed[i].kind = EntityType::LOC;
        } else if place(b) && weak(a) {
            typed[i - 1].kind = EntityType::LOC;
        }
    }
}

/// The names ending at `a` and starting at `b` are coordinated or bound as a range: "X et Y",
/// "X and Y", "X, Y", "à X et à Y", "de X à Y", "from X to Y", "between X and Y".
fn coordinated(ctx: &Ctx, a: usize, b: usize) -> bool {
    if b <= a + 1 || b > a + 3 || !(a + 1..=b).all(|k| ctx.continues(k)) {
        return false;
    }
    let between: Vec<&str> = (a + 1..b).map(|k| ctx.fold(k)).collect();
    match between.as_slice() {
        [w] if matches!(*w, "et" | "and" | "ou" | "or" | ",") => true,
        [w, p] if matches!(*w, "et" | "and") && matches!(*p, "a" | "in" | "at" | "en" | "au") => true,
        ["a"] | ["to"] => {
            // "de X à Y", "from X to Y": the opening word before X.
            let mut s = a;
            while s > 0 && ctx.continues(s) && !ctx.is_lower(s - 1) && ctx.is_cap(s - 1) {
                s -= 1;
            }
            s > 0 && matches!(ctx.fold(s - 1), "de" | "d'" | "from")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::TaggedSpan;
    use crate::analysis::{EntityType::*, Lang};
    use crate::document::Document;

    /// Mentions of `text`, given tagger spans as (first word, last word, kind, confidence).
    fn typed(
        text: &str,
        lang: Lang,
        spans: &[(&str, &str, crate::analysis::EntityType, f32)],
    ) -> Vec<(String, crate::analysis::EntityType)> {
        let doc = Document::new(text, lang);
        let find = |w: &str| (0..doc.tokens.len()).find(|&i| doc.token_text(i) == w).unwrap();
        let tagged: Vec<TaggedSpan> = spans
            .iter()
            .map(|&(a, b, kind, confidence)| TaggedSpan { first: find(a), last: find(b), kind, confidence })
            .collect();
        let e = super::super::extract_with(&doc, &tagged);
        e.mentions.iter().map(|m| (m.span.slice(text).to_string(), m.kind)).collect()
    }

    fn owned(v: &[(&str, crate::analysis::EntityType)]) -> Vec<(String, crate::analysis::EntityType)> {
        v.iter().map(|(t, k)| (t.to_string(), *k)).collect()
    }

    #[test]
    fn context_cues_outweigh_a_tagger_that_sees_people_everywhere() {
        // "which" speaks of a thing.
        let got = typed(
            "The decision was made. Stagecoach, which runs most services, agreed.",
            Lang::En,
            &[("Stagecoach", "Stagecoach", PER, 1.0)],
        );
        assert_eq!(got, owned(&[("Stagecoach", ORG)]));
        // A dateline's place.
        let got = typed(
            "Title\n\nCELINA, Ohio (AP) — County commissioners met.",
            Lang::En,
            &[("CELINA", "CELINA", ORG, 1.0)],
        );
        assert_eq!(got, owned(&[("CELINA", LOC), ("Ohio", LOC), ("AP", ORG)]));
        // A place noun's complement, a street.
        let got = typed(
            "Le maire de Mignovillard a parlé.",
            Lang::Fr,
            &[("Mignovillard", "Mignovillard", PER, 0.6)],
        );
        assert_eq!(got, owned(&[("Mignovillard", LOC)]));
        let got = typed(
            "Buses will stop on Frodsham Street and at Ellesmere Port.",
            Lang::En,
            &[("Ellesmere", "Port", PER, 1.0)],
        );
        assert_eq!(got, owned(&[("Frodsham Street", LOC), ("Ellesmere Port", LOC)]));
        // An organisation noun before or in apposition, against the tagger's person.
        let got = typed(
            "Il passe sous le contrôle du groupe vaudois Brélaz Holzbau, a annoncé son dirigeant.",
            Lang::Fr,
            &[("Brélaz", "Holzbau", PER, 1.0)],
        );
        assert_eq!(got, owned(&[("Brélaz Holzbau", ORG)]));
        let got = typed(
            "Il travaille chez Jeantet Charpente, une entreprise de Nozeroy.",
            Lang::Fr,
            &[("Jeantet", "Charpente", PER, 1.0), ("Nozeroy", "Nozeroy", LOC, 1.0)],
        );
        assert_eq!(got, owned(&[("Jeantet Charpente", ORG), ("Nozeroy", LOC)]));
        // One sense per article: a mention typed on the tagger's word alone takes the type cues
        // give the same name elsewhere.
        let got = typed(
            "Le groupe Oréval a fait une offre. L’offre d’Oréval est ferme.",
            Lang::Fr,
            &[("Oréval", "Oréval", LOC, 1.0)],
        );
        assert_eq!(got, owned(&[("Oréval", ORG), ("Oréval", ORG)]));
        // A name coordinated with a place, or in a range with one, is a place.
        let got = typed(
            "It runs routes to Wrexham and Ellesmere Port.",
            Lang::En,
            &[("Ellesmere", "Port", PER, 1.0), ("Wrexham", "Wrexham", PER, 0.01)],
        );
        assert_eq!(got, owned(&[("Wrexham", LOC), ("Ellesmere Port", LOC)]));
        let got = typed(
            "des rassemblements de Zorglub à Mont-de-Marsan",
            Lang::Fr,
            &[("Zorglub", "Zorglub", ORG, 0.2)],
        );
        assert_eq!(got, owned(&[("Zorglub", LOC), ("Mont-de-Marsan", LOC)]));
        // A one-word mention nothing backs, named in full elsewhere.
        let got = typed(
            "Brenneman Tool & Die closed. A former Brenneman worker spoke to Reuters.",
            Lang::En,
            &[("Reuters", "Reuters", ORG, 1.0)],
        );
        assert_eq!(got, owned(&[("Brenneman Tool & Die", ORG), ("Brenneman", ORG), ("Reuters", ORG)]));
        // Feasts, laws, a seat of power that speaks, a newspaper after "the", a common noun
        // completing another.
        let got = typed(
            "Hoole residents furious as Christmas lights switched off",
            Lang::En,
            &[("Christmas", "Christmas", LOC, 1.0)],
        );
        assert!(got.iter().all(|(t, k)| t != "Christmas" || *k == MISC), "{got:?}");
        let got = typed(
            "Le député rappelle que la loi Egalim avait déjà échoué.",
            Lang::Fr,
            &[("Egalim", "Egalim", PER, 1.0)],
        );
        assert_eq!(got, owned(&[("Egalim", MISC)]));
        let got = typed(
            "Un conseiller a parlé. Matignon rappelle que la réforme est votée.",
            Lang::Fr,
            &[("Matignon", "Matignon", LOC, 1.0)],
        );
        assert_eq!(got, owned(&[("Matignon", ORG)]));
        let got = typed("\"It was hard,\" she told the Examiner on Monday.", Lang::En, &[]);
        assert_eq!(got, owned(&[("Examiner", ORG)]));
        let got = typed(
            "Le chef de l’État sénégalais, Bassirou Diomaye Faye, a parlé.",
            Lang::Fr,
            &[("État", "sénégalais", LOC, 1.0), ("Bassirou", "Faye", PER, 1.0)],
        );
        assert_eq!(got, owned(&[("Bassirou Diomaye Faye", PER)]));
        // A person stays a person.
        let got = typed(
            "They met Dale Hemmelgarn, who farms near Fort Recovery.",
            Lang::En,
            &[("Dale", "Hemmelgarn", PER, 1.0), ("Fort", "Recovery", LOC, 1.0)],
        );
        assert_eq!(got, owned(&[("Dale Hemmelgarn", PER), ("Fort Recovery", LOC)]));
    }
}
