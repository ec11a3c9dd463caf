//! Native benchmark: MB/s for the full analysis and each extractor alone over the sample articles
//! repeated to 1 MB and 10 MB, peak memory, and the `--jsonl` batch throughput.
//!
//! `cargo run --release --features bench --bin bench -- [GOLD_DIR] [--json OUT.json]`
//!
//! `bench [GOLD_DIR] --stages BYTES` runs each stage once, each in a function of its own, for
//! instruction counts that load does not blur:
//! `valgrind --tool=callgrind --callgrind-out-file=cg.out target/release/bench ../shared/gold --stages 1000000`
//! then `callgrind_annotate --inclusive=yes cg.out | grep bench::stage_`.
//!
//! `bench [GOLD_DIR] --articles N` analyses each sample article N times, as the page does one
//! article after another, and then converts the results as the JavaScript API does: per-call
//! costs under callgrind (`callgrind_annotate --inclusive=yes cg.out | grep bench::article_`).

use manchette::document::Document;
use manchette::structure::Structure;
use manchette::{analyze, dates, entities, lang, quotes, structure, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes live and their peak, for `--memory` (heap bytes per
/// stage; `--peak-of` reads the resident size instead, which includes the allocator's slack).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// Off but in `--memory` mode, so that the instruction counts of the other modes stay those of
/// the plain allocator but for a test and a branch.
static COUNTING: AtomicBool = AtomicBool::new(false);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Relaxed) {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Relaxed) {
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if p.is_null() || !COUNTING.load(Relaxed) {
            return p;
        }
        if new_size > layout.size() {
            // Growing may move the block, holding both for a moment.
            grew(new_size);
            LIVE.fetch_sub(layout.size(), Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        p
    }
}

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(live, Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap bytes live now.
fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}

/// The peak of live heap bytes since the last call, which restarts it from the bytes live now.
fn take_peak() -> usize {
    PEAK.swap(LIVE.load(Relaxed), Relaxed)
}

/// The text of every `.txt` under `dir`, joined by blank lines and repeated to `target` bytes.
fn corpus(dir: &str, target: usize) -> String {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let one: String = files.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n\n").collect();
    let mut text = String::with_capacity(target + one.len());
    while text.len() < target {
        text.push_str(&one);
    }
    text
}

/// Peak resident memory of this process in bytes (Linux), reset with `reset_peak`.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb * 1024)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Best of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

// One function per stage, never inlined, so that a profiler's inclusive cost is the stage's.
#[inline(never)]
fn stage_tokenize(text: &str) -> Document<'_> {
    Document::new(text, manchette::Lang::Fr)
}
#[inline(never)]
fn stage_structure(doc: &Document) -> Structure {
    structure::analyze(doc)
}
#[inline(never)]
fn stage_dates(doc: &Document, s: &Structure, options: &Options) {
    std::hint::black_box(dates::analyze(doc, s, options.reference_date));
}
#[inline(never)]
fn stage_tagger(doc: &Document) -> Vec<entities::tagger::TaggedSpan> {
    entities::tagger::tag_document(doc)
}
#[inline(never)]
fn stage_entity_rules(doc: &Document, tagged: &[entities::tagger::TaggedSpan]) -> entities::Entities {
    entities::extract_with(doc, tagged)
}
#[inline(never)]
fn stage_quotes(doc: &Document, s: &Structure, e: &entities::Entities) {
    std::hint::black_box(quotes::extract(doc, s, &e.entities, &e.mentions));
}

/// Heap bytes per stage over `text` (`--memory BYTES`): what each stage's result keeps and the
/// peak while it runs, above the input and the tables built on first use.
fn memory_per_stage(text: &str, options: &Options) {
    // Count from here: the input, allocated before, outlives the measure.
    COUNTING.store(true, Relaxed);
    std::hint::black_box(analyze("Le président a parlé lundi à Paris.", options));
    let base = live_bytes();
    take_peak();
    let mb = |b: usize| b as f64 / 1e6;
    let row = |name: &str| {
        let (peak, live) = (take_peak(), live_bytes());
        println!(
            "{name:<28} {:>9.1} MB {:>9.1} MB",
            mb(peak.saturating_sub(base)),
            mb(live.saturating_sub(base))
        );
    };
    println!(
        "{:<28} {:>12} {:>12}   (heap above the input, {:.1} MB of text)",
        "after stage",
        "peak",
        "kept",
        mb(text.len())
    );
    let doc = stage_tokenize(text);
    row("tokenize + sentences");
    println!("  ({} tokens, {} sentences)", doc.tokens.len(), doc.sentences.len());
    doc.folded();
    row("folded tokens");
    let s = stage_structure(&doc);
    row("structure");
    stage_dates(&doc, &s, options);
    row("dates");
    let tagged = stage_tagger(&doc);
    row("tagger");
    let e = stage_entity_rules(&doc, &tagged);
    row("entity rules");
    let q = quotes::extract(&doc, &s, &e.entities, &e.mentions);
    row("quotes");
    drop((doc, s, tagged, e, q));
    row("(all dropped)");
    let analysis = analyze(text, options);
    row("analyze()");
    let report = manchette::report::Report::new(text, &analysis, manchette::text::OffsetUnit::Utf16);
    row("Report::new");
    drop(analysis);
    std::hint::black_box(serde_json::to_string(&report).map_or(0, |j| j.len()));
    row("Report to JSON");
}

#[inline(never)]
fn article_analysis(text: &str, options: &Options) -> manchette::Analysis {
    analyze(text, options)
}
#[inline(never)]
fn article_report(text: &str, analysis: &manchette::Analysis) -> manchette::report::Report {
    manchette::report::Report::new(text, analysis, manchette::text::OffsetUnit::Utf16)
}

/// Every `.txt` under `dir` with the reference date of its gold `.json`.
fn articles(dir: &str) -> Vec<(String, Options)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let gold: serde_json::Value = std::fs::read_to_string(p.with_extension("json"))
                .ok()
                .and_then(|j| serde_json::from_str(&j).ok())
                .unwrap_or_default();
            let date = gold["reference_date"].as_str();
            (std::fs::read_to_string(p).unwrap(), Options::parse(date, None).unwrap_or_default())
        })
        .collect()
}

