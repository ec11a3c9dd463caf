//! The JavaScript bindings: type conversion and errors only. Offsets are UTF-16 code units, so
//! `text.slice(start, end)` in JavaScript is the span.

use crate::report::Report;
use crate::text::OffsetUnit;
use crate::{
    analyze_page_with_progress, analyze_with_progress, check_input_size, check_is_text, Options, Progress,
};
use js_sys::{Function, JsString, Object, Reflect, TypeError, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info); // the message and the JavaScript stack in the console
        throw_panic(info.payload(), info.location());
    }));
}

/// Ends the call with a JavaScript `Error` named `PanicError` that carries the panic's message.
/// wasm32 has no unwinding: without this the panic would trap as a bare
/// `RuntimeError: unreachable`, its message lost, and Rust code can never run again after it to
/// turn it into an error. Throwing from the hook unwinds the wasm stack the same way a trap does,
/// so the module instance is just as unusable afterwards (locks and statics may be left
/// half-updated): the caller must load a new instance (the page replaces its worker).
fn throw_panic(payload: &dyn std::any::Any, location: Option<&std::panic::Location>) -> ! {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic without a message");
    let place = location.map(|l| format!(" (at {}:{})", l.file(), l.line())).unwrap_or_default();
    let error = js_sys::Error::new(&format!("manchette panicked: {message}{place}"));
    error.set_name("PanicError");
    wasm_bindgen::throw_val(error.into())
}

/// Panics with `message`, to test the recovery from a panic against the real module: the page's
/// worker calls it on a test message, and nothing else should. A hidden export rather than a test
/// build, so that the tests exercise the very `.wasm` that ships; not in the TypeScript types.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests, skip_typescript)]
pub fn panic_for_tests(message: String) {
    panic!("{message}");
}

/// The result types, generated from the Rust types of `report.rs` (`src/typescript.rs`).
#[wasm_bindgen(typescript_custom_section)]
const RESULT_TYPES: &'static str = include_str!("report.d.ts");

/// The types of the JavaScript API's own arguments.
#[wasm_bindgen(typescript_custom_section)]
const OPTION_TYPES: &'static str = r#"
/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Publication date as YYYY-MM-DD; found in the text when absent. */
  referenceDate?: string | null;
  /** Rules to use; detected when "auto" or absent. */
  lang?: "fr" | "en" | "auto" | null;
  /**
   * Called as the analysis goes: at the start of each stage, and about once per 64 KB of text
   * in the long ones; last with `fraction` 1. If it throws, `analyze` throws that exception
   * (after finishing the analysis, whose result is dropped) and calls it no more.
   */
  onProgress?: ((progress: AnalyzeProgress) => void) | null;
}
/** The stages of an analysis, in the order they run; "tagging" takes most of the time. */
export type AnalyzeStage = "language" | "tokens" | "structure" | "dates" | "tagging" | "entities" | "quotes";
/** Where an analysis is, as passed to `onProgress`. */
export interface AnalyzeProgress {
  stage: AnalyzeStage;
  /** How far the whole analysis is, 0 to 1 (stages weighted by their usual time); never decreases. */
  fraction: number;
}
/** Options of `Dossier.add` and `Dossier.addHtml`: those of `analyze` (without `onProgress`) and the file's name. */
export interface DossierAddOptions {
  referenceDate?: string | null;
  lang?: "fr" | "en" | "auto" | null;
  file?: string | null;
}
/** The result of `analyzeHtml`: `analyze`'s, over the article text read from the page. */
export interface HtmlAnalysis extends Analysis {
  /** The article text every offset indexes: headline, byline, article, then the page's other lines. */
  text: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The platform's UTF-8 encoder (in every browser, worker and Node).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// Encodes as much of `source` as fits into `dest`.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, dest: &Uint8Array) -> EncodeIntoResult;

