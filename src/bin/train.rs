//! Trains the tagger's weights file for one language from the shared corpora (train splits only)
//! and the spaCy-labelled silver file. See data/model/README.md for the exact commands.
//!
//! ```text
//! cargo run --release --features train --bin train -- --lang fr [--corpora ../shared/corpora/ner]
//!     [--silver data/corpora-silver/wikineural-val-fr.spacy.jsonl.gz[,more.jsonl.gz]] [--out data/model/ner-fr.bin]
//!     [--extra data/model/sequoia-er.jsonl] [--extra-weight 1.0]
//!     [--buckets 131072] [--epochs 3] [--silver-weight 0.3] [--seeds 1[,2,3]] [--prune 0.8] [--exact-above 8]
//!     [--holdout K] [--prune-report 0.5,0.8,1.1]
//! ```
//! `--prune-report` also scores the weights quantised with each of those prune thresholds
//! (dev F1, held-out F1, gzip -9 size), to choose `--prune` in one run.
//! `--holdout K` (for choosing settings, never for the shipped weights) keeps the gold training
//! sentences with `i % 5 == K` out of training and reports them as a second dev set: English's
//! only dev set (HIPE-2020) is OCRed 19th-century text, unlike most of what the tagger reads.
//! Reads `.gz` files through `zcat`, so the library needs no gzip crate.

use lexopt::prelude::*;
use manchette::entities::tagger::corpus::{self, prepare, prepare_text, Counts, Prepared, Rebuilt, Sentence};
use manchette::entities::tagger::model::{quantise, Model};
use manchette::entities::tagger::perceptron::{Example, Perceptron, Rng};
use std::process::{exit, Command};

fn read(path: &str) -> String {
    let out = if path.ends_with(".gz") {
        Command::new("zcat").arg(path).output().map(|o| o.stdout)
    } else {
        std::fs::read(path)
    };
    match out {
        Ok(bytes) if !bytes.is_empty() => String::from_utf8_lossy(&bytes).into_owned(),
        _ => {
            eprintln!("cannot read {path}");
            exit(1)
        }
    }
}

/// Silver lines: {"text": ..., "ents": [[start, end, "PER"], ...]} with byte offsets.
fn read_silver(path: &str) -> Vec<Prepared> {
    let mut out = Vec::new();
    for line in read(path).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(text) = v["text"].as_str() else { continue };
        let mut spans = Vec::new();
        for e in v["ents"].as_array().into_iter().flatten() {
            let (Some(a), Some(b), Some(k)) =
                (e[0].as_u64(), e[1].as_u64(), e[2].as_str().and_then(corpus::entity_type))
            else {
                continue;
            };
            spans.push((a as usize, b as usize, k));
        }
        out.push(prepare_text(Rebuilt { text: text.to_string(), offsets: Vec::new() }, &spans));
    }
    out
}

/// Size of `bytes` after `gzip -9` (0 if gzip cannot run).
fn gzip_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    use std::process::Stdio;
    let Ok(mut child) = Command::new("gzip").arg("-9").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()
    else {
        return 0;
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().map(|o| o.stdout.len()).unwrap_or(0);
    let _ = writer.join();
    out
}

struct Args {
    lang: String,
    corpora: String,
    silver: Option<String>,
    /// Gold sentences in the silver files' JSON lines (Sequoia's, `scripts/ner/sequoia.py`).
    extra: Option<String>,
    extra_weight: f32,
    out: String,
    buckets: u32,
    epochs: usize,
    silver_weight: f32,
    seeds: Vec<u64>,
    prune: f32,
    exact_above: f32,
    structured: bool,
    holdout: Option<usize>,
    prune_report: Vec<f32>,
}

const USAGE: &str = "usage: train --lang fr|en [--corpora DIR] [--silver FILE[,FILE...]|none] [--out FILE]
    [--extra FILE[,FILE...]|none] [--extra-weight X]
    [--buckets N] [--epochs N] [--silver-weight X] [--seeds N[,N...]] [--prune X] [--exact-above X]
    [--train-decode viterbi|greedy] [--holdout K] [--prune-report X[,X...]]
  Trains the tagger's weights file for one language (data/model/README.md has the commands).";

/// A comma-separated list of numbers ("1,2,3").
fn list<T: std::str::FromStr>(value: std::ffi::OsString) -> Result<Vec<T>, lexopt::Error>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let value = value.string()?;
    value
        .split(',')
        .map(|x| x.parse().map_err(|e| lexopt::Error::from(format!("cannot parse {x:?} in {value:?}: {e}"))))
        .collect()
}

