//! What `analyze` takes and returns. Spans are byte ranges into the analysed text.

use crate::calendar::CivilDate;
use crate::text::Span;
use serde::Serialize;

/// A language the extractors have rules and models for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    /// Neither French nor English: the French rules are used, as the likelier fit for this tool.
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }
}

/// Caller's settings. `Default` is: detect the language, find the reference date in the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The publication date that relative expressions ("hier", "lundi") are resolved against.
    pub reference_date: Option<CivilDate>,
    /// `None` detects the language; `Some` forces the rules of that language.
    pub lang: Option<Lang>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceDateSource {
    /// Passed in `Options`.
    Given,
    /// Read from a dateline, header or "Publié le …" line.
    Dateline,
    /// Read from a web page's metadata (JSON-LD `datePublished`, `article:published_time`…).
    Metadata,
    /// Deduced from constraints in the text (latest full date, "hier jeudi", …).
    Inferred,
    /// None found: relative expressions get no value.
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceDate {
    pub date: Option<CivilDate>,
    pub source: ReferenceDateSource,
    /// Why this date, in words, for the reader.
    pub note: String,
    /// The text the date was read from, when there is one.
    pub evidence: Option<Span>,
}

impl ReferenceDate {
    pub fn none() -> ReferenceDate {
        ReferenceDate {
            date: None,
            source: ReferenceDateSource::None,
            note: "no publication date given or found".into(),
            evidence: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::MISC => "MISC",
        }
    }
}

/// One place where the text names an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The proper name alone, without title or determiner.
    pub span: Span,
    pub kind: EntityType,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
    pub boilerplate: bool,
}

/// An entity of the article with all the ways it is named.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The fullest name the article gives it.
    pub canonical: String,
    pub kind: EntityType,
    /// Roles and titles found next to its name ("ministre de la Défense").
    pub roles: Vec<String>,
    /// Indices into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words without the quotation marks.
    pub span: Span,
    /// Canonical name of the speaker, or `None` when the article names no one.
    pub speaker: Option<String>,
    /// Index into [`Analysis::entities`] when the speaker is one of them.
    pub speaker_entity: Option<usize>,
    /// The words that attribute the quote ("le président de la transition", "il").
    pub speaker_span: Option<Span>,
    pub boilerplate: bool,
}

/// A calendar value at the precision the text gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub year: i32,
    pub month: Option<u8>,
    /// Only set when `month` is.
    pub day: Option<u8>,
}

impl DateValue {
    pub fn year(year: i32) -> DateValue {
        DateValue { year, month: None, day: None }
    }

    pub fn month(year: i32, month: u8) -> DateValue {
        DateValue { year, month: Some(month), day: None }
    }

    pub fn day(date: CivilDate) -> DateValue {
        DateValue { year: date.year, month: Some(date.month), day: Some(date.day) }
    }

    /// ISO 8601 at this precision: "2025", "2025-06" or "2025-06-23".
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    /// `None` when the expression needs a reference date and there is none.
    pub value: Option<DateValue>,
    pub boilerplate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Headline,
    Byline,
    Dateline,
    Body,
    Boilerplate,
}

/// A line or run of lines of the page with its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// What the page says about the article itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub headline: Option<Span>,
    pub authors: Vec<String>,
    /// The outlet the article comes from ("Info Matin").
    pub source: Option<String>,
    pub dateline: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub lang: Lang,
    /// 0.0 to 1.0; 1.0 when the caller chose the language.
    pub lang_confidence: f32,
    pub reference_date: ReferenceDate,
    pub entities: Vec<Entity>,
    /// Every mention, sorted by position, not overlapping.
    pub mentions: Vec<Mention>,
    /// Sorted by position.
    pub quotes: Vec<Quote>,
    /// Sorted by position.
    pub dates: Vec<DateMention>,
    /// Cover the text's non-blank lines in order.
    pub blocks: Vec<Block>,
    pub metadata: Metadata,
}