    type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

/// UTF-16 units encoded per `encodeInto` call; the counting pass's scratch holds 3 bytes each.
#[doc(hidden)]
pub const ENCODE_CHUNK: u32 = 1 << 16;

/// Copies a JavaScript string into wasm memory as UTF-8 in a buffer of exactly its length.
/// wasm-bindgen's own conversion reserves 3 bytes per UTF-16 unit as soon as one char is not
/// ASCII and then moves the text to shrink it, which left a 10 MB text ~28 MB of wasm memory
/// that a module's memory never gives back. Here one pass counts the bytes and a second
/// encodes them in place, chunk by chunk. Lone surrogates become U+FFFD, as they did.
#[doc(hidden)]
pub fn utf8_of(text: &JsString) -> String {
    thread_local! {
        static ENCODER: TextEncoder = TextEncoder::new();
    }
    let pieces = utf16_chunks(text, ENCODE_CHUNK);
    ENCODER.with(|encoder| {
        let longest = pieces.iter().map(|p| p.length()).max().unwrap_or(0);
        let mut scratch = vec![0u8; 3 * longest as usize];
        let total: usize = pieces.iter().map(|p| encode_into(encoder, p, &mut scratch)).sum();
        let mut bytes = vec![0u8; total];
        let mut at = 0;
        for p in &pieces {
            at += encode_into(encoder, p, &mut bytes[at..]);
        }
        bytes.truncate(at);
        // TextEncoder writes only well-formed UTF-8; the check costs a fraction of a millisecond
        // per MB and keeps this free of `unsafe` beyond the view.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    })
}

/// `text` cut into pieces of at most `max` UTF-16 units, never between the two halves of a
/// surrogate pair, so that encoding the pieces one after the other gives the text's UTF-8.
fn utf16_chunks(text: &JsString, max: u32) -> Vec<JsString> {
    let len = text.length();
    if len <= max {
        return vec![text.clone()];
    }
    let mut pieces = Vec::with_capacity((len / max + 1) as usize);
    let mut start = 0;
    while start < len {
        let mut end = (start + max).min(len);
        let high_surrogate = |at: u32| (0xD800..0xDC00).contains(&(text.char_code_at(at) as u32));
        if end < len && end - start > 1 && high_surrogate(end - 1) {
            end -= 1;
        }
        pieces.push(text.slice(start, end));
        start = end;
    }
    pieces
}

/// Encodes `piece` into the start of `dest` (large enough for it) and returns the bytes written.
fn encode_into(encoder: &TextEncoder, piece: &JsString, dest: &mut [u8]) -> usize {
    // SAFETY: the view is used only by this call, which allocates nothing in wasm memory, so the
    // memory cannot grow and detach it, and nothing else reads or writes `dest` meanwhile.
    let view = unsafe { Uint8Array::view_mut_raw(dest.as_mut_ptr(), dest.len()) };
    encoder.encode_into(piece, &view).written() as usize
}

fn type_error(message: &str) -> JsValue {
    TypeError::new(message).into()
}

/// Reads an optional string property; anything but a string, null or undefined is a TypeError.
fn optional_string(options: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    let value = Reflect::get(options, &JsValue::from_str(key))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| type_error(&format!("manchette: options.{key} must be a string")))
}

/// Reads `options.onProgress`: a function, or null or undefined.
fn progress_callback(options: &JsValue) -> Result<Option<Function>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let value = Reflect::get(options, &JsValue::from_str("onProgress"))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| type_error("manchette: options.onProgress must be a function"))
}

/// The `AnalyzeProgress` object passed to `onProgress`.
fn progress_object(progress: Progress) -> Result<JsValue, JsValue> {
    let object = Object::new();
    Reflect::set(&object, &JsValue::from_str("stage"), &JsValue::from_str(progress.stage.name()))?;
    Reflect::set(&object, &JsValue::from_str("fraction"), &JsValue::from_f64(progress.fraction))?;
    Ok(object.into())
}

