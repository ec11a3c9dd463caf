//! The statistical sequence tagger: proposes typed name spans over the document's tokens.
//! (Interface only until the trained model lands; see the entities pipeline in `mod.rs`.)

use crate::analysis::EntityType;
use crate::document::Document;

/// A name the tagger proposes: tokens `first..=last` of `Document::tokens`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaggedSpan {
    pub first: usize,
    pub last: usize,
    pub kind: EntityType,
    /// 0.0 to 1.0, the model's confidence in the span and its type.
    pub confidence: f32,
}

/// Tags every sentence of `doc` with the model of `doc.lang`, sorted and non-overlapping.
pub fn tag_document(_doc: &Document) -> Vec<TaggedSpan> {
    Vec::new()
}
