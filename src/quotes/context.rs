//! What the attribution rules read about each token, computed once per document: folded text,
//! case, sentence and line numbers, and whether the token lies inside a quote.

use crate::document::Document;
use crate::facts::Facts;
use crate::text::hash::SeededFx;
use crate::text::{BitSet, FoldedTokens, Span, TokenKind};
use std::cell::OnceCell;
use std::collections::HashSet;

/// The words of [`Ctx::upper_mid_sentence`](field@Ctx::upper_mid_sentence): keyed by the input,
/// so seeded.
type UpperWords<'a> = HashSet<&'a str, SeededFx>;

pub struct Ctx<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub folded: FoldedTokens<'a>,
    /// The tokens that follow a line break, in order ([`Ctx::line_of`]): a few per paragraph
    /// rather than a number per token.
    line_breaks: Vec<usize>,
    /// Tokens inside a quote ([`Ctx::in_quote`]).
    quoted: BitSet,
    /// The document's shared token facts (capitals, sentence starts, words capitalised
    /// mid-sentence), in the definitions quotes use.
    facts: Facts<'a, 'd>,
    /// Tokens inside an entity mention: names even at a sentence start ([`Ctx::with_names`]).
    named: BitSet,
    /// Folded words seen with an upper-case first letter away from a sentence start (capitals
    /// included), made on first use: a capitalised first word is taken for a name only if the
    /// article also writes it so elsewhere. Words borrowed from the document, not copied.
    upper_mid_sentence: OnceCell<UpperWords<'a>>,
}

impl<'a, 'd> Ctx<'a, 'd> {
    /// The context of `doc` with no token inside a quote yet ([`Ctx::with_quoted`] marks them).
    pub fn new(doc: &'a Document<'d>) -> Ctx<'a, 'd> {
        let n = doc.tokens.len();
        let folded = doc.folded();
        let line_breaks = (0..n).filter(|&i| doc.tokens[i].newlines_before > 0).collect();
        Ctx {
            doc,
            folded,
            line_breaks,
            quoted: BitSet::new(n),
            facts: doc.facts(),
            named: BitSet::new(n),
            upper_mid_sentence: OnceCell::new(),
        }
    }

    /// Marks the tokens inside the `quoted` spans.
    pub fn with_quoted(mut self, quoted: &[Span]) -> Ctx<'a, 'd> {
        let mut set = std::mem::replace(&mut self.quoted, BitSet::new(0));
        self.mark(&mut set, quoted.iter().copied());
        self.quoted = set;
        self
    }

    /// Marks the tokens of the entity mentions `names` as name words.
    pub fn with_names(mut self, names: impl Iterator<Item = Span>) -> Ctx<'a, 'd> {
        let mut set = std::mem::replace(&mut self.named, BitSet::new(0));
        self.mark(&mut set, names);
        self.named = set;
        self
    }

    /// Inserts into `set` every token lying inside one of `spans`.
    fn mark(&self, set: &mut BitSet, spans: impl Iterator<Item = Span>) {
        let n = self.len();
        let mut first = 0;
        for s in spans {
            first = self.token_at_from(s.start, first);
            for i in first..n {
                if self.doc.tokens[i].end > s.end {
                    break;
                }
                set.insert(i);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// Whether token `i` lies inside a quote (marked by [`Ctx::with_quoted`]).
    pub fn in_quote(&self, i: usize) -> bool {
        self.quoted.contains(i)
    }

    /// The index in `doc.sentences` of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.doc.sentence_of(i)
    }

    /// Line (paragraph) number of token `i`: how many tokens up to `i` follow a line break.
    pub fn line_of(&self, i: usize) -> usize {
        self.line_breaks.partition_point(|&b| b <= i)
    }

    /// The first token of the line holding token `i`.
    pub fn line_start(&self, i: usize) -> usize {
        match self.line_of(i) {
            0 => 0,
            line => self.line_breaks[line - 1],
        }
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
        self.facts.starts_upper(i)
    }

    /// Opens a sentence or a line, or follows an opening mark, a bracket, a dash or a colon.
    pub fn sentence_initial(&self, i: usize) -> bool {
        self.facts.is_sentence_initial(i)
    }

    /// A capitalised word that may belong to a name: not a function word, and not only seen at
    /// sentence starts.
    pub fn is_name_word(&self, i: usize) -> bool {
        self.is_cap(i)
            && !super::lexicon::is_function_word(self.f(i))
            && (!self.sentence_initial(i) || self.named.contains(i) || self.upper_mid_sentence().contains(self.f(i)))
    }

    /// The words of [`Ctx::upper_mid_sentence`](field@Ctx::upper_mid_sentence).
    fn upper_mid_sentence(&self) -> &UpperWords<'a> {
        self.upper_mid_sentence.get_or_init(|| {
            let text = self.doc.text.as_bytes();
            let mut words = UpperWords::default();
            for (i, t) in self.doc.tokens.iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                // [`Facts::starts_upper`], with ASCII first bytes told apart without decoding.
                let upper = match text.get(t.start) {
                    Some(b) if b.is_ascii() && t.end > t.start => b.is_ascii_uppercase(),
                    _ => self.facts.starts_upper(i),
                };
                if upper && !self.facts.is_sentence_initial(i) {
                    words.insert(self.folded.get(i));
                }
            }
            words
        })
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

    /// [`Ctx::token_at`] searched forward from token `from`, for offsets asked in increasing
    /// order (mentions, quotes): steps doubling from `from`, then halves, so that the tokens read
    /// are near the previous answer rather than all over a long text's tokens. Any `from` gives
    /// the same answer: one past the answer falls back to the search over all tokens.
    pub fn token_at_from(&self, byte: usize, from: usize) -> usize {
        let tokens = &self.doc.tokens;
        if from > tokens.len() || (from > 0 && tokens[from - 1].start >= byte) {
            return self.token_at(byte);
        }
        // Every token before `lo` starts before `byte`.
        let (mut lo, mut step) = (from, 1);
        while lo + step <= tokens.len() && tokens[lo + step - 1].start < byte {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(tokens.len());
        lo + tokens[lo..hi].partition_point(|t| t.start < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;

    #[test]
    fn token_at_from_agrees_with_token_at() {
        let doc = Document::new("Le président, « vraiment », a dit lundi à Paris : non.", Lang::Fr);
        let ctx = Ctx::new(&doc);
        for byte in 0..=doc.text.len() + 1 {
            for from in 0..=ctx.len() + 1 {
                assert_eq!(ctx.token_at_from(byte, from), ctx.token_at(byte), "byte {byte} from {from}");
            }
        }
    }

    #[test]
    fn words_capitalised_mid_sentence_include_capitals_and_elided_articles() {
        let doc = Document::new("Selon Diop, le FMI et L’Express. Selon lui, Diop ment. École", Lang::Fr);
        let ctx = Ctx::new(&doc);
        let upper = ctx.upper_mid_sentence();
        assert!(upper.contains("diop") && upper.contains("fmi") && upper.contains("l'"));
        assert!(!upper.contains("selon") && !upper.contains("ecole"));
    }
}
