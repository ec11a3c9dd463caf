//! Direct quotes and who said them.

pub mod lexicon;
pub mod spans;

use crate::analysis::{Entity, Mention, Quote};
use crate::document::Document;
use crate::structure::Structure;

/// Every direct quote, sorted by position, with its speaker resolved through `entities`.
pub fn extract(
    _doc: &Document,
    _structure: &Structure,
    _entities: &[Entity],
    _mentions: &[Mention],
) -> Vec<Quote> {
    Vec::new()
}
