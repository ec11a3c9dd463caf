//! What every entity rule reads about each token: folded text, gazetteer look-ups, and the
//! document's shared token facts (`crate::facts`) in entities' variants: capitalisation, sentence
//! starts, and which words the article itself writes capitalised mid-sentence.

use super::gazetteer::{Gazetteer, Known};
use crate::document::Document;
use crate::facts::Facts;
use crate::text::{BitSet, FoldedTokens, TokenKind};
use std::collections::HashSet;

pub struct Ctx<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub gaz: &'static Gazetteer,
    pub folded: FoldedTokens<'d>,
    /// Tokens that open a sentence, a line, a quotation or a parenthesis: their capital says
    /// nothing ([`Ctx::is_initial`]).
    initial: &'d BitSet,
    /// Folded words the article writes capitalised where a capital is not forced
    /// ([`Facts::capitalised_inside`]).
    pub capitalised_inside: &'d HashSet<String>,
    /// The gazetteer's entry for each token's folded text, looked up once: the rules ask it
    /// several times of most tokens (4 bytes a token).
    known: Vec<Known>,
    /// Each token's [`CAP`], [`LOWER`], [`ACRONYM`] and [`ALL_CAPS`] bits, asked several times
    /// of every token by the rules (a byte a token).
    case: Vec<u8>,
}

/// [`Ctx::is_cap`].
const CAP: u8 = 1;
/// [`Ctx::is_lower`].
const LOWER: u8 = 2;
/// [`Ctx::is_acronym`].
const ACRONYM: u8 = 4;
/// [`Ctx::is_all_caps`].
const ALL_CAPS: u8 = 8;

/// The case bits of token `i`.
fn case_bits(doc: &Document, facts: &Facts, i: usize) -> u8 {
    let t = &doc.tokens[i];
    // Numbers and punctuation have fewer than two letters: never all capitals.
    if t.kind != TokenKind::Word {
        return 0;
    }
    let text = t.text(doc.text);
    if text.chars().next().is_some_and(char::is_lowercase) {
        return LOWER;
    }
    // "G20" has two letters and is all capitals without a capital first.
    let mut bits = if facts.is_all_caps(i) { ALL_CAPS } else { 0 };
    if !facts.is_cap(i) {
        return bits;
    }
    bits |= CAP;
    // Mostly capitals, at most 10 chars.
    let (mut chars, mut upper, mut lower) = (0, 0, 0);
    for c in text.chars() {
        chars += 1;
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    if upper >= 2 && lower <= 1 && chars <= 10 {
        bits |= ACRONYM;
    }
    bits
}

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Self {
        let facts = doc.facts();
        let (gaz, folded) = (Gazetteer::get(), doc.folded());
        Ctx {
            doc,
            gaz,
            known: (0..folded.len()).map(|i| gaz.known(folded.get(i))).collect(),
            case: (0..doc.tokens.len()).map(|i| case_bits(doc, &facts, i)).collect(),
            folded,
            initial: facts.initial_tokens(),
            capitalised_inside: facts.capitalised_inside(),
        }
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    /// Whether token `i` opens a sentence, a line, a quotation or a parenthesis.
    pub fn is_initial(&self, i: usize) -> bool {
        self.initial.contains(i)
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.doc.token_text(i)
    }

    pub fn fold(&self, i: usize) -> &str {
        self.folded.get(i)
    }

    /// A word starting with a capital letter (not an elided article such as "L’").
    pub fn is_cap(&self, i: usize) -> bool {
        self.case_of(i) & CAP != 0
    }

    /// Two or more letters, all capitals ("GOÏTA", "ONU").
    pub fn is_all_caps(&self, i: usize) -> bool {
        self.case_of(i) & ALL_CAPS != 0
    }

    /// An acronym-like word: mostly capitals ("FAMa", "ROSATOM", "G20").
    pub fn is_acronym(&self, i: usize) -> bool {
        self.case_of(i) & ACRONYM != 0
    }

    /// Lowercase word (starts with a lowercase letter).
    pub fn is_lower(&self, i: usize) -> bool {
        self.case_of(i) & LOWER != 0
    }

    fn case_of(&self, i: usize) -> u8 {
        self.case.get(i).copied().unwrap_or(0)
    }

    /// Same sentence and line as the previous token.
    pub fn continues(&self, i: usize) -> bool {
        i > 0 && i < self.len() && !self.doc.starts_sentence(i) && self.doc.tokens[i].newlines_before == 0
    }

    /// Gazetteer classes of tokens `first..=last` taken together.
    pub fn classes(&self, first: usize, last: usize) -> u16 {
        if last < first || last >= self.len() || last - first >= self.gaz.max_tokens {
            return 0;
        }
        let known = self.known[first];
        if first == last {
            return known.classes;
        }
        // Before the call: its iterator would fold the next token before testing this.
        if !known.extends() {
            return 0;
        }
        self.gaz.classes_after(self.fold(first), known, (first + 1..=last).map(|i| self.fold(i)))
    }

    /// Whether token `i`'s folded word is usually written lowercase ([`Known::is_common`]).
    pub fn is_common(&self, i: usize) -> bool {
        self.known.get(i).is_some_and(|k| k.is_common())
    }

    /// Whether token `i` is a closed-class word ([`Known::is_function_word`]).
    pub fn is_function_word(&self, i: usize) -> bool {
        self.known.get(i).is_some_and(|k| k.is_function_word())
    }

    /// The longest gazetteer entry with a class in `mask` starting at `first` and ending by
    /// `limit`: its last token and classes.
    pub fn longest(&self, first: usize, limit: usize, mask: u16) -> Option<(usize, u16)> {
        let max = limit.min(first + self.gaz.max_tokens - 1).min(self.len().saturating_sub(1));
        if first > max {
            return None;
        }
        let known = *self.known.get(first)?;
        let rest = (first + 1..=max).map(|i| self.fold(i));
        self.gaz.longest_after(|| self.fold(first), known, rest, mask).map(|(k, c)| (first + k, c))
    }
}
