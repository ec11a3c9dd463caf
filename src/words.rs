//! Word lists compiled in from `data/` (closed-class words in `data/lang/{fr,en}/`, the entity
//! and structure rules' lists in `data/{entities,structure}/{fr,en}/`), through one reader.
//!
//! A word-list file opens with `#` lines naming what the list is for, its source and its
//! licence, then holds one entry per line, stored as the rules compare it (usually folded, see
//! [`crate::text::fold()`]). `tests` below rejects a malformed file.
//!
//! The closed-class lists every extractor may ask are here too ([`function_words`], [`months`],
//! [`weekdays`]); a module's own lists are read where they are used, with `word_list!`.

use crate::text::{ByteSet, FastMap};

/// The entries of a data file: its trimmed lines, without blank lines and `#` comments.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of one or more word-list files (a French and an English one, say), in file order.
///
/// Look-ups are as cheap as the `matches!` of literals they replace: most words asked about are
/// rejected on two bits (their length and first byte), and words of up to 7 bytes, most entries
/// and most words asked about, are compared as one integer each.
pub struct WordList {
    words: Vec<&'static str>,
    /// The entries of up to 7 bytes as [`short_key`]s.
    short: ShortKeys,
    /// The longer entries.
    long: FastMap<&'static str, ()>,
    /// Bit `min(len, 63)` set for the byte length of some entry.
    lengths: u64,
    /// Bit `b` set for the first byte `b` of some entry.
    first_bytes: ByteSet,
}

/// A set of [`short_key`]s: an open-addressing table at most half full, probed from a
/// multiplicative hash (a look-up is a multiply and one or two loads; a binary search over a
/// few hundred keys was a dozen unpredictable branches). 0, never a key, marks an empty slot.
struct ShortKeys {
    slots: Vec<u64>,
    /// 64 minus the log2 of `slots.len()`: the hash's top bits pick the slot.
    shift: u32,
}

impl ShortKeys {
    /// Fibonacci hashing's multiplier (2^64 / golden ratio).
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

    fn new(keys: &[u64]) -> ShortKeys {
        let len = (2 * keys.len()).next_power_of_two().max(2);
        let mut set = ShortKeys { slots: vec![0; len], shift: 64 - len.trailing_zeros() };
        for &key in keys {
            let mut i = set.home(key);
            while set.slots[i] != 0 && set.slots[i] != key {
                i = (i + 1) & (len - 1);
            }
            set.slots[i] = key;
        }
        set
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(Self::MULTIPLIER) >> self.shift) as usize
    }

    /// The slot holding `key`, if it is in the set.
    #[inline]
    fn slot(&self, key: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            match self.slots.get(i & mask) {
                Some(&0) | None => return None,
                Some(&k) if k == key => return Some(i & mask),
                Some(_) => i += 1,
            }
        }
    }

    #[inline]
    fn contains(&self, key: u64) -> bool {
        self.slot(key).is_some()
    }
}

/// Words mapped to small values, looked up as a [`WordList`]: a word of up to 7 bytes as one
/// integer in an open-addressing table, a longer one hashed.
pub struct WordMap<V> {
    short: ShortKeys,
    /// The value of the word in the same slot of `short`.
    short_values: Vec<Option<V>>,
    long: FastMap<&'static str, V>,
}

impl<V: Copy> WordMap<V> {
    /// The entries; of a word given twice, the last value is kept.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let mut merged: FastMap<&'static str, V> = FastMap::default();
        for (word, value) in entries {
            merged.insert(word, value);
        }
        let keys: Vec<u64> = merged.keys().filter_map(|w| short_key(w.as_bytes())).collect();
        let short = ShortKeys::new(&keys);
        let mut short_values = vec![None; short.slots.len()];
        let mut long = FastMap::default();
        for (word, value) in merged {
            match short_key(word.as_bytes()).and_then(|k| short.slot(k)) {
                Some(slot) => short_values[slot] = Some(value),
                None => {
                    long.insert(word, value);
                }
            }
        }
        WordMap { short, short_values, long }
    }

    /// The value of `word`, if it is an entry.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        match short_key(word.as_bytes()) {
            Some(key) => self.short.slot(key).and_then(|slot| self.short_values.get(slot).copied().flatten()),
            None => self.long.get(word).copied(),
        }
    }

}

/// A word of up to 7 bytes as one integer: its bytes, then its length in the top byte.
#[inline]
fn short_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut key = (word.len() as u64) << 56;
    for (k, &b) in word.iter().enumerate() {
        key |= u64::from(b) << (8 * k);
    }
    Some(key)
}

/// The bit of [`WordList::lengths`] for `word`'s byte length.
#[inline]
fn length_bit(word: &[u8]) -> u64 {
    1 << word.len().min(63)
}

impl WordList {
    /// The entries of `files`, one after the other (a word in several files is kept once).
    pub fn new(files: &[&'static str]) -> WordList {
        let mut short = Vec::new();
        let mut list = WordList {
            words: Vec::new(),
            short: ShortKeys::new(&[]),
            long: FastMap::default(),
            lengths: 0,
            first_bytes: ByteSet::default(),
        };
        for data in files {
            for w in entries(data) {
                if list.words.contains(&w) {
                    continue;
                }
                list.words.push(w);
                let bytes = w.as_bytes();
                list.lengths |= length_bit(bytes);
                list.first_bytes.insert(bytes[0]);
                match short_key(bytes) {
                    Some(key) => short.push(key),
                    None => {
                        list.long.insert(w, ());
                    }
                }
            }
        }
        list.short = ShortKeys::new(&short);
        list
    }

    /// Whether `word` is an entry (compared as written: callers pass folded words to folded lists).
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else { return false };
        if self.lengths & length_bit(bytes) == 0
            || !self.first_bytes.contains(first)
        {
            return false;
        }
        self.contains_slow(word)
    }

