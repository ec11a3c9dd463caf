//! Name lists compiled into the binary (`data/gazetteers/`, each file says its source and
//! licence), looked up by folded token sequence through one table built on first use.
//!
//! A key is the entry tokenised like the text and folded token by token, joined by spaces:
//! "Côte d’Ivoire" and "COTE D'IVOIRE" both give `cote d' ivoire`.

use crate::text::{chars, fold, fold_char_into, tokenize, ByteSet, FastMap};
use crate::words::function_words;
use std::borrow::Cow;
use std::sync::OnceLock;

/// What a gazetteer entry is; an entry can be several things ("Florence").
pub mod class {
    pub const COUNTRY: u16 = 1 << 0;
    pub const CITY: u16 = 1 << 1;
    pub const REGION: u16 = 1 << 2;
    pub const LANDMARK: u16 = 1 << 3;
    pub const ORG: u16 = 1 << 4;
    pub const MEDIA: u16 = 1 << 5;
    pub const FIRST_NAME: u16 = 1 << 6;
    pub const TITLE: u16 = 1 << 7;
    pub const ORG_HEAD: u16 = 1 << 8;
    pub const DEMONYM: u16 = 1 << 9;
    /// Closes an organisation's name ("… Ltd", "… Logistics", "… Post"); not a tagger feature.
    pub const ORG_TAIL: u16 = 1 << 10;
    /// Closes a place's name ("… Street", "… Port", "… River"); not a tagger feature.
    pub const PLACE_TAIL: u16 = 1 << 11;
    pub const PLACE: u16 = COUNTRY | CITY | REGION | LANDMARK;
    /// Classes that name something on their own (not cues).
    pub const NAME: u16 = PLACE | ORG | MEDIA | DEMONYM;
}

pub struct Gazetteer {
    /// Every entry key, every key an entry starts with, and the common and function words: one
    /// look-up answers all a token needs.
    table: Table,
    /// Most tokens in any entry key.
    pub max_tokens: usize,
    /// Bit `b` set for the first byte `b` of some key: punctuation is let go unhashed.
    first_bytes: ByteSet,
}

/// What the table knows of one key.
#[derive(Clone, Copy, Default)]
pub struct Known {
    pub classes: u16,
    flags: u8,
}

impl Known {
    /// Whether the word is usually written lowercase (a common or a function word).
    pub fn is_common(self) -> bool {
        self.flags & (COMMON | FUNCTION) != 0
    }

    /// Whether the word is a closed-class word (determiner, pronoun, preposition…).
    pub fn is_function_word(self) -> bool {
        self.flags & FUNCTION != 0
    }

    /// Some longer entry starts with this key and a space.
    pub fn extends(self) -> bool {
        self.flags & EXTENDS != 0
    }
}

/// The most bytes in a key of the table (a test checks the lists against it).
const LONGEST_KEY: usize = 128;

/// Some entry starts with this key and a space: look further.
const EXTENDS: u8 = 1;
/// A folded word usually written lowercase.
const COMMON: u8 = 2;
/// A word of [`function_words`].
const FUNCTION: u8 = 4;

const FILES: &[(&str, u16)] = &[
    (include_str!("../../data/gazetteers/countries.txt"), class::COUNTRY),
    (include_str!("../../data/gazetteers/countries_extra.txt"), class::COUNTRY),
    (include_str!("../../data/gazetteers/cities.txt"), class::CITY),
    (include_str!("../../data/gazetteers/regions_cldr.txt"), class::REGION),
    (include_str!("../../data/gazetteers/regions.txt"), class::REGION),
    (include_str!("../../data/gazetteers/us_states.txt"), class::REGION),
    (include_str!("../../data/gazetteers/landmarks.txt"), class::LANDMARK),
    (include_str!("../../data/gazetteers/organisations.txt"), class::ORG),
    (include_str!("../../data/gazetteers/media.txt"), class::MEDIA),
    (include_str!("../../data/gazetteers/first_names.txt"), class::FIRST_NAME),
    (include_str!("../../data/gazetteers/titles.txt"), class::TITLE),
    (include_str!("../../data/gazetteers/org_heads.txt"), class::ORG_HEAD),
    (include_str!("../../data/gazetteers/org_tails.txt"), class::ORG_TAIL),
    (include_str!("../../data/gazetteers/place_tails.txt"), class::PLACE_TAIL),
];
const DEMONYMS: &str = include_str!("../../data/gazetteers/demonyms.txt");
const COMMON_WORDS: &str = include_str!("../../data/gazetteers/common_words.txt");

use crate::words::entries as lines;

/// The look-up key of a name: its tokens folded and joined by single spaces.
pub fn key(name: &str) -> String {
    simple_key(name).unwrap_or_else(|| tokenized_key(name))
}

/// [`key`] by tokenizing the name.
fn tokenized_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for t in tokenize(name) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in t.text(name).chars() {
            fold_char_into(c, &mut out);
        }
    }
    out
}