/// `None` for `--help`.
fn read_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Option<Args>, lexopt::Error> {
    let mut a = Args {
        lang: "fr".into(),
        corpora: "../shared/corpora/ner".into(),
        silver: None,
        extra: None,
        extra_weight: 1.0,
        out: String::new(),
        buckets: 1 << 17,
        epochs: 3,
        silver_weight: 0.3,
        seeds: vec![1],
        prune: 0.8,
        exact_above: 8.0,
        structured: true,
        holdout: None,
        prune_report: Vec::new(),
    };
    let mut silver_given = false;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("lang") => a.lang = parser.value()?.string()?,
            Long("corpora") => a.corpora = parser.value()?.string()?,
            Long("silver") => {
                silver_given = true;
                a.silver = Some(parser.value()?.string()?).filter(|s| s != "none");
            }
            Long("extra") => a.extra = Some(parser.value()?.string()?).filter(|s| s != "none"),
            Long("extra-weight") => a.extra_weight = parser.value()?.parse()?,
            Long("out") => a.out = parser.value()?.string()?,
            Long("buckets") => a.buckets = parser.value()?.parse()?,
            Long("epochs") => a.epochs = parser.value()?.parse()?,
            Long("silver-weight") => a.silver_weight = parser.value()?.parse()?,
            Long("seed" | "seeds") => a.seeds = list(parser.value()?)?,
            Long("prune") => a.prune = parser.value()?.parse()?,
            Long("exact-above") => a.exact_above = parser.value()?.parse()?,
            Long("train-decode") => {
                a.structured = match parser.value()?.string()?.as_str() {
                    "greedy" => false,
                    "viterbi" => true,
                    other => return Err(format!("--train-decode is viterbi or greedy, not {other:?}").into()),
                }
            }
            Long("holdout") => a.holdout = Some(parser.value()?.parse()?),
            Long("prune-report") => a.prune_report = list(parser.value()?)?,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    if a.out.is_empty() {
        a.out = format!("data/model/ner-{}.bin", a.lang);
    }
    if a.silver.is_none() && !silver_given {
        // English: the same sentences labelled by en_core_web_sm and by en_core_web_md.
        a.silver = Some(match a.lang.as_str() {
            "en" => "data/corpora-silver/wikineural-val-en-sm.spacy.jsonl.gz,data/corpora-silver/wikineural-val-en-md.spacy.jsonl.gz".into(),
            lang => format!("data/corpora-silver/wikineural-val-{lang}.spacy.jsonl.gz"),
        });
    }
    Ok(Some(a))
}

fn parse_args() -> Args {
    match read_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            exit(0)
        }
        Err(e) => {
            eprintln!("train: {e}\n{USAGE}");
            exit(2)
        }
    }
}

fn evaluate<S: manchette::entities::tagger::model::Scorer>(
    scorer: &S,
    dev: &[(Sentence, Prepared)],
    greedy: bool,
) -> Counts {
    let mut counts = Counts::default();
    for (s, p) in dev {
        let spans = corpus::predict_with(scorer, p, greedy);
        counts.add(&corpus::to_corpus_spans(&p.rebuilt.offsets, &spans), &s.spans);
    }
    counts
}

