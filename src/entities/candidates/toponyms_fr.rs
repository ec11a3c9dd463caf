//! French place names chained with hyphens and lowercase links ("Mont-de-Marsan",
//! "Boulogne-sur-Mer", "Puy-l’Évêque").

use crate::entities::context::Ctx;
use crate::words::word_list;

/// If a glued "-" at `j` goes on with toponym links to a glued capitalised word ("-sur-Mer",
/// "-de-la-Lys", "-l’Évêque"), the index of that word.
pub(super) fn toponym_link_end(ctx: &Ctx, j: usize) -> Option<usize> {
    let glued = |k: usize| k < ctx.len() && ctx.continues(k) && !ctx.doc.tokens[k].space_before;
    if ctx.text(j) != "-" || !glued(j) {
        return None;
    }
    let mut k = j + 1;
    let mut links = 0;
    while links < 3
        && glued(k)
        && ctx.is_lower(k)
        && word_list!("entities/fr/toponym_links.txt").contains(ctx.fold(k))
    {
        let elided = ctx.fold(k).ends_with('\'');
        k += 1;
        links += 1;
        if !elided {
            if !glued(k) || ctx.text(k) != "-" {
                return None;
            }
            k += 1;
        }
    }
    (links > 0 && glued(k) && ctx.is_cap(k)).then_some(k)
}

/// Token `i` sits inside a hyphenated chain with toponym links (see `toponym_link_end`): such
/// a chain is one name, never cut at its particles or at an entry inside it ("Boulogne").
pub fn in_toponym_chain(ctx: &Ctx, i: usize) -> bool {
    let glued = |k: usize| k < ctx.len() && !ctx.doc.tokens[k].space_before;
    // Walk left to the chain's first word, then test each hyphen of the chain.
    let mut a = i;
    while a > 0
        && glued(a)
        && (ctx.text(a - 1) == "-" || ctx.fold(a - 1).ends_with('\'') || ctx.text(a) == "-")
    {
        a -= 1;
    }
    for k in (a..ctx.len()).take(12) {
        if let Some(e) = toponym_link_end(ctx, k) {
            return (a..=e).contains(&i);
        }
        if k > i && !(glued(k) && (ctx.text(k) == "-" || ctx.is_cap(k) || ctx.is_lower(k))) {
            break;
        }
    }
    false
}
