//! The JavaScript bindings: type conversion and errors only. Offsets are UTF-16 code units, so
//! `text.slice(start, end)` in JavaScript is the span.

use crate::report::Report;
use crate::text::OffsetUnit;
use crate::{analyze_checked, Options};
use js_sys::{Reflect, TypeError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Publication date as YYYY-MM-DD; found in the text when absent. */
  referenceDate?: string | null;
  /** Rules to use; detected when "auto" or absent. */
  lang?: "fr" | "en" | "auto" | null;
}
export type EntityType = "PER" | "ORG" | "LOC" | "MISC";
export type Lang = "fr" | "en" | "other";
export type ReferenceDateSource = "given" | "dateline" | "inferred" | "none";
export type BlockKind = "headline" | "byline" | "dateline" | "body" | "boilerplate";
/** One mention of an entity; `text === input.slice(start, end)`. */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  canonical: string;
  /** Index into `clusters`. */
  cluster: number;
  boilerplate?: boolean;
}
export interface Quote {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speaker_cluster: number | null;
  speaker_start: number | null;
  speaker_end: number | null;
  speaker_text: string | null;
  boilerplate?: boolean;
}
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO 8601 at the precision the text gives ("2025", "2025-06", "2025-06-23"). */
  value: string | null;
  boilerplate?: boolean;
}
/** One entity with all its mentions. */
export interface Cluster {
  canonical: string;
  type: EntityType;
  roles: string[];
  /** Indices into `entities`. */
  mentions: number[];
  boilerplate: boolean;
}
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}
/** The result of `analyze`. Offsets are UTF-16 code units. */
export interface Analysis {
  lang: Lang;
  lang_confidence: number;
  reference_date: string | null;
  reference_date_source: ReferenceDateSource;
  reference_date_note: string;
  headline: string | null;
  authors: string[];
  source: string | null;
  entities: EntityMention[];
  quotes: Quote[];
  dates: DateMention[];
  clusters: Cluster[];
  blocks: Block[];
}
"#;

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

fn parse_options(options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(type_error("manchette: options must be an object or undefined"));
    }
    let date = optional_string(options, "referenceDate")?;
    let lang = optional_string(options, "lang")?;
    Options::parse(date.as_deref(), lang.as_deref())
        .map_err(|e| JsValue::from(js_sys::RangeError::new(&format!("manchette: {e}"))))
}

/// Analyses `text`: entities, quotes with speakers, and resolved dates.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let text = text
        .as_string()
        .ok_or_else(|| type_error("manchette: analyze(text) expects a string"))?;
    let options = parse_options(&options)?;
    let analysis = analyze_checked(&text, &options)
        .map_err(|e| JsValue::from(js_sys::RangeError::new(&format!("manchette: {e}"))))?;
    let report = Report::new(&text, &analysis, OffsetUnit::Utf16);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("manchette: {e}"))))
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
