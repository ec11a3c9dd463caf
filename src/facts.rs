//! Facts about each token that several extractors ask — capitalisation, whether the token opens
//! a sentence, the words the article writes capitalised mid-sentence — defined once and computed
//! once per document, on first use ([`Document::facts`]).
//!
//! Entities and quotes grew two definitions of "sentence-initial" and "capitalised"; both are
//! kept, under names that say which is which, so that each extractor's results stay the same:
//!
//! | fact | entities (`entities/context.rs`) | quotes (`quotes/context.rs`) |
//! |---|---|---|
//! | capital | [`Facts::is_cap`]: not an elided "L’" | [`Facts::starts_upper`]: any word |
//! | opens a sentence | [`Facts::is_initial`]: after [`INITIAL_OPENERS`] (15) or a chain of them | [`Facts::is_sentence_initial`]: after [`SENTENCE_OPENERS`] (9) |
//! | capitalised mid-sentence | [`Facts::capitalised_inside`]: not in capitals | `quotes::context::Ctx::upper_mid_sentence`: capitals too |

use crate::document::Document;
use crate::text::{BitSet, TokenKind};
use std::cell::OnceCell;
use std::collections::HashSet;

/// Punctuation after which a capital says nothing for entities: quotation marks, brackets, a
/// colon, dashes, list bullets and separators, an ellipsis.
pub const INITIAL_OPENERS: &[&str] =
    &["«", "“", "\"", "‘", "(", "[", ":", "—", "–", "•", "|", "‹", "„", "*", "…"];

/// Punctuation after which a word opens a sentence for quotes: quotation marks, a bracket, dashes
/// and a colon.
pub const SENTENCE_OPENERS: &[&str] = &["«", "“", "\"", "‘", "„", "(", "—", "–", ":"];

/// The stored facts, owned by the document; read them through [`Facts`].
#[derive(Debug, Default)]
pub struct TokenFacts {
    initial: OnceCell<BitSet>,
    capitalised_inside: OnceCell<HashSet<String>>,
}

/// A document's token facts: a view of the document and its [`TokenFacts`].
#[derive(Clone, Copy)]
pub struct Facts<'d, 'a> {
    doc: &'d Document<'a>,
    table: &'d TokenFacts,
}

impl<'d, 'a> Facts<'d, 'a> {
    pub fn new(doc: &'d Document<'a>, table: &'d TokenFacts) -> Facts<'d, 'a> {
        Facts { doc, table }
    }

    /// The text of token `i` when it is a word.
    #[inline]
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.doc.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| t.text(self.doc.text))
    }

    /// A word starting with an upper-case letter, elided articles included ("L’"); quotes' capital.
    #[inline]
    pub fn starts_upper(&self, i: usize) -> bool {
        self.word(i).is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase))
    }

    /// A word starting with a capital letter that is not an elided article such as "L’";
    /// entities' capital.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.word(i).is_some_and(|s| {
            s.chars().next().is_some_and(char::is_uppercase) && !s.ends_with(['\'', '’', 'ʼ'])
        })
    }

    /// Two or more letters, all capitals ("GOÏTA", "ONU"); false past the last token.
    pub fn is_all_caps(&self, i: usize) -> bool {
        if i >= self.doc.tokens.len() {
            return false;
        }
        let text = self.doc.token_text(i);
        // Most tokens: a lowercase letter first, so not all capitals.
        if text.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let mut letters = 0;
        for c in text.chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
    }

    /// Whether token `i` opens a sentence, a line, a quotation, a parenthesis or a list item
    /// (after [`INITIAL_OPENERS`], or glued to punctuation that does: "‘‘désormais"), so that
    /// its capital says nothing; what entities read.
    pub fn is_initial(&self, i: usize) -> bool {
        self.initial_tokens().contains(i)
    }

    /// The tokens of [`Facts::is_initial`], for callers that ask it of every token.
    pub fn initial_tokens(&self) -> &'d BitSet {
        self.table.initial.get_or_init(|| initial(self.doc))
    }

    /// Whether token `i` opens a sentence or a line, or follows one of [`SENTENCE_OPENERS`];
    /// what quotes read.
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        let doc = self.doc;
        i == 0
            || doc.starts_sentence(i)
            || doc.tokens.get(i).is_some_and(|t| t.newlines_before > 0)
            || (i > 0 && i <= doc.tokens.len() && is_opener(doc.token_text(i - 1), SENTENCE_OPENERS))
    }

    /// Folded words the article writes capitalised where a capital is not forced
    /// ([`Facts::is_cap`], not [`Facts::is_initial`], not in capitals); what entities read.
    pub fn capitalised_inside(&self) -> &'d HashSet<String> {
        self.table.capitalised_inside.get_or_init(|| {
            let folded = self.doc.folded();
            let mut words = HashSet::new();
            for i in 0..self.doc.tokens.len() {
                if self.is_cap(i) && !self.is_initial(i) && !self.is_all_caps(i) && !words.contains(folded.get(i)) {
                    words.insert(folded.get(i).to_string());
                }
            }
            words
        })
    }
}

