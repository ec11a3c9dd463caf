//! Progress reporting over a long text: the fraction only grows and ends at 1.0, the stages come
//! in order, the long stages report from inside their loops (throttled by bytes), and the result
//! is exactly `analyze`'s.

mod common;

use manchette::progress::REPORT_EVERY;
use manchette::{analyze, analyze_with_progress, Options, Progress, Stage};

/// The sample articles, joined and repeated to about 420 KB (several `REPORT_EVERY`s).
fn long_text() -> String {
    let one: String = common::gold_articles().iter().map(|a| a.text.clone() + "\n\n").collect();
    one.repeat(24)
}

fn reports(text: &str, options: &Options) -> (Vec<Progress>, manchette::Analysis) {
    let mut seen = Vec::new();
    let analysis = analyze_with_progress(text, options, &mut |p| seen.push(p));
    (seen, analysis)
}

#[test]
fn progress_over_a_long_text_grows_to_one_and_changes_nothing() {
    let text = long_text();
    assert!(text.len() > 6 * REPORT_EVERY);
    let options = Options::default();
    let (seen, analysis) = reports(&text, &options);
    assert_eq!(analysis, analyze(&text, &options), "the same result with and without progress");

    assert_eq!(seen[0], Progress { stage: Stage::Language, fraction: 0.0 });
    assert_eq!(seen.last().map(|p| p.fraction), Some(1.0));
    assert!(seen[..seen.len() - 1].iter().all(|p| (0.0..1.0).contains(&p.fraction)), "1.0 only at the end");
    for w in seen.windows(2) {
        assert!(w[0].fraction <= w[1].fraction, "the fraction went back: {:?} then {:?}", w[0], w[1]);
        assert!(w[0].stage <= w[1].stage, "stages out of order: {:?} then {:?}", w[0], w[1]);
    }
    for stage in Stage::ALL {
        assert!(seen.iter().any(|p| p.stage == stage), "{stage:?} is reported");
    }

    // The tagger, most of the time, reports sentence by sentence, once per REPORT_EVERY bytes.
    let steps = text.len() / REPORT_EVERY;
    let tagging: Vec<f64> = seen.iter().filter(|p| p.stage == Stage::Tagging).map(|p| p.fraction).collect();
    assert!(
        tagging.len() >= steps && tagging.len() <= steps + 2,
        "{} tagging reports for {steps} steps",
        tagging.len()
    );
    assert!(tagging.windows(2).all(|w| w[0] < w[1]), "{tagging:?}");
    let quotes = seen.iter().filter(|p| p.stage == Stage::Quotes).count();
    assert!(quotes >= 3, "the quotes report from inside their loop too ({quotes} reports)");
}

#[test]
fn every_article_gives_the_same_result_with_progress() {
    for article in common::gold_articles() {
        for options in
            [Options::default(), Options { reference_date: article.reference_date(), ..Options::default() }]
        {
            let (seen, analysis) = reports(&article.text, &options);
            assert_eq!(analysis, analyze(&article.text, &options), "{}", article.name);
            // A short text: each stage once at its start, then 1.0.
            let stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
            assert_eq!(stages[..Stage::ALL.len()], Stage::ALL, "{}", article.name);
            assert_eq!(seen.len(), Stage::ALL.len() + 1, "{}", article.name);
            assert_eq!(seen.last().map(|p| p.fraction), Some(1.0));
        }
    }
    let (seen, _) = reports("", &Options::default());
    assert_eq!(seen.last().map(|p| p.fraction), Some(1.0), "an empty text still ends at 1.0");
}
