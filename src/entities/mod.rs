//! Named entities: candidate names from rules and gazetteers (and the statistical tagger when
//! it proposes spans), typed with a small explainable score, then clustered into one entity per
//! referent with a canonical name and the roles the article gives it.
//!
//! Pipeline: [`candidates`] (capitalised runs, organisation patterns) → [`typing::filter`]
//! (sentence-initial common words, titles) → tagger spans merged → [`typing::score`] (gazetteer,
//! cues, shape) → person-name propagation ("Goïta" after "Assimi Goïta") → [`cluster`].

pub mod candidates;
pub mod cluster;
pub mod context;
pub mod cues;
pub mod gazetteer;
pub mod tagger;
pub mod typing;

use crate::analysis::{Entity, EntityType, Mention};
use crate::document::Document;
use crate::structure::Structure;
use candidates::{Origin, Piece};
use context::Ctx;
use gazetteer::class;
use std::collections::HashSet;
use tagger::TaggedSpan;
use typing::Typed;

#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// Sorted by position, not overlapping.
    pub mentions: Vec<Mention>,
}

/// Every entity of `doc` with its mentions.
pub fn extract(doc: &Document, _structure: &Structure) -> Entities {
    let tagged = tagger::tag_document(doc);
    extract_with(doc, &tagged)
}

/// [`extract`] with the tagger's spans given (sorted, non-overlapping).
pub fn extract_with(doc: &Document, tagged: &[TaggedSpan]) -> Entities {
    if doc.tokens.is_empty() {
        return Entities::default();
    }
    let ctx = Ctx::new(doc);
    let mut pieces: Vec<Piece> = candidates::org_patterns(&ctx);
    pieces.extend(candidates::name_pieces(&ctx).into_iter().filter_map(|p| typing::filter(&ctx, p)));
    let pieces = resolve_overlaps(pieces);
    let (pieces, votes) = merge_tagger(&ctx, pieces, tagged);
    let mut typed: Vec<Typed> = pieces.iter().zip(&votes).map(|(p, v)| typing::score(&ctx, p, *v)).collect();
    propagate_people(&ctx, &mut typed);
    build(&ctx, typed)
}

fn priority(p: &Piece) -> (u8, usize) {
    let o = match p.origin {
        Origin::OrgPattern => 2,
        Origin::Name => 1,
        Origin::Tagger => 0,
    };
    (o, p.last - p.first)
}

/// Keeps the best of overlapping candidates (organisation patterns, then longer), sorted.
fn resolve_overlaps(mut pieces: Vec<Piece>) -> Vec<Piece> {
    pieces.sort_by_key(|p| (p.first, std::cmp::Reverse(priority(p))));
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match out.last_mut() {
            Some(q) if p.first <= q.last => {
                if priority(&p) > priority(q) {
                    *q = p;
                }
            }
            _ => out.push(p),
        }
    }
    out
}