/// Each stage once over `text`, after a first small analysis (tables built on first use).
fn run_stages_once(text: &str, options: &Options) {
    std::hint::black_box(analyze("Le président a parlé lundi à Paris.", options));
    let doc = stage_tokenize(text);
    let s = stage_structure(&doc);
    stage_dates(&doc, &s, options);
    let tagged = stage_tagger(&doc);
    let e = stage_entity_rules(&doc, &tagged);
    stage_quotes(&doc, &s, &e);
}

/// Wall-clock time of `manchette analyze --jsonl` over `lines`, on `threads` rayon threads
/// (all cores when `None`).
fn run_jsonl(exe: &std::path::Path, lines: &str, threads: Option<usize>) -> Duration {
    use std::io::Write;
    let mut command = std::process::Command::new(exe);
    command
        .args(["analyze", "--jsonl", "--reference-date", "2025-06-27"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null());
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n.to_string());
    }
    let start = Instant::now();
    let mut child = command.spawn().expect("run the CLI");
    child.stdin.take().unwrap().write_all(lines.as_bytes()).unwrap();
    child.wait().unwrap();
    start.elapsed()
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

const USAGE: &str = "usage: bench [GOLD_DIR] [--json OUT.json]
       bench [GOLD_DIR] --stages BYTES | --articles N | --memory BYTES | --peak-of BYTES
  MB/s per stage at 1 MB and 10 MB, peak memory and jsonl batch throughput over the articles of
  GOLD_DIR (default ../shared/gold) repeated; the other modes are for callgrind and memory counts.";

/// What to run; `None` for `--help`.
#[derive(Default)]
struct Args {
    gold: Option<String>,
    json_out: Option<String>,
    peak_of: Option<usize>,
    articles: Option<usize>,
    stages: Option<usize>,
    memory: Option<usize>,
}

fn read_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut a = Args::default();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("json") => a.json_out = Some(parser.value()?.string()?),
            Long("peak-of") => a.peak_of = Some(parser.value()?.parse()?),
            Long("articles") => a.articles = Some(parser.value()?.parse()?),
            Long("stages") => a.stages = Some(parser.value()?.parse()?),
            Long("memory") => a.memory = Some(parser.value()?.parse()?),
            Short('h') | Long("help") => return Ok(None),
            Value(v) if a.gold.is_none() => a.gold = Some(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(a))
}