fn main() {
    let a = parse_args();
    let c = &a.corpora;
    // (sentences, weight) of the gold training sets; dev sets for the per-epoch report.
    let mut gold: Vec<Sentence> = Vec::new();
    let mut dev: Vec<Sentence> = Vec::new();
    match a.lang.as_str() {
        "fr" => {
            let europeana = corpus::read_europeana(&read(&format!("{c}/europeana-fr/enp_FR.bnf.bio.gz")));
            let (train, europeana_dev) = corpus::europeana_train_dev(europeana);
            gold.extend(train);
            dev.extend(europeana_dev);
            gold.extend(corpus::read_hipe(&read(&format!(
                "{c}/newseye-fr/HIPE-2022-v2.1-newseye-dev2-fr.tsv.gz"
            ))));
            dev.extend(corpus::read_hipe(&read(&format!(
                "{c}/newseye-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv.gz"
            ))));
        }
        "en" => {
            gold.extend(corpus::read_columns(&read(&format!("{c}/uner-en/en_ewt-ud-dev.iob2.gz"))));
            dev.extend(corpus::read_hipe(&read(&format!("{c}/hipe2020-en/HIPE-data-v1.4-dev-en.tsv.gz"))));
        }
        other => {
            eprintln!("unknown language {other}");
            exit(2)
        }
    }
    let mut held: Vec<Sentence> = Vec::new();
    if let Some(k) = a.holdout {
        let all = std::mem::take(&mut gold);
        for (i, s) in all.into_iter().enumerate() {
            if i % 5 == k {
                held.push(s)
            } else {
                gold.push(s)
            }
        }
    }
    let mut prepared: Vec<(Prepared, f32)> = gold.iter().map(|s| (prepare(s), 1.0)).collect();
    for path in a.extra.iter().flat_map(|s| s.split(',')) {
        prepared.extend(read_silver(path).into_iter().map(|p| (p, a.extra_weight)));
    }
    let n_gold = prepared.len();
    // Several silver files may be given, comma-separated; each counts with the silver weight.
    for path in a.silver.iter().flat_map(|s| s.split(',')) {
        prepared.extend(read_silver(path).into_iter().map(|p| (p, a.silver_weight)));
    }
    let tokens: usize = prepared.iter().map(|(p, _)| p.tokens.len()).sum();
    eprintln!(
        "{}: {} gold + {} silver sentences, {} tokens; dev {} sentences; buckets {}, epochs {}, silver weight {}",
        a.lang,
        n_gold,
        prepared.len() - n_gold,
        tokens,
        dev.len(),
        a.buckets,
        a.epochs,
        a.silver_weight
    );
    let examples: Vec<Example> = prepared
        .into_iter()
        .filter(|(p, _)| !p.words.is_empty())
        .map(|(p, w)| Example::new(p.words, p.tags, w, a.buckets))
        .collect();
    let with_prepared = |v: Vec<Sentence>| -> Vec<(Sentence, Prepared)> {
        v.into_iter()
            .map(|s| {
                let p = prepare(&s);
                (s, p)
            })
            .collect()
    };
    let dev = with_prepared(dev);
    let held = with_prepared(held);
    // One averaged perceptron per seed; several seeds (`--seeds 1,2,3`) are averaged into one
    // weight table (the same linear features, so the mean is a model too).
    let mut weights: Vec<f32> = Vec::new();
    for &seed in &a.seeds {
        let mut model = Perceptron::new(a.buckets);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        for epoch in 1..=a.epochs {
            rng.shuffle(&mut order);
            let errors = if a.structured {
                model.epoch_viterbi(&examples, &order)
            } else {
                model.epoch(&examples, &order)
            };
            let avg = Perceptron::with_weights(a.buckets, model.averaged());
            let (_, _, f) = evaluate(&avg, &dev, !a.structured).prf(None);
            let held_f = if held.is_empty() {
                String::new()
            } else {
                format!(", held-out gold F1 {:.3}", evaluate(&avg, &held, !a.structured).prf(None).2)
            };
            eprintln!("seed {seed} epoch {epoch}: {errors} training errors, dev F1 {f:.3}{held_f}");
        }
        let w = model.averaged();
        if weights.is_empty() {
            weights = w;
        } else {
            for (a, b) in weights.iter_mut().zip(w) {
                *a += b;
            }
        }
    }
    let n = a.seeds.len().max(1) as f32;
    if n > 1.0 {
        for w in weights.iter_mut() {
            *w /= n;
        }
    }
    eprint!(
        "float, dev:\n{}",
        evaluate(&Perceptron::with_weights(a.buckets, weights.clone()), &dev, !a.structured).report()
    );
    for &floor in &a.prune_report {
        let bytes = quantise(&weights, a.buckets, floor, a.exact_above);
        let Some(q) = Model::parse(&bytes) else { continue };
        let gz = gzip_size(&bytes);
        let held_f = if held.is_empty() {
            String::new()
        } else {
            format!(", held-out gold F1 {:.3}", evaluate(&q, &held, !a.structured).prf(None).2)
        };
        eprintln!(
            "prune {floor}: dev F1 {:.3}{held_f}, {} bytes, gzip -9 {gz} bytes",
            evaluate(&q, &dev, !a.structured).prf(None).2,
            bytes.len()
        );
    }
    let bytes = quantise(&weights, a.buckets, a.prune, a.exact_above);
    let Some(q) = Model::parse(&bytes) else {
        eprintln!("quantised model does not parse");
        exit(1)
    };
    eprint!("quantised, dev:\n{}", evaluate(&q, &dev, !a.structured).report());
    if !held.is_empty() {
        eprint!("quantised, held-out gold:\n{}", evaluate(&q, &held, !a.structured).report());
    }
    if let Err(e) = std::fs::write(&a.out, &bytes) {
        eprintln!("cannot write {}: {e}", a.out);
        exit(1);
    }
    eprintln!("wrote {} ({} bytes)", a.out, bytes.len());
}
