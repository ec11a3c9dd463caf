//! The serialisable view of a dossier, offsets in the caller's unit (code points for the CLI,
//! UTF-16 units for JavaScript), each article's result exactly as `analyze` reports it.

use super::{Dossier, Merged};
use crate::analysis::EntityType;
use crate::report::{is_false, Report};
use crate::text::{OffsetMap, OffsetUnit, Span};
use serde::Serialize;

/// The merged view of a dossier as the CLI and the JavaScript API return it. Offsets are into
/// each item's own article: code points in the CLI's JSON, UTF-16 units in JavaScript.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "DossierResult"))]
#[non_exhaustive]
pub struct DossierReport {
    /// Every article, in the order they were added.
    pub articles: Vec<ArticleOut>,
    /// People, organisations and places across the articles, most mentioned first.
    pub referents: Vec<ReferentOut>,
    /// Quotes grouped by speaker, the most quoted first.
    pub speakers: Vec<SpeakerOut>,
    /// Every resolved date of every article, in calendar order.
    pub timeline: Vec<TimelineOut>,
}

/// One article of a dossier: its id, its `analyze` result (`analyzeHtml`'s, with `text`, for a
/// saved web page), and the file it came from.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "DossierArticle"))]
#[non_exhaustive]
pub struct ArticleOut {
    /// Unique within the dossier.
    pub id: String,
    /// The article's result, as `analyze` (or `analyzeHtml` for a page) returns it.
    #[serde(flatten)]
    pub report: Report,
    /// The file's name, when it came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub file: Option<String>,
}

/// One person, organisation or place across the articles of a dossier.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Referent"))]
#[non_exhaustive]
pub struct ReferentOut {
    /// The fullest name any article gives it.
    pub canonical: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The roles the articles give it.
    pub roles: Vec<String>,
    /// The other canonical names the articles use for it.
    pub aliases: Vec<String>,
    /// Per article where it appears: the article id and its number of mentions there.
    pub articles: Vec<ArticleCount>,
    /// Every mention, article by article, in text order.
    pub mentions: Vec<MentionOut>,
    /// Every mention is in page boilerplate.
    pub boilerplate: bool,
}

