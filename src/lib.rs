//! # manchette
//!
//! Reads a news article and finds its named entities (people, organisations, places), its direct
//! quotes with who said them, and its dates resolved to calendar values. French first, English
//! second. Pure Rust: no clock, no I/O, no threads, no JavaScript; the WebAssembly bindings live
//! in one thin module of the same crate (built for `wasm32` only).
//!
//! # Usage
//!
//! [`analyze`] takes the text and [`Options`] and returns an [`Analysis`]:
//!
//! ```
//! use manchette::{analyze, CivilDate, EntityType, Options};
//!
//! let text = "Le président Emmanuel Macron a déclaré lundi 23 juin à Paris : « Nous irons à Bamako. »";
//! let options = Options { reference_date: CivilDate::new(2025, 6, 24), ..Options::default() };
//! let analysis = analyze(text, &options);
//!
//! // Entities: each mention points to its entity, which has a canonical name and roles.
//! let macron = &analysis.mentions[0];
//! assert_eq!(macron.span.slice(text), "Emmanuel Macron");
//! assert_eq!(macron.kind, EntityType::PER);
//! assert_eq!(analysis.entities[macron.entity].roles, ["président"]);
//!
//! // Quotes, with the speaker resolved to an entity.
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.span.slice(text), "Nous irons à Bamako.");
//! assert_eq!(quote.speaker.as_deref(), Some("Emmanuel Macron"));
//!
//! // Dates, resolved against the reference date ("lundi 23 juin" is the Monday before it).
//! let date = &analysis.dates[0];
//! assert_eq!(date.span.slice(text), "lundi 23 juin");
//! assert_eq!(date.value.map(|v| v.iso()).as_deref(), Some("2025-06-23"));
//! ```
//!
//! Without a reference date the article's own dateline or "Publié le …" line is used, or one is
//! inferred from the text; [`Analysis::reference_date`] says which and why. The library never
//! reads the clock: a caller that wants "today" passes it.
//!
//! [`analyze_with_progress`] runs the same analysis and reports its [`Progress`] (for a progress
//! bar over megabytes of text); the result is the same.
//!
//! # Offsets
//!
//! One unit inside, converted at the edge:
//!
//! | where | unit |
//! |---|---|
//! | Rust: every [`Span`] of an [`Analysis`] | bytes of UTF-8, so `&text[span.start..span.end]` |
//! | the CLI's JSON, the gold files | code points (Unicode scalar values), as Python indexes |
//! | the JavaScript API | UTF-16 code units, as JavaScript indexes |
//!
//! [`report::Report`] is the serialisable form both edges return: the same fields as JSON keys,
//! the text of every span included, offsets in the [`OffsetUnit`] asked for.
//!
//! ```
//! use manchette::report::Report;
//! use manchette::{analyze, OffsetUnit, Options};
//!
//! let text = "« Ça suffit », a lancé Zoé Durand 🎉 à Paris.";
//! let analysis = analyze(text, &Options::default());
//! let bytes = analysis.mentions.iter().find(|m| m.span.slice(text) == "Paris").unwrap().span;
//! let paris = |unit| {
//!     let report = Report::new(text, &analysis, unit);
//!     let e = report.entities.into_iter().find(|e| e.text == "Paris").unwrap();
//!     (e.start, e.end)
//! };
//! assert_eq!((bytes.start, bytes.end), (47, 52));
//! assert_eq!(paris(OffsetUnit::CodePoint), (38, 43)); // «, Ç, », é, é, 🎉, à: one each
//! assert_eq!(paris(OffsetUnit::Utf16), (39, 44)); // 🎉 is two UTF-16 units
//! ```
//!
//! # Languages
//!
//! [`Lang::Fr`] and [`Lang::En`] have their own rules, word lists and tagger model. The language
//! is detected from function words unless [`Options::lang`] forces one; a text in neither gives
//! [`Lang::Other`] and is read with the French rules.
//!
//! # Untrusted input
//!
//! Any `&str` is fine: [`analyze`] never panics and never fails (odd input gives sparse results),
//! and its time and memory are linear in the length of the text (property tests and fuzzing check
//! both). A caller that takes text from the outside should still bound its size:
//! [`analyze_checked`] refuses more than [`MAX_INPUT_BYTES`] (64 MiB), as the CLI and the
//! JavaScript API do, because a browser tab holding several copies of a larger text (input,
//! result, rendering) runs out of memory.
//!
//! # Errors
//!
//! Extraction does not fail; configuration and the size limit may, with an [`Error`]:
//!
//! ```
//! use manchette::{analyze_checked, Error, Options, MAX_INPUT_BYTES};
//!
//! assert_eq!(Options::parse(Some("2025-02-30"), None), Err(Error::InvalidDate("2025-02-30".into())));
//! assert_eq!(Options::parse(None, Some("de")), Err(Error::InvalidLang("de".into())));
//! let options = Options::parse(Some("2025-06-24"), Some("auto")).unwrap();
//!
//! let huge = " ".repeat(MAX_INPUT_BYTES + 1);
//! assert!(matches!(analyze_checked(&huge, &options), Err(Error::InputTooLarge { .. })));
//! ```
//!
//! # Cargo features
//!
//! None is on by default, and the default build is the whole library.
//!
//! - `train`: the tagger's trainer and its evaluation (the `train` and `ner_eval` binaries;
//!   `data/model/README.md` has the commands that made the shipped weights).
//! - `bench`: the stage-by-stage benchmarks (the `bench` and `bench_dates` binaries).
//! - `internals`: makes the internal modules public for the two above and the integration tests.
//!   Hidden from these docs, not part of the API, and free to change in any release.

