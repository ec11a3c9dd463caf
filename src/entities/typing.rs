//! Keeping and typing candidates with a small, explainable score: each piece of evidence adds
//! weight to one type, the best type wins. Weights: a gazetteer entry 3.5–4.5, a title or an
//! organisation noun 3, a leading first name 3, a place preposition 1.5, the shape of the name
//! (acronym, several words) about 1.

use super::candidates::{Origin, Piece};
use super::context::Ctx;
use super::cues;
use super::gazetteer::class;
use crate::analysis::EntityType;

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
    pub role: Option<String>,
    /// Words of the name (particles and hyphens not counted).
    pub words: usize,
}

fn word_count(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a..=b).filter(|&i| ctx.is_cap(i) || (ctx.doc.tokens[i].kind == crate::text::TokenKind::Word && !ctx.is_lower(i))).count().max(1)
}

/// Drops words that cannot open a name (function words, sentence-initial common words) from
/// the front of `p`, and the whole piece when nothing name-like remains.
pub fn filter(ctx: &Ctx, p: Piece) -> Option<Piece> {
    if p.origin != Origin::Name || p.classes & class::NAME != 0 {
        return Some(p);
    }
    let g = ctx.gaz;
    let mut first = p.first;
    // Leading words that are not names.
    while first <= p.last {
        let f = ctx.fold(first);
        let lone = first == p.last;
        let known = ctx.classes(first, first) & (class::NAME | class::FIRST_NAME) != 0;
        let drop = g.is_function_word(f)
            || (!known && ctx.initial[first] && g.is_common(f) && !ctx.capitalised_inside.contains(f))
            || (!known && ctx.is_all_caps(first) && g.is_common(f));
        if !drop || (lone && !g.is_function_word(f) && !g.is_common(f)) {
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
    let cued = cues::title_before(ctx, p.first).is_some()
        || cues::org_noun_before(ctx, p.first)
        || cues::source_before(ctx, p.first)
        || cues::byline_before(ctx, p.first);
    if names.len() == 1 {
        let i = names[0];
        let f = ctx.fold(i);
        if g.is_function_word(f) {
            return None;
        }
        if any_first_name || cued {
            return Some(p);
        }
        if ctx.is_acronym(i) {
            return (!g.is_common(f)).then_some(p);
        }
        if ctx.initial[i] {
            // A capital forced by the sentence start: a name only if the article writes it
            // capitalised elsewhere.
            return ctx.capitalised_inside.contains(f).then_some(p);
        }
        if g.is_common(f) && ctx.classes(i, i) & class::TITLE == 0 {
            return None;
        }
        if ctx.classes(i, i) & (class::TITLE | class::ORG_HEAD) != 0 {
            return None;
        }
        return Some(p);
    }
    let all_common = names.iter().all(|&i| g.is_common(ctx.fold(i)) || ctx.classes(i, i) & class::TITLE != 0);
    (!all_common || any_first_name || cued).then_some(p)
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
    if words >= 2 && ctx.classes(p.first, p.first) & class::ORG_HEAD != 0 {
        s.add(EntityType::ORG, 3.0);
    }
    if cues::place_preposition(ctx, p.first) {
        s.add(EntityType::LOC, 1.5);
    }
    if p.first == p.last && ctx.is_acronym(p.first) {
        s.add(EntityType::ORG, 1.0);
    }
    if words >= 2 {
        s.add(EntityType::PER, 1.0);
    } else {
        s.add(EntityType::ORG, 0.8);
        let f = ctx.fold(p.last);
        if ["ov", "ova", "ev", "eva", "enko", "ski", "sky", "vitch", "vich"].iter().any(|e| f.ends_with(e)) {
            s.add(EntityType::PER, 1.2);
        }
    }
    if let Some((kind, confidence)) = tagger {
        s.add(kind, 3.0 * confidence);
    }
    let (kind, _) = s.best();
    let role = if kind == EntityType::PER { title.and_then(|t| cues::role_text(ctx, t, p.first)) } else { None };
    Typed { first: p.first, last: p.last, scores: s, kind, role, words }
}
