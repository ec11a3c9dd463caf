//! Scores article extraction on saved web pages: `html_eval [DIR]` (default `tests/pages`) reads
//! `DIR/expected.tsv` (page, language, publication date, headline) and, for each page,
//! `DIR/PAGE.html` and its reference body `DIR/PAGE.body.txt`; it prints, per page and overall,
//! the word-level F1 of the article's body lines against the reference, and whether the headline
//! and the reference date (from the page's metadata) are right. The figures are the README's.
//! `html_eval --show PAGE.html` prints one page's lines with their roles.

use manchette::analysis::BlockKind;
use manchette::html::score::{same_headline, word_f1};
use manchette::{analyze_html, Options};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--show PAGE` prints that page's lines with their roles instead of the scores.
    if let [flag, file] = &args[..] {
        if flag == "--show" {
            let html = std::fs::read_to_string(file).expect("page");
            let (page, analysis) = analyze_html(&html, &Options::default()).expect("a page");
            for b in &analysis.blocks {
                println!("{:<11} {}", format!("{:?}", b.kind), b.span.slice(&page.text));
            }
            return;
        }
    }
    let dir = PathBuf::from(args.first().cloned().unwrap_or_else(|| "tests/pages".into()));
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let (mut n, mut f1_sum, mut heads, mut dates, mut words_got, mut words_want, mut common) =
        (0, 0.0, 0, 0, 0.0, 0.0, 0.0);
    println!("{:<24} {:>5} {:>5} {:>5}  headline  date", "page", "P", "R", "F1");
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [name, _lang, date, headline] = cols[..] else { panic!("bad line {line:?}") };
        let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).expect("page");
        let want = std::fs::read_to_string(dir.join(format!("{name}.body.txt"))).expect("body");
        let (page, analysis) = analyze_html(&html, &Options::default()).expect("a page");
        let body: Vec<&str> = analysis
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .map(|b| b.span.slice(&page.text))
            .collect();
        let body = body.join("\n");
        let s = word_f1(&body, &want);
        let got_head = analysis.metadata.headline.map(|h| h.slice(&page.text)).unwrap_or("");
        let head_ok = same_headline(got_head, headline);
        let got_date = analysis.reference_date.date.map(|d| d.to_string()).unwrap_or_default();
        let date_ok = got_date == date;
        println!(
            "{name:<24} {:>5.3} {:>5.3} {:>5.3}  {:<8}  {}",
            s.precision,
            s.recall,
            s.f1,
            if head_ok { "ok" } else { "WRONG" },
            if date_ok { "ok".to_string() } else { format!("WRONG ({got_date})") }
        );
        if !head_ok {
            println!("    headline: {got_head:?}");
        }
        n += 1;
        f1_sum += s.f1;
        heads += head_ok as usize;
        dates += date_ok as usize;
        let (g, w) = (body.split_whitespace().count() as f64, want.split_whitespace().count() as f64);
        words_got += g;
        words_want += w;
        common += s.precision * g;
    }
    let micro_p = common / words_got.max(1.0);
    let micro_r = common / words_want.max(1.0);
    println!(
        "overall: {n} pages, mean word F1 {:.3} (micro {:.3}), headline {heads}/{n}, date {dates}/{n}",
        f1_sum / n.max(1) as f64,
        2.0 * micro_p * micro_r / (micro_p + micro_r).max(f64::MIN_POSITIVE)
    );
}
