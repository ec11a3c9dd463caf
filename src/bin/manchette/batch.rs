//! `--jsonl` batch mode: one JSON document per line in, one result per line out, in input order,
//! analysed on every core. This is the step a distributed engine pipes a sharded archive through.

use manchette::report::Report;
use manchette::OffsetUnit;
use manchette::{analyze_checked, analyze_html, Error, Options};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::{BufRead, Write};

/// Lines are analysed in chunks so memory stays bounded on archives of any length.
const CHUNK_LINES: usize = 512;
const CHUNK_BYTES: usize = 32 * 1024 * 1024;

#[derive(Deserialize)]
struct Input {
    id: Value,
    /// A text, or `html`: a web page read as an article.
    text: Option<String>,
    html: Option<String>,
    reference_date: Option<String>,
    lang: Option<String>,
}

/// The result line for one input line: the report with its `id`, or `{"id", "error"}`.
fn process(line: &str, defaults: &Options) -> String {
    let input: Input = match serde_json::from_str(line) {
        Ok(input) => input,
        Err(e) => {
            let id = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            return json!({"id": id, "error": format!("bad input line: {e}")}).to_string();
        }
    };
    let options = match Options::parse(input.reference_date.as_deref(), input.lang.as_deref()) {
        Ok(o) => Options {
            reference_date: o.reference_date.or(defaults.reference_date),
            lang: if input.lang.is_some() { o.lang } else { defaults.lang },
        },
        Err(e) => return json!({"id": input.id, "error": e.to_string()}).to_string(),
    };
    let result = std::panic::catch_unwind(|| match (&input.text, &input.html) {
        (Some(text), None) => {
            analyze_checked(text, &options).map(|a| Report::new(text, &a, OffsetUnit::CodePoint))
        }
        (None, Some(html)) => {
            analyze_html(html, &options).map(|(page, a)| Report::of_page(&page, &a, OffsetUnit::CodePoint))
        }
        _ => Err(Error::InvalidInput("a line needs exactly one of \"text\" and \"html\"")),
    });
    match result {
        Ok(Ok(report)) => with_id(&input.id, &report),
        Ok(Err(e)) => json!({"id": input.id, "error": e.to_string()}).to_string(),
        Err(_) => json!({"id": input.id, "error": "internal error while analysing this text"}).to_string(),
    }
}

/// The report's JSON with `"id"` first: serialised straight to text (a `serde_json::Value` in
/// between cost a fifth of a short article's analysis), the id being any JSON value.
fn with_id(id: &Value, report: &Report) -> String {
    let body = serde_json::to_string(report).unwrap_or_default();
    let rest = body.strip_prefix('{').unwrap_or("}");
    let separator = if rest.starts_with('}') { "" } else { "," };
    format!("{{\"id\":{id}{separator}{rest}")
}

pub fn run(mut input: impl BufRead, mut out: impl Write, defaults: &Options) -> Result<(), String> {
    loop {
        // Raw lines: one with invalid UTF-8 gets an error line of its own, not a stopped run.
        let mut chunk: Vec<Result<String, String>> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut raw = Vec::new();
            if input.read_until(b'\n', &mut raw).map_err(|e| e.to_string())? == 0 {
                break;
            }
            bytes += raw.len();
            chunk.push(String::from_utf8(raw).map_err(|e| {
                json!({"id": null, "error": format!("invalid UTF-8 at byte {} of the line", e.utf8_error().valid_up_to())}).to_string()
            }));
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let results: Vec<Option<String>> = chunk
            .par_iter()
            .map(|line| match line {
                Ok(line) if line.trim().is_empty() => None,
                Ok(line) => Some(process(line, defaults)),
                Err(error_line) => Some(error_line.clone()),
            })
            .collect();
        for r in results.into_iter().flatten() {
            writeln!(out, "{r}").map_err(|e| e.to_string())?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_comes_first_whatever_its_json_type() {
        let report = Report::new(
            "Le 23 juin à Bamako.",
            &manchette::analyze("Le 23 juin à Bamako.", &Options::default()),
            OffsetUnit::CodePoint,
        );
        // Parsed from text, as the reader of a line would (an f32 prints shortest, not widened).
        let expected: Value = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
        for id in [json!(7), json!("a\"b"), json!({"shard": 2, "n": [1, 2]}), Value::Null] {
            let line = with_id(&id, &report);
            assert!(line.starts_with(&format!("{{\"id\":{id},")), "{line}");
            let mut parsed: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(parsed.as_object_mut().unwrap().remove("id"), Some(id));
            assert_eq!(parsed, expected);
        }
    }

    #[test]
    fn keeps_order_and_reports_bad_lines() {
        let input = concat!(
            r#"{"id": 1, "text": "Le 23 juin 2025 à Bamako."}"#,
            "\n",
            "not json\n",
            "\n",
            r#"{"id": "b", "text": "x", "reference_date": "2025-02-30"}"#,
            "\n",
            r#"{"id": 3, "text": "Hello", "lang": "en", "reference_date": "2025-06-01"}"#,
            "\n",
        );
        let mut bytes = input.as_bytes().to_vec();
        bytes.extend_from_slice(b"{\"id\": 4, \"text\": \"\xff\"}\n");
        let mut out = Vec::new();
        bytes.extend_from_slice(
            concat!(
                r#"{"id": 5, "html": "<h1>Accord conclu</h1><p>Le ministre est arrivé lundi à Bamako.</p>"}"#,
                "\n",
                r#"{"id": 6, "html": "%PDF-1.7"}"#,
                "\n",
                r#"{"id": 7, "text": "a", "html": "b"}"#,
                "\n"
            )
            .as_bytes(),
        );
        run(&bytes[..], &mut out, &Options::default()).unwrap();
        let lines: Vec<Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 8);
        assert_eq!(lines[5]["id"], 5);
        assert_eq!(lines[5]["headline"], "Accord conclu");
        assert!(lines[5]["text"].as_str().unwrap().starts_with("Accord conclu\n\nLe ministre"));
        assert!(lines[6]["error"].as_str().unwrap().contains("PDF"));
        assert!(lines[7]["error"].as_str().unwrap().contains("exactly one"));
        assert!(lines[4]["error"].as_str().unwrap().contains("invalid UTF-8"));
        assert_eq!(lines[0]["id"], 1);
        assert!(lines[0]["entities"].is_array());
        assert!(lines[1]["error"].as_str().unwrap().contains("bad input line"));
        assert_eq!(lines[2]["id"], "b");
        assert!(lines[2]["error"].as_str().unwrap().contains("invalid reference date"));
        assert_eq!(lines[3]["lang"], "en");
        assert_eq!(lines[3]["reference_date"], "2025-06-01");
    }
}