    /// [`WordList::contains`] past the two bits.
    fn contains_slow(&self, word: &str) -> bool {
        match short_key(word.as_bytes()) {
            Some(key) => self.short.contains(key),
            None => self.long.contains_key(word),
        }
    }

    /// Whether `word` ends with an entry (lists of suffixes): its endings of the entries'
    /// lengths looked up, not every entry tried.
    pub fn ends(&self, word: &str) -> bool {
        if self.lengths >> 63 != 0 {
            // Some entry of 63 bytes or more, which `lengths` does not tell apart.
            return self.words.iter().any(|e| word.ends_with(e));
        }
        let n = word.len();
        // An entry starts on a char boundary, so the ending it matches does too.
        (1..=n.min(62)).any(|k| self.lengths & (1 << k) != 0 && word.get(n - k..).is_some_and(|e| self.contains(e)))
    }

    /// The entries in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words.len()
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

/// Determiners, pronouns, prepositions and conjunctions of French and English
/// (`data/lang/*/function_words.txt`): never a name on their own, even capitalised or in capitals.
pub fn function_words() -> &'static WordList {
    word_list!("lang/fr/function_words.txt", "lang/en/function_words.txt")
}

/// Month names, French and English, folded, with the press's short forms ("janv", "Sep").
pub fn months() -> &'static WordList {
    word_list!(
        "lang/fr/months.txt",
        "lang/fr/month_abbreviations.txt",
        "lang/en/months.txt",
        "lang/en/month_abbreviations.txt"
    )
}

/// Weekday names, French and English, folded.
pub fn weekdays() -> &'static WordList {
    word_list!("lang/fr/weekdays.txt", "lang/en/weekdays.txt")
}

/// Short forms of weekday names, folded ("Thu", "Thurs").
pub fn weekday_abbreviations() -> &'static WordList {
    word_list!("lang/en/weekday_abbreviations.txt")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// The directories of word lists read through this module.
    const DIRS: &[&str] = &["data/lang", "data/entities", "data/structure", "data/quotes"];
    /// Files there of another kind, with their own reader and test (`quotes/frames.rs` reads
    /// the frames, speech verbs and introducers).
    const OTHER_KINDS: &[&str] =
        &["boilerplate_phrases.txt", "speech_verbs.txt", "introducers.txt", "frames.txt"];

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

    /// The dates grammar reads its own table (`data/dates/lexicon.tsv`, with month and day
    /// numbers); its names must be those of the shared lists.
    #[test]
    fn month_and_weekday_names_agree_with_the_dates_lexicon() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |p: &str| std::fs::read_to_string(root.join("data").join(p)).unwrap_or_default();
        let list = |p: &str| -> std::collections::BTreeSet<String> {
            let data = read(&format!("lang/{p}"));
            entries(&data).map(str::to_string).collect()
        };
        let lexicon = read("dates/lexicon.tsv");
        for lang in ["fr", "en"] {
            for (kind, full, short) in
                [("month", "months", "month_abbreviations"), ("weekday", "weekdays", "weekday_abbreviations")]
            {
                let (mut names, mut abbreviations) =
                    (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
                for cols in entries(&lexicon).map(|l| l.split('\t').collect::<Vec<_>>()) {
                    if cols.len() >= 4 && cols[0] == lang && cols[1] == kind {
                        let set = if cols.get(4) == Some(&"abbr") { &mut abbreviations } else { &mut names };
                        set.insert(cols[3].to_string());
                    }
                }
                assert!(!names.is_empty(), "{lang} {kind}");
                assert_eq!(names, list(&format!("{lang}/{full}.txt")), "{lang} {kind} names");
                // The shared lists may know short forms the grammar does not read ("Thu").
                let shared = list(&format!("{lang}/{short}.txt"));
                assert!(
                    abbreviations.is_subset(&shared),
                    "{lang} {kind}: {abbreviations:?} not in {shared:?}"
                );
            }
        }
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
        let many = WordList::new(&["# h\na\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\nq\nr\ns\n"]);
        assert!(many.contains("n") && many.contains("a") && !many.contains("t") && !many.contains("nn"));
        let lengths = WordList::new(&["# h\nde\nd'\nseptembre\nsept\n"]);
        assert!(lengths.contains("d'") && lengths.contains("septembre") && lengths.contains("sept"));
        assert!(
            !lengths.contains("d")
                && !lengths.contains("septembr")
                && !lengths.contains("")
                && !lengths.contains("du")
        );
        let suffixes = WordList::new(&["# h\ntion\ning\n"]);
        assert!(suffixes.ends("nation") && !suffixes.ends("nations"));
        let accented = WordList::new(&["# h\née\nique\n"]);
        assert!(accented.ends("année") && accented.ends("ique") && !accented.ends("é") && !accented.ends(""));
    }
}
