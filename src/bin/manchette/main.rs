//! The command-line interface: `manchette analyze [OPTIONS] FILE...` and
//! `manchette dossier [OPTIONS] FILE...`.
//! Offsets in its JSON are code points, as in the gold files (`../shared/gold/SCHEMA.md`).

use manchette::html::{decode_page, Page};
use manchette::report::Report;
use manchette::OffsetUnit;
use manchette::{analyze_checked, analyze_html, check_is_text, Analysis, Options};
use std::ffi::OsString;
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
  line gives {\"id\", \"error\"} and the run goes on.
       manchette dossier [--reference-date YYYY-MM-DD] [--lang fr|en|auto] [--out FILE] [--csv DIR] FILE...
  Analyses every FILE (text or web page; each with its own publication date, found in it unless
  given) and merges them: one JSON with `articles` (each the `analyze` result plus `id` and
  `file`), `referents`, `speakers` and `timeline` (code point offsets), on standard output or in
  FILE; --csv DIR also writes articles.csv, people.csv, quotes.csv and timeline.csv (UTF-8 with BOM).";

// Native only: rayon is not linked into wasm32 builds (which `wasm-pack test` makes of every target).
#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod dossier;

/// What to run, its values checked.
enum Command {
    Analyze(Args),
    #[cfg(not(target_arch = "wasm32"))]
    Dossier(dossier::DossierArgs),
}

struct Args {
    options: Options,
    out_dir: Option<PathBuf>,
    files: Vec<String>,
    jsonl: bool,
    html: bool,
}

/// The command line as typed, before its values are checked.
#[derive(Default)]
struct CommandLine {
    /// `analyze` (false) or `dossier` (true).
    dossier: bool,
    help: bool,
    out: Option<PathBuf>,
    csv_dir: Option<PathBuf>,
    reference_date: Option<String>,
    lang: Option<String>,
    out_dir: Option<PathBuf>,
    files: Vec<String>,
    jsonl: bool,
    html: bool,
}

fn read_command_line(args: impl IntoIterator<Item = OsString>) -> Result<CommandLine, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut line = CommandLine::default();
    match parser.next()? {
        Some(Value(command)) if command == "analyze" => {}
        Some(Value(command)) if command == "dossier" => line.dossier = true,
        Some(Short('h') | Long("help")) => {
            line.help = true;
            return Ok(line);
        }
        Some(Value(other)) => return Err(format!("unknown command {other:?}").into()),
        Some(other) => return Err(other.unexpected()),
        None => return Err("no command".into()),
    }
    while let Some(arg) = parser.next()? {
        match arg {
            Long("reference-date") => line.reference_date = Some(parser.value()?.string()?),
            Long("lang") => line.lang = Some(parser.value()?.string()?),
            Long("out-dir") if !line.dossier => line.out_dir = Some(parser.value()?.into()),
            Long("jsonl") if !line.dossier => line.jsonl = true,
            Long("html") if !line.dossier => line.html = true,
            Long("out") if line.dossier => line.out = Some(parser.value()?.into()),
            Long("csv") if line.dossier => line.csv_dir = Some(parser.value()?.into()),
            Short('h') | Long("help") => line.help = true,
            Value(file) => line.files.push(file.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(line)
}

/// `None` for `--help`.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Command>, String> {
    let line = read_command_line(args).map_err(|e| format!("{e}\n{USAGE}"))?;
    if line.help {
        return Ok(None);
    }
    let options =
        Options::parse(line.reference_date.as_deref(), line.lang.as_deref()).map_err(|e| e.to_string())?;
    if line.dossier {
        if line.files.is_empty() {
            return Err(format!("no input file\n{USAGE}"));
        }
        #[cfg(not(target_arch = "wasm32"))]
        return Ok(Some(Command::Dossier(dossier::DossierArgs {
            options,
            files: line.files,
            out: line.out,
            csv_dir: line.csv_dir,
        })));
        #[cfg(target_arch = "wasm32")]
        return Err("dossier needs the native build".into());
    }
    let CommandLine { out_dir, files, jsonl, html, .. } = line;
    if jsonl && (!files.is_empty() || out_dir.is_some()) {
        return Err(format!("--jsonl reads standard input and takes no FILE or --out-dir\n{USAGE}"));
    }
    if files.is_empty() && !jsonl {
        return Err(format!("no input file\n{USAGE}"));
    }
    Ok(Some(Command::Analyze(Args { options, out_dir, files, jsonl, html })))
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

/// What was analysed: a text as given, or a web page read as an article.
enum Input {
    Text(String),
    Page(Page),
}

impl Input {
    /// A dossier's article of `analysis`: a page keeps its blocks and metadata, as the page's
    /// `Dossier.addHtml` does (native only).
    #[cfg(not(target_arch = "wasm32"))]
    fn into_article(self, id: String, analysis: Analysis) -> manchette::dossier::Article {
        use manchette::dossier::Article;
        match self {
            Input::Text(text) => Article::new(id, text, analysis),
            Input::Page(page) => Article::of_page(id, page, analysis),
        }
    }
}

/// Reads the file `name` and analyses it, as a web page when `html`.
fn analyze_file(name: &str, html: bool, options: &Options) -> Result<(Input, Analysis), String> {
    let input = read_input(name, html)?;
    let analysed = if html {
        analyze_html(&input, options).map(|(page, analysis)| (Input::Page(page), analysis))
    } else {
        analyze_checked(&input, options).map(|analysis| (Input::Text(input), analysis))
    };
    analysed.map_err(|e| format!("{name}: {e}"))
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

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Analyze(args) => run_analyze(args),
        #[cfg(not(target_arch = "wasm32"))]
        Command::Dossier(args) => dossier::run(&args, |name| {
            analyze_file(name, is_html_name(name), &args.options)
                .map(|(input, analysis)| input.into_article(stem(name), analysis))
        }),
    }
}

fn run_analyze(args: Args) -> Result<(), String> {
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
        let mut report = match analyze_file(name, args.html || is_html_name(name), &args.options)? {
            (Input::Page(page), analysis) => Report::of_page(&page, &analysis, OffsetUnit::CodePoint),
            (Input::Text(text), analysis) => Report::new(&text, &analysis, OffsetUnit::CodePoint),
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
    let result = parse_args(std::env::args_os().skip(1)).and_then(|args| match args {
        Some(args) => run(args),
        None => {
            println!("{USAGE}");
            Ok(())
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("manchette: {message}");
            ExitCode::FAILURE
        }
    }
}