#![warn(missing_docs)]

/// Declares the internal modules: private in the shipped library, public (and hidden from the
/// docs) with the `internals` feature, which the integration tests, the benchmarks and the trainer
/// use to reach single stages.
macro_rules! internal_modules {
    ($($module:ident),* $(,)?) => {
        $(
            // Internal types are not API: a `len` needs no `is_empty` beside it unless it is used.
            #[cfg(feature = "internals")]
            #[doc(hidden)]
            #[allow(missing_docs, clippy::len_without_is_empty)]
            pub mod $module;
            #[cfg(not(feature = "internals"))]
            #[allow(clippy::len_without_is_empty)]
            mod $module;
        )*
    };
}

internal_modules!(
    analysis, calendar, dates, document, entities, error, facts, lang, progress, quotes, structure, text,
    words
);

pub mod dossier;
pub mod html;
pub mod report;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod typescript; // writes src/report.d.ts

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm; // public only so tests/node.rs and tests/browser.rs can call the bindings

pub use analysis::{
    Analysis, Block, BlockKind, DateMention, DateValue, Entity, EntityType, Lang, Mention, Metadata, Options,
    Quote, ReferenceDate, ReferenceDateSource, Resolution,
};
pub use calendar::CivilDate;
pub use error::{Error, MAX_INPUT_BYTES};
pub use progress::{Progress, Stage};
pub use text::{OffsetUnit, Span};

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
    run(text, None, options, on_progress)
}

/// Analyses a saved web page read as an article ([`html::extract`]): the page's markup gives
/// the text's headline, byline, article and boilerplate lines, and its metadata the headline,
/// authors, outlet and the publication date, which becomes the reference date (source
/// `Metadata`) unless `options` gives one. Never panics and never fails.
pub fn analyze_page(page: &html::Page, options: &Options) -> Analysis {
    analyze_page_with_progress(page, options, &mut |_| {})
}

/// [`analyze_page`] with progress, as [`analyze_with_progress`].
pub fn analyze_page_with_progress(
    page: &html::Page,
    options: &Options,
    on_progress: &mut dyn FnMut(Progress),
) -> Analysis {
    run(&page.text, Some(page), options, on_progress)
}

/// Reads `html` as an article and analyses it, for callers at the edge: refuses input over
/// [`MAX_INPUT_BYTES`] and input that is not text (a PDF, an image, an archive…), naming its type.
///
/// ```
/// use manchette::{analyze_html, Options, ReferenceDateSource};
///
/// let html = r#"<html lang="fr"><meta property="article:published_time" content="2025-06-24T08:00:00Z">
///   <h1>Accord conclu à Bamako</h1><p>Le président a été reçu lundi au palais, a-t-on appris, après des semaines de discussions.</p>"#;
/// let (page, analysis) = analyze_html(html, &Options::default()).unwrap();
/// assert_eq!(analysis.reference_date.source, ReferenceDateSource::Metadata);
/// assert_eq!(analysis.reference_date.date.unwrap().to_string(), "2025-06-24");
/// assert!(page.text.starts_with("Accord conclu à Bamako\n\nLe président"));
/// assert!(analyze_html("%PDF-1.7 ...", &Options::default()).is_err());
/// ```
pub fn analyze_html(html: &str, options: &Options) -> Result<(html::Page, Analysis), Error> {
    check_input_size(html)?;
    check_is_text(html.as_bytes())?;
    let page = html::extract(html);
    let analysis = analyze_page(&page, options);
    Ok((page, analysis))
}

/// Refuses bytes that are clearly not text (a PDF, an image, an archive, binary data), naming
/// their type from their first bytes.
pub fn check_is_text(bytes: &[u8]) -> Result<(), Error> {
    match html::sniff::binary_kind(bytes) {
        Some(kind) => Err(Error::NotText(kind)),
        None => Ok(()),
    }
}

fn run(
    text: &str,
    page: Option<&html::Page>,
    options: &Options,
    on_progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let mut progress = Reporter::new(text.len(), on_progress);
    progress.begin(Stage::Language);
    let (lang, lang_confidence) = match options.lang {
        Some(lang) => (lang, 1.0),
        None => page_lang(lang::detect(text), page),
    };
    progress.begin(Stage::Tokens);
    let doc = Document::new(text, lang);
    progress.begin(Stage::Structure);
    let mut structure = structure::analyze(&doc);
    if let Some(page) = page {
        structure = html::structure(page, structure);
    }
    progress.begin(Stage::Dates);
    let published = page.and_then(|p| p.metadata.published).filter(|_| options.reference_date.is_none());
    let (mut reference_date, mut dates) =
        dates::analyze(&doc, &structure, options.reference_date.or(published));
    if let (Some(page), Some(_)) = (page, published) {
        let from = page.metadata.published_from.unwrap_or("metadata");
        reference_date.source = ReferenceDateSource::Metadata;
        reference_date.note = format!("publication date from the page's metadata ({from})");
    }
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

/// The page's declared language when the text alone leaves it unsure.
fn page_lang(detected: (Lang, f32), page: Option<&html::Page>) -> (Lang, f32) {
    let declared = match page.and_then(|p| p.metadata.lang.as_deref()) {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => return detected,
    };
    match detected {
        (lang, confidence) if lang == declared => (lang, confidence.max(0.9)),
        (Lang::Other, _) => (declared, 0.75),
        (_, confidence) if confidence < 0.7 => (declared, 0.7),
        other => other,
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
