//! The command-line interface as a user meets it: output files, stdin, errors and exit codes.
#![cfg(not(target_arch = "wasm32"))] // native: reads files, spawns processes or uses proptest

use std::io::Write;
use std::process::{Command, Stdio};

fn manchette(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    run(env!("CARGO_BIN_EXE_manchette"), args, stdin)
}

/// Runs the binary at `path` with `args` and `stdin`: exit code, stdout, stderr.
fn run(path: &str, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(path)
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
        (vec!["analyze", "--frobnicate", "-"], &b"x"[..], "invalid option '--frobnicate'"),
        (vec!["analyze", "-x", "-"], &b"x"[..], "invalid option '-x'"),
        (vec!["analyze", "-", "--lang"], &b"x"[..], "missing argument for option '--lang'"),
        (vec!["analyze", "--jsonl=yes"], &b""[..], "unexpected argument for option '--jsonl'"),
        (vec![], &b""[..], "no command"),
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
fn help_prints_the_usage_and_succeeds() {
    for args in [vec!["--help"], vec!["-h"], vec!["analyze", "--help"]] {
        let (code, out, err) = manchette(&args, b"");
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.starts_with("usage: manchette analyze"), "{args:?}: {out}");
    }
}

/// Each `(args, expected)`: the binary exits with 2, prints nothing on stdout, and names the
/// problem on the first line of stderr, before reading any input.
#[cfg(any(feature = "train", feature = "bench"))]
fn assert_refused(path: &str, name: &str, cases: &[(&[&str], &str)]) {
    for (args, expect) in cases {
        let (code, out, err) = run(path, args, b"");
        assert_eq!(code, 2, "{name} {args:?}: {err}");
        assert!(out.is_empty(), "{name} {args:?}: {out}");
        let first = err.lines().next().unwrap_or("");
        assert!(first.starts_with(&format!("{name}: ")) && first.contains(expect), "{name} {args:?}: {err}");
    }
    let (code, out, _) = run(path, &["--help"], b"");
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!("usage: {name}")), "{out}");
}

#[cfg(feature = "train")]
#[test]
fn train_refuses_unknown_flags_missing_values_and_bad_numbers() {
    assert_refused(
        env!("CARGO_BIN_EXE_train"),
        "train",
        &[
            (&["--lang", "fr", "--frobnicate", "1"], "invalid option '--frobnicate'"),
            (&["--lang", "fr", "--epochs"], "missing argument for option '--epochs'"),
            (&["--epochs", "three"], "cannot parse argument \"three\""),
            (&["--silver-weight", "0,3"], "cannot parse argument \"0,3\""),
            (&["--seeds", "1,x,3"], "cannot parse \"x\""),
            (&["--train-decode", "beam"], "viterbi or greedy"),
            (&["extra.tsv"], "unexpected argument"),
        ],
    );
}

#[cfg(feature = "train")]
#[test]
fn ner_eval_refuses_an_unknown_flag_instead_of_reading_it_as_the_file() {
    assert_refused(
        env!("CARGO_BIN_EXE_ner_eval"),
        "ner_eval",
        &[
            (&["--frobnicate", "fr.tsv"], "invalid option '--frobnicate'"),
            (&["fr.tsv", "--lang"], "missing argument for option '--lang'"),
            (&["fr.tsv", "--lang", "de"], "fr or en"),
            (&["fr.tsv", "--format", "xml"], "unknown --format"),
            (&["fr.tsv", "en.tsv"], "unexpected argument"),
            (&["--pipeline"], "no input FILE"),
        ],
    );
}

#[cfg(feature = "bench")]
#[test]
fn benches_refuse_unknown_flags_and_bad_numbers() {
    assert_refused(
        env!("CARGO_BIN_EXE_bench"),
        "bench",
        &[
            (&["--stages", "1MB"], "cannot parse argument \"1MB\""),
            (&["--memory"], "missing argument for option '--memory'"),
            (&["--fast"], "invalid option '--fast'"),
        ],
    );
    assert_refused(
        env!("CARGO_BIN_EXE_bench_dates"),
        "bench_dates",
        &[(&["gold", "ten"], "cannot parse argument \"ten\""), (&["--fast"], "invalid option '--fast'")],
    );
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