/// Combines the tagger's spans with the rules' candidates: a span equal to a candidate votes for
/// its type; a span no candidate touches is added (without the titles and determiners it may
/// start with); where they disagree on the extent, the rules keep gazetteer and pattern
/// candidates and the tagger wins only when confident.
fn merge_tagger(ctx: &Ctx, pieces: Vec<Piece>, tagged: &[TaggedSpan]) -> (Vec<Piece>, Vec<Option<(EntityType, f32)>>) {
    let mut votes: Vec<Option<(EntityType, f32)>> = vec![None; pieces.len()];
    if tagged.is_empty() {
        return (pieces, votes);
    }
    let mut pieces = pieces;
    let mut extra = Vec::new();
    let n = ctx.len();
    for t in tagged {
        if t.first > t.last || t.last >= n {
            continue;
        }
        let lo = pieces.partition_point(|p| p.last < t.first);
        let hits: Vec<usize> = (lo..pieces.len()).take_while(|&i| pieces[i].first <= t.last).collect();
        if let [i] = hits[..] {
            if pieces[i].first == t.first && pieces[i].last == t.last {
                votes[i] = Some((t.kind, t.confidence));
                continue;
            }
        }
        let strong = hits.iter().any(|&i| pieces[i].origin == Origin::OrgPattern || pieces[i].classes & class::NAME != 0);
        if !hits.is_empty() && (strong || t.confidence < 0.8) {
            continue;
        }
        // Strip determiners and titles the span may start with.
        let mut first = t.first;
        while first < t.last && (ctx.gaz.is_function_word(ctx.fold(first)) || ctx.classes(first, first) & class::TITLE != 0 || ctx.is_lower(first)) {
            first += 1;
        }
        if !ctx.is_cap(first) && ctx.doc.tokens[first].kind != crate::text::TokenKind::Word {
            continue;
        }
        for &i in &hits {
            pieces[i].origin = Origin::Tagger; // replaced below
            pieces[i].first = usize::MAX;
        }
        extra.push((Piece { first, last: t.last, origin: Origin::Tagger, classes: ctx.classes(first, t.last) }, Some((t.kind, t.confidence))));
    }
    let mut all: Vec<(Piece, Option<(EntityType, f32)>)> =
        pieces.into_iter().zip(votes).filter(|(p, _)| p.first != usize::MAX).collect();
    all.extend(extra);
    all.sort_by_key(|(p, _)| p.first);
    all.into_iter().unzip()
}

/// One-word mentions that are a word of a person's fuller name become that person
/// ("Goïta", "Assimi", "GOITA") unless a gazetteer says strongly otherwise.
fn propagate_people(ctx: &Ctx, typed: &mut [Typed]) {
    let mut words: HashSet<String> = HashSet::new();
    for t in typed.iter().filter(|t| t.kind == EntityType::PER && t.words >= 2) {
        let s = ctx.doc.slice(ctx.doc.token_span(t.first, t.last));
        for w in crate::text::fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 1) {
            words.insert(w.to_string());
        }
    }
    for t in typed.iter_mut().filter(|t| t.words == 1 && t.kind != EntityType::PER) {
        let (_, w) = t.scores.best();
        let key = cluster::compact(ctx.doc.slice(ctx.doc.token_span(t.first, t.last)));
        if w < 3.5 && words.contains(&key) {
            t.kind = EntityType::PER;
        }
    }
}

fn build(ctx: &Ctx, typed: Vec<Typed>) -> Entities {
    let items: Vec<cluster::Item> = typed
        .iter()
        .map(|t| cluster::Item { text: ctx.doc.slice(ctx.doc.token_span(t.first, t.last)), kind: t.kind, words: t.words })
        .collect();
    let ids = cluster::cluster(&items);
    let count = ids.iter().copied().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &id) in ids.iter().enumerate() {
        members[id].push(i);
    }
    let mut entities = Vec::with_capacity(count);
    for m in &members {
        let canonical = cluster::canonical_of(&items, m).map_or(String::new(), |c| items[c].text.to_string());
        // The type most of its mentions have (the first one on a tie).
        let mut tally = [0usize; 4];
        for &i in m {
            tally[items[i].kind as usize] += 1;
        }
        let kind = m.iter().map(|&i| items[i].kind).max_by_key(|k| (tally[*k as usize], std::cmp::Reverse(m.iter().position(|&j| items[j].kind == *k)))).unwrap_or(EntityType::MISC);
        let mut roles: Vec<String> = Vec::new();
        for &i in m {
            if let Some(r) = &typed[i].role {
                if !roles.iter().any(|x| crate::text::fold(x) == crate::text::fold(r)) {
                    roles.push(r.clone());
                }
            }
        }
        entities.push(Entity { canonical, kind, roles, mentions: m.clone() });
    }
    let mentions = typed
        .iter()
        .zip(&ids)
        .map(|(t, &id)| Mention { span: ctx.doc.token_span(t.first, t.last), kind: t.kind, entity: id, boilerplate: false })
        .collect();
    Entities { entities, mentions }
}
