//! Golden tests over the sample articles in ../shared/gold and the held-out articles in
//! tests/heldout: output invariants, and floors on the scores (raised as the extractors improve;
//! ../shared/eval/score.py gives the exact figures: `bash scripts/score.sh [tests/heldout]`).
#![cfg(not(target_arch = "wasm32"))] // native: reads files, spawns processes or uses proptest

mod common;
use common::*;
use serde_json::Value;

/// Every item's `text` is the code point slice [start, end) of the article.
fn check_spans(article: &GoldArticle, pred: &Value) {
    let chars: Vec<char> = article.text.chars().collect();
    for kind in ["entities", "quotes", "dates"] {
        let items = pred[kind].as_array().unwrap();
        let mut last_start = 0;
        for item in items {
            let (s, e) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            assert!(s < e && e <= chars.len(), "{}: bad {kind} span {s}..{e}", article.name);
            let slice: String = chars[s..e].iter().collect();
            assert_eq!(item["text"].as_str().unwrap(), slice, "{}: {kind} text", article.name);
            assert!(s >= last_start, "{}: {kind} not sorted", article.name);
            last_start = s;
        }
    }
    let ents = pred["entities"].as_array().unwrap();
    for w in ents.windows(2) {
        assert!(w[0]["end"].as_u64() <= w[1]["start"].as_u64(), "{}: entities overlap", article.name);
    }
}

#[test]
fn outputs_are_well_formed_on_every_sample_article() {
    for article in gold_articles().into_iter().chain(heldout_articles()) {
        for with_ref in [true, false] {
            let pred = predict(&article, with_ref);
            check_spans(&article, &pred);
            assert_eq!(pred["lang"], article.gold["lang"], "{}: language", article.name);
        }
    }
}

/// Scores over `articles` with the gold reference dates.
fn totals(articles: &[GoldArticle]) -> (Counts, Counts, Counts, Counts) {
    let (mut strict, mut lenient, mut quotes, mut dates) = Default::default();
    for article in articles {
        let pred = predict(article, true);
        let arr = |v: &Value, k: &str| v[k].as_array().cloned().unwrap_or_default();
        let gold_ents = article.items("entities");
        Counts::add(&mut strict, score_entities(&gold_ents, &arr(&pred, "entities"), true));
        Counts::add(&mut lenient, score_entities(&gold_ents, &arr(&pred, "entities"), false));
        Counts::add(&mut quotes, score_quotes(&article.items("quotes"), &arr(&pred, "quotes"), &gold_ents));
        Counts::add(&mut dates, score_dates(&article.items("dates"), &arr(&pred, "dates")));
    }
    (strict, lenient, quotes, dates)
}

/// Fails with every figure under its floor named.
fn assert_floors(what: &str, articles: &[GoldArticle], floors: [f64; 6]) {
    let (strict, lenient, quotes, dates) = totals(articles);
    eprintln!(
        "{what}: entities strict F1 {:.3} lenient F1 {:.3} | quotes F1 {:.3} attribution {:.3} | dates F1 {:.3} value {:.3}",
        strict.f1(), lenient.f1(), quotes.f1(), quotes.accuracy(), dates.f1(), dates.accuracy()
    );
    let got = [strict.f1(), lenient.f1(), quotes.f1(), quotes.accuracy(), dates.f1(), dates.accuracy()];
    let names = [
        "entities strict F1",
        "entities lenient F1",
        "quotes span F1",
        "quotes attribution",
        "dates span F1",
        "dates value accuracy",
    ];
    let below: Vec<String> = names
        .iter()
        .zip(got.iter().zip(floors))
        .filter(|(_, (g, f))| **g < *f)
        .map(|(n, (g, f))| format!("{n}: {g:.3} is below its floor {f}"))
        .collect();
    assert!(below.is_empty(), "{what}: {}", below.join("; "));
}

/// The held-out articles: floors a little under the scores reached, so that a change that loses
/// generality on text the rules were not written from shows up here.
#[test]
fn heldout_scores_stay_above_their_floors() {
    // entities strict, lenient | quotes span, attribution | dates span, value
    assert_floors("held-out", &heldout_articles(), HELDOUT_FLOORS);
}

// Entities lenient 0.95 → 0.945 and news-dev strict 0.785 → 0.775, lenient 0.835 → 0.83 (issue 19):
// the first-order tagger, three times cheaper, scores 0.948 / 0.780 / 0.834 there (was 0.95+ /
// 0.788 / 0.841 with the second-order one; data/model/README.md).
const HELDOUT_FLOORS: [f64; 6] = [0.94, 0.945, 0.98, 0.90, 0.97, 0.96];

/// The development set of real news: floors just under the scores reached (`bash scripts/score.sh
/// ../shared/news-dev` gives the exact figures), each extractor's issue raises its own.
#[test]
fn news_dev_scores_stay_above_their_floors() {
    // entities strict, lenient | quotes span, attribution | dates span, value
    assert_floors("news-dev", &news_dev_articles(), NEWS_DEV_FLOORS);
}

// Entities strict 0.885 → 0.895, lenient 0.915 → 0.918: the tagger retrained with the merged
// gazetteers scores 0.898 / 0.921 (was 0.891 / 0.918).
const NEWS_DEV_FLOORS: [f64; 6] = [0.895, 0.918, 0.96, 0.85, 0.98, 0.985];

#[test]
fn scores_stay_above_their_floors() {
    let (strict, lenient, quotes, dates) = totals(&gold_articles());
    eprintln!(
        "entities strict F1 {:.3} lenient F1 {:.3} | quotes F1 {:.3} attribution {:.3} | dates F1 {:.3} value {:.3}",
        strict.f1(), lenient.f1(), quotes.f1(), quotes.accuracy(), dates.f1(), dates.accuracy()
    );
    // Floors: each extractor's issue raises its own.
    let floors = [
        ("entities strict F1", strict.f1(), 0.965),
        ("entities lenient F1", lenient.f1(), 0.965),
        ("quotes span F1", quotes.f1(), 0.95),
        ("quotes attribution", quotes.accuracy(), 0.93),
        ("dates span F1", dates.f1(), 0.99),
        ("dates value accuracy", dates.accuracy(), 0.99),
    ];
    for (name, got, floor) in floors {
        assert!(got >= floor, "{name}: {got:.3} is below its floor {floor}");
    }
}
