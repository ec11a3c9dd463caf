//! Scores article extraction on saved web pages: `html_eval [DIR]` (default `tests/pages`) reads
//! `DIR/expected.tsv` (page, language, publication date, headline) and, for each page,
//! `DIR/PAGE.html` and its reference body `DIR/PAGE.body.txt`; it prints, per page and overall,
//! the word-level F1 of the article's body lines against the reference, and whether the headline
//! and the reference date (from the page's metadata) are right. The figures are the README's.
//! `html_eval --show PAGE.html` prints one page's lines with their roles.

use manchette::html::score::{read_expected, score_page};
use manchette::{analyze_html, Options};
use std::path::PathBuf;
use std::process::ExitCode;

fn read(path: PathBuf) -> Result<String, String> {
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn show(file: &str) -> Result<(), String> {
    let html = read(file.into())?;
    let (page, analysis) = analyze_html(&html, &Options::default()).map_err(|e| e.to_string())?;
    for b in &analysis.blocks {
        println!("{:<11} {}", format!("{:?}", b.kind), b.span.slice(&page.text));
    }
    Ok(())
}

fn report(dir: PathBuf) -> Result<(), String> {
    let expected = read(dir.join("expected.tsv"))?;
    let (mut n, mut f1_sum, mut heads, mut dates) = (0, 0.0, 0, 0);
    let (mut dated_in_metadata, mut dates_from_metadata) = (0, 0);
    let (mut got_words, mut want_words, mut common) = (0.0, 0.0, 0.0);
    println!("{:<24} {:>5} {:>5} {:>5}  headline  date", "page", "P", "R", "F1");
    for e in read_expected(&expected) {
        let e = e.ok_or("expected.tsv: a line without four tab-separated columns")?;
        let html = read(dir.join(format!("{}.html", e.page)))?;
        let reference = read(dir.join(format!("{}.body.txt", e.page)))?;
        let (page, analysis) =
            analyze_html(&html, &Options::default()).map_err(|x| format!("{}: {x}", e.page))?;
        let s = score_page(&page, &analysis, &reference, &e);
        let date = s.date.clone().unwrap_or_default();
        println!(
            "{:<24} {:>5.3} {:>5.3} {:>5.3}  {:<8}  {}",
            e.page,
            s.words.precision,
            s.words.recall,
            s.words.f1,
            if s.headline_ok { "ok" } else { "WRONG" },
            if s.date_ok { "ok".to_string() } else { format!("WRONG ({date})") }
        );
        if !s.headline_ok {
            println!("    headline: {:?}", s.headline);
        }
        n += 1;
        f1_sum += s.words.f1;
        heads += s.headline_ok as usize;
        dates += s.date_ok as usize;
        dated_in_metadata += e.date_in_metadata as usize;
        dates_from_metadata += (s.date_ok && e.date_in_metadata) as usize;
        got_words += s.body_words as f64;
        want_words += s.reference_words as f64;
        common += s.words.precision * s.body_words as f64;
    }
    let (p, r) = (common / got_words.max(1.0), common / want_words.max(1.0));
    println!(
        "overall: {n} pages, mean word F1 {:.3} (micro {:.3}), headline {heads}/{n}, date {dates}/{n} \
         (from the metadata on {dates_from_metadata}/{dated_in_metadata} pages whose metadata has one)",
        f1_sum / n.max(1) as f64,
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match &args[..] {
        [flag, file] if flag == "--show" => show(file),
        [] => report("tests/pages".into()),
        [dir] => report(dir.into()),
        _ => Err("usage: html_eval [DIR] | html_eval --show PAGE.html".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("html_eval: {e}");
            ExitCode::FAILURE
        }
    }
}
