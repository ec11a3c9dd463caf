//! How close an extracted article is to a reference, for the `html_eval` report and the golden
//! test over `tests/pages`: word-level F1 (bag of words, as article-extraction benchmarks count
//! it), and headlines compared without case, punctuation or quote style.

use crate::analysis::{Analysis, BlockKind, ReferenceDateSource};
use crate::html::Page;
use std::collections::HashMap;

/// Word-level precision, recall and F1 of `got` against `want`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn bag(s: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

pub fn word_f1(got: &str, want: &str) -> WordScore {
    let (g, w) = (bag(got), bag(want));
    let common: usize = g.iter().map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0))).sum();
    let (ng, nw) = (g.values().sum::<usize>(), w.values().sum::<usize>());
    let ratio = |a: usize, b: usize| if b == 0 { (a == 0) as u8 as f64 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(common, ng), ratio(common, nw));
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    WordScore { precision, recall, f1 }
}

/// Whether two headlines are the same words (case, punctuation and quote style aside).
pub fn same_headline(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let wa = words(a);
    !wa.is_empty() && wa == words(b)
}

/// One line of `tests/pages/expected.tsv`: page, language, date, headline. The date is
/// `YYYY-MM-DD` as the page's metadata writes it, or `text:YYYY-MM-DD` when only the visible
/// text gives it.
#[derive(Clone, Debug)]
pub struct Expected {
    pub page: String,
    pub date: String,
    /// Whether the page's metadata carries the date (the date must then come from it).
    pub date_in_metadata: bool,
    pub headline: String,
}

/// The lines of an `expected.tsv` (comment lines start with `#`); `None` for a malformed one.
pub fn read_expected(tsv: &str) -> Vec<Option<Expected>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [page, _lang, date, headline] = cols[..] else { return None };
            let (date, date_in_metadata) = match date.strip_prefix("text:") {
                Some(d) => (d, false),
                None => (date, true),
            };
            Some(Expected {
                page: page.into(),
                date: date.into(),
                date_in_metadata,
                headline: headline.into(),
            })
        })
        .collect()
}

/// How one page came out against its expectations.
#[derive(Clone, Debug)]
pub struct PageScore {
    pub words: WordScore,
    /// Words in the extracted body and in the reference.
    pub body_words: usize,
    pub reference_words: usize,
    pub headline: String,
    pub headline_ok: bool,
    pub date: Option<String>,
    pub date_ok: bool,
}

/// The article's body lines, one per line.
pub fn body_text(page: &Page, analysis: &Analysis) -> String {
    let lines: Vec<&str> = analysis
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| b.span.slice(&page.text))
        .collect();
    lines.join("\n")
}

/// Scores an analysed page against the reference body and its expectations.
pub fn score_page(page: &Page, analysis: &Analysis, reference: &str, expected: &Expected) -> PageScore {
    let body = body_text(page, analysis);
    let headline = analysis.metadata.headline.map(|h| h.slice(&page.text)).unwrap_or("").to_string();
    let date = analysis.reference_date.date.map(|d| d.to_string());
    let from_metadata = analysis.reference_date.source == ReferenceDateSource::Metadata;
    PageScore {
        words: word_f1(&body, reference),
        body_words: bag(&body).values().sum(),
        reference_words: bag(reference).values().sum(),
        headline_ok: same_headline(&headline, &expected.headline),
        headline,
        date_ok: date.as_deref() == Some(expected.date.as_str())
            && (from_metadata || !expected.date_in_metadata),
        date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_words_with_repeats() {
        assert_eq!(word_f1("a b c", "a b c").f1, 1.0);
        let s = word_f1("a a b", "a b c d");
        assert_eq!((s.precision, s.recall), (2.0 / 3.0, 0.5));
        assert_eq!(word_f1("", "a").f1, 0.0);
        assert_eq!(word_f1("x y", "a b").f1, 0.0);
        assert!(same_headline("‘We had some issues,’ exec", "'we had some ISSUES' exec"));
        assert!(!same_headline("a b", "a b c"));
    }
}