/// [`key`] of a name of letters and digits in words separated by single spaces (most entries),
/// without tokenizing it: its tokens are those words. `None` for any other name.
fn simple_key(name: &str) -> Option<String> {
    if name.starts_with(' ') || name.ends_with(' ') || name.contains("  ") {
        return None;
    }
    if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
        return Some(name.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c == ' ' {
            out.push(' ');
        } else if chars::is_alphanumeric(c) {
            fold_char_into(c, &mut out);
        } else {
            return None;
        }
    }
    Some(out)
}

/// The gazetteer's table: keys that are their list's text are borrowed from it.
type Table = FastMap<Cow<'static, str>, Known>;

/// Applies `set` to what `table` knows of `key`, adding the key if new (`stored`, which
/// borrows the key from a list where it can, is called only then).
fn mark(table: &mut Table, key: &str, stored: impl FnOnce() -> Cow<'static, str>, set: impl FnOnce(&mut Known)) {
    match table.get_mut(key) {
        Some(known) => set(known),
        None => {
            let mut known = Known::default();
            set(&mut known);
            table.insert(stored(), known);
        }
    }
}

/// `word` folded, borrowed when folding leaves it as it is (most listed words).
fn folded(word: &'static str) -> Cow<'static, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// French inflections of a demonym given in the masculine singular ("Malien" → "Maliennes").
fn inflections(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string(), format!("{base}s")];
    if base.ends_with('s') || base.ends_with('x') {
        v.pop();
        v.extend([format!("{base}e"), format!("{base}es")]);
    } else if base.ends_with('e') {
    } else if base.ends_with("ien") || base.ends_with("éen") {
        v.extend([format!("{base}ne"), format!("{base}nes")]);
    } else {
        v.extend([format!("{base}e"), format!("{base}es")]);
    }
    v
}

impl Gazetteer {
    /// The tables, built once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut table: Table = FastMap::default();
        table.reserve(16384);
        let mut max_tokens = 1;
        // Adds the entry with key `k` (`name` when that is its key) and marks the keys it starts with.
        let mut add = |k: String, name: &'static str, c: u16, table: &mut Table| {
            if k.is_empty() {
                return;
            }
            let mut tokens = 1;
            for (at, b) in k.bytes().enumerate() {
                if b == b' ' {
                    tokens += 1;
                    let prefix = &k[..at];
                    mark(table, prefix, || Cow::Owned(prefix.to_string()), |known| known.flags |= EXTENDS);
                }
            }
            max_tokens = max_tokens.max(tokens);
            match table.get_mut(k.as_str()) {
                Some(known) => known.classes |= c,
                None => {
                    let k = if k == name { Cow::Borrowed(name) } else { Cow::Owned(k) };
                    table.insert(k, Known { classes: c, flags: 0 });
                }
            }
        };
        for (data, c) in FILES {
            for l in lines(data) {
                add(key(l), l, *c, &mut table);
            }
        }
        for l in lines(DEMONYMS) {
            for form in inflections(l) {
                add(key(&form), "", class::DEMONYM, &mut table);
            }
        }
        for w in lines(COMMON_WORDS) {
            let k = folded(w);
            mark(&mut table, &k, || k.clone(), |known| known.flags |= COMMON);
        }
        for w in function_words().iter() {
            mark(&mut table, w, || Cow::Borrowed(w), |known| known.flags |= FUNCTION);
        }
        let mut first_bytes = ByteSet::default();
        table.keys().filter_map(|k| k.as_bytes().first()).for_each(|&b| first_bytes.insert(b));
        Gazetteer { table, max_tokens, first_bytes }
    }

    /// Everything known of `key` in one look-up.
    pub fn known(&self, key: &str) -> Known {
        let Some(&b) = key.as_bytes().first() else { return Known::default() }; // no empty key
        if !self.first_bytes.contains(b) {
            return Known::default();
        }
        self.table.get(key).copied().unwrap_or_default()
    }

    /// Classes of the entry with this key (0 when none).
    pub fn classes(&self, key: &str) -> u16 {
        self.known(key).classes
    }

    /// Whether the folded word is usually written lowercase (the rules read [`Known::is_common`],
    /// cached per token).
    #[cfg(test)]
    pub fn is_common(&self, folded: &str) -> bool {
        self.known(folded).is_common()
    }

    /// Whether the folded word is a closed-class word (determiner, pronoun, preposition…).
    #[cfg(test)]
    pub fn is_function_word(&self, folded: &str) -> bool {
        self.known(folded).is_function_word()
    }

    /// Classes of the entry made of the folded tokens `word` then `words` (0 when none):
    /// [`Gazetteer::classes`] of their key, built only as far as some entry starts with it,
    /// given what is known of `word` (its [`Gazetteer::known`], which callers cache).
    pub fn classes_after<'w>(&self, word: &str, known: Known, words: impl IntoIterator<Item = &'w str>) -> u16 {
        let mut read = known;
        let mut key = KeyBuf::new();
        for w in words {
            if !read.extends() || (key.is_empty() && !key.push(word)) || !key.push_word(w) {
                return 0;
            }
            read = self.known(key.as_str());
        }
        read.classes
    }

    /// The longest entry with a class in `mask` made of the first of `folded` tokens: the index
    /// of its last token and its classes within `mask`. Stops reading tokens as soon as no
    /// entry starts with those read. (Callers use [`Gazetteer::longest_after`] with their cache.)
    #[cfg(test)]
    pub fn longest<'w>(&self, folded: impl IntoIterator<Item = &'w str>, mask: u16) -> Option<(usize, u16)> {
        let mut words = folded.into_iter();
        let word = words.next()?;
        self.longest_after(|| word, self.known(word), words, mask)
    }

    /// [`Gazetteer::longest`] of `word` then `words`, given what is known of `word` (its
    /// [`Gazetteer::known`], which callers may have cached). `word` is called only when some
    /// entry starts with it (most words: never), so a caller can fetch it lazily.
    pub fn longest_after<'w>(
        &self,
        word: impl FnOnce() -> &'w str,
        known: Known,
        words: impl IntoIterator<Item = &'w str>,
        mask: u16,
    ) -> Option<(usize, u16)> {
        let mut read = known;
        let mut best = (read.classes & mask != 0).then_some((0, read.classes & mask));
        if !read.extends() {
            return best; // most tokens: one look-up, no key built
        }
        let mut key = KeyBuf::new();
        if !key.push(word()) {
            return best;
        }
        for (k, w) in words.into_iter().enumerate() {
            if !read.extends() || !key.push_word(w) {
                break;
            }
            read = self.known(key.as_str());
            if read.classes & mask != 0 {
                best = Some((k + 1, read.classes & mask));
            }
        }
        best
    }
}

