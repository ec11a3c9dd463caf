//! Language knowledge is data: no list of more than five words is written inside `src/**/*.rs`
//! outside tests. Word lists live in `data/{lang,entities,structure,quotes}/{fr,en}/` and are read
//! through `src/words.rs`.
//!
//! A "list" here is a run of string literals separated only by commas, `|`, brackets and
//! whitespace (a `const X: &[&str] = &[...]`, a `matches!(w, "a" | "b" | …)`); only literals
//! with a letter count, so typography (`"«" | "“" | "("`) is not a word list.

use std::path::{Path, PathBuf};

/// Not checked yet, with why.
const SKIPPED_DIRS: &[&str] = &[];

/// Lists that are not language knowledge, with why.
const ALLOWED: &[(&str, &str)] = &[
    // The tagger's BIO tag set: the model's weight columns, not words of a language.
    ("src/entities/tagger/features.rs", "\"O\", \"B-PER\""),
    // HTML's own vocabulary (element names, its legacy character references), schema.org's
    // article types and the metadata keys of OpenGraph and friends: formats, not a language.
    ("src/html/content.rs", "\"script\""),
    ("src/html/content.rs", "\"a\", \"abbr\""),
    ("src/html/content.rs", "\"address\" | \"ol\""),
    ("src/html/content.rs", "\"h1\" | \"h2\""),
    ("src/html/metadata.rs", "\"NewsArticle\""),
    ("src/html/metadata.rs", "\"article:published_time\""),
    ("src/html/entities.rs", "\"amp\" | \"lt\""),
    // The HTML parser's element tables (void, block, implied end tags) and the charset labels
    // of the encoding standard: every list of these two files (an empty head matches all).
    ("src/html/parse.rs", ""),
    ("src/html/charset.rs", ""),
];

/// Most words a list in code may have.
const MAX_WORDS: usize = 5;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else { return };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its test module and `//` comments.
fn code(source: &str) -> String {
    let mut out = String::new();
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        let test_attribute = line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(all(test");
        if test_attribute && lines.peek().is_some_and(|next| next.starts_with("mod ")) {
            break; // test modules close the file in this crate
        }
        let line = match line.find("//") {
            Some(k) if !line[..k].contains('"') => &line[..k],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The string literals of `code` with their byte positions.
fn literals(code: &str) -> Vec<(usize, usize, &str)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' => {
                // A char literal ('"' or '\''), or a lifetime: skip the char literal only.
                if bytes.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') {
                    i += 4;
                } else {
                    i += 1;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                out.push((start, end, &code[start + 1..end.saturating_sub(1).max(start + 1)]));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Runs of literals joined by list separators only, as (line, words, first literals).
fn lists(code: &str) -> Vec<(usize, usize, String)> {
    let lits = literals(code);
    let mut out = Vec::new();
    let mut k = 0;
    while k < lits.len() {
        let mut end = k + 1;
        while end < lits.len()
            && code[lits[end - 1].1..lits[end].0].chars().all(|c| c.is_whitespace() || ",|()[]&".contains(c))
        {
            end += 1;
        }
        let words = lits[k..end].iter().filter(|l| l.2.chars().any(char::is_alphabetic)).count();
        if words > MAX_WORDS {
            let line = code[..lits[k].0].lines().count().max(1);
            let head = code[lits[k].0..lits[(k + 1).min(end - 1)].1].to_string();
            out.push((line, words, head));
        }
        k = end;
    }
    out
}

#[test]
fn no_word_list_inside_the_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20);
    let mut found = Vec::new();
    for path in files {
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if SKIPPED_DIRS.iter().any(|d| rel.starts_with(d)) || rel.ends_with("/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        for (line, words, head) in lists(&code(&source)) {
            if ALLOWED.iter().any(|(f, h)| *f == rel && head.starts_with(h)) {
                continue;
            }
            found.push(format!("{rel}:{line}: {words} words, {head} …"));
        }
    }
    assert!(found.is_empty(), "word lists inside the code (move them to data/):\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_lists() {
    let source = "const A: &[&str] = &[\"un\", \"deux\", \"trois\",\n \"quatre\", \"cinq\", \"six\"];\n\
                  fn f(w: &str) -> bool { matches!(w, \"a\" | \"b\" | \"c\" | \"d\" | \"e\" | \"f\") }\n\
                  const P: &[&str] = &[\"«\", \"“\", \"(\", \"[\", \":\", \"—\", \"a\"];\n\
                  fn g(c: char) -> bool { c == '\"' || matches!(\"x\", \"a\" | \"b\") }\n\
                  // \"a\", \"b\", \"c\", \"d\", \"e\", \"f\" in a comment\n\
                  #[cfg(test)]\nmod tests { const T: &[&str] = &[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]; }\n";
    let found: Vec<(usize, usize)> = lists(&code(source)).into_iter().map(|(l, w, _)| (l, w)).collect();
    assert_eq!(found, [(1, 6), (3, 6)]);
}
