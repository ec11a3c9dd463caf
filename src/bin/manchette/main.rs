//! The command-line interface: `manchette analyze [OPTIONS] FILE...`.
//! Offsets in its JSON are code points, as in the gold files (`../shared/gold/SCHEMA.md`).

use manchette::html::charset::decode_page;
use manchette::report::Report;
use manchette::text::OffsetUnit;
use manchette::{analyze_checked, analyze_html, check_is_text, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: manchette analyze [--reference-date YYYY-MM-DD] [--lang fr|en|auto] [--html] [--out-dir DIR] FILE...
       manchette analyze --jsonl [--reference-date YYYY-MM-DD] [--lang fr|en|auto] < LINES
  Analyses each FILE (`-` reads standard input). Without --out-dir, prints one JSON object per
  file on its own line; with it, writes DIR/NAME.json for each NAME.txt (code point offsets).
  A web page (.html, .htm, .xhtml, or any FILE with --html) is read as an article: its JSON also
  carries \"text\", the article text every offset indexes. A PDF, image, archive or other
  binary file is refused with its type named.
  With --jsonl, reads lines {\"id\", \"text\" or \"html\", \"reference_date\"?, \"lang\"?} from
  standard input and writes one result line per input line, in order, using every core; a bad
  line gives {\"id\", \"error\"} and the run goes on.";

// Native only: rayon is not linked into wasm32 builds (which `wasm-pack test` makes of every target).
#[cfg(not(target_arch = "wasm32"))]
mod batch;

struct Args {
    options: Options,
    out_dir: Option<PathBuf>,
    files: Vec<String>,
    jsonl: bool,
    html: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("analyze") => {}
        Some("-h") | Some("--help") | None => return Err(USAGE.into()),
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
    let (mut date, mut lang, mut out_dir, mut files, mut jsonl, mut html) =
        (None, None, None, Vec::new(), false, false);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--reference-date" => date = Some(value("--reference-date")?),
            "--lang" => lang = Some(value("--lang")?),
            "--out-dir" => out_dir = Some(PathBuf::from(value("--out-dir")?)),
            "--jsonl" => jsonl = true,
            "--html" => html = true,
            "-h" | "--help" => return Err(USAGE.into()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => files.push(arg),
        }
    }
    if jsonl && (!files.is_empty() || out_dir.is_some()) {
        return Err(format!("--jsonl reads standard input and takes no FILE or --out-dir\n{USAGE}"));
    }
    if files.is_empty() && !jsonl {
        return Err(format!("no input file\n{USAGE}"));
    }
    let options = Options::parse(date.as_deref(), lang.as_deref()).map_err(|e| e.to_string())?;
    Ok(Args { options, out_dir, files, jsonl, html })
}

/// Reads a file (or standard input) as text; a web page that is not UTF-8 is decoded from its
/// declared Western encoding.
fn read_input(name: &str, html: bool) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(name).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    check_is_text(&bytes).map_err(|e| format!("{name}: {e}"))?;
    if html {
        return Ok(decode_page(&bytes).into_owned());
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("{name}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

/// Whether a file is a web page by its extension.
fn is_html_name(name: &str) -> bool {
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"))
}

fn stem(name: &str) -> String {
    if name == "-" {
        return "stdin".into();
    }
    Path::new(name).file_stem().map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned())
}

fn run(args: Args) -> Result<(), String> {
    if args.jsonl {
        #[cfg(not(target_arch = "wasm32"))]
        return batch::run(std::io::stdin().lock(), std::io::stdout().lock(), &args.options);
        #[cfg(target_arch = "wasm32")]
        return Err("--jsonl needs the native build".into());
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for name in &args.files {
        let html = args.html || is_html_name(name);
        let text = read_input(name, html)?;
        let mut report = if html {
            let (page, analysis) = analyze_html(&text, &args.options).map_err(|e| format!("{name}: {e}"))?;
            Report::of_page(&page, &analysis, OffsetUnit::CodePoint)
        } else {
            let analysis = analyze_checked(&text, &args.options).map_err(|e| format!("{name}: {e}"))?;
            Report::new(&text, &analysis, OffsetUnit::CodePoint)
        };
        report.id = Some(stem(name));
        match &args.out_dir {
            Some(dir) => {
                let path = dir.join(format!("{}.json", stem(name)));
                let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                std::fs::write(&path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
            }
            None => {
                let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
                writeln!(out, "{json}").map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("manchette: {message}");
            ExitCode::FAILURE
        }
    }
}
