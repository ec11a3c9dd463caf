//! Without a reference date from the caller, manchette finds the gold publication date on at
//! least four of the five sample articles, and resolves their dates well enough.

mod common;
use common::*;
use manchette::{analyze, Options, ReferenceDateSource};
use serde_json::Value;

#[test]
fn finds_the_reference_date_of_most_sample_articles() {
    let mut found = 0;
    let mut report = Vec::new();
    for article in gold_articles() {
        let analysis = analyze(&article.text, &Options::default());
        let gold = article.reference_date();
        let got = analysis.reference_date.date;
        if got.is_some() && got == gold {
            found += 1;
        }
        assert_ne!(analysis.reference_date.source, ReferenceDateSource::Given);
        report.push(format!(
            "{}: gold {:?} got {:?} ({:?}: {})",
            article.name,
            gold.map(|d| d.to_string()),
            got.map(|d| d.to_string()),
            analysis.reference_date.source,
            analysis.reference_date.note
        ));
    }
    eprintln!("{}", report.join("\n"));
    assert!(found >= 4, "reference date found on {found} of 5 articles:\n{}", report.join("\n"));
}

#[test]
fn date_values_without_reference_stay_above_their_floor() {
    let mut dates = Counts::default();
    for article in gold_articles() {
        let pred = predict(&article, false);
        let arr = |v: &Value, k: &str| v[k].as_array().cloned().unwrap_or_default();
        Counts::add(&mut dates, score_dates(&article.items("dates"), &arr(&pred, "dates")));
    }
    eprintln!("no reference: dates F1 {:.3} value {:.3}", dates.f1(), dates.accuracy());
    assert!(dates.accuracy() >= 0.90, "value accuracy without reference {:.3}", dates.accuracy());
}