/// A look-up key growing word by word in a buffer on the stack: no key of the table is longer
/// (see the test), so a key that would not fit names no entry.
struct KeyBuf {
    bytes: [u8; LONGEST_KEY],
    len: usize,
}

impl KeyBuf {
    fn new() -> KeyBuf {
        KeyBuf { bytes: [0; LONGEST_KEY], len: 0 }
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends `part` if it fits.
    fn push(&mut self, part: &str) -> bool {
        let Some(to) = self.bytes.get_mut(self.len..self.len + part.len()) else { return false };
        to.copy_from_slice(part.as_bytes());
        self.len += part.len();
        true
    }

    /// Appends a space and `word` if they fit.
    fn push_word(&mut self, word: &str) -> bool {
        self.push(" ") && self.push(word)
    }

    /// The key so far: whole words joined by spaces, always UTF-8 (empty otherwise).
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_apostrophes() {
        assert_eq!(key("Côte d’Ivoire"), "cote d' ivoire");
        assert_eq!(key("COTE D'IVOIRE"), "cote d' ivoire");
        assert_eq!(key("États-Unis"), "etats - unis");
    }

    #[test]
    fn lists_are_loaded_with_their_classes() {
        let g = Gazetteer::get();
        for (name, c) in [
            ("Russie", class::COUNTRY),
            ("Russia", class::COUNTRY),
            ("Fédération de Russie", class::COUNTRY),
            ("Moscou", class::CITY),
            ("Moscow", class::CITY),
            ("Bamako", class::CITY),
            ("Sahel", class::REGION),
            ("Kremlin", class::LANDMARK),
            ("ONU", class::ORG),
            ("Reuters", class::MEDIA),
            ("Vladimir", class::FIRST_NAME),
            ("général d'armée", class::TITLE),
            ("ministère", class::ORG_HEAD),
            ("Maliennes", class::DEMONYM),
            ("Russes", class::DEMONYM),
            ("Ltd", class::ORG_TAIL),
            ("Street", class::PLACE_TAIL),
        ] {
            assert!(g.classes(&key(name)) & c != 0, "{name}");
        }
        assert!(g.is_common("cette") && g.is_common("rencontre") && !g.is_common("bamako"));
        assert!(g.table.keys().all(|k| k.len() <= LONGEST_KEY));
        assert!(!g.table.contains_key(""));
        assert_eq!(g.longest(["cote d'", "ivoire", "x"], class::COUNTRY), Some((1, class::COUNTRY)));
    }

    /// The shortcuts that skip tokenizing or folding give the keys the full way gives, for
    /// every listed name and word and for names on either side of the shortcut's bounds.
    #[test]
    fn shortcut_keys_are_the_full_ones() {
        let odd = ["", "Côte d’Ivoire", "A  B", " Paris", "Paris ", "Saint-Denis", "G7 Summit", "Ōsaka Bay", "Ægir"];
        let names = FILES.iter().flat_map(|(data, _)| lines(data)).chain(odd);
        let mut simple = 0;
        for name in names {
            if let Some(k) = simple_key(name) {
                assert_eq!(k, tokenized_key(name), "{name}");
                simple += 1;
            }
        }
        assert!(simple > 5000, "{simple}");
        for w in lines(COMMON_WORDS).chain(["École", "ça", "USA"]) {
            assert_eq!(folded(w), fold(w), "{w}");
        }
    }

    #[test]
    fn french_demonym_inflections() {
        assert_eq!(inflections("Malien"), ["Malien", "Maliens", "Malienne", "Maliennes"]);
        assert_eq!(inflections("Français"), ["Français", "Française", "Françaises"]);
        assert_eq!(inflections("Russe"), ["Russe", "Russes"]);
    }
}
