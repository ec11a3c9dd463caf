//! Dates: recognise calendar expressions, then resolve them against the reference date.
//!
//! - [`grammar`] (shared parts), [`grammar_fr`] and [`grammar_en`] recognise expressions over the
//!   shared tokens and name their parts (weekday, day, month, year, relative offset, anchor);
//! - [`resolve`] turns parts into ISO values given the reference date and the anchor;
//! - [`reference`] finds the reference date in the text when the caller gives none;
//! - [`lexicon`] holds the language data read from `data/dates/`: month and weekday names
//!   (`lexicon.tsv`), the grammars' function words (`keywords.tsv`), tense cues (`tense.tsv`) and
//!   fixed-day holidays (`holidays.tsv`).
//!
//! Nothing here reads the clock.

pub mod grammar;
pub mod grammar_en;
pub mod grammar_fr;
pub mod lexicon;
pub mod reference;
pub mod resolve;

use crate::analysis::{DateMention, ReferenceDate, ReferenceDateSource};
use crate::calendar::CivilDate;
use crate::document::Document;
use crate::structure::Structure;
use grammar::Scanner;

/// Finds the reference date (unless given) and every date expression.
pub fn analyze(
    doc: &Document,
    structure: &Structure,
    given: Option<CivilDate>,
) -> (ReferenceDate, Vec<DateMention>) {
    let scanner = Scanner::new(doc, doc.lang);
    let exprs = grammar::recognise(&scanner, doc.lang);
    let reference = match given {
        Some(date) => ReferenceDate {
            date: Some(date),
            source: ReferenceDateSource::Given,
            note: "given by the caller".into(),
            evidence: None,
        },
        None => reference::find(&scanner, structure, &exprs),
    };
    let mut anchor: Option<CivilDate> = None;
    let mentions = exprs
        .iter()
        .map(|e| {
            let value = resolve::resolve(e, reference.date, anchor);
            if let Some(v) = value {
                if let (Some(m), Some(d)) = (v.month, v.day) {
                    anchor = CivilDate::new(v.year, m, d);
                }
            }
            DateMention { span: e.span, value, boilerplate: false }
        })
        .collect();
    (reference, mentions)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::Lang;

    /// One example: text, reference date, expected [(span text, ISO value or "?")].
    pub type Example = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

    /// Runs a table of examples.
    pub fn check_table(lang: Lang, table: &[Example]) {
        let mut failures = Vec::new();
        for &(text, reference, expected) in table {
            let doc = Document::new(text, lang);
            let structure = crate::structure::analyze(&doc);
            let reference = CivilDate::parse_iso(reference).expect("table reference date");
            let (_, dates) = analyze(&doc, &structure, Some(reference));
            let got: Vec<(String, String)> = dates
                .iter()
                .map(|d| (d.span.slice(text).to_string(), d.value.map_or("?".into(), |v| v.iso())))
                .collect();
            let want: Vec<(String, String)> =
                expected.iter().map(|&(a, b)| (a.to_string(), b.to_string())).collect();
            if got != want {
                failures.push(format!("{text:?} @ {reference}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} examples fail:\n  {}",
            failures.len(),
            table.len(),
            failures.join("\n  ")
        );
    }
}
