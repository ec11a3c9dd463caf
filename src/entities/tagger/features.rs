//! Hashed features of one token in its sentence, shared by training and inference.
//!
//! Every feature is a template id plus some strings, hashed with FNV-1a (stable across platforms
//! and builds) into one of `buckets` rows of the weight table. Static features depend on the
//! words only; history features depend on the previous tag. The features that read one word are
//! hashed from its strings, once per distinct word; those that combine several words mix the
//! words' [`WordKey`]s (a few integer operations) instead of hashing their strings again.

use crate::entities::gazetteer::{class, Gazetteer, Known};
#[cfg(any(test, feature = "train"))]
use crate::text::fold;
use crate::text::{chars, Token, TokenKind};

/// The BIO tags the model predicts. Indices are the weight columns.
pub const N_TAGS: usize = 7;
#[cfg(any(test, feature = "train"))]
pub const TAG_NAMES: [&str; N_TAGS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// Tag index of "no tag yet" (sentence start) in history features.
pub const START: u8 = N_TAGS as u8;

/// Is `tag` an inside tag (I-X)?
pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// May `tag` follow `prev` (BIO: an I-X only after B-X or I-X)?
pub fn allowed(prev: u8, tag: usize) -> bool {
    if !is_inside(tag) {
        return true;
    }
    prev != START && prev != 0 && (prev as usize).div_ceil(2) == tag / 2
}

/// FNV-1a over a template id and its parts.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u8) -> H {
        H(0xcbf2_9ce4_8422_2325).byte(template)
    }
    fn byte(self, b: u8) -> H {
        H((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }
    fn str(self, s: &str) -> H {
        let mut h = self;
        for b in s.bytes() {
            h = h.byte(b);
        }
        h.byte(0xff)
    }
    /// Same as `str` over the UTF-8 of `chars`, without building the string.
    fn chars(self, chars: impl Iterator<Item = char>) -> H {
        let mut h = self;
        let mut utf8 = [0u8; 4];
        for c in chars {
            for &b in c.encode_utf8(&mut utf8).as_bytes() {
                h = h.byte(b);
            }
        }
        h.byte(0xff)
    }
    /// Mixes a [`WordKey`] hash in (multiply and fold: a few instructions, no string read).
    fn mix(self, x: u64) -> H {
        let h = (self.0 ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        H(h ^ (h >> 32))
    }
    fn bucket(self, buckets: u32) -> u32 {
        // Fold the high bits in: FNV's low bits alone are weak for power-of-two tables.
        let x = self.0 ^ (self.0 >> 29) ^ (self.0 >> 47);
        if buckets.is_power_of_two() {
            (x & (buckets as u64 - 1)) as u32 // the same as `%`, without a division
        } else {
            (x % buckets as u64) as u32
        }
    }
}

/// What the features read of one token.
#[derive(Clone, Debug)]
pub struct Word {
    /// Lower case, digits as `0`, at most 24 chars.
    pub norm: String,
    /// X, x, d or the char itself, runs cut at 3 (“Xxxx” → "Xxxx", “McCain” → "XxXxxx").
    pub shape: String,
    /// Same with runs collapsed to one char ("Xx", "X", "d.d").
    pub short: String,
    pub first_upper: bool,
    pub all_upper: bool,
    pub space_before: bool,
    pub newline_before: bool,
    pub kind: TokenKind,
    /// The original text, truncated to 24 chars (for affixes).
    pub text: String,
}

impl Word {
    pub fn new(text: &str, token: &Token) -> Word {
        let mut w = Word {
            norm: String::new(),
            shape: String::new(),
            short: String::new(),
            first_upper: false,
            all_upper: false,
            space_before: false,
            newline_before: false,
            kind: token.kind,
            text: String::new(),
        };
        w.set(text, token);
        w
    }

    /// Makes this the word of `token`, reusing the strings' memory (the tagger refills one
    /// buffer of words sentence after sentence).
    pub fn set(&mut self, text: &str, token: &Token) {
        let raw = token.text(text);
        for s in [&mut self.norm, &mut self.shape, &mut self.short, &mut self.text] {
            s.clear();
        }
        let (mut last, mut run) = ('\0', 0);
        let (mut letters, mut uppers) = (0, 0);
        for (n, c) in raw.chars().enumerate() {
            if n < 24 {
                self.text.push(c);
                if chars::is_numeric(c) {
                    self.norm.push('0');
                } else {
                    self.norm.extend(c.to_lowercase());
                }
            }
            let s = if chars::is_uppercase(c) {
                'X'
            } else if chars::is_alphabetic(c) {
                'x'
            } else if chars::is_numeric(c) {
                'd'
            } else {
                c
            };
            if chars::is_alphabetic(c) {
                letters += 1;
                if chars::is_uppercase(c) {
                    uppers += 1;
                }
            }
            if s == last {
                run += 1;
            } else {
                run = 1;
                last = s;
                self.short.push(s);
            }
            if run <= 3 && self.shape.len() < 16 {
                self.shape.push(s);
            }
        }
        self.first_upper = raw.chars().next().is_some_and(chars::is_uppercase);
        self.all_upper = letters > 1 && uppers == letters;
        self.space_before = token.space_before;
        self.newline_before = token.newlines_before > 0;
        self.kind = token.kind;
    }
}

const PAD_PREV: &str = "<s>";
const PAD_NEXT: &str = "</s>";

/// What the context features read of a word, made once per distinct word: its norm and short
/// shape as hashes, its capitalisation, and whether it opens a sentence or quote.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordKey {
    pub norm: u64,
    pub short: u64,
    /// Bit 0 first letter upper case, bit 1 all upper case.
    pub caps: u8,
    /// The word is `.`, `!`, `?`, `:`, an opening quote or a dash: the next word starts anew.
    pub opener: bool,
}

impl WordKey {
    pub fn of(w: &Word) -> WordKey {
        WordKey {
            norm: H::new(0).str(&w.norm).0,
            short: H::new(0).str(&w.short).0,
            caps: w.first_upper as u8 | (w.all_upper as u8) << 1,
            opener: w.kind == TokenKind::Punct
                && matches!(w.norm.as_str(), "." | "!" | "?" | ":" | "«" | "\"" | "“" | "—" | "–"),
        }
    }
}

/// The key of the padding before (`PAD_PREV`) or after (`PAD_NEXT`) the sentence.
fn pad_key(pad: &str) -> u64 {
    H::new(0).str(pad).0
}

/// A token in its sentence as the context features read it: its word's key and its spacing.
#[derive(Clone, Copy, Debug)]
pub struct TokenKey {
    pub word: WordKey,
    pub space_before: bool,
    pub newline_before: bool,
}

#[cfg(any(test, feature = "train"))]
impl TokenKey {
    pub fn of(w: &Word) -> TokenKey {
        TokenKey { word: WordKey::of(w), space_before: w.space_before, newline_before: w.newline_before }
    }
}

/// The offsets at which a word's own features are read: the token itself and its neighbours
/// −2..=+2, as indices of [`word_features`]' `offset` (0 ↔ −2, 2 ↔ the token, 4 ↔ +2).
pub const OFFSETS: [isize; 5] = [-2, -1, 0, 1, 2];

/// The static features of a token that read one word only, the word at `OFFSETS[slot]` from the
/// token (`None`: the padding past the sentence's end on that side, never for the token itself),
/// with `classes` its [`cluster_classes`] (word classes: templates 60–63, [`super::clusters`]).
/// With [`context_features`] they make the token's static features ([`token_features`]); kept
/// apart so that the decoder can sum a word's rows once per word and offset.
pub fn word_features(w: Option<&Word>, classes: [u16; 4], slot: usize, buckets: u32, out: &mut Vec<u32>) {
    let offset = OFFSETS[slot];
    let pad = if offset < 0 { PAD_PREV } else { PAD_NEXT };
    let norm = w.map_or(pad, |w| w.norm.as_str());
    let short = w.map_or(pad, |w| w.short.as_str());
    let classes = match w {
        Some(_) => classes,
        None if offset < 0 => [super::clusters::NONE - 1; 4],
        None => [super::clusters::NONE - 2; 4],
    };
    let mut push = |h: H| out.push(h.bucket(buckets));
    let u16b = |h: H, x: u16| h.byte(x as u8).byte((x >> 8) as u8);
    match offset {
        -2 => push(H::new(4).str(norm)),
        -1 => {
            push(H::new(2).str(norm));
            push(H::new(8).str(short));
            for lang in 0..2u8 {
                push(u16b(H::new(62).byte(lang), classes[2 * lang as usize]));
            }
        }
        1 => {
            push(H::new(3).str(norm));
            push(H::new(9).str(short));
            for lang in 0..2u8 {
                push(u16b(H::new(63).byte(lang), classes[2 * lang as usize]));
            }
        }
        2 => push(H::new(5).str(norm)),
        _ => {
            let w = w.expect("the token itself is in its sentence");
            push(H::new(0));
            push(H::new(1).str(&w.norm));
            push(H::new(6).str(&w.shape));
            let n = w.text.chars().count();
            for (k, (end, c)) in w.text.char_indices().take(3).enumerate() {
                push(H::new(12 + k as u8).str(&w.text[..end + c.len_utf8()]));
            }
            for k in 1..=4usize.min(n) {
                push(H::new(14 + k as u8).chars(w.text.chars().skip(n - k).flat_map(char::to_lowercase)));
            }
            let caps = w.first_upper as u8 | (w.all_upper as u8) << 1;
            push(H::new(25).byte(n.min(12) as u8).byte(caps));
            if w.all_upper {
                push(H::new(26).str(&w.norm));
            }
            for lang in 0..2u8 {
                let (fine, coarse) = (2 * lang as usize, 2 * lang as usize + 1);
                push(u16b(H::new(60).byte(lang), classes[fine]));
                push(u16b(H::new(61).byte(lang), classes[coarse]).byte(caps));
            }
        }
    }
}

/// Pushes every static feature of token `i` of `words` (one sentence): [`word_features`] of the
/// words around it, then its [`context_features`]. `classes` are the sentence's
/// [`cluster_classes`] and `gaz` its [`gazetteer_features`].
#[cfg(any(test, feature = "train"))]
pub fn token_features(
    words: &[Word],
    keys: &[TokenKey],
    classes: &[[u16; 4]],
    gaz: &GazetteerMarks,
    i: usize,
    buckets: u32,
    out: &mut Vec<u32>,
) {
    for (slot, k) in OFFSETS.iter().enumerate() {
        let j = i as isize + k;
        match usize::try_from(j).ok().filter(|&j| j < words.len()) {
            Some(j) => word_features(Some(&words[j]), classes[j], slot, buckets, out),
            None => word_features(None, [0; 4], slot, buckets, out),
        }
    }
    context_features(keys, gaz, i, buckets, out);
}

/// The static features of token `i` that [`word_features`] leaves out: those that combine
/// several words or read the token's place in the sentence ([`pair_features`]), and the
/// capitalisation and gazetteer marks around it ([`mark_features`]).
#[cfg(any(test, feature = "train"))]
pub fn context_features(keys: &[TokenKey], gaz: &GazetteerMarks, i: usize, buckets: u32, out: &mut Vec<u32>) {
    pair_features(keys, i, buckets, out);
    mark_features(gaz.marks(keys, i), buckets, out);
}

/// The features of token `i` that mix the [`WordKey`]s of several words, or the token's with
/// its place in the sentence and its spacing: [`token_pair_features`] and the
/// [`bigram_features`] of the word pairs around it.
#[cfg(any(test, feature = "train"))]
pub fn pair_features(keys: &[TokenKey], i: usize, buckets: u32, out: &mut Vec<u32>) {
    let key = |k: isize| -> (u64, u64) {
        let j = i as isize + k;
        match usize::try_from(j).ok().and_then(|j| keys.get(j)) {
            Some(t) => (t.word.norm, t.word.short),
            None => pad_keys(k > 0),
        }
    };
    token_pair_features(keys, i, buckets, out);
    bigram_features(key(-1), key(0), Bigram::Right, buckets, out);
    bigram_features(key(0), key(1), Bigram::Left, buckets, out);
    bigram_features(key(-2), key(-1), Bigram::After, buckets, out);
}

/// The (norm, short) keys of the padding before (`after_end` false) or after the sentence.
pub fn pad_keys(after_end: bool) -> (u64, u64) {
    let k = pad_key(if after_end { PAD_NEXT } else { PAD_PREV });
    (k, k)
}

/// The features of token `i` that read its own short shape with its neighbours' shapes, its
/// place in the sentence or its spacing.
pub fn token_pair_features(keys: &[TokenKey], i: usize, buckets: u32, out: &mut Vec<u32>) {
    let t = &keys[i];
    let w = &t.word;
    let short = |k: isize| {
        let j = i as isize + k;
        match usize::try_from(j).ok().and_then(|j| keys.get(j)) {
            Some(t) => t.word.short,
            None => pad_keys(k > 0).1,
        }
    };
    let [pos, glued_prev, glued_next] = token_place(keys, i);
    let mut push = |h: H| out.push(h.bucket(buckets));
    push(H::new(7).mix(short(-1)).mix(w.short).mix(short(1)));
    push(H::new(19).byte(pos).mix(w.short));
    push(H::new(21).byte(glued_prev).byte(glued_next).mix(w.short));
}

/// What [`token_pair_features`] reads of token `i` besides the short shapes: its place (0 first
/// in the sentence, 1 first on a line, 2 after an opener, 3 elsewhere) and whether it is glued
/// to the token before (0, 1) and to the token after (0, 1, 2 at the sentence's end).
pub fn token_place(keys: &[TokenKey], i: usize) -> [u8; 3] {
    let t = &keys[i];
    let pos = if i == 0 {
        0
    } else if t.newline_before {
        1
    } else if keys[i - 1].word.opener {
        2
    } else {
        3
    };
    let glued_next = keys.get(i + 1).map_or(2, |x| !x.space_before as u8);
    [pos, !t.space_before as u8, glued_next]
}

/// Which token a pair of adjacent words (`a`, `b`) gives [`bigram_features`] to.
#[derive(Clone, Copy)]
pub enum Bigram {
    /// To `b`: the word before and the word itself.
    Right,
    /// To `a`: the word itself and the word after.
    Left,
    /// To the token after `b`: the two words before it.
    After,
}

/// The features a pair of adjacent words' (norm, short) keys gives the token `role` names. They
/// depend on the two words only, so the decoder sums them once per pair of words.
pub fn bigram_features(a: (u64, u64), b: (u64, u64), role: Bigram, buckets: u32, out: &mut Vec<u32>) {
    let mut push = |h: H| out.push(h.bucket(buckets));
    match role {
        Bigram::Right => {
            push(H::new(10).mix(a.0).mix(b.0));
            push(H::new(22).mix(a.0).mix(b.1));
        }
        Bigram::Left => {
            push(H::new(11).mix(a.0).mix(b.0));
            push(H::new(23).mix(a.1).mix(b.0));
        }
        Bigram::After => push(H::new(24).mix(a.0).mix(b.0)),
    }
}

/// Gazetteer knowledge of a sentence's tokens: the longest name-list entry covering each token
/// (its group and whether the token starts it) and per-word classes.
#[derive(Default)]
pub struct GazetteerMarks {
    /// Per token: 0 none, else group (1 place, 2 org/media, 3 demonym) | 4 if inside (not first).
    span: Vec<u8>,
    /// Per token: bit 0 first name, 1 title, 2 org head, 3 usually lowercase, 4 function word.
    word: Vec<u8>,
}

/// What the gazetteer features look up for each word: its text (the first 24 chars) folded.
#[cfg(any(test, feature = "train"))]
pub fn gazetteer_folds(words: &[Word]) -> Vec<String> {
    words.iter().map(|w| fold(&w.text)).collect()
}

/// Looks the sentence's tokens, folded as [`gazetteer_folds`] does, up in [`Gazetteer`]
/// (longest match from each start, left to right).
#[cfg(any(test, feature = "train"))]
pub fn gazetteer_features<S: AsRef<str>>(folded: &[S]) -> GazetteerMarks {
    let g = Gazetteer::get();
    let mut marks = GazetteerMarks::default();
    marks.fill(folded.len(), |i| folded[i].as_ref(), |i| g.known(folded[i].as_ref()));
    marks
}

impl GazetteerMarks {
    /// Makes room for `n` tokens.
    pub fn reserve(&mut self, n: usize) {
        self.span.reserve(n);
        self.word.reserve(n);
    }

    /// Makes these the [`gazetteer_features`] of `n` tokens given each token's fold and its
    /// [`Gazetteer::known`], reusing the memory. A token's fold is read only where some entry
    /// starts with its word (most tokens: none).
    pub fn fill<'f>(&mut self, n: usize, folded: impl Fn(usize) -> &'f str, known: impl Fn(usize) -> Known) {
        let g = Gazetteer::get();
        let (span, word) = (&mut self.span, &mut self.word);
        span.clear();
        span.resize(n, 0);
        word.clear();
        word.extend((0..n).map(|i| {
            let known = known(i);
            let c = known.classes;
            (c & class::FIRST_NAME != 0) as u8
                | ((c & class::TITLE != 0) as u8) << 1
                | ((c & class::ORG_HEAD != 0) as u8) << 2
                | (known.is_common() as u8) << 3
                | (known.is_function_word() as u8) << 4
        }));
        let mut i = 0;
        while i < n {
            let rest = (i + 1..n.min(i + g.max_tokens)).map(&folded);
            match g.longest_after(|| folded(i), known(i), rest, class::NAME) {
                Some((k, c)) => {
                    let group = if c & class::PLACE != 0 {
                        1
                    } else if c & (class::ORG | class::MEDIA) != 0 {
                        2
                    } else {
                        3 // a demonym
                    };
                    for (k, m) in span[i..=i + k].iter_mut().enumerate() {
                        *m = group | if k > 0 { 4 } else { 0 };
                    }
                    i += k + 1;
                }
                None => i += 1,
            }
        }
    }

    /// The small marks of token `i` that the capitalisation and gazetteer features read
    /// ([`mark_features`]), packed into one number: few distinct values occur, so the decoder
    /// sums their rows once per value.
    pub fn marks(&self, keys: &[TokenKey], i: usize) -> u64 {
        let prev_caps = if i > 0 { keys[i - 1].word.caps } else { 4 };
        let next_caps = keys.get(i + 1).map_or(4, |x| x.word.caps);
        let sent_start = (i == 0 || keys[i].newline_before) as u8;
        let prev_word = if i > 0 { self.word[i - 1] } else { 32 };
        let next_word = self.word.get(i + 1).copied().unwrap_or(32);
        let prev_span = if i > 0 { self.span[i - 1] } else { 8 };
        let next_span = self.span.get(i + 1).copied().unwrap_or(8);
        u64::from_le_bytes([
            keys[i].word.caps,
            prev_caps,
            next_caps,
            self.span[i],
            prev_span | next_span << 4,
            self.word[i] | sent_start << 7,
            prev_word,
            next_word,
        ])
    }
}