fn parse_options(options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(type_error("manchette: options must be an object or undefined"));
    }
    let date = optional_string(options, "referenceDate")?;
    let lang = optional_string(options, "lang")?;
    Options::parse(date.as_deref(), lang.as_deref()).map_err(range_error)
}

/// Runs `analysis` with the caller's options and `onProgress`. The core cannot be interrupted:
/// after a throw in the callback, the analysis finishes without calling back, then the
/// exception is rethrown. It unwinds no Rust frame, so nothing is left half-done.
fn with_progress<T>(
    options: &Options,
    on_progress: Option<Function>,
    analysis: impl FnOnce(&Options, &mut dyn FnMut(Progress)) -> T,
) -> Result<T, JsValue> {
    let Some(callback) = on_progress else {
        return Ok(analysis(options, &mut |_| {}));
    };
    let mut thrown: Option<JsValue> = None;
    let result = analysis(options, &mut |progress| {
        if thrown.is_none() {
            if let Err(e) = progress_object(progress).and_then(|p| callback.call1(&JsValue::UNDEFINED, &p)) {
                thrown = Some(e);
            }
        }
    });
    match thrown {
        Some(e) => Err(e),
        None => Ok(result),
    }
}

fn range_error(e: crate::Error) -> JsValue {
    JsValue::from(js_sys::RangeError::new(&format!("manchette: {e}")))
}

/// A result as plain JavaScript objects (what `JSON.parse` would give).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("manchette: {e}"))))
}

/// A string argument as UTF-8, or a TypeError naming `call`.
fn string_argument(input: &JsValue, call: &str) -> Result<String, JsValue> {
    input
        .dyn_ref::<JsString>()
        .map(utf8_of)
        .ok_or_else(|| type_error(&format!("manchette: {call} expects a string")))
}

/// Reads a call's arguments, in the order their errors are reported: the input (a string, else a
/// TypeError naming `call`), `onProgress`, the other options, then the input's size.
fn read_call(
    input: &JsValue,
    options: Option<JsValue>,
    call: &str,
) -> Result<(String, Options, Option<Function>), JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let input = string_argument(input, call)?;
    let on_progress = progress_callback(&options)?;
    let options = parse_options(&options)?;
    check_input_size(&input).map_err(range_error)?;
    Ok((input, options, on_progress))
}

/// Analyses `text`: entities, quotes with speakers, and resolved dates.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (text, options, on_progress) = read_call(&text, options, "analyze(text)")?;
    let analysis = with_progress(&options, on_progress, |o, p| analyze_with_progress(&text, o, p))?;
    to_js(&Report::new(&text, &analysis, OffsetUnit::Utf16))
}

/// Reads a saved web page (`html`) as an article and analyses it: the result is `analyze`'s,
/// plus `text`, the article text every offset indexes (headline, byline, article, then the
/// page's other lines, marked `boilerplate` in `blocks`); the publication date in the page's
/// metadata is the reference date (source `metadata`) unless `referenceDate` is given. Input
/// that is not text (a PDF, an image…) throws a `RangeError` naming its type.
#[wasm_bindgen(js_name = analyzeHtml, unchecked_return_type = "HtmlAnalysis")]
pub fn analyze_html_js(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (html, options, on_progress) = read_call(&html, options, "analyzeHtml(html)")?;
    check_is_text(html.as_bytes()).map_err(range_error)?;
    let page = crate::html::extract(&html);
    drop(html);
    let analysis = with_progress(&options, on_progress, |o, p| analyze_page_with_progress(&page, o, p))?;
    to_js(&Report::of_page(&page, &analysis, OffsetUnit::Utf16))
}

/// A saved page's bytes as text: UTF-8 as it is, else decoded from the Western encoding the page
/// declares (ISO-8859-1, Windows-1252), so a dropped `.html` file reads as the browser shows it.
#[wasm_bindgen(js_name = decodePage)]
pub fn decode_page(bytes: &[u8]) -> String {
    crate::html::charset::decode_page(bytes).into_owned()
}

