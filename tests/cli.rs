//! The command-line interface as a user meets it: output files, stdin, errors and exit codes.
#![cfg(not(target_arch = "wasm32"))] // native: reads files, spawns processes or uses proptest

use std::io::Write;
use std::process::{Command, Stdio};

fn manchette(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_manchette"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The CLI may exit before reading its input (a bad option): a broken pipe is expected then.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn reads_stdin_and_prints_one_json_line() {
    let (code, out, _) =
        manchette(&["analyze", "--reference-date", "2025-06-24", "-"], "Goïta 😀 a parlé.".as_bytes());
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "stdin");
    assert_eq!(v["reference_date"], "2025-06-24");
    assert_eq!(v["reference_date_source"], "given");
}

#[test]
fn writes_one_file_per_article_in_the_gold_format() {
    let dir = std::env::temp_dir().join(format!("manchette-cli-{}", std::process::id()));
    let input = dir.join("article.txt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&input, "Le 23 juin 2025, à Bamako.").unwrap();
    let out_dir = dir.join("out");
    let (code, _, err) = manchette(
        &["analyze", "--lang", "fr", "--out-dir", out_dir.to_str().unwrap(), input.to_str().unwrap()],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("article.json")).unwrap()).unwrap();
    for key in ["id", "lang", "reference_date", "reference_date_source", "entities", "quotes", "dates"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn errors_exit_non_zero_with_one_line() {
    for (args, stdin, expect) in [
        (vec!["analyze", "/no/such/file.txt"], &b""[..], "/no/such/file.txt"),
        (vec!["analyze", "--reference-date", "2025-02-30", "-"], &b"x"[..], "invalid reference date"),
        (vec!["analyze", "--lang", "de", "-"], &b"x"[..], "invalid language"),
        (vec!["analyze", "-"], &b"ok \xff\xfe"[..], "invalid UTF-8"),
        (vec!["frobnicate"], &b""[..], "unknown command"),
    ] {
        let (code, out, err) = manchette(&args, stdin);
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(err.lines().next().unwrap().starts_with("manchette: "));
    }
}

#[test]
fn jsonl_batch_keeps_input_order() {
    let input: String =
        (0..50).map(|i| format!("{{\"id\": {i}, \"text\": \"Texte {i} du lundi 23 juin.\"}}\n")).collect();
    let (code, out, err) =
        manchette(&["analyze", "--jsonl", "--reference-date", "2025-06-27"], input.as_bytes());
    assert_eq!(code, 0, "{err}");
    let ids: Vec<i64> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, (0..50).collect::<Vec<_>>());
}

#[test]
fn reads_a_saved_web_page_as_an_article() {
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/fr-lemonde.html");
    let (code, out, err) = manchette(&["analyze", page.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("Les sombres perspectives économiques de la Commission européenne\n\n"));
    assert_eq!(v["headline"], "Les sombres perspectives économiques de la Commission européenne");
    assert_eq!(v["reference_date"], "2019-05-07");
    assert_eq!(v["reference_date_source"], "metadata");
    assert_eq!(v["blocks"][0]["kind"], "headline");
    // Offsets are code points into `text`.
    let chars: Vec<char> = text.chars().collect();
    for e in v["entities"].as_array().unwrap() {
        let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[start..end].iter().collect::<String>(), e["text"].as_str().unwrap());
    }
    // Standard input with --html, and a given date wins over the page's.
    let html = std::fs::read(&page).unwrap();
    let (code, out, _) = manchette(&["analyze", "--html", "--reference-date", "2019-05-08", "-"], &html);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["reference_date"].as_str(), v["reference_date_source"].as_str()),
        (Some("2019-05-08"), Some("given"))
    );
    // A page saved in ISO-8859-1.
    let (code, out, _) =
        manchette(&["analyze", "--html", "-"], b"<meta charset=iso-8859-1><h1>L'\xe9t\xe9 \xe0 Paris</h1>");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["headline"], "L'été à Paris");
}

#[test]
fn refuses_binary_files_naming_their_type() {
    for (bytes, kind) in [
        (&b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..], "PDF"),
        (b"\x89PNG\r\n\x1a\n\0\0", "PNG"),
        (b"PK\x03\x04\x14\0", "ZIP"),
    ] {
        for args in [&["analyze", "-"][..], &["analyze", "--html", "-"][..]] {
            let (code, out, err) = manchette(args, bytes);
            assert_ne!(code, 0);
            assert!(out.is_empty());
            assert!(err.contains(kind) && err.contains("not an article"), "{err}");
        }
    }
}
