//! French adjective shapes, for the rules that extend a name over its adjectives ("ministère
//! russe", "Ligue régionale de football").

use crate::entities::context::Ctx;
use crate::entities::gazetteer::class;
use crate::words::word_list;

/// A lowercase word that reads as an adjective ("étrangères", "intergouvernementale", "russe").
pub fn adjective_like(ctx: &Ctx, i: usize) -> bool {
    if i >= ctx.len() || !ctx.continues(i) || !ctx.is_lower(i) || ctx.is_function_word(i) {
        return false;
    }
    let f = ctx.fold(i);
    ctx.classes(i, i) & class::DEMONYM != 0
        || (f.len() > 4 && word_list!("entities/fr/adjective_endings.txt").ends(f))
}

/// Last token of an adjective at `i`, hyphenated ones included ("russo-malienne").
pub(super) fn adjective_end(ctx: &Ctx, i: usize) -> Option<usize> {
    if i + 2 < ctx.len()
        && ctx.is_lower(i)
        && ctx.text(i + 1) == "-"
        && !ctx.doc.tokens[i + 1].space_before
        && !ctx.doc.tokens[i + 2].space_before
        && adjective_like(ctx, i + 2)
    {
        return Some(i + 2);
    }
    adjective_like(ctx, i).then_some(i)
}
