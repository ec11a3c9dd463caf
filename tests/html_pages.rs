//! Golden test over the saved news pages of tests/pages (see its README): the article text read
//! from each page against its reference body, its headline and its publication date, with
//! floors under the figures `html_eval` reports, so a change that makes extraction worse fails.
#![cfg(not(target_arch = "wasm32"))] // native: reads files

use manchette::analysis::BlockKind;
use manchette::html::score::{read_expected, score_page};
use manchette::{analyze_html, Options};
use std::path::Path;

#[test]
fn saved_pages_read_as_their_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let (mut n, mut french, mut f1_sum, mut headlines, mut dates) = (0, 0, 0.0, 0, 0);
    for e in read_expected(&expected) {
        let e = e.expect("four tab-separated columns");
        let html = std::fs::read_to_string(dir.join(format!("{}.html", e.page))).unwrap();
        let reference = std::fs::read_to_string(dir.join(format!("{}.body.txt", e.page))).unwrap();
        let (page, analysis) = analyze_html(&html, &Options::default()).unwrap();
        let s = score_page(&page, &analysis, &reference, &e);
        assert!(s.words.f1 >= 0.93, "{}: word F1 {:.3}", e.page, s.words.f1);
        // The headline once in the article (a breadcrumb may repeat it, as boilerplate).
        let article: Vec<&str> = analysis
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Boilerplate)
            .map(|b| b.span.slice(&page.text))
            .collect();
        assert_eq!(article.iter().filter(|l| l.contains(s.headline.as_str())).count(), 1, "{}", e.page);
        n += 1;
        french += e.page.starts_with("fr-") as usize;
        f1_sum += s.words.f1;
        headlines += s.headline_ok as usize;
        dates += s.date_ok as usize;
    }
    assert!(n >= 12 && french >= 4, "{n} pages, {french} French");
    assert!(f1_sum / n as f64 >= 0.98, "mean word F1 {:.3}", f1_sum / n as f64);
    assert_eq!(headlines, n, "headlines right");
    assert_eq!(dates, n, "dates right");
}
