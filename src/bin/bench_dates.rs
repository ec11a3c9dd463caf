//! Date-extraction throughput over the sample articles repeated to about 10 MB.
//! A benchmark to run by hand, not a timed test:
//!
//!     cargo run --release --features bench --bin bench_dates [GOLD_DIR] [MEGABYTES]
//!
//! Prints MB/s for (a) the articles one by one with their gold reference dates, tokenising
//! included; (b) the date step alone on already tokenised articles; (c) one big document.

use manchette::document::Document;
use manchette::{dates, structure, CivilDate, Lang};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

const USAGE: &str = "usage: bench_dates [GOLD_DIR] [MEGABYTES]
  Date-extraction MB/s over the articles of GOLD_DIR (default ../shared/gold) repeated to
  MEGABYTES (default 10).";

/// The gold directory and the size to reach; `None` for `--help`.
fn read_args(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Result<Option<(PathBuf, f64)>, lexopt::Error> {
    use lexopt::prelude::*;
    let (mut dir, mut target_mb) = (None, None);
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Value(v) if dir.is_none() => dir = Some(PathBuf::from(v)),
            Value(v) if target_mb.is_none() => target_mb = Some(v.parse()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/gold"));
    Ok(Some((dir, target_mb.unwrap_or(10.0))))
}

fn main() {
    let (dir, target_mb) = match read_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("bench_dates: {e}\n{USAGE}");
            std::process::exit(2)
        }
    };
    let mut articles: Vec<(String, Option<CivilDate>)> = Vec::new();
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    paths.sort();
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        let reference = std::fs::read_to_string(p.with_extension("json"))
            .ok()
            .and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok())
            .and_then(|v| v["reference_date"].as_str().and_then(CivilDate::parse_iso));
        articles.push((text, reference));
    }
    let one_pass: usize = articles.iter().map(|(t, _)| t.len()).sum();
    if one_pass == 0 {
        eprintln!("no articles in {}", dir.display());
        std::process::exit(2);
    }
    let repeats = ((target_mb * 1e6) / one_pass as f64).ceil().max(1.0) as usize;
    let total = one_pass * repeats;
    let mb = total as f64 / 1e6;
    println!("{} articles, {} bytes, repeated {repeats}x = {mb:.1} MB", articles.len(), one_pass);

    // (a) Articles one by one: tokenise + structure + dates (what `analyze` spends on dates).
    let mut found = 0usize;
    let t = Instant::now();
    for _ in 0..repeats {
        for (text, reference) in &articles {
            let doc = Document::new(text, Lang::Fr);
            let st = structure::analyze(&doc);
            let (_, d) = dates::analyze(&doc, &st, *reference);
            found += black_box(d).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("tokenise + dates, per article : {:8.1} MB/s  ({found} dates, {secs:.2} s)", mb / secs);

    // (b) The date step alone, on tokenised articles.
    let docs: Vec<_> = articles.iter().map(|(t, r)| (Document::new(t, Lang::Fr), *r)).collect();
    let structs: Vec<_> = docs.iter().map(|(d, _)| structure::analyze(d)).collect();
    let t = Instant::now();
    let mut found = 0usize;
    for _ in 0..repeats {
        for ((doc, reference), st) in docs.iter().zip(&structs) {
            found += black_box(dates::analyze(doc, st, *reference)).1.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("dates only (pre-tokenised)    : {:8.1} MB/s  ({found} dates, {secs:.2} s)", mb / secs);

    // (c) One ~10 MB document, reference date found in the text (checks linear time).
    let big: String =
        (0..repeats).flat_map(|_| articles.iter().map(|(t, _)| t.as_str())).collect::<Vec<_>>().join("\n\n");
    let t = Instant::now();
    let doc = Document::new(&big, Lang::Fr);
    let st = structure::analyze(&doc);
    let (reference, d) = dates::analyze(&doc, &st, None);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "one {:.1} MB document, no ref  : {:8.1} MB/s  ({} dates, reference {:?}, {secs:.2} s)",
        big.len() as f64 / 1e6,
        big.len() as f64 / 1e6 / secs,
        d.len(),
        reference.date.map(|x| x.to_string())
    );
}
