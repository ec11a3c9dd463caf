//! Article structure: the page's lines classified as headline, byline, dateline, body or
//! boilerplate, and the metadata they give.

use crate::analysis::{Block, BlockKind, Metadata};
use crate::document::Document;
use crate::text::Span;

pub struct Structure {
    pub blocks: Vec<Block>,
    pub metadata: Metadata,
}

impl Structure {
    /// Whether `span` lies mostly inside a boilerplate block.
    pub fn is_boilerplate(&self, span: Span) -> bool {
        let i = self.blocks.partition_point(|b| b.span.end <= span.start);
        self.blocks
            .get(i)
            .is_some_and(|b| b.kind == BlockKind::Boilerplate && b.span.overlaps(&span))
    }
}

/// Splits the text into non-blank lines (one block each).
pub fn analyze(doc: &Document) -> Structure {
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in doc.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let s = start + lead;
            blocks.push(Block { span: Span::new(s, s + trimmed.len()), kind: BlockKind::Body });
        }
        start += line.len();
    }
    Structure { blocks, metadata: Metadata::default() }
}
