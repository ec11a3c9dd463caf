//! What every entity rule reads about each token: folded text, gazetteer look-ups, and the
//! document's shared token facts (`crate::facts`) in entities' variants: capitalisation, sentence
//! starts, and which words the article itself writes capitalised mid-sentence.

use super::gazetteer::Gazetteer;
use crate::document::Document;
use crate::facts::Facts;
use crate::text::{BitSet, FoldedTokens, TokenKind};
use std::collections::HashSet;

pub struct Ctx<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub gaz: &'static Gazetteer,
    pub folded: FoldedTokens<'d>,
    /// The document's capitalisation and sentence-start facts, entities' variants.
    facts: Facts<'d, 'a>,
    /// Tokens that open a sentence, a line, a quotation or a parenthesis: their capital says
    /// nothing ([`Ctx::is_initial`]).
    initial: &'d BitSet,
    /// Folded words the article writes capitalised where a capital is not forced
    /// ([`Facts::capitalised_inside`]).
    pub capitalised_inside: &'d HashSet<String>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Self {
        let facts = doc.facts();
        Ctx {
            doc,
            gaz: Gazetteer::get(),
            folded: doc.folded(),
            facts,
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
        self.facts.is_cap(i)
    }

    /// Two or more letters, all capitals ("GOÏTA", "ONU").
    pub fn is_all_caps(&self, i: usize) -> bool {
        self.facts.is_all_caps(i)
    }

    /// An acronym-like word: mostly capitals ("FAMa", "ROSATOM", "G20").
    pub fn is_acronym(&self, i: usize) -> bool {
        let s = self.text(i);
        let upper = s.chars().filter(|c| c.is_uppercase()).count();
        let lower = s.chars().filter(|c| c.is_lowercase()).count();
        self.is_cap(i) && upper >= 2 && lower <= 1 && s.chars().count() <= 10
    }

    /// Lowercase word (starts with a lowercase letter).
    pub fn is_lower(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self.text(i).chars().next().is_some_and(char::is_lowercase)
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
        self.gaz.classes_of((first..=last).map(|i| self.fold(i)))
    }

    /// The longest gazetteer entry with a class in `mask` starting at `first` and ending by
    /// `limit`: its last token and classes.
    pub fn longest(&self, first: usize, limit: usize, mask: u16) -> Option<(usize, u16)> {
        let max = limit.min(first + self.gaz.max_tokens - 1).min(self.len().saturating_sub(1));
        self.gaz.longest((first..=max).map(|i| self.fold(i)), mask).map(|(k, c)| (first + k, c))
    }
}
