//! Word lists compiled in from `data/` (closed-class words in `data/lang/{fr,en}/`, the entity
//! and structure rules' lists in `data/{entities,structure}/{fr,en}/`), through one reader.
//!
//! A word-list file opens with `#` lines naming what the list is for, its source and its
//! licence, then holds one entry per line, stored as the rules compare it (usually folded, see
//! [`crate::text::fold`]). `tests` below rejects a malformed file.

use crate::text::FastMap;

/// The entries of a data file: its trimmed lines, without blank lines and `#` comments.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lists this long or shorter are searched in order (as fast as a `matches!` of literals);
/// longer ones are hashed.
const SCAN_MAX: usize = 12;

/// The entries of one or more word-list files (a French and an English one, say), in file order.
pub struct WordList {
    words: Vec<&'static str>,
    /// Every entry, when there are more than [`SCAN_MAX`].
    index: FastMap<&'static str, ()>,
}

impl WordList {
    /// The entries of `files`, one after the other (a word in several files is kept once).
    pub fn new(files: &[&'static str]) -> WordList {
        let mut words: Vec<&'static str> = Vec::new();
        for data in files {
            for w in entries(data) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
        }
        let index = if words.len() > SCAN_MAX {
            words.iter().map(|&w| (w, ())).collect()
        } else {
            FastMap::default()
        };
        WordList { words, index }
    }

    /// Whether `word` is an entry (compared as written: callers pass folded words to folded lists).
    pub fn contains(&self, word: &str) -> bool {
        if self.words.len() > SCAN_MAX {
            self.index.contains_key(word)
        } else {
            self.words.contains(&word)
        }
    }

    /// Whether `word` ends with an entry (lists of suffixes).
    pub fn ends(&self, word: &str) -> bool {
        self.words.iter().any(|e| word.ends_with(e))
    }

    /// The entries in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The [`WordList`] of these files under `data/`, read once on first use:
/// `word_list!("entities/fr/org_cues.txt", "entities/en/org_cues.txt").contains(f)`.
macro_rules! word_list {
    ($($path:literal),+ $(,)?) => {{
        static LIST: std::sync::LazyLock<$crate::words::WordList> = std::sync::LazyLock::new(|| {
            $crate::words::WordList::new(&[$(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $path))),+])
        });
        &*LIST
    }};
}
pub(crate) use word_list;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// The directories of word lists read through this module.
    const DIRS: &[&str] = &["data/lang", "data/entities", "data/structure"];
    /// Files there of another kind, with their own reader and test.
    const OTHER_KINDS: &[&str] = &["boilerplate_phrases.txt"];

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(read) = std::fs::read_dir(dir) else { return };
        for entry in read.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    /// What is wrong with a word-list file, if anything.
    fn problems(data: &str) -> Vec<String> {
        let mut out = Vec::new();
        let header: Vec<&str> = data.lines().take_while(|l| l.starts_with('#')).collect();
        let header_text = header.join(" ");
        if header.is_empty() || !header_text.contains("Source") || !header_text.contains("Licence") {
            out.push("no header of `#` lines naming its Source and Licence".to_string());
        }
        let mut seen = std::collections::HashSet::new();
        for (n, line) in data.lines().enumerate().skip(header.len()) {
            let at = n + 1;
            if line.is_empty() {
                out.push(format!("line {at}: blank line among the entries"));
            } else if line.starts_with('#') {
                out.push(format!("line {at}: comment after the header"));
            } else if line.trim() != line {
                out.push(format!("line {at}: spaces around {line:?}"));
            } else if line.contains('\t') {
                out.push(format!("line {at}: more than one column in {line:?}"));
            } else if !seen.insert(line) {
                out.push(format!("line {at}: duplicate {line:?}"));
            }
        }
        if seen.is_empty() {
            out.push("no entries".to_string());
        }
        if !data.ends_with('\n') {
            out.push("no newline at the end".to_string());
        }
        out
    }

    #[test]
    fn every_word_list_is_well_formed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        for dir in DIRS {
            files(&root.join(dir), &mut all);
        }
        assert!(all.len() >= 10, "word lists not found under {DIRS:?}");
        let mut bad = Vec::new();
        all.retain(|p| !OTHER_KINDS.iter().any(|k| p.ends_with(k)));
        for path in &all {
            let data = std::fs::read_to_string(path).unwrap_or_default();
            for p in problems(&data) {
                bad.push(format!("{}: {p}", path.display()));
            }
            // Every entry comes back from the reader as written.
            let list = WordList::new(&[Box::leak(data.into_boxed_str())]);
            assert!(list.iter().all(|w| list.contains(w)), "{}", path.display());
        }
        assert!(bad.is_empty(), "malformed word lists:\n{}", bad.join("\n"));
    }

    #[test]
    fn malformed_files_are_rejected() {
        let good = "# Test list. Source: here. Licence: MIT.\nun\ndeux\n";
        assert!(problems(good).is_empty(), "{:?}", problems(good));
        for bad in [
            "un\ndeux\n",
            "# no provenance\nun\n",
            "# Source: x. Licence: y.\nun\n\ndeux\n",
            "# Source: x. Licence: y.\nun\nun\n",
            "# Source: x. Licence: y.\nun\tone\n",
            "# Source: x. Licence: y.\nun \n",
            "# Source: x. Licence: y.\nun\n# late\n",
            "# Source: x. Licence: y.\n",
            "# Source: x. Licence: y.\nun",
        ] {
            assert!(!problems(bad).is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn lists_join_files_and_answer_both_ways() {
        let list = WordList::new(&["# h\nde\ndu\n", "# h\nof\nde\n"]);
        assert_eq!(list.iter().collect::<Vec<_>>(), ["de", "du", "of"]);
        assert!(list.contains("of") && !list.contains("the"));
        let long = WordList::new(&["# h\na\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"]);
        assert!(long.contains("n") && !long.contains("o"));
        let suffixes = WordList::new(&["# h\ntion\ning\n"]);
        assert!(suffixes.ends("nation") && !suffixes.ends("nations"));
    }
}
