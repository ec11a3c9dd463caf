//! Strict PER/ORG/LOC scores of the tagger (or, with `--pipeline`, of `manchette::analyze`'s
//! mentions) on an IOB file: eval-sample TSV, UNER/WikiNEuRal columns or HIPE TSV (`.gz` read
//! through `zcat`).
//!
//! ```text
//! cargo run --release --features train --bin ner_eval -- ../shared/corpora/ner/eval-sample/fr.tsv [--lang fr|en] [--pipeline] [--errors]
//!     [--format auto|hipe|columns|europeana-dev]
//! ```
//! `--format auto` (the default) reads HIPE TSV when the file starts with its header, else
//! columns; `europeana-dev` reads Europeana's `enp_FR.bnf.bio.gz` and keeps its dev split only
//! (README §2 of the corpora), so the pipeline can be tuned without touching test data.
//! Each sentence is joined back into text (corpus spacing when the file has it), analysed as a
//! document, and the predicted byte spans are mapped back to the corpus tokens.

use manchette::analysis::{EntityType, Lang};
use manchette::document::Document;
use manchette::entities::tagger::corpus::{self, Counts, Sentence};
use manchette::entities::tagger::tag_document;
use manchette::{analyze, Options};
use std::collections::BTreeMap;
use std::process::{exit, Command};

const USAGE: &str = "usage: ner_eval FILE [--lang fr|en] [--pipeline] [--errors] [--format auto|hipe|columns|europeana-dev]
  Strict PER/ORG/LOC scores of the tagger (of the whole pipeline with --pipeline) on FILE (.gz read with zcat).";

struct Args {
    file: String,
    lang: Option<Lang>,
    pipeline: bool,
    errors: bool,
    format: String,
}

/// `None` for `--help`.
fn read_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let (mut file, mut lang, mut pipeline, mut errors, mut format) =
        (None, None, false, false, String::from("auto"));
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("lang") => {
                lang = match parser.value()?.string()?.as_str() {
                    "fr" => Some(Lang::Fr),
                    "en" => Some(Lang::En),
                    other => return Err(format!("--lang is fr or en, not {other:?}").into()),
                }
            }
            Long("format") => format = parser.value()?.string()?,
            Long("pipeline") => pipeline = true,
            Long("errors") => errors = true,
            Short('h') | Long("help") => return Ok(None),
            Value(v) if file.is_none() => file = Some(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    if !["auto", "hipe", "columns", "europeana-dev"].contains(&format.as_str()) {
        return Err(format!("unknown --format {format:?}").into());
    }
    let file = file.ok_or("no input FILE")?;
    Ok(Some(Args { file, lang, pipeline, errors, format }))
}

fn main() {
    let Args { file, lang, pipeline, errors, format } = match read_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            exit(0)
        }
        Err(e) => {
            eprintln!("ner_eval: {e}\n{USAGE}");
            exit(2)
        }
    };
    let lang = lang.unwrap_or(if file.contains("en") && !file.contains("fr") { Lang::En } else { Lang::Fr });
    let bytes = if file.ends_with(".gz") {
        Command::new("zcat").arg(&file).output().map(|o| o.stdout)
    } else {
        std::fs::read(&file)
    };
    let text = match bytes {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            exit(1)
        }
    };
    // Group eval-sample sentences by their `# source` line, to report each source too.
    let mut sources: Vec<(String, Vec<Sentence>)> = Vec::new();
    let hipe = format == "hipe" || (format == "auto" && text.starts_with("TOKEN\t"));
    if hipe {
        sources.push((file.clone(), corpus::read_hipe(&text)));
    } else if format == "europeana-dev" {
        sources.push((file.clone(), corpus::europeana_train_dev(corpus::read_europeana(&text)).1));
    } else if format != "auto" && format != "columns" {
        eprintln!("unknown --format {format}");
        exit(2)
    } else {
        let mut chunk = String::new();
        let mut name = String::new();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("# source = ") {
                let src = rest.split(' ').next().unwrap_or("").to_string();
                if src != name {
                    if !chunk.is_empty() {
                        sources.push((name.clone(), corpus::read_columns(&chunk)));
                    }
                    chunk.clear();
                    name = src;
                }
            }
            chunk.push_str(line);
            chunk.push('\n');
        }
        if !chunk.is_empty() {
            sources.push((if name.is_empty() { file.clone() } else { name }, corpus::read_columns(&chunk)));
        }
    }
    let options = Options { lang: Some(lang), ..Options::default() };
    let mut total = Counts::default();
    let mut per_source = BTreeMap::new();
    for (name, sentences) in &sources {
        let mut counts = Counts::default();
        for s in sentences {
            let rebuilt = corpus::rebuild(s);
            let predicted: Vec<(usize, usize, EntityType)> = if pipeline {
                analyze(&rebuilt.text, &options)
                    .mentions
                    .iter()
                    .map(|m| (m.span.start, m.span.end, m.kind))
                    .collect()
            } else {
                let doc = Document::new(&rebuilt.text, lang);
                tag_document(&doc)
                    .iter()
                    .map(|t| (doc.tokens[t.first].start, doc.tokens[t.last].end, t.kind))
                    .collect()
            };
            let spans = corpus::to_corpus_spans(&rebuilt.offsets, &predicted);
            counts.add(&spans, &s.spans);
            if errors {
                let show = |(a, b, k): &(usize, usize, EntityType)| {
                    format!("{}:{}", k.as_str(), s.tokens.get(*a..*b).map_or("?".into(), |t| t.join(" ")))
                };
                let fp: Vec<String> = spans.iter().filter(|x| !s.spans.contains(x)).map(show).collect();
                let fn_: Vec<String> = s.spans.iter().filter(|x| !spans.contains(x)).map(show).collect();
                if !fp.is_empty() || !fn_.is_empty() {
                    println!("{name}\n  FP {fp:?}\n  FN {fn_:?}");
                }
            }
            total.add(&spans, &s.spans);
        }
        per_source.insert(name.clone(), counts);
    }
    if per_source.len() > 1 {
        for (name, c) in &per_source {
            let (p, r, f) = c.prf(None);
            println!("{name}: P {p:.3} R {r:.3} F1 {f:.3}");
        }
    }
    println!("{} ({}, {}):", file, lang.code(), if pipeline { "pipeline" } else { "tagger" });
    print!("{}", total.report());
}