fn main() {
    let args = match read_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("bench: {e}\n{USAGE}");
            std::process::exit(2)
        }
    };
    let gold = args.gold.clone().unwrap_or_else(|| "../shared/gold".into());
    let json_out = args.json_out.clone();
    let options = Options { reference_date: manchette::CivilDate::new(2025, 6, 27), lang: None };
    if let Some(size) = args.peak_of {
        // Child mode: analyse once and print the growth of peak memory over the loaded input.
        let text = corpus(&gold, size);
        reset_peak();
        let base = peak_rss().unwrap_or(0);
        std::hint::black_box(analyze(&text, &options));
        println!("{}", peak_rss().unwrap_or(0).saturating_sub(base));
        return;
    }
    if let Some(reps) = args.articles {
        let articles = articles(&gold);
        for _ in 0..reps {
            for (text, options) in &articles {
                let analysis = article_analysis(text, options);
                std::hint::black_box(article_report(text, &analysis));
            }
        }
        return;
    }
    if let Some(size) = args.stages {
        run_stages_once(&corpus(&gold, size), &options);
        return;
    }
    if let Some(size) = args.memory {
        memory_per_stage(&corpus(&gold, size), &options);
        return;
    }
    let mut rows = Vec::new();
    println!("{:<28} {:>10} {:>10} {:>12}", "measure", "1 MB", "10 MB", "10MB/1MB time");
    let sizes = [1_000_000usize, 10_000_000];
    let texts: Vec<String> = sizes.iter().map(|&s| corpus(&gold, s)).collect();
    type Stage = Box<dyn Fn(&str)>;
    let (full_options, reference) = (options.clone(), options.reference_date);
    let stages: Vec<(&str, Stage)> = vec![
        ("full analysis", Box::new(move |t: &str| drop(analyze(t, &full_options)))),
        ("tokenize + sentences", Box::new(|t: &str| drop(Document::new(t, manchette::Lang::Fr)))),
        (
            "language",
            Box::new(|t: &str| {
                std::hint::black_box(lang::detect(t));
            }),
        ),
        (
            "structure",
            Box::new(|t: &str| {
                let d = Document::new(t, manchette::Lang::Fr);
                drop(structure::analyze(&d))
            }),
        ),
        (
            "dates",
            Box::new(move |t: &str| {
                let d = Document::new(t, manchette::Lang::Fr);
                let s = structure::analyze(&d);
                drop(dates::analyze(&d, &s, reference))
            }),
        ),
        (
            "entities",
            Box::new(|t: &str| {
                let d = Document::new(t, manchette::Lang::Fr);
                let s = structure::analyze(&d);
                drop(entities::extract(&d, &s))
            }),
        ),
        (
            "quotes",
            Box::new(|t: &str| {
                let d = Document::new(t, manchette::Lang::Fr);
                let s = structure::analyze(&d);
                let e = entities::extract(&d, &s);
                drop(quotes::extract(&d, &s, &e.entities, &e.mentions))
            }),
        ),
    ];
    for (name, stage) in &stages {
        // Best of several runs at both sizes: a single 10 MB run against the best of three at
        // 1 MB put the ratio above its real value on a loaded machine.
        let t1 = time(3, || stage(&texts[0]));
        let t10 = time(2, || stage(&texts[1]));
        let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        println!(
            "{:<28} {:>7.1} MB/s {:>7.1} MB/s {:>10.1}x",
            name,
            mbps(texts[0].len(), t1),
            mbps(texts[1].len(), t10),
            ratio
        );
        rows.push(format!(
            "{{\"measure\":\"{name}\",\"mb_per_s_1mb\":{:.2},\"mb_per_s_10mb\":{:.2},\"ratio_10_to_1\":{:.2}}}",
            mbps(texts[0].len(), t1), mbps(texts[1].len(), t10), ratio
        ));
    }
    // Stages that include the pipeline's front (tokenising, structure) say so in their names'
    // measure: "entities" = tokenize + structure + entities.
    // Peak memory in a fresh process per size: freed memory of the runs above would hide it here.
    for size in sizes {
        let out = std::env::current_exe().ok().and_then(|exe| {
            std::process::Command::new(exe)
                .args([gold.as_str(), "--peak-of", &size.to_string()])
                .output()
                .ok()
        });
        if let Some(used) = out.and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse::<u64>().ok()) {
            println!(
                "peak memory, {} MB input: {:.1} MB above the input ({:.1} x input)",
                size / 1_000_000,
                used as f64 / 1e6,
                used as f64 / size as f64
            );
            rows.push(format!("{{\"measure\":\"peak memory {} MB\",\"bytes\":{used}}}", size / 1_000_000));
        }
    }
    // Batch mode: JSON lines through the CLI's code path, on every core (paragraphs of the
    // corpus) and on one core (the sample articles as whole documents, issue 19's measure).
    let paragraphs: Vec<&str> = texts[0].split("\n\n").filter(|p| p.len() > 200).collect();
    let paragraph_lines: String = (0..4_000)
        .map(|i| format!("{}\n", serde_json::json!({"id": i, "text": paragraphs[i % paragraphs.len()]})))
        .collect();
    let sample_articles = articles(&gold);
    let article_lines: String = (0..2_000)
        .map(|i| {
            let text = &sample_articles[i % sample_articles.len()].0;
            format!("{}\n", serde_json::json!({"id": i, "text": text}))
        })
        .collect();
    let exe = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join("manchette")));
    if let Some(exe) = exe.filter(|p| p.exists()) {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let batches = [
            ("jsonl batch", format!("jsonl batch ({cores} cores)"), &paragraph_lines, None),
            ("jsonl one core", "jsonl articles, one core".to_string(), &article_lines, Some(1)),
        ];
        for (measure, label, lines, threads) in batches {
            let d = run_jsonl(&exe, lines, threads);
            println!("{label}: {:.1} MB/s over {:.1} MB", mbps(lines.len(), d), lines.len() as f64 / 1e6);
            rows.push(format!("{{\"measure\":\"{measure}\",\"mb_per_s\":{:.2}}}", mbps(lines.len(), d)));
        }
    } else {
        println!("jsonl batch: build the manchette binary first (cargo build --release)");
    }
    if let Some(path) = json_out {
        std::fs::write(&path, format!("[{}]\n", rows.join(",\n"))).unwrap();
        println!("wrote {path}");
    }
}
