//! What `analyze` takes and returns. Spans are byte ranges into the analysed text.

use crate::calendar::CivilDate;
use crate::text::Span;
use serde::Serialize;

/// A language the extractors have rules and models for (more may come).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum Lang {
    /// French: the first language, with the most rules and the best model.
    Fr,
    /// English.
    En,
    /// Neither French nor English: the French rules are used, as the likelier fit for this tool.
    Other,
}

impl Lang {
    /// The code used in JSON and options: `"fr"`, `"en"` or `"other"`.
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

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
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

/// The publication date that relative expressions are resolved against, and why it was chosen.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReferenceDate {
    /// The date, or `None` when none was given or found.
    pub date: Option<CivilDate>,
    /// Given, read or inferred.
    pub source: ReferenceDateSource,
    /// Why this date, in words, for the reader.
    pub note: String,
    /// The text the date was read from, when there is one.
    pub evidence: Option<Span>,
}

impl ReferenceDate {
    /// No reference date: relative expressions get no value.
    pub fn none() -> ReferenceDate {
        ReferenceDate {
            date: None,
            source: ReferenceDateSource::None,
            note: "no publication date given or found".into(),
            evidence: None,
        }
    }
}

/// The type of a named entity, as in CoNLL (more may come).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum EntityType {
    /// A person.
    PER,
    /// An organisation: company, party, institution, team, newspaper.
    ORG,
    /// A place: country, city, region, building.
    LOC,
    /// Another name (event, work, product).
    MISC,
}

impl EntityType {
    /// `"PER"`, `"ORG"`, `"LOC"` or `"MISC"`, as in JSON.
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
    /// The type of the entity it names.
    pub kind: EntityType,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
    /// It sits in a boilerplate block (share links, "Lire aussi", copyright).
    pub boilerplate: bool,
}

/// An entity of the article with all the ways it is named.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The fullest name the article gives it.
    pub canonical: String,
    /// Person, organisation, place or other.
    pub kind: EntityType,
    /// Roles and titles found next to its name ("ministre de la Défense").
    pub roles: Vec<String>,
    /// Indices into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
}

/// A direct quote and who said it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words without the quotation marks.
    pub span: Span,
    /// Canonical name of the speaker, or `None` when the article names no one.
    pub speaker: Option<String>,
    /// Index into [`Analysis::entities`] when the speaker is one of them.
    pub speaker_entity: Option<usize>,
    /// The words that attribute the quote ("le président de la transition", "il").
    pub speaker_span: Option<Span>,
    /// The verb or introducer that marks the attribution ("a déclaré", "selon", "said", ":").
    pub cue: Option<Span>,
    /// How the speaker was found.
    pub resolution: Resolution,
    /// How likely the speaker is right, 0 to 1 (calibrated on real news: see the README).
    pub confidence: f32,
    /// It sits in a boilerplate block.
    pub boilerplate: bool,
}

/// How a quote's speaker was found, strongest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum Resolution {
    /// A name at the attribution ("a déclaré Jean Martin").
    Named,
    /// A role or organisation noun resolved to the person or body the article gave it
    /// ("le ministre", "son avocat", "le syndicat").
    Role,
    /// A pronoun resolved to the most salient compatible speaker ("a-t-elle dit", "selon lui").
    Pronoun,
    /// No attribution of its own: the speaker of the quote it continues.
    Continuation,
    /// A headline or standfirst quote whose speaker the body names.
    Headline,
    /// No speaker found.
    #[default]
    None,
}

/// A calendar value at the precision the text gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    /// The year (proleptic Gregorian).
    pub year: i32,
    /// 1 to 12, when the text gives the month.
    pub month: Option<u8>,
    /// Only set when `month` is.
    pub day: Option<u8>,
}

impl DateValue {
    /// A year alone ("en 2025").
    pub fn year(year: i32) -> DateValue {
        DateValue { year, month: None, day: None }
    }

    /// A month of a year ("juin 2025").
    pub fn month(year: i32, month: u8) -> DateValue {
        DateValue { year, month: Some(month), day: None }
    }

    /// A day.
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

/// A date expression of the text and its value.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DateMention {
    /// The expression ("lundi 23 juin", "hier").
    pub span: Span,
    /// `None` when the expression needs a reference date and there is none.
    pub value: Option<DateValue>,
    /// It sits in a boilerplate block.
    pub boilerplate: bool,
}

/// The role of a line of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub enum BlockKind {
    /// The article's title.
    Headline,
    /// Its authors ("Par Marie Dupont").
    Byline,
    /// Place and date of publication ("BAMAKO, 24 juin 2025").
    Dateline,
    /// The article's text.
    Body,
    /// Page furniture: menus, share links, "Lire aussi", copyright.
    Boilerplate,
}

/// A line or run of lines of the page with its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// The line or lines.
    pub span: Span,
    /// What they are.
    pub kind: BlockKind,
}

/// What the page says about the article itself.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Metadata {
    /// The headline's text.
    pub headline: Option<Span>,
    /// The authors' names, from the byline.
    pub authors: Vec<String>,
    /// The outlet the article comes from ("Info Matin").
    pub source: Option<String>,
    /// The dateline's text.
    pub dateline: Option<Span>,
}

/// Everything [`analyze`](crate::analyze) finds in a text. Spans are byte ranges into it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Analysis {
    /// The language whose rules were used (detected unless [`Options::lang`] forced it).
    pub lang: Lang,
    /// 0.0 to 1.0; 1.0 when the caller chose the language.
    pub lang_confidence: f32,
    /// The date relative expressions were resolved against.
    pub reference_date: ReferenceDate,
    /// The entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention, sorted by position, not overlapping.
    pub mentions: Vec<Mention>,
    /// Sorted by position.
    pub quotes: Vec<Quote>,
    /// Sorted by position.
    pub dates: Vec<DateMention>,
    /// Cover the text's non-blank lines in order.
    pub blocks: Vec<Block>,
    /// Headline, authors, outlet and dateline, as the page gives them.
    pub metadata: Metadata,
}
