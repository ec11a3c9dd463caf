//! # manchette
//!
//! Reads a news article and finds its named entities (people, organisations, places), its direct
//! quotes with who said them, and its dates resolved to calendar values. Pure Rust: no clock,
//! no I/O, no JavaScript; the WebAssembly bindings live in one thin module.
//!
//! ```
//! use manchette::{analyze, Options, CivilDate};
//!
//! let options = Options { reference_date: CivilDate::new(2025, 6, 24), ..Options::default() };
//! let analysis = analyze("Le président a été reçu lundi 23 juin au Kremlin.", &options);
//! assert_eq!(analysis.reference_date.date, CivilDate::new(2025, 6, 24));
//! ```
//!
//! Spans are byte ranges into the text; [`report`] converts them to code points (the CLI) or
//! UTF-16 units (JavaScript).

pub mod analysis;
pub mod calendar;
pub mod dates;
pub mod document;
pub mod entities;
pub mod error;
pub mod html;
pub mod lang;
pub mod progress;
pub mod quotes;
pub mod report;
pub mod structure;
pub mod text;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm; // public only so tests/node.rs and tests/browser.rs can call the bindings

pub use analysis::*;
pub use calendar::CivilDate;
pub use error::{Error, MAX_INPUT_BYTES};
pub use progress::{Progress, Stage};
pub use text::Span;

use document::Document;
use progress::Reporter;

/// Analyses `text`. Never panics and never fails: odd input gives sparse results.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_with_progress(text, options, &mut |_| {})
}

/// [`analyze`], calling `on_progress` as the analysis goes (a few times per stage, and about
/// once per 64 KB of text in the long stages), last with a fraction of 1.0. The result is the
/// same as [`analyze`]'s.
///
/// ```
/// use manchette::{analyze, analyze_with_progress, Options};
///
/// let text = "Le président a été reçu lundi 23 juin au Kremlin.";
/// let mut fractions = Vec::new();
/// let analysis = analyze_with_progress(text, &Options::default(), &mut |p| fractions.push(p.fraction));
/// assert_eq!(fractions.last(), Some(&1.0));
/// assert_eq!(analysis, analyze(text, &Options::default()));
/// ```
pub fn analyze_with_progress(
    text: &str,
    options: &Options,
    on_progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let mut progress = Reporter::new(text.len(), on_progress);
    progress.begin(Stage::Language);
    let (lang, lang_confidence) = match options.lang {
        Some(lang) => (lang, 1.0),
        None => lang::detect(text),
    };
    progress.begin(Stage::Tokens);
    let doc = Document::new(text, lang);
    progress.begin(Stage::Structure);
    let structure = structure::analyze(&doc);
    progress.begin(Stage::Dates);
    let (reference_date, mut dates) = dates::analyze(&doc, &structure, options.reference_date);
    // These two begin their own stages (Tagging and Entities; Quotes).
    let entities::Entities { entities, mut mentions } =
        entities::extract_reporting(&doc, &structure, &mut progress);
    let mut quotes = quotes::extract_reporting(&doc, &structure, &entities, &mentions, &mut progress);
    for m in &mut mentions {
        m.boilerplate = structure.is_boilerplate(m.span);
    }
    for q in &mut quotes {
        q.boilerplate = structure.is_boilerplate(q.span);
    }
    for d in &mut dates {
        d.boilerplate = structure.is_boilerplate(d.span);
    }
    progress.finish();
    Analysis {
        lang,
        lang_confidence,
        reference_date,
        entities,
        mentions,
        quotes,
        dates,
        blocks: structure.blocks,
        metadata: structure.metadata,
    }
}

/// [`analyze`] for callers at the edge (CLI, JavaScript): refuses input over [`MAX_INPUT_BYTES`].
pub fn analyze_checked(text: &str, options: &Options) -> Result<Analysis, Error> {
    check_input_size(text)?;
    Ok(analyze(text, options))
}

/// Refuses a text over [`MAX_INPUT_BYTES`], as [`analyze_checked`] does.
pub fn check_input_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge { bytes: text.len(), max: MAX_INPUT_BYTES });
    }
    Ok(())
}

impl Options {
    /// Builds options from the strings a user types: `YYYY-MM-DD` (or empty) and
    /// `fr`/`en`/`auto` (or empty).
    pub fn parse(reference_date: Option<&str>, lang: Option<&str>) -> Result<Options, Error> {
        let reference_date = match reference_date.map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(CivilDate::parse_iso(s).ok_or_else(|| Error::InvalidDate(s.into()))?),
        };
        let lang = match lang.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            None | Some("") | Some("auto") => None,
            Some("fr") => Some(Lang::Fr),
            Some("en") => Some(Lang::En),
            Some(other) => return Err(Error::InvalidLang(other.into())),
        };
        Ok(Options { reference_date, lang })
    }
}
