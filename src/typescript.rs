//! The TypeScript declarations of the results, generated from the Rust types of [`crate::report`]
//! (with ts-rs, a dev-dependency) into `src/report.d.ts`, which `wasm.rs` puts in the package's
//! `manchette.d.ts`: the JSON keys, their types and their docs have one source. The test fails
//! when the committed file is stale; `UPDATE_TYPESCRIPT=1 cargo test --lib typescript` rewrites it.

use crate::analysis::{BlockKind, EntityType, Lang, ReferenceDateSource, Resolution};
use crate::dossier::{
    ArticleCount, ArticleOut, DatePrecision, DossierReport, MentionOut, QuoteRef, ReferentOut, SpeakerOut,
    TimelineOut,
};
use crate::report::{BlockOut, ClusterOut, DateOut, EntityOut, QuoteOut, Report};
use ts_rs::{Config, TS};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/report.d.ts");

const HEADER: &str = "\
// The results of `analyze` and of a `Dossier`, generated from the Rust types of src/report.rs and src/analysis.rs by
// `cargo test --lib typescript` (src/typescript.rs): do not edit; change the Rust types and run
// `UPDATE_TYPESCRIPT=1 cargo test --lib typescript`. Offsets are UTF-16 code units in JavaScript.
";

/// `T`'s declaration as an exported interface (objects) or type (unions), with its docs, in the
/// layout wasm-bindgen gives the rest of the package's `.d.ts`: one field per line, indented by
/// four spaces, `T[]` for arrays.
fn declaration<T: TS>(cfg: &Config) -> String {
    let decl = T::decl(cfg);
    let docs = T::docs().unwrap_or_default();
    let Some(body) = decl.strip_prefix(&format!("type {} = {{", T::name(cfg))) else {
        return format!("{docs}export {decl}\n");
    };
    let body = body.trim_end().trim_end_matches("};");
    let lines: Vec<&str> = body.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut out = format!("{docs}export interface {} {{\n", T::name(cfg));
    let mut i = 0;
    while i < lines.len() {
        match lines[i..] {
            // A one-line doc comment on one line.
            ["/**", text, "*/", ..] if text.starts_with("* ") => {
                out += &format!("    /** {} */\n", &text[2..]);
                i += 3;
            }
            ["/**" | "*/", ..] => {
                out += &format!("    {}\n", if lines[i] == "*/" { " */" } else { "/**" });
                i += 1;
            }
            [text, ..] if text.starts_with('*') => {
                out += &format!("     {text}\n");
                i += 1;
            }
            [field, ..] => {
                let field = field.strip_suffix(',').unwrap_or(field);
                out += &format!("    {};\n", arrays(field));
                i += 1;
            }
            [] => break,
        }
    }
    out + "}\n"
}

/// `Array<T>` as `T[]`.
fn arrays(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(start) = out.find("Array<") {
        let Some(len) = out[start..].find('>') else { break };
        let inner = out[start + 6..start + len].to_string();
        out.replace_range(start..=start + len, &format!("{inner}[]"));
    }
    out
}

fn generate() -> String {
    let cfg = Config::default();
    let parts = [
        declaration::<Lang>(&cfg),
        declaration::<ReferenceDateSource>(&cfg),
        declaration::<EntityType>(&cfg),
        declaration::<BlockKind>(&cfg),
        declaration::<Resolution>(&cfg),
        declaration::<EntityOut>(&cfg),
        declaration::<QuoteOut>(&cfg),
        declaration::<DateOut>(&cfg),
        declaration::<ClusterOut>(&cfg),
        declaration::<BlockOut>(&cfg),
        declaration::<Report>(&cfg),
        declaration::<ArticleOut>(&cfg),
        declaration::<MentionOut>(&cfg),
        declaration::<ArticleCount>(&cfg),
        declaration::<ReferentOut>(&cfg),
        declaration::<QuoteRef>(&cfg),
        declaration::<SpeakerOut>(&cfg),
        declaration::<DatePrecision>(&cfg),
        declaration::<TimelineOut>(&cfg),
        declaration::<DossierReport>(&cfg),
    ];
    format!("{HEADER}{}", parts.concat())
}

#[test]
fn the_committed_declarations_are_those_of_the_rust_types() {
    let generated = generate();
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    if committed != generated && std::env::var_os("UPDATE_TYPESCRIPT").is_some() {
        std::fs::write(PATH, &generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "src/report.d.ts is stale: run `UPDATE_TYPESCRIPT=1 cargo test --lib typescript` and commit it"
    );
}

#[test]
fn arrays_are_written_with_brackets() {
    assert_eq!(arrays("mentions: Array<number>;"), "mentions: number[];");
    assert_eq!(arrays("a: Array<string> | Array<Block>;"), "a: string[] | Block[];");
}
