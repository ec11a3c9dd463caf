//! Text primitives shared by every extractor: tokens, sentences, offsets and folding.
//! All positions inside the core are byte offsets into the original `&str`.

pub mod bits;
pub mod chars;
pub mod fold;
pub mod folded;
pub mod hash;
pub mod offsets;
pub mod sentences;
pub mod shapes;
pub mod tokenize;

pub use bits::{BitSet, ByteSet};
pub use fold::{fold, fold_char_into};
pub use folded::{FoldTable, FoldedTokens};
pub use hash::FastMap;
pub use offsets::{OffsetMap, OffsetUnit};
pub use sentences::split_sentences;
pub use shapes::KeyShapes;
pub use tokenize::{tokenize, Token, TokenKind};

use serde::Serialize;

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// `[start, end)`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Its length in bytes (0 if `end < start`).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// It covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The two share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span; empty if the span is not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}
