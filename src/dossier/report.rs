//! The serialisable view of a dossier, offsets in the caller's unit (code points for the CLI,
//! UTF-16 units for JavaScript), each article's result exactly as `analyze` reports it.

use super::{Dossier, Merged};
use crate::analysis::EntityType;
use crate::report::Report;
use crate::text::{OffsetMap, OffsetUnit, Span};
use serde::Serialize;

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct DossierReport {
    pub articles: Vec<ArticleOut>,
    pub referents: Vec<ReferentOut>,
    pub speakers: Vec<SpeakerOut>,
    pub timeline: Vec<TimelineOut>,
}

/// One article: its `analyze` result (whose `id` is the article's id) and its file.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ArticleOut {
    #[serde(flatten)]
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ReferentOut {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    /// Per article where it appears: the article id and its number of mentions there.
    pub articles: Vec<ArticleCount>,
    pub mentions: Vec<MentionOut>,
    pub boilerplate: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ArticleCount {
    pub article: String,
    pub mentions: usize,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct MentionOut {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "is_false")]
    pub boilerplate: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SpeakerOut {
    /// Index into `referents`, when the speaker is one of them.
    pub referent: Option<usize>,
    pub speaker: String,
    pub quotes: Vec<QuoteRef>,
}

/// A quote in its article: `quote` indexes that article's `quotes`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct QuoteRef {
    pub article: String,
    pub quote: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct TimelineOut {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO 8601 at the text's precision.
    pub value: String,
    /// `day`, `month` or `year`.
    pub precision: &'static str,
    pub sentence: Option<String>,
    pub sentence_start: Option<usize>,
    pub sentence_end: Option<usize>,
    /// Indices into `referents` named in the sentence.
    pub referents: Vec<usize>,
    #[serde(skip_serializing_if = "is_false")]
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
            .map(|a| {
                let mut report = Report::new(&a.text, &a.analysis, unit);
                report.id = Some(a.id.clone());
                ArticleOut { report, file: a.file.clone() }
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
                        let span = articles[a].analysis.quotes[q].span;
                        QuoteRef {
                            article: ids[a].to_string(),
                            quote: q,
                            start: maps[a].convert(span.start),
                            end: maps[a].convert(span.end),
                            text: slice(a, span),
                        }
                    })
                    .collect(),
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
                        (Some(_), Some(_)) => "day",
                        (Some(_), None) => "month",
                        _ => "year",
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