/// How often a referent is named in one article.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "ReferentCount"))]
#[non_exhaustive]
pub struct ArticleCount {
    /// The article's id.
    pub article: String,
    /// Its mentions there.
    pub mentions: usize,
    /// Every one of them is in page boilerplate (a menu, a teaser); absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// A mention of a referent, in its article.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "DossierMention"))]
#[non_exhaustive]
pub struct MentionOut {
    /// The article's id.
    pub article: String,
    /// Where the name starts in that article.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// In page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// The quotes of one speaker across the dossier.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Speaker"))]
#[non_exhaustive]
pub struct SpeakerOut {
    /// Index into `referents`, when the speaker is one of them.
    pub referent: Option<usize>,
    /// The speaker's name.
    pub speaker: String,
    /// Its quotes, article by article.
    pub quotes: Vec<QuoteRef>,
    /// Every one of its quotes is in page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// A quote in its article: `quote` indexes that article's `quotes`.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[non_exhaustive]
pub struct QuoteRef {
    /// The article's id.
    pub article: String,
    /// Index into that article's `quotes`.
    pub quote: usize,
    /// Where the quote starts in that article.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// In page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

/// How precise a date is.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DatePrecision {
    /// A calendar day.
    Day,
    /// A month of a year.
    Month,
    /// A year.
    Year,
}

impl DatePrecision {
    /// `day`, `month` or `year`, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// One resolved date of one article, with the sentence around it.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "TimelineItem"))]
#[non_exhaustive]
pub struct TimelineOut {
    /// The article's id.
    pub article: String,
    /// Where the date expression starts in that article.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The date expression as written.
    pub text: String,
    /// ISO 8601 at the text's precision.
    pub value: String,
    /// Day, month or year.
    pub precision: DatePrecision,
    /// The sentence around it.
    pub sentence: Option<String>,
    /// Where that sentence starts.
    pub sentence_start: Option<usize>,
    /// Where it ends (exclusive).
    pub sentence_end: Option<usize>,
    /// Indices into `referents` named in the sentence.
    pub referents: Vec<usize>,
    /// In page boilerplate; absent when false.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub boilerplate: bool,
}

impl DossierReport {
    /// The report of `dossier` and its `merged` view, offsets in `unit`.
    pub fn new(dossier: &Dossier, merged: &Merged, unit: OffsetUnit) -> DossierReport {
        let articles = dossier.articles();
        let maps: Vec<OffsetMap> = articles.iter().map(|a| OffsetMap::new(&a.text, unit)).collect();
        let maps = &maps;
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let ids = &ids;
        let slice = |a: usize, s: Span| s.slice(&articles[a].text).to_string();
        let articles_out = articles
            .iter()
            .map(|a| ArticleOut {
                id: a.id.clone(),
                report: match &a.page {
                    Some(page) => Report::of_page(page, &a.analysis, unit),
                    None => Report::new(&a.text, &a.analysis, unit),
                },
                file: a.file.clone(),
            })
            .collect();
        let referents = merged
            .referents
            .iter()
            .map(|r| ReferentOut {
                canonical: r.canonical.clone(),
                kind: r.kind,
                roles: r.roles.clone(),
                aliases: r.aliases.clone(),
                articles: r
                    .articles
                    .iter()
                    .map(|ra| ArticleCount {
                        article: ids[ra.article].to_string(),
                        mentions: ra.mentions.len(),
                        boilerplate: ra.boilerplate,
                    })
                    .collect(),
                mentions: r
                    .articles
                    .iter()
                    .flat_map(|ra| {
                        ra.mentions.iter().map(move |&i| {
                            let m = &articles[ra.article].analysis.mentions[i];
                            MentionOut {
                                article: ids[ra.article].to_string(),
                                start: maps[ra.article].convert(m.span.start),
                                end: maps[ra.article].convert(m.span.end),
                                text: slice(ra.article, m.span),
                                boilerplate: m.boilerplate,
                            }
                        })
                    })
                    .collect(),
                boilerplate: r.boilerplate,
            })
            .collect();
        let speakers = merged
            .speakers
            .iter()
            .map(|s| SpeakerOut {
                referent: s.referent,
                speaker: s.speaker.clone(),
                quotes: s
                    .quotes
                    .iter()
                    .map(|&(a, q)| {
                        let quote = &articles[a].analysis.quotes[q];
                        QuoteRef {
                            article: ids[a].to_string(),
                            quote: q,
                            start: maps[a].convert(quote.span.start),
                            end: maps[a].convert(quote.span.end),
                            text: slice(a, quote.span),
                            boilerplate: quote.boilerplate,
                        }
                    })
                    .collect(),
                boilerplate: s.boilerplate,
            })
            .collect();
        let timeline = merged
            .timeline
            .iter()
            .map(|t| {
                let date = &articles[t.article].analysis.dates[t.date];
                let map = &maps[t.article];
                TimelineOut {
                    article: ids[t.article].to_string(),
                    start: map.convert(date.span.start),
                    end: map.convert(date.span.end),
                    text: slice(t.article, date.span),
                    value: t.value.iso(),
                    precision: match (t.value.month, t.value.day) {
                        (Some(_), Some(_)) => DatePrecision::Day,
                        (Some(_), None) => DatePrecision::Month,
                        _ => DatePrecision::Year,
                    },
                    sentence: t.sentence.map(|s| slice(t.article, s)),
                    sentence_start: t.sentence.map(|s| map.convert(s.start)),
                    sentence_end: t.sentence.map(|s| map.convert(s.end)),
                    referents: t.referents.clone(),
                    boilerplate: date.boilerplate,
                }
            })
            .collect();
        DossierReport { articles: articles_out, referents, speakers, timeline }
    }
}