/// Whether `token` is one of `openers` (punctuation): a word or number, most tokens, is
/// answered without comparing it with each of them.
fn is_opener(token: &str, openers: &[&str]) -> bool {
    token.as_bytes().first().is_some_and(|b| !b.is_ascii_alphanumeric()) && openers.contains(&token)
}

/// The tokens of [`Facts::is_initial`].
fn initial(doc: &Document) -> BitSet {
    let n = doc.tokens.len();
    let mut initial = BitSet::new(n);
    for i in 0..n {
        let t = &doc.tokens[i];
        if t.newlines_before > 0
            || i == 0
            || doc.starts_sentence(i)
            || is_opener(doc.token_text(i - 1), INITIAL_OPENERS)
        {
            initial.insert(i);
        } else if doc.tokens[i - 1].kind == TokenKind::Punct
            && i >= 2
            && initial.contains(i - 1)
            && doc.tokens[i - 1].end == t.start
        {
            initial.insert(i); // "‘‘désormais"
        }
    }
    initial
}

#[cfg(test)]
mod tests {
    use crate::analysis::Lang;
    use crate::document::Document;

    #[test]
    fn the_two_capitals_differ_on_elided_articles() {
        let doc = Document::new("L’Élysée a reçu le GÉNÉRAL Goïta.", Lang::Fr);
        let facts = doc.facts();
        assert!(facts.starts_upper(0) && !facts.is_cap(0));
        assert!(facts.is_cap(1) && facts.starts_upper(1));
        assert!(!facts.is_cap(3) && !facts.starts_upper(3));
        assert!(facts.is_all_caps(5) && !facts.is_all_caps(6) && !facts.is_all_caps(99));
    }

    #[test]
    fn the_two_sentence_starts_differ_on_bullets_and_chains() {
        // "•" opens for entities only; so does a word glued to punctuation that opens a line.
        let doc = Document::new("Il dit • Bamako puis\n-Gao et « Kidal ».", Lang::Fr);
        let facts = doc.facts();
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.token_text(i) == w).unwrap_or(0);
        assert!(facts.is_initial(at("Bamako")) && !facts.is_sentence_initial(at("Bamako")));
        assert!(facts.is_initial(at("Gao")) && !facts.is_sentence_initial(at("Gao")));
        assert!(facts.is_initial(at("Kidal")) && facts.is_sentence_initial(at("Kidal")));
        assert!(facts.is_initial(0) && facts.is_sentence_initial(0));
        assert!(!facts.is_initial(at("dit")) && !facts.is_sentence_initial(at("dit")));
    }

    #[test]
    fn capitalised_mid_sentence_words() {
        let doc = Document::new("Selon Diop, le FMI et L’Express. Selon lui, Diop ment.", Lang::Fr);
        let facts = doc.facts();
        let inside = facts.capitalised_inside();
        assert!(inside.contains("diop") && !inside.contains("fmi") && !inside.contains("selon"));
        assert!(!inside.contains("l'"));
    }
}
