//! French institutions named by a head noun, its qualifiers and its seat ("tribunal judiciaire
//! d’Aurillac", "cour d’appel de Rennes"), and the noun complements that close an organisation's
//! name ("Ligue régionale de football").

use super::{adjective_end, adjective_like, cap_segment, toponym_link_end};
use crate::entities::context::Ctx;
use crate::entities::gazetteer::class;
use crate::words::{word_list, WordList};

/// French institutions named after their seat, whose head noun may take "de" and a place at
/// once ("tribunal de Cahors", "conseil de Paris", "CHU de Clermont-Ferrand").
fn seat_heads() -> &'static WordList {
    word_list!("entities/fr/seat_heads.txt")
}

/// Heads that need a qualifier before the place ("cour d’appel de Rennes", "centre hospitalier
/// de Saint-Flour", not "le centre de Lyon").
fn qualified_seat_heads() -> &'static WordList {
    word_list!("entities/fr/qualified_seat_heads.txt")
}

/// The head noun of an institution named after its seat, with or without a qualifier.
pub(super) fn is_seat_head(f: &str) -> bool {
    seat_heads().contains(f) || qualified_seat_heads().contains(f)
}

/// A French institution named by a head noun, lowercase or not, its qualifiers and its seat:
/// "tribunal judiciaire d’Aurillac", "tribunal de commerce de Cahors", "cour d’appel de Rennes",
/// "centre hospitalier de la région de Saint-Omer", "conseil départemental du Cantal", "Caisse
/// primaire d’assurance maladie du Cantal", "agence régionale de santé Auvergne-Rhône-Alpes",
/// "CHU de Clermont-Ferrand". The whole span is the organisation's name (the gold's "ministère
/// russe de la Défense"); the place alone is not a mention there. Returns its last token.
pub(super) fn seat_institution(ctx: &Ctx, i: usize) -> Option<usize> {
    let n = ctx.len();
    let f = ctx.fold(i);
    let direct = seat_heads().contains(f);
    if !(direct || qualified_seat_heads().contains(f)) || !(ctx.is_lower(i) || ctx.is_cap(i)) {
        return None;
    }
    let is_de = |k: usize| {
        k < n && ctx.continues(k) && ctx.is_lower(k) && matches!(ctx.fold(k), "de" | "du" | "des" | "d'")
    };
    let noun =
        |k: usize| k < n && ctx.continues(k) && ctx.is_lower(k) && !ctx.is_function_word(k);
    // "hospitalier", "judiciaire", "régionale", "primaire"
    let adjective = |k: usize| {
        adjective_like(ctx, k) || (noun(k) && (ctx.fold(k).ends_with("ier") || ctx.fold(k).ends_with("iere")))
    };
    // The place: a capitalised run, after "de (la)" or (once qualified) a known place right after.
    let seat = |k: usize| -> Option<usize> {
        let mut e = cap_segment(ctx, k).filter(|_| ctx.continues(k))?;
        // "des Hauts-de-France", "de Saint-Laurent-en-Grandvaux"
        while let Some(t) = (e + 1 < n).then(|| toponym_link_end(ctx, e + 1)).flatten() {
            e = cap_segment(ctx, t).unwrap_or(t);
        }
        (ctx.classes(k, k) & (class::FIRST_NAME | class::TITLE) == 0).then_some(e)
    };
    let mut last = i;
    let mut qualified = false;
    let mut after_adjective = false;
    for _ in 0..6 {
        let j = last + 1;
        if adjective(j) {
            last = j;
            qualified = true;
            after_adjective = true;
            continue;
        }
        if is_de(j) {
            let mut k = j + 1;
            if k < n && ctx.continues(k) && matches!(ctx.fold(k), "la" | "l'" | "le" | "les") {
                k += 1;
            }
            if k < n && ctx.is_cap(k) {
                return (direct || qualified).then(|| seat(k)).flatten();
            }
            if noun(k) {
                // "de commerce", "d’appel", "de santé", "d’assurance maladie", "de grande instance"
                let mut e = k;
                if noun(k + 1) && (adjective(k + 1) || is_de(k + 2)) {
                    e = k + 1;
                }
                last = e;
                qualified = true;
                after_adjective = false;
                continue;
            }
            return None;
        }
        // "agence régionale de santé Auvergne-Rhône-Alpes", "Banque populaire Bourgogne
        // Franche-Comté": a place right after the qualifiers (a known one, a hyphenated one, or
        // any after an adjective, which no verb can follow capitalised).
        if qualified && j < n && ctx.is_cap(j) && ctx.continues(j) {
            let e = seat(j)?;
            // "l'agence américaine Moody's": a known organisation is no seat.
            if ctx.longest(j, e.max(j + ctx.gaz.max_tokens), class::ORG | class::MEDIA).is_some() {
                return None;
            }
            let known = ctx.longest(j, e, class::PLACE).is_some();
            let hyphenated = (j..=e).any(|k| ctx.text(k) == "-");
            return (known || hyphenated || after_adjective).then_some(e);
        }
        return None;
    }
    None
}

/// A noun complement closing an organisation's name: a preposition, an optional article, a
/// lowercase noun and its adjectives (joined by commas and "et"). Returns its last token.
pub(super) fn complement_end(ctx: &Ctx, k: usize) -> Option<usize> {
    let n = ctx.len();
    if k >= n
        || !ctx.continues(k)
        || !word_list!("entities/fr/org_complement_prepositions.txt").contains(ctx.fold(k))
    {
        return None;
    }
    let mut m = k + 1;
    if matches!(ctx.fold(m), "la" | "le" | "l'" | "les") && ctx.continues(m) {
        m += 1;
    }
    if m >= n || !ctx.continues(m) || !ctx.is_lower(m) || ctx.is_function_word(m) {
        return None;
    }
    let mut last = m;
    loop {
        let j = last + 1;
        if let Some(a) = adjective_end(ctx, j) {
            last = a;
        } else if j + 1 < n && matches!(ctx.text(j), ",") && ctx.continues(j) && last > m {
            match adjective_end(ctx, j + 1) {
                Some(a) => last = a,
                None => break,
            }
        } else if j + 1 < n && matches!(ctx.fold(j), "et" | "and") && ctx.continues(j) && last > m {
            match adjective_end(ctx, j + 1) {
                Some(a) => {
                    last = a;
                    break;
                }
                None => break,
            }
        } else {
            break;
        }
    }
    Some(last)
}