/// Pushes the capitalisation and gazetteer features of a token given its
/// [`GazetteerMarks::marks`].
pub fn mark_features(marks: u64, buckets: u32, out: &mut Vec<u32>) {
    let [caps, prev_caps, next_caps, span, around, word, prev_word, next_word] = marks.to_le_bytes();
    let (prev_span, next_span) = (around & 15, around >> 4);
    let (word, sent_start) = (word & 127, word >> 7);
    let mut push = |h: H| out.push(h.bucket(buckets));
    push(H::new(20).byte(caps).byte(prev_caps).byte(next_caps));
    push(H::new(50).byte(span).byte(caps));
    push(H::new(51).byte(span).byte(prev_span).byte(next_span));
    push(H::new(52).byte(word).byte(caps).byte(sent_start));
    push(H::new(53).byte(prev_word & 7).byte(word & 1).byte(caps));
    push(H::new(54).byte(next_word).byte(caps));
    push(H::new(55).byte(prev_word).byte(word).byte(next_word));
}

/// The word classes of each of `words`, looked up once for [`word_features`].
#[cfg(any(test, feature = "train"))]
pub fn cluster_classes(words: &[Word]) -> Vec<[u16; 4]> {
    let c = super::clusters::Clusters::get();
    words.iter().map(|w| c.of(&w.norm)).collect()
}

