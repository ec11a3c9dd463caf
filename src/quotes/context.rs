//! What the attribution rules read about each token, computed once per document: folded text,
//! case, sentence and line numbers, and whether the token lies inside a quote.

use crate::document::Document;
use crate::text::{FoldedTokens, Span, TokenKind};
use std::collections::HashSet;

pub struct Ctx<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub folded: &'a FoldedTokens,
    pub sentence_of: Vec<usize>,
    /// Line (paragraph) number of each token.
    pub line_of: Vec<usize>,
    pub in_quote: Vec<bool>,
    /// Folded capitalised words seen away from a sentence start: a capitalised first word is
    /// taken for a name only if the article also writes it so elsewhere.
    mid_caps: HashSet<String>,
}

impl<'a, 'd> Ctx<'a, 'd> {
    /// The context of `doc` with no token inside a quote yet ([`Ctx::with_quoted`] marks them).
    pub fn new(doc: &'a Document<'d>) -> Ctx<'a, 'd> {
        let n = doc.tokens.len();
        let folded = doc.folded();
        let mut sentence_of = vec![0; n];
        for (si, r) in doc.sentences.iter().enumerate() {
            for i in r.clone() {
                if let Some(s) = sentence_of.get_mut(i) {
                    *s = si;
                }
            }
        }
        let mut line_of = vec![0; n];
        let mut line = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.newlines_before > 0 {
                line += 1;
            }
            line_of[i] = line;
        }
        let in_quote = vec![false; n];
        let mut ctx = Ctx { doc, folded, sentence_of, line_of, in_quote, mid_caps: HashSet::new() };
        for i in 0..n {
            if ctx.is_cap(i) && !ctx.sentence_initial(i) {
                ctx.mid_caps.insert(ctx.f(i).to_string());
            }
        }
        ctx
    }

    /// Marks the tokens inside the `quoted` spans.
    pub fn with_quoted(mut self, quoted: &[Span]) -> Ctx<'a, 'd> {
        let n = self.len();
        for q in quoted {
            let first = self.doc.tokens.partition_point(|t| t.start < q.start);
            for i in first..n {
                if self.doc.tokens[i].end > q.end {
                    break;
                }
                self.in_quote[i] = true;
            }
        }
        self
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn text(&self, i: usize) -> &'d str {
        self.doc.token_text(i)
    }

    pub fn f(&self, i: usize) -> &str {
        self.folded.get(i)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.text(i) == p
    }

    /// A word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn sentence_initial(&self, i: usize) -> bool {
        i == 0
            || self.sentence_of[i] != self.sentence_of[i - 1]
            || self.doc.tokens[i].newlines_before > 0
            || (i > 0 && matches!(self.text(i - 1), "«" | "“" | "\"" | "‘" | "„" | "(" | "—" | "–" | ":"))
    }

    /// A capitalised word that may belong to a name: not a function word, and not only seen at
    /// sentence starts.
    pub fn is_name_word(&self, i: usize) -> bool {
        self.is_cap(i)
            && !super::lexicon::is_function_word(self.f(i))
            && (!self.sentence_initial(i) || self.mid_caps.contains(self.f(i)))
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    pub fn glued(&self, i: usize) -> bool {
        self.doc.tokens.get(i + 1).is_some_and(|t| !t.space_before)
    }

    pub fn span(&self, first: usize, last: usize) -> Span {
        self.doc.token_span(first, last)
    }

    /// Index of the first token starting at or after `byte`.
    pub fn token_at(&self, byte: usize) -> usize {
        self.doc.tokens.partition_point(|t| t.start < byte)
    }
}
