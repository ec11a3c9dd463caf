//! Article structure: the page's lines classified as headline, byline, dateline, body or
//! boilerplate, and the metadata they give.
//!
//! - [`lines`] cuts the page into trimmed non-blank lines and measures their shape;
//! - [`phrases`] knows navigation, sharing and legal wording (`data/structure/`);
//! - [`navigation`] knows menus, breadcrumbs and share bars by their shape;
//! - [`metadata`] recognises datelines, bylines and source lines;
//! - [`classify`] finds the article's densest run of running text and gives every line a role.
//!
//! Everything is linear in the text's length and never panics.

pub mod classify;
pub mod lines;
pub mod metadata;
pub mod navigation;
pub mod phrases;

use crate::analysis::{Block, BlockKind, Metadata};
use crate::document::Document;
use crate::text::Span;
use classify::Preset;
use lines::Line;

pub struct Structure {
    /// Sorted, not overlapping; one per non-blank line (a scraped header is cut off its line).
    pub blocks: Vec<Block>,
    pub metadata: Metadata,
}

impl Structure {
    /// Whether `span` lies mostly (at least half of it) inside boilerplate blocks; an empty span,
    /// whether it sits in one. O(log n) plus the blocks the span crosses.
    pub fn is_boilerplate(&self, span: Span) -> bool {
        let i = self.blocks.partition_point(|b| b.span.end <= span.start);
        if span.is_empty() {
            return self.blocks.get(i).is_some_and(|b| {
                b.kind == BlockKind::Boilerplate && b.span.start <= span.start && span.start < b.span.end
            });
        }
        let mut inside = 0;
        for b in self.blocks[i.min(self.blocks.len())..].iter().take_while(|b| b.span.start < span.end) {
            if b.kind == BlockKind::Boilerplate {
                inside += b.span.end.min(span.end).saturating_sub(b.span.start.max(span.start));
            }
        }
        2 * inside >= span.len() && inside > 0
    }

    /// The role of the line at byte `at`, if a block covers it.
    pub fn kind_at(&self, at: usize) -> Option<BlockKind> {
        let i = self.blocks.partition_point(|b| b.span.end <= at);
        self.blocks.get(i).filter(|b| b.span.start <= at).map(|b| b.kind)
    }
}

/// How many of the first lines may open with a scraped header ("date 2025-06 Une délégation…").
const HEADER_LINES: usize = 5;

/// Cuts a labelled date off the start of one of the first lines when running text follows it
/// on the same line, as scrapers leave it: "date 2025-06 Une délégation malienne…".
fn split_header_prefixes(text: &str, lines: Vec<Line>) -> (Vec<Line>, Vec<Option<Preset>>) {
    let mut out = Vec::with_capacity(lines.len() + 1);
    let mut presets = Vec::with_capacity(lines.len() + 1);
    for (k, line) in lines.into_iter().enumerate() {
        let s = line.text(text);
        let scan = if k < HEADER_LINES { metadata::scan_date(s) } else { None };
        if let Some(scan) = scan.filter(|sc| sc.labelled && !sc.whole) {
            let rest = &s[scan.len..];
            let body = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ':' | ',' | '·')
            });
            let opens = body.chars().next().is_some_and(|c| c.is_uppercase() || matches!(c, '«' | '"' | '“'));
            if opens && body.split_whitespace().nth(7).is_some() {
                let head = Span::new(line.span.start, line.span.start + scan.len);
                let body_start = line.span.end - body.len();
                out.push(Line::measure(text, head));
                presets.push(Some(if scan.machine { Preset::MachineDate } else { Preset::Dateline }));
                out.push(Line::measure(text, Span::new(body_start, line.span.end)));
                presets.push(None);
                continue;
            }
        }
        out.push(line);
        presets.push(None);
    }
    (out, presets)
}

/// Splits the text into lines and gives each its role.
pub fn analyze(doc: &Document) -> Structure {
    let (lines, presets) = split_header_prefixes(doc.text, lines::split_lines(doc.text));
    let (kinds, metadata) = classify::classify(doc.text, &lines, &presets);
    let blocks = lines.iter().zip(kinds).map(|(l, kind)| Block { span: l.span, kind }).collect();
    Structure { blocks, metadata }
}

// Unit tests run natively; proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
