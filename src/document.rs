//! The analysed text with the tokenisation every extractor shares.

use crate::analysis::Lang;
use crate::facts::{Facts, TokenFacts};
use crate::text::{split_sentences, tokenize, BitSet, FoldTable, FoldedTokens, Span, Token};
use std::cell::OnceCell;
use std::ops::Range;

pub struct Document<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub tokens: Vec<Token>,
    /// Token index ranges, covering all tokens in order.
    pub sentences: Vec<Range<usize>>,
    /// The first token of each sentence, for rules that ask it of every token.
    pub(crate) sentence_starts: BitSet,
    /// The tokens folded, made on first use ([`Document::folded`]).
    pub folded: OnceCell<FoldTable>,
    /// Capitalisation and sentence-start facts, each made on first use ([`Document::facts`]).
    pub facts: TokenFacts,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, lang: Lang) -> Document<'a> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let mut sentence_starts = BitSet::new(tokens.len());
        for s in &sentences {
            sentence_starts.insert(s.start);
        }
        Document {
            text,
            lang,
            tokens,
            sentences,
            sentence_starts,
            folded: OnceCell::new(),
            facts: TokenFacts::default(),
        }
    }

    /// Whether token `i` opens a sentence (false past the last token).
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.sentence_starts.contains(i)
    }

    /// The index in `sentences` of the sentence holding token `i` (`sentences.len()` past the
    /// last token): a binary search, so that no table per token is needed.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }

    /// Every token folded for look-ups, computed once for all the extractors.
    pub fn folded(&self) -> FoldedTokens<'_> {
        let table = self.folded.get_or_init(|| FoldTable::new(self.text, &self.tokens));
        FoldedTokens::new(self.text, &self.tokens, table)
    }

    /// Capitalisation and sentence-start facts of every token, computed once for all the
    /// extractors.
    pub fn facts(&self) -> Facts<'_, 'a> {
        Facts::new(self, &self.facts)
    }

    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The byte span from the start of token `first` to the end of token `last` (inclusive).
    pub fn token_span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].start, self.tokens[last].end)
    }

    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }
}
