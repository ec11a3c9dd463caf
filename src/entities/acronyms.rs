//! What an article's acronyms are: an organisation's when the article spells one out with
//! capitals ("Hewlett-Packard (HP)", "le Bureau d'enquêtes et d'analyses (BEA)"), a common
//! noun's when it spells one out in lowercase ("l'IVG (interruption volontaire de grossesse)")
//! or a list knows it as one ("victime d'un AVC", "soumis à l'ISF").

use super::context::Ctx;
use super::typing::Typed;
use crate::analysis::EntityType;
use crate::words::{word_list, WordList};
use std::collections::HashSet;

/// Acronyms of common nouns, folded (`data/entities/common_acronyms.txt`).
fn common_acronyms() -> &'static WordList {
    word_list!("entities/common_acronyms.txt")
}

/// Most words an acronym's spelled-out form may have.
const MAX_EXPANSION: usize = 12;

/// Folded acronyms the article spells out, by the case of the spelled-out form.
#[derive(Default)]
pub struct Spelled {
    /// "Hewlett-Packard (HP)": a name's initials.
    pub names: HashSet<String>,
    /// "l'IVG (interruption volontaire de grossesse)": a common noun's.
    pub nouns: HashSet<String>,
}

/// Letters of an acronym worth matching: 2 to 8 capitals, letters only.
fn letters(ctx: &Ctx, i: usize) -> Option<Vec<char>> {
    // Asked of every token: the acronym test first, the folded text only for acronyms.
    if !ctx.is_acronym(i) {
        return None;
    }
    let s = ctx.fold(i);
    let n = s.chars().count();
    ((2..=8).contains(&n) && s.chars().all(char::is_alphabetic)).then(|| s.chars().collect())
}

/// Whether token `k` can be skipped inside a spelled-out form without giving a letter.
fn skippable(ctx: &Ctx, k: usize) -> bool {
    ctx.is_function_word(k) || matches!(ctx.text(k), "-" | "'" | "’")
}

/// Matches `letters` against the initials of the words `words` yields (nearest the acronym
/// first, so `letters` in that order too); function words may give a letter or none. Returns
/// the words that give the first and the last of `letters`.
fn align(ctx: &Ctx, letters: &[char], words: impl Iterator<Item = usize>) -> Option<(usize, usize)> {
    let words: Vec<usize> = words.take(MAX_EXPANSION).collect();
    let last = align_from(ctx, letters, &words)?;
    Some((words[words.iter().position(|&k| gives(ctx, k, letters[0]))?], last))
}

/// Whether word `k` opens with `c`.
fn gives(ctx: &Ctx, k: usize, c: char) -> bool {
    ctx.doc.tokens[k].kind == crate::text::TokenKind::Word && ctx.fold(k).starts_with(c)
}

/// [`align`] on the rest: the word giving the last letter. A function word that could give
/// the letter is tried both ways ("Bureau d'enquêtes et d'analyses": "et" gives none); at
/// most [`MAX_EXPANSION`] words and 8 letters, so the search stays small.
fn align_from(ctx: &Ctx, letters: &[char], words: &[usize]) -> Option<usize> {
    let (&c, rest) = letters.split_first()?;
    for (at, &k) in words.iter().enumerate() {
        if gives(ctx, k, c) {
            if rest.is_empty() {
                return Some(k);
            }
            if let Some(last) = align_from(ctx, rest, &words[at + 1..]) {
                return Some(last);
            }
        }
        if !skippable(ctx, k) {
            return None;
        }
    }
    None
}

/// Every acronym the article spells out in brackets, after the words ("Hewlett-Packard (HP)")
/// or before them ("l'IVG (interruption volontaire de grossesse)").
pub fn spelled(ctx: &Ctx) -> Spelled {
    let mut out = Spelled::default();
    let n = ctx.len();
    for i in 1..n.saturating_sub(1) {
        let Some(acronym) = letters(ctx, i) else { continue };
        let key = ctx.fold(i).to_string();
        // "Words (ACR)": the words end just before the bracket; the name opens on the word
        // giving the first letter.
        let found = if ctx.text(i - 1) == "(" && ctx.text(i + 1) == ")" && i >= 2 {
            let reversed: Vec<char> = acronym.iter().rev().copied().collect();
            align(ctx, &reversed, (0..i - 1).rev()).map(|(_, first)| first)
        } else if ctx.text(i + 1) == "(" {
            // "ACR (words)": the words fill the brackets.
            let close = (i + 2..n.min(i + 3 + MAX_EXPANSION)).find(|&k| ctx.text(k) == ")");
            close.and_then(|c| {
                let (first, last) = align(ctx, &acronym, i + 2..c)?;
                (first == i + 2 && (last + 1..c).all(|k| ctx.is_lower(k) || skippable(ctx, k))).then_some(first)
            })
        } else {
            None
        };
        if let Some(first) = found {
            if ctx.is_lower(first) {
                out.nouns.insert(key);
            } else if ctx.is_cap(first) {
                out.names.insert(key);
            }
        }
    }
    out
}

/// Judges the one-word acronym mentions of `typed`: an organisation's (spelled out with
/// capitals) becomes ORG with evidence; a common noun's (spelled out in lowercase, or listed
/// and spelled out nowhere as a name) is no mention. Returns which to keep. A gazetteer entry
/// is never judged.
pub fn judge(ctx: &Ctx, typed: &mut [Typed]) -> Vec<bool> {
    let spelled = spelled(ctx);
    typed
        .iter_mut()
        .map(|t| {
            if t.first != t.last || !ctx.is_acronym(t.first) || ctx.classes(t.first, t.first) != 0 {
                return true;
            }
            let key = ctx.fold(t.first);
            if spelled.names.contains(key) {
                t.kind = EntityType::ORG;
                t.evidence = t.evidence.max(3.0);
                return true;
            }
            !(spelled.nouns.contains(key) || common_acronyms().contains(key))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;

    fn sorted(set: &HashSet<String>) -> Vec<&str> {
        let mut v: Vec<&str> = set.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn spelled_out_acronyms_by_case() {
        let text = "L'entreprise Hewlett-Packard (HP) et le Bureau d'enquêtes et d'analyses (BEA) \
                    parlent de l'IVG (interruption volontaire de grossesse) et de la Communauté \
                    économique des États d'Afrique de l'Ouest (CEDEAO). Le maïs (OGM) et la CGT (non).";
        let doc = Document::new(text, Lang::Fr);
        let s = spelled(&Ctx::new(&doc));
        assert_eq!(sorted(&s.names), ["bea", "cedeao", "hp"]);
        assert_eq!(sorted(&s.nouns), ["ivg"]);
    }
}