/// The type of a file that is not text ("a PDF document", "a PNG image"…) from its first bytes,
/// or `null` for text: the page refuses such a file before reading it as text.
#[wasm_bindgen(js_name = fileKind)]
pub fn file_kind(bytes: &[u8]) -> Option<String> {
    crate::html::sniff::binary_kind(bytes).map(str::to_string)
}

/// `Dossier.add`'s options: `analyze`'s and the `file` the article came from.
fn dossier_add_options(options: Option<JsValue>) -> Result<(Options, Option<String>), JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let file = if options.is_object() { optional_string(&options, "file")? } else { None };
    Ok((parse_options(&options)?, file))
}

/// Many articles on one story, each analysed with its own options, merged into one index.
#[wasm_bindgen(js_name = Dossier)]
pub struct DossierJs {
    inner: crate::dossier::Dossier,
}

#[wasm_bindgen(js_class = Dossier)]
impl DossierJs {
    /// An empty dossier.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JavaScript constructor, not a Rust API
    pub fn new() -> DossierJs {
        DossierJs { inner: crate::dossier::Dossier::new() }
    }

    /// Analyses `text` (options as `analyze`'s, without `onProgress`, plus the `file` it came
    /// from) and adds it; returns the id used (`id`, or `id-2`, … when taken).
    pub fn add(
        &mut self,
        id: String,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DossierAddOptions | null")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        let text = string_argument(&text, "Dossier.add(id, text)")?;
        check_input_size(&text).map_err(range_error)?;
        let (options, file) = dossier_add_options(options)?;
        let id = self.inner.add(&id, &text, &options);
        self.set_file(&id, file);
        Ok(id)
    }

    /// Reads a saved web page (`html`) as an article, as `analyzeHtml` does, and adds it: the
    /// names, quotes and dates of the page's boilerplate lines (menus, teasers) stay marked
    /// `boilerplate` in the merge, and the page's metadata date is the article's reference date
    /// (source `metadata`) unless `referenceDate` is given; its result in `merged()` carries the
    /// article `text`. Input that is not text throws a `RangeError`. Returns the id used.
    #[wasm_bindgen(js_name = addHtml)]
    pub fn add_html(
        &mut self,
        id: String,
        #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DossierAddOptions | null")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        let html = string_argument(&html, "Dossier.addHtml(id, html)")?;
        let (options, file) = dossier_add_options(options)?;
        let id = self.inner.add_html(&id, &html, &options).map_err(range_error)?;
        self.set_file(&id, file);
        Ok(id)
    }

    /// Analyses the article `id` again with new options (a corrected date); false if absent.
    pub fn reanalyze(
        &mut self,
        id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions | null")] options: Option<JsValue>,
    ) -> Result<bool, JsValue> {
        let options = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
        Ok(self.inner.reanalyze(id, &options))
    }

    fn set_file(&mut self, id: &str, file: Option<String>) {
        if let Some(article) = self.inner.article_mut(id) {
            article.file = file;
        }
    }

    /// Removes the article `id`; false if absent.
    pub fn remove(&mut self, id: &str) -> bool {
        self.inner.remove(id)
    }

    /// The number of articles.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The articles' ids, in the order they were added.
    pub fn ids(&self) -> Vec<String> {
        self.inner.articles().iter().map(|a| a.id.clone()).collect()
    }

    /// The merged view: every article's result, referents, quotes by speaker, the timeline.
    #[wasm_bindgen(unchecked_return_type = "DossierResult")]
    pub fn merged(&self) -> Result<JsValue, JsValue> {
        let report = crate::dossier::DossierReport::new(&self.inner, &self.inner.merge(), OffsetUnit::Utf16);
        to_js(&report)
    }
}

/// The largest input `analyze` accepts, in bytes of UTF-8.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    crate::MAX_INPUT_BYTES
}

/// The crate version, for display.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
