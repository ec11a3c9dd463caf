//! The serialisable view of an [`Analysis`]: text slices included, offsets in the caller's unit.
//! The CLI writes it as JSON (code points, the format of the gold files); the JavaScript API
//! returns it as objects (UTF-16 units). Field names are the JSON keys.

use crate::analysis::{Analysis, BlockKind, EntityType, Lang, ReferenceDateSource, Resolution};
use crate::html::Page;
use crate::text::{OffsetMap, OffsetUnit, Span};
use serde::Serialize;

/// For `skip_serializing_if`: a flag that is false is left out of the JSON.
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

/// The result of an analysis as the CLI and the JavaScript API return it: offsets in code points
/// in the CLI's JSON, in UTF-16 code units in JavaScript.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Analysis"))]
#[non_exhaustive]
pub struct Report {
    /// The document's name, set by the CLI (the file's stem or the `--jsonl` line's id).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(skip))] // never set in JavaScript
    pub id: Option<String>,
    /// The language whose rules were used.
    pub lang: Lang,
    /// 0.5 to 1; 1 when the caller chose the language.
    pub lang_confidence: f32,
    /// The publication date used, as `YYYY-MM-DD`.
    pub reference_date: Option<String>,
    /// Where it came from.
    pub reference_date_source: ReferenceDateSource,
    /// Why this date, in words.
    pub reference_date_note: String,
    /// The headline's text.
    pub headline: Option<String>,
    /// The authors' names, from the byline.
    pub authors: Vec<String>,
    /// The outlet the article comes from.
    pub source: Option<String>,
    /// Every mention of an entity, in text order.
    pub entities: Vec<EntityOut>,
    /// The direct quotes, in text order.
    pub quotes: Vec<QuoteOut>,
    /// The date expressions, in text order.
    pub dates: Vec<DateOut>,
    /// One row per entity, in order of first mention.
    pub clusters: Vec<ClusterOut>,
    /// The text's non-blank lines with their role.
    pub blocks: Vec<BlockOut>,
    /// The text every offset indexes, when it is not the caller's own input: the article text
    /// read from a web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub text: Option<String>,
}

/// One mention of an entity; `text` is the input between `start` and `end`.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "EntityMention"))]
#[non_exhaustive]
pub struct EntityOut {
    /// Where the name starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// The entity's type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest name the article gives the entity.
    pub canonical: String,
    /// Index into `clusters`.
    pub cluster: usize,
    /// In page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// A direct quote and its speaker; `text` is the input between `start` and `end`, without the
/// quotation marks.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Quote"))]
#[non_exhaustive]
pub struct QuoteOut {
    /// Where the quoted words start.
    pub start: usize,
    /// Where they end (exclusive).
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Canonical name of the speaker, or null when the article names no one.
    pub speaker: Option<String>,
    /// Index into `clusters` when the speaker is one of the entities.
    pub speaker_cluster: Option<usize>,
    /// Where the words attributing the quote start ("le président", "il").
    pub speaker_start: Option<usize>,
    /// Where they end (exclusive).
    pub speaker_end: Option<usize>,
    /// Those words.
    pub speaker_text: Option<String>,
    /// Where the verb or introducer that marks the attribution starts ("a déclaré", "selon").
    pub cue_start: Option<usize>,
    /// Where it ends (exclusive).
    pub cue_end: Option<usize>,
    /// How the speaker was found.
    pub resolution: Resolution,
    /// 0 to 1; at 0.8 and above the speaker was right at least 95 % of the time on real news.
    pub confidence: f32,
    /// In page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// A date expression and its value; `text` is the input between `start` and `end`.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "DateMention"))]
#[non_exhaustive]
pub struct DateOut {
    /// Where the expression starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// ISO 8601 at the precision the text gives, or null when it cannot be resolved.
    pub value: Option<String>,
    /// In page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// One entity with all its mentions.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Cluster"))]
#[non_exhaustive]
pub struct ClusterOut {
    /// The fullest name the article gives it.
    pub canonical: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Roles and titles found next to its name ("ministre de la Défense").
    pub roles: Vec<String>,
    /// Indices into `entities` (the mentions), in text order.
    pub mentions: Vec<usize>,
    /// Every mention is in page boilerplate.
    pub boilerplate: bool,
}

/// A line or run of lines of the page with its role.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Block"))]
#[non_exhaustive]
pub struct BlockOut {
    /// Where the line starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// Its role.
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
                cue_start: q.cue.map(|s| at(s.start)),
                cue_end: q.cue.map(|s| at(s.end)),
                resolution: q.resolution,
                confidence: q.confidence,
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
