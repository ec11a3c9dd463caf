//! The serialisable view of an [`Analysis`]: text slices included, offsets in the caller's unit.
//! The CLI writes it as JSON (code points, the format of the gold files); the JavaScript API
//! returns it as objects (UTF-16 units).

use crate::analysis::{Analysis, BlockKind, EntityType, Lang, ReferenceDateSource};
use crate::html::Page;
use crate::text::{OffsetMap, OffsetUnit, Span};
use serde::Serialize;

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Report {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub lang: Lang,
    pub lang_confidence: f32,
    pub reference_date: Option<String>,
    pub reference_date_source: ReferenceDateSource,
    pub reference_date_note: String,
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub entities: Vec<EntityOut>,
    pub quotes: Vec<QuoteOut>,
    pub dates: Vec<DateOut>,
    /// One row per entity, in order of first mention.
    pub clusters: Vec<ClusterOut>,
    pub blocks: Vec<BlockOut>,
    /// The text every offset indexes, when it is not the caller's own input: the article text
    /// read from a web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct EntityOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub canonical: String,
    /// Index into `clusters`.
    pub cluster: usize,
    #[serde(skip_serializing_if = "is_false")]
    pub boilerplate: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    /// Index into `clusters` when the speaker is one of the entities.
    pub speaker_cluster: Option<usize>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub speaker_text: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub boilerplate: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct DateOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO 8601 at the precision the text gives, or null when it cannot be resolved.
    pub value: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub boilerplate: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ClusterOut {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub roles: Vec<String>,
    /// Indices into `entities` (the mentions), in text order.
    pub mentions: Vec<usize>,
    /// Every mention is in page boilerplate.
    pub boilerplate: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct BlockOut {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

impl Report {
    /// Builds the report of `analysis` over `text`, with offsets in `unit`.
    pub fn new(text: &str, analysis: &Analysis, unit: OffsetUnit) -> Report {
        let map = OffsetMap::new(text, unit);
        let at = |b: usize| map.convert(b);
        let slice = |s: Span| s.slice(text).to_string();
        let entities = analysis
            .mentions
            .iter()
            .map(|m| EntityOut {
                start: at(m.span.start),
                end: at(m.span.end),
                text: slice(m.span),
                kind: m.kind,
                canonical: analysis.entities.get(m.entity).map(|e| e.canonical.clone()).unwrap_or_default(),
                cluster: m.entity,
                boilerplate: m.boilerplate,
            })
            .collect();
        let quotes = analysis
            .quotes
            .iter()
            .map(|q| QuoteOut {
                start: at(q.span.start),
                end: at(q.span.end),
                text: slice(q.span),
                speaker: q.speaker.clone(),
                speaker_cluster: q.speaker_entity,
                speaker_start: q.speaker_span.map(|s| at(s.start)),
                speaker_end: q.speaker_span.map(|s| at(s.end)),
                speaker_text: q.speaker_span.map(slice),
                boilerplate: q.boilerplate,
            })
            .collect();
        let dates = analysis
            .dates
            .iter()
            .map(|d| DateOut {
                start: at(d.span.start),
                end: at(d.span.end),
                text: slice(d.span),
                value: d.value.map(|v| v.iso()),
                boilerplate: d.boilerplate,
            })
            .collect();
        let clusters = analysis
            .entities
            .iter()
            .map(|e| ClusterOut {
                canonical: e.canonical.clone(),
                kind: e.kind,
                roles: e.roles.clone(),
                mentions: e.mentions.clone(),
                boilerplate: !e.mentions.is_empty()
                    && e.mentions.iter().all(|&i| analysis.mentions.get(i).is_some_and(|m| m.boilerplate)),
            })
            .collect();
        let blocks = analysis
            .blocks
            .iter()
            .map(|b| BlockOut { start: at(b.span.start), end: at(b.span.end), kind: b.kind })
            .collect();
        let meta = &analysis.metadata;
        Report {
            id: None,
            lang: analysis.lang,
            lang_confidence: analysis.lang_confidence,
            reference_date: analysis.reference_date.date.map(|d| d.to_string()),
            reference_date_source: analysis.reference_date.source,
            reference_date_note: analysis.reference_date.note.clone(),
            headline: meta.headline.map(slice),
            authors: meta.authors.clone(),
            source: meta.source.clone(),
            entities,
            quotes,
            dates,
            clusters,
            blocks,
            text: None,
        }
    }

    /// The report of a web page's analysis: offsets index the page's article text, which the
    /// report carries as `text`.
    pub fn of_page(page: &Page, analysis: &Analysis, unit: OffsetUnit) -> Report {
        let mut report = Report::new(&page.text, analysis, unit);
        report.text = Some(page.text.clone());
        report
    }
}
