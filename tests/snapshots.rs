//! Snapshots of the CLI's JSON (code point offsets, the gold reference dates given) for the five
//! sample articles of ../shared/gold and the 40 articles of ../shared/news-dev, beside the F1
//! floors of tests/golden.rs: any change of behaviour, even above the floors, shows as a diff of
//! tests/snapshots/*.snap. To accept an intended change, run
//! `INSTA_UPDATE=always cargo test --test snapshots` and review the diff before committing it.
//! With `CI=true` a mismatch fails and nothing is written.
#![cfg(not(target_arch = "wasm32"))] // native: reads ../shared

mod common;
use common::*;

/// The snapshot of each article is named after it, in the same text as `manchette analyze
/// --out-dir` writes.
fn assert_snapshots(articles: &[GoldArticle]) {
    for article in articles {
        let json = serde_json::to_string_pretty(&report(article, true)).unwrap();
        insta::assert_snapshot!(article.name.as_str(), json);
    }
}

#[test]
fn sample_articles_match_their_snapshots() {
    assert_snapshots(&gold_articles());
}

#[test]
fn news_dev_articles_match_their_snapshots() {
    assert_snapshots(&news_dev_articles());
}