/// Pushes the history features of a token given its previous tag and its word.
#[cfg(any(test, feature = "train"))]
pub fn history_features(w: &Word, prev: u8, buckets: u32, out: &mut Vec<u32>) {
    out.push(prev_tag_feature(prev, buckets));
    out.push(prev_tag_norm_feature(&w.norm, prev, buckets));
    out.push(prev_tag_short_feature(&w.short, prev, buckets));
}

/// The history feature of the previous tag alone (the first of [`history_features`]).
pub fn prev_tag_feature(prev: u8, buckets: u32) -> u32 {
    H::new(40).byte(prev).bucket(buckets)
}

/// The history feature of the previous tag with the word's `norm`.
pub fn prev_tag_norm_feature(norm: &str, prev: u8, buckets: u32) -> u32 {
    H::new(42).byte(prev).str(norm).bucket(buckets)
}

/// The history feature of the previous tag with the word's `short` shape.
pub fn prev_tag_short_feature(short: &str, prev: u8, buckets: u32) -> u32 {
    H::new(43).byte(prev).str(short).bucket(buckets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn words(text: &str) -> Vec<Word> {
        tokenize(text).iter().map(|t| Word::new(text, t)).collect()
    }

    #[test]
    fn word_shapes() {
        let w = words("M. McCain, DIOP 2025 Iounous-Bek l’Africacorps");
        let got: Vec<_> =
            w.iter().map(|w| (w.norm.as_str(), w.shape.as_str(), w.short.as_str(), w.all_upper)).collect();
        assert_eq!(got[0], ("m", "X", "X", false));
        assert_eq!(got[2], ("mccain", "XxXxxx", "XxXx", false));
        assert_eq!(got[4], ("diop", "XXX", "X", true));
        assert_eq!(got[5], ("0000", "ddd", "d", false));
        assert_eq!(got[7].0, "-");
        assert_eq!(got[9], ("l’", "x’", "x’", false));
    }

    /// Every static feature of each token of `text`, with `buckets` rows.
    fn all_features(text: &str, buckets: u32) -> Vec<Vec<u32>> {
        let w = words(text);
        let gaz = gazetteer_features(&gazetteer_folds(&w));
        let classes = cluster_classes(&w);
        let keys: Vec<TokenKey> = w.iter().map(TokenKey::of).collect();
        (0..w.len())
            .map(|i| {
                let mut out = Vec::new();
                token_features(&w, &keys, &classes, &gaz, i, buckets, &mut out);
                out
            })
            .collect()
    }

    #[test]
    fn features_are_stable_and_in_range() {
        let text = "Le président Assimi Goïta a reçu Sergueï Lavrov à Bamako.";
        let a = all_features(text, 1000);
        assert_eq!(a, all_features(text, 1000));
        assert!(a.iter().flatten().all(|&x| x < 1000));
        // Different words give different word features (template 1: the norm).
        let w = words(text);
        let (mut x, mut y) = (Vec::new(), Vec::new());
        word_features(Some(&w[2]), [0; 4], 2, 1 << 20, &mut x);
        word_features(Some(&w[3]), [0; 4], 2, 1 << 20, &mut y);
        assert_ne!(x[1], y[1]);
    }

    /// The shipped weights are rows of these exact feature hashes: a fingerprint of the sorted
    /// features of a few sentences, taken from the feature list the weights were trained with,
    /// catches any change to a template, a hash or a padding.
    #[test]
    fn features_are_the_ones_the_weights_were_trained_on() {
        let mut fingerprint = 0xcbf2_9ce4_8422_2325u64;
        for text in [
            "Le président Assimi Goïta a reçu Sergueï Lavrov à Bamako.",
            "«\u{202F}NASA» M. McCain-Smith, DIOP 2025\nx",
            "A",
            "Ééé-ÉÉ’’ 12.3 Anticonstitutionnellementissimes Paris",
        ] {
            for mut token in all_features(text, 1 << 17) {
                token.sort_unstable();
                for b in token {
                    fingerprint = (fingerprint ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
        }
        assert_eq!(fingerprint, 0x5a97_d27c_927a_3c72);
    }

    #[test]
    fn bio_constraints() {
        assert!(allowed(START, 0) && allowed(START, 1) && !allowed(START, 2));
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(3, 2) && !allowed(0, 4));
        assert!(allowed(5, 6) && allowed(6, 6) && allowed(4, 5));
    }
}
