//! The weight table, its file format, and decoding under BIO constraints (greedy and Viterbi).
//!
//! File format (little endian): `MNER`, version `2`, tag count `7`, two zero bytes, bucket count
//! (u32), count of exact rows (u32), a codebook of 256 f32 values (0: zero, 1..=127 positive
//! magnitudes in geometric steps, 129..=255 their negatives, 128: "exact row"), the exact rows
//! sorted by bucket (u32 bucket + 7 f32), then `buckets × 7` codebook indices, row-major.
//! Perceptron weights span five orders of magnitude and the few huge ones (bias, tag history)
//! matter to the unit, so those rows are kept as floats and the rest go through the codebook.
//! Everything is read in place: loading copies 1 KB of codebook and allocates nothing.

use super::features::{
    allowed, bigram_features, is_inside, mark_features, pad_keys, prev_tag_feature, prev_tag_norm_feature,
    prev_tag_short_feature, token_pair_features, token_place, word_features, Bigram, GazetteerMarks, TokenKey,
    Word, WordKey, N_TAGS, OFFSETS, START,
};
#[cfg(any(test, feature = "train"))]
use super::features::{cluster_classes, gazetteer_features, gazetteer_folds, history_features, token_features};
use std::borrow::Cow;
use crate::entities::gazetteer::{Gazetteer, Known};
use crate::text::hash::SeededFx;
#[cfg(any(test, feature = "train"))]
use std::ops::Range;

const MAGIC: &[u8; 4] = b"MNER";
const VERSION: u8 = 2;
const HEADER: usize = 16 + 256 * 4;
const EXACT_ROW: usize = 4 + 4 * N_TAGS;
/// Codebook index marking a row stored exactly.
const EXACT: u8 = 128;

/// Anything that can score a token's features for every tag.
pub trait Scorer {
    fn buckets(&self) -> u32;
    /// The weights of one feature for every tag (zeros for a bucket without weights).
    fn row(&self, feature: u32) -> [f32; N_TAGS];
    /// Adds the weights of `features` to `scores`, in order (float sums depend on the order).
    #[cfg(any(test, feature = "train"))]
    fn add(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
        for &f in features {
            add_row(scores, &self.row(f));
        }
    }
    /// Adds the weights of `features` to `scores` in f64. A sum of a few dozen f32 weights
    /// spanning less than 2^24 is exact in f64 (the shipped models' span 2^19), so any order gives
    /// the same sums: the decoder sums per word once and reuses the partial sums.
    fn add_f64(&self, features: &[u32], scores: &mut [f64; N_TAGS]) {
        for &f in features {
            for (s, w) in scores.iter_mut().zip(self.row(f)) {
                *s += w as f64;
            }
        }
    }
}

/// `scores += row`, tag by tag.
#[inline]
pub fn add_row(scores: &mut [f32; N_TAGS], row: &[f32; N_TAGS]) {
    for (s, w) in scores.iter_mut().zip(row) {
        *s += w;
    }
}

/// A quantised model borrowed from a weights file.
#[derive(Clone, Debug)]
pub struct Model<'a> {
    buckets: u32,
    codebook: [f32; 256],
    codebook64: [f64; 256],
    /// The rows stored exactly, decoded, in file order.
    exact: Vec<[f32; N_TAGS]>,
    /// Per bucket, 1 + the index of its exact row in `exact` (0: none). Many tokens hit exact
    /// rows, so this is a direct index (4 bytes per bucket) rather than a search.
    exact_index: Vec<u32>,
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// Checks the header and sizes; `None` for anything that is not a whole weights file.
    pub fn parse(bytes: &'a [u8]) -> Option<Model<'a>> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC || bytes[4] != VERSION || bytes[5] as usize != N_TAGS
        {
            return None;
        }
        let buckets = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
        let n_exact = u32::from_le_bytes(bytes[12..16].try_into().ok()?) as usize;
        let mut codebook = [0f32; 256];
        for (k, c) in codebook.iter_mut().enumerate() {
            let at = 16 + 4 * k;
            *c = f32::from_le_bytes(bytes[at..at + 4].try_into().ok()?);
            if !c.is_finite() {
                return None;
            }
        }
        let exact_bytes = bytes.get(HEADER..HEADER.checked_add(n_exact.checked_mul(EXACT_ROW)?)?)?;
        let weights = &bytes[HEADER + exact_bytes.len()..];
        if buckets == 0 || weights.len() != buckets as usize * N_TAGS {
            return None;
        }
        let le = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let mut exact = Vec::with_capacity(n_exact);
        let mut exact_index = vec![0u32; buckets as usize];
        for r in exact_bytes.chunks_exact(EXACT_ROW) {
            exact.push(std::array::from_fn(|t| f32::from_bits(le(&r[4 + 4 * t..]))));
            if let Some(slot) = exact_index.get_mut(le(r) as usize) {
                *slot = exact.len() as u32;
            }
        }
        let codebook64 = codebook.map(f64::from);
        Some(Model { buckets, codebook, codebook64, exact, exact_index, weights })
    }

    #[cfg(any(test, feature = "train"))]
    pub fn weight(&self, bucket: u32, tag: usize) -> f32 {
        self.row(bucket)[tag]
    }
}

impl Model<'_> {
    /// The codebook indices of a feature's row, `None` past the table.
    #[inline]
    fn codes(&self, feature: u32) -> Option<&[u8; N_TAGS]> {
        let at = feature as usize * N_TAGS;
        self.weights.get(at..at + N_TAGS)?.try_into().ok()
    }

    fn exact_row(&self, feature: u32) -> [f32; N_TAGS] {
        match self.exact_index.get(feature as usize) {
            Some(&k) if k > 0 => self.exact[k as usize - 1],
            _ => [0.0; N_TAGS],
        }
    }
}

impl Scorer for Model<'_> {
    fn buckets(&self) -> u32 {
        self.buckets
    }
    fn row(&self, feature: u32) -> [f32; N_TAGS] {
        match self.codes(feature) {
            None => [0.0; N_TAGS],
            Some(codes) if codes[0] == EXACT => self.exact_row(feature),
            Some(codes) => codes.map(|c| self.codebook[c as usize]),
        }
    }
    /// As the trait's, reading the codebook straight into the sums.
    #[cfg(any(test, feature = "train"))]
    fn add(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
        for &f in features {
            match self.codes(f) {
                None => {}
                Some(codes) if codes[0] == EXACT => add_row(scores, &self.exact_row(f)),
                Some(codes) => {
                    for (s, &c) in scores.iter_mut().zip(codes) {
                        *s += self.codebook[c as usize];
                    }
                }
            }
        }
    }
    fn add_f64(&self, features: &[u32], scores: &mut [f64; N_TAGS]) {
        for &f in features {
            match self.codes(f) {
                None => {}
                Some(codes) if codes[0] == EXACT => {
                    for (s, w) in scores.iter_mut().zip(self.exact_row(f)) {
                        *s += w as f64;
                    }
                }
                Some(codes) => {
                    for (s, &c) in scores.iter_mut().zip(codes) {
                        *s += self.codebook64[c as usize];
                    }
                }
            }
        }
    }
}

/// Writes a weights file from float weights (`buckets × 7`). Rows with a weight above
/// `exact_above` in magnitude are stored as floats; the codebook holds 0 and 127 magnitudes in
/// geometric steps from `floor` to `exact_above`, with either sign (about 3% relative error);
/// smaller weights become 0.
#[cfg(any(test, feature = "train"))]
pub fn quantise(weights: &[f32], buckets: u32, floor: f32, exact_above: f32) -> Vec<u8> {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).min(exact_above);
    let min = floor.max(max * 1e-4).max(f32::MIN_POSITIVE);
    let ratio = if max > min { (max / min).powf(1.0 / 126.0) } else { 2.0 };
    let ln_ratio = ratio.ln();
    let mut codebook = [0f32; 256];
    for k in 1..=127 {
        let mag = min * ratio.powi(k as i32 - 1);
        codebook[k] = mag;
        codebook[128 + k] = -mag;
    }
    let is_exact = |row: &[f32]| row.iter().any(|w| w.abs() > exact_above);
    let exact: Vec<(usize, &[f32])> =
        weights.chunks(N_TAGS).enumerate().filter(|(_, r)| is_exact(r)).collect();
    let mut out = Vec::with_capacity(HEADER + exact.len() * EXACT_ROW + weights.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[VERSION, N_TAGS as u8, 0, 0]);
    out.extend_from_slice(&buckets.to_le_bytes());
    out.extend_from_slice(&(exact.len() as u32).to_le_bytes());
    for c in codebook {
        out.extend_from_slice(&c.to_le_bytes());
    }
    for (bucket, row) in &exact {
        out.extend_from_slice(&(*bucket as u32).to_le_bytes());
        for w in *row {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    let code = |w: f32| -> u8 {
        let a = w.abs();
        if !a.is_finite() || a < min / ratio.sqrt() {
            return 0;
        }
        let k = ((a / min).ln() / ln_ratio).round().clamp(0.0, 126.0) as u8 + 1;
        if w < 0.0 {
            128 + k
        } else {
            k
        }
    };
    for row in weights.chunks(N_TAGS) {
        if is_exact(row) {
            out.push(EXACT);
            out.extend(std::iter::repeat(0).take(N_TAGS - 1));
        } else {
            out.extend(row.iter().map(|&w| code(w)));
        }
    }
    out
}

/// Static features of every token of a sentence, flattened, with each token's range.
#[cfg(any(test, feature = "train"))]
pub fn sentence_features(words: &[Word], buckets: u32) -> (Vec<u32>, Vec<Range<usize>>) {
    let (mut feats, mut ranges) = (Vec::new(), Vec::new());
    sentence_features_into(words, &gazetteer_folds(words), buckets, &mut feats, &mut ranges);
    (feats, ranges)
}

/// [`sentence_features`] into reused buffers (cleared first), given the words' [`gazetteer_folds`].
#[cfg(any(test, feature = "train"))]
pub fn sentence_features_into<S: AsRef<str>>(
    words: &[Word],
    folded: &[S],
    buckets: u32,
    feats: &mut Vec<u32>,
    ranges: &mut Vec<Range<usize>>,
) {
    feats.clear();
    ranges.clear();
    feats.reserve(words.len() * 36);
    let gaz = gazetteer_features(folded);
    let classes = cluster_classes(words);
    let keys: Vec<TokenKey> = words.iter().map(TokenKey::of).collect();
    for i in 0..words.len() {
        let start = feats.len();
        token_features(words, &keys, &classes, &gaz, i, buckets, feats);
        ranges.push(start..feats.len());
    }
}

/// Scores of one token given its static features and its previous tag.
#[cfg(any(test, feature = "train"))]
pub fn token_scores<S: Scorer>(
    scorer: &S,
    word: &Word,
    statics: &[u32],
    prev: u8,
    scratch: &mut Vec<u32>,
) -> [f32; N_TAGS] {
    scratch.clear();
    scratch.extend_from_slice(statics);
    history_features(word, prev, scorer.buckets(), scratch);
    let mut scores = [0f32; N_TAGS];
    scorer.add(scratch, &mut scores);
    scores
}

/// The best allowed tag for `scores` after `prev`.
#[cfg(any(test, feature = "train"))]
pub fn best_allowed(scores: &[f32; N_TAGS], prev: u8) -> usize {
    let mut best = 0;
    for t in 1..N_TAGS {
        if allowed(prev, t) && scores[t] > scores[best] {
            best = t;
        }
    }
    best
}

/// Greedy left-to-right tagging of one sentence: each token's tag and its softmax probability.
#[cfg(any(test, feature = "train"))]
pub fn decode_greedy<S: Scorer>(scorer: &S, words: &[Word]) -> Vec<(usize, f32)> {
    let (feats, ranges) = sentence_features(words, scorer.buckets());
    let mut scratch = Vec::with_capacity(48);
    let mut out = Vec::with_capacity(words.len());
    let mut prev = START;
    for (i, w) in words.iter().enumerate() {
        let scores = token_scores(scorer, w, &feats[ranges[i].clone()], prev, &mut scratch);
        let best = best_allowed(&scores, prev);
        out.push((best, local_probability(&scores, prev, best)));
        prev = best as u8;
    }
    out
}

/// Softmax probability of `tag` among the tags allowed after `prev`.
fn local_probability(scores: &[f32; N_TAGS], prev: u8, tag: usize) -> f32 {
    let max = scores[tag];
    let total: f32 = (0..N_TAGS).filter(|&t| allowed(prev, t)).map(|t| (scores[t] - max).exp()).sum();
    if total > 0.0 {
        (1.0 / total).min(1.0)
    } else {
        0.0
    }
}

/// History values: the tags and START.
const H: usize = N_TAGS + 1;

/// The tokens of one sentence as the decoder reads them. A token's [`Word`] is only built when
/// the word cache does not know its key, so the tagger does not remake every token's strings.
pub trait SentenceTokens {
    fn len(&self) -> usize;
    /// What the word cache knows token `i` by: a text that always makes the same [`Word`] and
    /// fold (`None`: not cached).
    fn key(&self, i: usize) -> Option<&str>;
    /// [`Self::key`] as a number when it is short ([`short_key`]): the cache's fast look-up.
    fn short_key(&self, i: usize) -> Option<u128> {
        self.key(i).and_then(|k| short_key(k.as_bytes()))
    }
    /// The word of token `i`.
    fn word(&self, i: usize) -> Cow<'_, Word>;
    /// The word's [`gazetteer_folds`].
    fn fold(&self, i: usize) -> &str;
    fn space_before(&self, i: usize) -> bool;
    fn newline_before(&self, i: usize) -> bool;
}

/// The longest [`SentenceTokens::key`] that [`short_key`] packs.
pub const SHORT_KEY: usize = 15;

/// A key of at most [`SHORT_KEY`] bytes packed into a number, its length in the top byte (so
/// that trailing zero bytes still count): the word cache hashes and compares it in a few
/// instructions where a string costs a byte loop and a `memcmp`.
pub fn short_key(key: &[u8]) -> Option<u128> {
    if key.len() > SHORT_KEY {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (b, &k) in bytes.iter_mut().zip(key) {
        *b = k;
    }
    bytes[15] = key.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

/// [`short_key`] of the `len` bytes at the start of `window`, a 16-byte window of the text.
pub fn short_key_in(window: [u8; 16], len: usize) -> u128 {
    /// The low `k` bytes set, by `k` (a load, where a u128 shift by a variable takes branches).
    const MASKS: [u128; SHORT_KEY + 1] = {
        let mut masks = [0u128; SHORT_KEY + 1];
        let mut k = 1;
        while k <= SHORT_KEY {
            masks[k] = (1u128 << (8 * k)) - 1;
            k += 1;
        }
        masks
    };
    (u128::from_le_bytes(window) & MASKS[len.min(SHORT_KEY)]) | (len as u128) << 120
}

/// Words already built (training, tests), with their [`gazetteer_folds`].
#[cfg(any(test, feature = "train"))]
pub struct BuiltWords<'a, F> {
    pub words: &'a [Word],
    pub folded: &'a [F],
}

#[cfg(any(test, feature = "train"))]
impl<F: AsRef<str>> SentenceTokens for BuiltWords<'_, F> {
    fn len(&self) -> usize {
        self.words.len()
    }
    fn key(&self, i: usize) -> Option<&str> {
        // A text cut at 24 chars may stand for several words.
        let w = &self.words[i];
        (w.text.len() < 24 || w.text.chars().count() < 24).then_some(w.text.as_str())
    }
    fn word(&self, i: usize) -> Cow<'_, Word> {
        Cow::Borrowed(&self.words[i])
    }
    fn fold(&self, i: usize) -> &str {
        self.folded[i].as_ref()
    }
    fn space_before(&self, i: usize) -> bool {
        self.words[i].space_before
    }
    fn newline_before(&self, i: usize) -> bool {
        self.words[i].newline_before
    }
}

/// First-order Viterbi decoding with every buffer kept from one sentence to the next.
///
/// A token's score after tag `prev` is its static score plus three history rows (see
/// [`history_features`]): the previous tag's, and the previous tag with the word's norm and with
/// its short shape. The three are summed once per distinct word into its [`Transitions`]
/// ([`WordCache`]).
pub struct Decoder<'s, S: Scorer> {
    scorer: &'s S,
    /// Row of the previous-tag feature, by previous tag.
    prev_rows: RowsByPrev,
    /// The same with −∞ for the tags BIO forbids after `prev`.
    bio_prev_rows: RowsByPrev,
    /// Per word, its static rows summed at each offset (see [`WordCache`]).
    word_sums: WordCache,
    /// The padding's summed rows at each offset (slot 2, the token itself, unused).
    pad_sums: WordSums,
    /// Per token of the sentence, its entry in `word_sums`.
    ids: Vec<u32>,
    /// Per token of the sentence, what the context features read.
    keys: Vec<TokenKey>,
    /// The sentence's word pairs (j − 1, j), j from −1 to its length, as indices into
    /// `word_sums.bigram_rows`.
    pairs: Vec<u32>,
    /// The sentence's gazetteer marks.
    marks: GazetteerMarks,
    feats: Vec<u32>,
    /// Static score of each token of the sentence, by lane ([`TAG_OF_LANE`]).
    base: Vec<LaneScores>,
    /// The forward pass's scores before each token of the sentence (see [`viterbi_into`]).
    deltas: Vec<[LaneScores; 2]>,
    tags: Vec<usize>,
    out: Vec<(usize, f32)>,
}

impl<'s, S: Scorer> Decoder<'s, S> {
    #[cfg(any(test, feature = "train"))]
    pub fn new(scorer: &'s S) -> Self {
        Self::with_cache(scorer, WordCache::default())
    }

    /// A decoder starting from `cache`, which must come from [`Self::into_cache`] of a decoder
    /// of the same scorer with the same weights (the cached sums are the scorer's).
    pub fn with_cache(scorer: &'s S, cache: WordCache) -> Self {
        let buckets = scorer.buckets();
        let prev_rows = std::array::from_fn(|prev| scorer.row(prev_tag_feature(prev as u8, buckets)));
        let bio_prev_rows = std::array::from_fn(|prev| {
            let row: [f32; N_TAGS] = prev_rows[prev];
            std::array::from_fn(|tag| if allowed(prev as u8, tag) { row[tag] } else { f32::NEG_INFINITY })
        });
        let mut feats = Vec::new();
        let pad_sums = std::array::from_fn(|slot| {
            if OFFSETS[slot] == 0 {
                return [0f64; H];
            }
            feats.clear();
            word_features(None, [0; 4], slot, buckets, &mut feats);
            sum_rows(scorer, &feats)
        });
        Decoder {
            word_sums: cache,
            pad_sums,
            ids: Vec::new(),
            keys: Vec::new(),
            pairs: Vec::new(),
            marks: GazetteerMarks::default(),
            scorer,
            prev_rows,
            bio_prev_rows,
            feats: Vec::new(),
            base: Vec::new(),
            deltas: Vec::new(),
            tags: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Makes room for sentences of `n` tokens in every per-sentence buffer at once, rather than
    /// growing each step by step in a document's first sentences.
    pub fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
        self.pairs.reserve(n + 2);
        self.keys.reserve(n);
        self.base.reserve(n);
        self.deltas.reserve(n);
        self.tags.reserve(n);
        self.out.reserve(n);
        self.marks.reserve(n);
    }

    /// The word cache, to start the next document's decoder with ([`Self::with_cache`]).
    pub fn into_cache(self) -> WordCache {
        self.word_sums
    }

    /// Viterbi tagging of one sentence: each token's tag and, for a tag other than O, its local
    /// softmax probability given the decoded previous tag (1.0 for O, which no span reads).
    pub fn decode(&mut self, tokens: &impl SentenceTokens) -> &[(usize, f32)] {
        self.static_scores(tokens);
        let cache = &self.word_sums;
        let ids = &self.ids;
        viterbi_into(&self.base, |i| &cache.transitions[ids[i] as usize], &mut self.deltas, &mut self.tags);
        self.out.clear();
        let mut prev = START as usize;
        for ((&tag, &id), base) in self.tags.iter().zip(ids).zip(&self.base) {
            let p = if tag == 0 {
                1.0
            } else {
                // Summed in the trainer's order (`token_scores`): float sums depend on the order.
                let [norm, short] = cache.hist[id as usize];
                let mut s: [f32; N_TAGS] = std::array::from_fn(|tag| base[LANE_OF_TAG[tag]]);
                add_row(&mut s, &self.prev_rows[prev]);
                add_row(&mut s, &cache.hist_rows[norm as usize][prev]);
                add_row(&mut s, &cache.hist_rows[short as usize][prev]);
                local_probability(&s, prev as u8, tag)
            };
            self.out.push((tag, p));
            prev = tag;
        }
        &self.out
    }

    /// Exact first-order Viterbi decoding under BIO constraints, given the sentence's static
    /// features: the best tag sequence by summed perceptron scores, into `self.tags`.
    #[cfg(any(test, feature = "train"))]
    pub fn viterbi(&mut self, words: &[Word], feats: &[u32], ranges: &[Range<usize>]) -> &[usize] {
        self.base.clear();
        for range in ranges.iter().take(words.len()) {
            self.base.push(to_lanes(sum_rows(self.scorer, &feats[range.clone()])));
        }
        let scorer = self.scorer;
        self.word_sums.make_room(words.len());
        let transitions: Vec<Transitions> = words
            .iter()
            .map(|w| {
                let [norm, short] = self.word_sums.hist_ids(w, scorer);
                let rows = &self.word_sums.hist_rows;
                Transitions::new(&self.bio_prev_rows, &rows[norm as usize], &rows[short as usize])
            })
            .collect();
        viterbi_into(&self.base, |i| &transitions[i], &mut self.deltas, &mut self.tags);
        &self.tags
    }

    /// The static score of every token of a sentence into `self.base`, as [`Self::viterbi`]
    /// computes it from [`sentence_features_into`], but with the features that read one word
    /// summed once per distinct word and offset ([`WordCache`]), those of each pair of words
    /// once per pair, and the context features made from the words' cached [`WordKey`]s and
    /// summed once per distinct value.
    fn static_scores(&mut self, tokens: &impl SentenceTokens) {
        let scorer = self.scorer;
        let mut feats = std::mem::take(&mut self.feats);
        let n = tokens.len();
        self.ids.clear();
        self.keys.clear();
        self.word_sums.make_room(n);
        for i in 0..n {
            let id = self.word_sums.id(tokens, i, scorer, &self.bio_prev_rows, &mut feats);
            self.ids.push(id);
            self.keys.push(TokenKey {
                word: self.word_sums.keys[id as usize],
                space_before: tokens.space_before(i),
                newline_before: tokens.newline_before(i),
            });
        }
        // The word pairs (j − 1, j) for j in −1..=n, padding included, as entries of the cache.
        self.pairs.clear();
        for j in -1..=n as isize {
            let id = |j: isize| match usize::try_from(j) {
                Err(_) => WordCache::PAD_PREV,
                Ok(j) if j >= n => WordCache::PAD_NEXT,
                Ok(j) => self.ids[j],
            };
            let pair = self.word_sums.bigram(id(j - 1), id(j), &self.pad_sums, scorer, &mut feats);
            self.pairs.push(pair);
        }
        let cache = &mut self.word_sums;
        let ids = &self.ids;
        self.marks.fill(n, |i| tokens.fold(i), |i| cache.known[ids[i] as usize]);
        self.base.clear();
        for i in 0..n {
            // The sums are exact, so they add in any order: the place's and marks' rows first,
            // straight from the cache, rather than copied out of it to add them last.
            let mut sums = *cache.place_sums(&self.keys, ids, i, scorer, &mut feats);
            sums = add_f64_rows(sums, cache.mark_sums(self.marks.marks(&self.keys, i), scorer, &mut feats));
            // Token i's words at offsets −2 and −1 come with the pair (i − 2, i − 1), the token
            // and the word after it with the pair (i, i + 1), and the word at +2 alone.
            let pairs = &cache.bigram_rows;
            let rows = [
                &pairs[self.pairs[i] as usize][Bigram::After as usize],
                &pairs[self.pairs[i + 1] as usize][Bigram::Right as usize],
                &pairs[self.pairs[i + 2] as usize][Bigram::Left as usize],
                match ids.get(i + 2) {
                    Some(&id) => &cache.rows[id as usize][4],
                    None => &self.pad_sums[4],
                },
            ];
            for row in rows {
                sums = add_f64_rows(sums, row);
            }
            self.base.push(to_lanes(sums));
        }
        self.feats = feats;
    }
}

/// The sum of the rows of `features` in f64, exactly (see [`Scorer::add_f64`]), by lane.
fn sum_rows<S: Scorer>(scorer: &S, features: &[u32]) -> LaneSums {
    let mut sums = [0f64; N_TAGS];
    scorer.add_f64(features, &mut sums);
    std::array::from_fn(|lane| sums.get(TAG_OF_LANE[lane]).copied().unwrap_or(0.0))
}

/// The tag (or START) in each lane of the forward pass: first the tags BIO lets follow any tag
/// (O, B-PER, B-ORG, B-LOC), then the inside tags (I-PER, I-ORG, I-LOC), then START, so that
/// each group is four contiguous lanes.
const TAG_OF_LANE: [usize; H] = [0, 1, 3, 5, 2, 4, 6, START as usize];
/// The lane of each tag (and START): the inverse of [`TAG_OF_LANE`].
const LANE_OF_TAG: [usize; H] = [0, 1, 4, 2, 5, 3, 6, 7];

/// A token's static scores by lane ([`TAG_OF_LANE`]; 0 for START).
type LaneScores = [f32; H];

/// Exact sums of rows ([`sum_rows`]) by lane, 0 for START: eight lanes add as whole vectors,
/// where seven tags would leave an odd one out.
type LaneSums = [f64; H];

/// The static scores of `sums`.
fn to_lanes(sums: LaneSums) -> LaneScores {
    sums.map(|s| s as f32)
}

/// A word's history scores for each previous tag and tag, `(bio + norm) + short` of the
/// decoder's rows, in the layout the forward pass reads: the tags any tag may precede, and each
/// inside tag from its own type's B and I, the only tags BIO lets it follow.
#[derive(Clone, Copy)]
pub struct Transitions {
    /// To O, B-PER, B-ORG, B-LOC from every previous tag (and START), by the previous tag's lane.
    to_open: [[f32; 4]; H],
    /// To I-PER, I-ORG, I-LOC from B-PER, B-ORG, B-LOC (lane 3 −∞, for four lanes).
    from_begin: [f32; 4],
    /// To I-PER, I-ORG, I-LOC from themselves (lane 3 −∞).
    from_inside: [f32; 4],
}

impl Transitions {
    fn new(bio: &RowsByPrev, norm: &RowsByPrev, short: &RowsByPrev) -> Transitions {
        let score = |prev: usize, tag: usize| (bio[prev][tag] + norm[prev][tag]) + short[prev][tag];
        let inside = |from: usize| {
            std::array::from_fn(|x| if x < 3 { score(2 * x + from, 2 * x + 2) } else { f32::NEG_INFINITY })
        };
        Transitions {
            to_open: std::array::from_fn(|lane| {
                std::array::from_fn(|to| score(TAG_OF_LANE[lane], TAG_OF_LANE[to]))
            }),
            from_begin: inside(1),
            from_inside: inside(2),
        }
    }
}

/// `a + b`, lane by lane (compilers keep the four lanes in one vector).
#[inline(always)]
fn add4(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

/// The greater of `a` and `b` lane by lane, `a` on ties.
#[inline(always)]
fn max4(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    std::array::from_fn(|k| if b[k] > a[k] { b[k] } else { a[k] })
}

/// Viterbi over the static scores `base` of a sentence's tokens (by lane) and each token's
/// [`Transitions`]: the best tag sequence under BIO into `tags`, with `deltas` as scratch.
///
/// The forward pass keeps only the best score of each tag, as a max over the previous tags BIO
/// allows (forbidden ones score −∞ and could never win), and per token that max before its
/// static score is added (`deltas[i][1]`) beside the scores it started from (`deltas[i][0]`).
/// The way back takes for the one tag chosen the first previous tag in tag order whose sum is
/// that max: the same sums, so the same tag as the first best in tag order, found in a compare
/// or two rather than eight.
fn viterbi_into<'t>(
    base: &[LaneScores],
    transitions: impl Fn(usize) -> &'t Transitions,
    deltas: &mut Vec<[LaneScores; 2]>,
    tags: &mut Vec<usize>,
) {
    const NEG: f32 = f32::NEG_INFINITY;
    deltas.clear();
    tags.clear();
    let n = base.len();
    if n == 0 {
        return;
    }
    // delta[lane]: best score of a path ending with that lane's tag (START before the first token).
    let mut delta = [NEG; H];
    delta[LANE_OF_TAG[START as usize]] = 0.0;
    let quad = |d: &LaneScores, from: usize| [d[from], d[from + 1], d[from + 2], d[from + 3]];
    for (i, b) in base.iter().enumerate() {
        let t = transitions(i);
        let mut open = add4(t.to_open[0], [delta[0]; 4]);
        for (&d, &row) in delta.iter().zip(&t.to_open).skip(1) {
            open = max4(open, add4(row, [d; 4]));
        }
        // Lanes 1..=3 are B-X, 4..=6 I-X; a fourth lane (from −∞) keeps the vectors whole.
        let inside =
            max4(add4(quad(&delta, 1), t.from_begin), add4(quad(&delta, 4), t.from_inside));
        let best = [open[0], open[1], open[2], open[3], inside[0], inside[1], inside[2], NEG];
        deltas.push([delta, best]);
        let [o, p] = [add4(open, quad(b, 0)), add4(inside, quad(b, 4))];
        delta = [o[0], o[1], o[2], o[3], p[0], p[1], p[2], NEG];
    }
    let mut tag = 0;
    for t in 1..N_TAGS {
        if delta[LANE_OF_TAG[t]] > delta[LANE_OF_TAG[tag]] {
            tag = t;
        }
    }
    tags.resize(n, 0);
    for i in (0..n).rev() {
        tags[i] = tag;
        let (t, [d, best]) = (transitions(i), &deltas[i]);
        let best = best[LANE_OF_TAG[tag]];
        tag = if best == NEG {
            0 // no previous tag beats −∞ (never on a best path)
        } else if is_inside(tag) {
            let x = tag / 2 - 1;
            if d[1 + x] + t.from_begin[x] == best {
                tag - 1
            } else {
                tag
            }
        } else {
            let to = LANE_OF_TAG[tag];
            (0..H).find(|&prev| d[LANE_OF_TAG[prev]] + t.to_open[LANE_OF_TAG[prev]][to] == best).unwrap_or(0)
        };
    }
}

/// One feature's rows for every previous tag (and START).
type RowsByPrev = [[f32; N_TAGS]; H];

/// A word's static rows summed per offset slot ([`OFFSETS`]): exact f64 sums.
type WordSums = [LaneSums; 5];

/// Summed rows of each distinct word of a document, for every offset it is read at, with what
/// the context and gazetteer features read of it. Keyed by [`SentenceTokens::key`], a text that
/// determines every feature [`word_features`] reads (norm, shapes, capitalisation, affixes, word
/// classes). Emptied between sentences when full, to bound its memory.
#[derive(Default)]
pub struct WordCache {
    /// The entries by [`short_key`], and by key for the longer keys.
    by_short_key: PackedMap<u128, u32>,
    index: std::collections::HashMap<Box<str>, u32, SeededFx>,
    rows: Vec<WordSums>,
    /// Per entry of `rows`, what the gazetteer knows of its word's fold.
    known: Vec<Known>,
    /// Per entry of `rows`, what the context features read of its word.
    keys: Vec<WordKey>,
    /// Per entry of `rows`, its word's history rows in `hist_rows` (by norm, by short shape).
    hist: Vec<[u32; 2]>,
    /// Per entry of `rows`, its word's history rows summed for the forward pass.
    transitions: Vec<Transitions>,
    /// The rows of the previous-tag-and-norm features by norm, and of the previous-tag-and-short
    /// features by short shape, for every previous tag, in `hist_rows`.
    norm_index: std::collections::HashMap<Box<str>, u32, SeededFx>,
    short_index: std::collections::HashMap<Box<str>, u32, SeededFx>,
    hist_rows: Vec<RowsByPrev>,
    /// The summed rows of [`mark_features`] by their marks (a few thousand values at most).
    marks: PackedMap<u64, LaneSums>,
    /// The summed rows of [`token_pair_features`] by [`Self::place_key`].
    places: PackedMap<u64, LaneSums>,
    /// Entries of `bigram_rows` by pair of entries (`PAD_PREV`, `PAD_NEXT` for the padding).
    bigram_index: PackedMap<u64, u32>,
    /// Per pair of adjacent words, for each [`Bigram`] role (in declaration order), the summed
    /// rows of its [`bigram_features`] and of the words' own features that the token the role
    /// names reads: at −2 and −1 for `After`, at 0 and +1 for `Left`.
    bigram_rows: Vec<[LaneSums; 3]>,
}

impl WordCache {
    const MAX_WORDS: usize = 8192;
    /// The entry ids standing for the padding before and after a sentence in word pairs.
    const PAD_PREV: u32 = u32::MAX - 1;
    const PAD_NEXT: u32 = u32::MAX;

    /// The entry of the word pair (`a`, `b`), made if new.
    fn bigram<S: Scorer>(&mut self, a: u32, b: u32, pad_sums: &WordSums, scorer: &S, feats: &mut Vec<u32>) -> u32 {
        let key = (a as u64) << 32 | b as u64;
        if let Some(&id) = self.bigram_index.get(&key) {
            return id;
        }
        let keys = |id: u32| match id {
            Self::PAD_PREV => pad_keys(false),
            Self::PAD_NEXT => pad_keys(true),
            id => (self.keys[id as usize].norm, self.keys[id as usize].short),
        };
        // A word's rows at `slot`, or the padding's (an `After` pair may be padding on both
        // sides; a `Left` pair's first word never is, so its padding rows are never read).
        let rows = |id: u32, slot: usize| match id {
            Self::PAD_PREV | Self::PAD_NEXT => pad_sums[slot],
            id => self.rows[id as usize][slot],
        };
        let mut sums = [Bigram::Right, Bigram::Left, Bigram::After].map(|role| {
            feats.clear();
            bigram_features(keys(a), keys(b), role, scorer.buckets(), feats);
            sum_rows(scorer, feats)
        });
        for (role, [first, second]) in [(Bigram::Left, [2, 3]), (Bigram::After, [0, 1])] {
            let s = &mut sums[role as usize];
            *s = add_f64_rows(add_f64_rows(*s, &rows(a, first)), &rows(b, second));
        }
        self.bigram_rows.push(sums);
        let id = self.bigram_rows.len() as u32 - 1;
        self.bigram_index.insert(key, id);
        id
    }

    /// The summed rows of [`token_pair_features`] of token `i` (`ids` the sentence's entries).
    fn place_sums<S: Scorer>(
        &mut self,
        keys: &[TokenKey],
        ids: &[u32],
        i: usize,
        scorer: &S,
        feats: &mut Vec<u32>,
    ) -> &LaneSums {
        // The short shapes by their history rows (< 2 × MAX_WORDS), the padding past them.
        let short = |j: Option<usize>, pad: u64| {
            j.and_then(|j| ids.get(j)).map_or(pad, |&id| self.hist[id as usize][1] as u64)
        };
        let [pos, glued_prev, glued_next] = token_place(keys, i);
        let key = short(i.checked_sub(1), 1 << 15)
            | short(Some(i), 0) << 16
            | short(Some(i + 1), 1 << 15 | 1) << 32
            | (pos as u64) << 48
            | (glued_prev as u64) << 50
            | (glued_next as u64) << 52;
        self.places.entry(key).or_insert_with(|| {
            feats.clear();
            token_pair_features(keys, i, scorer.buckets(), feats);
            sum_rows(scorer, feats)
        })
    }

    /// The summed rows of [`mark_features`] of `marks`.
    fn mark_sums<S: Scorer>(&mut self, marks: u64, scorer: &S, feats: &mut Vec<u32>) -> &LaneSums {
        self.marks.entry(marks).or_insert_with(|| {
            feats.clear();
            mark_features(marks, scorer.buckets(), feats);
            sum_rows(scorer, feats)
        })
    }

    /// Empties the cache if `n` more words might not fit (never within a sentence, whose ids
    /// must stay valid).
    fn make_room(&mut self, n: usize) {
        if self.rows.len() + n > Self::MAX_WORDS
            || self.hist_rows.len() + 2 * n > Self::MAX_WORDS
            || self.marks.len() + n > Self::MAX_WORDS
            || self.places.len() + n > Self::MAX_WORDS
            || self.bigram_rows.len() + n + 2 > 2 * Self::MAX_WORDS
        {
            self.by_short_key.clear();
            self.index.clear();
            self.rows.clear();
            self.known.clear();
            self.keys.clear();
            self.hist.clear();
            self.transitions.clear();
            self.norm_index.clear();
            self.short_index.clear();
            self.hist_rows.clear();
            self.marks.clear();
            self.places.clear();
            self.bigram_index.clear();
            self.bigram_rows.clear();
        }
    }

    /// The history rows of `w` (by norm, by short shape), as indices into `hist_rows`.
    fn hist_ids<S: Scorer>(&mut self, w: &Word, scorer: &S) -> [u32; 2] {
        let buckets = scorer.buckets();
        let rows = &mut self.hist_rows;
        let mut get = |index: &mut std::collections::HashMap<Box<str>, u32, SeededFx>,
                       key: &str,
                       feature: &dyn Fn(u8) -> u32| {
            if let Some(&id) = index.get(key) {
                return id;
            }
            rows.push(std::array::from_fn(|prev| scorer.row(feature(prev as u8))));
            let id = rows.len() as u32 - 1;
            index.insert(key.into(), id);
            id
        };
        [
            get(&mut self.norm_index, &w.norm, &|prev| prev_tag_norm_feature(&w.norm, prev, buckets)),
            get(&mut self.short_index, &w.short, &|prev| prev_tag_short_feature(&w.short, prev, buckets)),
        ]
    }

    /// The entry of token `i` of `tokens`, made if new (`bio` the decoder's previous-tag rows).
    fn id<S: Scorer>(
        &mut self,
        tokens: &impl SentenceTokens,
        i: usize,
        scorer: &S,
        bio: &RowsByPrev,
        feats: &mut Vec<u32>,
    ) -> u32 {
        let short_key = tokens.short_key(i);
        let key = if short_key.is_some() { None } else { tokens.key(i) };
        let known = match short_key {
            Some(k) => self.by_short_key.get(&k),
            None => key.and_then(|k| self.index.get(k)),
        };
        if let Some(&id) = known {
            return id;
        }
        let w = tokens.word(i);
        let id = self.rows.len() as u32;
        let classes = super::clusters::Clusters::get().of(&w.norm);
        let buckets = scorer.buckets();
        self.rows.push(std::array::from_fn(|slot| {
            feats.clear();
            word_features(Some(&w), classes, slot, buckets, feats);
            sum_rows(scorer, feats)
        }));
        self.known.push(Gazetteer::get().known(tokens.fold(i)));
        self.keys.push(WordKey::of(&w));
        let [norm, short] = self.hist_ids(&w, scorer);
        self.hist.push([norm, short]);
        let rows = &self.hist_rows;
        self.transitions.push(Transitions::new(bio, &rows[norm as usize], &rows[short as usize]));
        if let Some(k) = short_key {
            self.by_short_key.insert(k, id);
        } else if let Some(k) = key {
            self.index.insert(k.into(), id);
        }
        id
    }
}

/// A table keyed by small fields packed into a u64 (marks, entry ids, shapes and places) or
/// a u128 ([`short_key`]).
type PackedMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<PackedKeyHasher>>;

/// Hashes a u64 of packed fields so that every field reaches the low and the high bits, which
/// the table probes with: Fx's multiply alone carries no high field into the low bits, so keys
/// differing only there (the neighbours' marks, a pair's first word) would all collide.
#[derive(Default)]
struct PackedKeyHasher(u64);

impl std::hash::Hasher for PackedKeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        let x = self.0 ^ x;
        let x = (x ^ (x >> 32)).wrapping_mul(0xd6e8_feb8_6659_fd93);
        self.0 = x ^ (x >> 32);
    }
    fn write_u128(&mut self, x: u128) {
        self.write_u64(x as u64);
        self.write_u64((x >> 64) as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `a + b`, lane by lane.
fn add_f64_rows(mut a: LaneSums, b: &LaneSums) -> LaneSums {
    for (a, b) in a.iter_mut().zip(b) {
        *a += b;
    }
    a
}

/// [`Decoder::viterbi`] for one sentence.
#[cfg(any(test, feature = "train"))]
pub fn viterbi_tags<S: Scorer>(
    scorer: &S,
    words: &[Word],
    feats: &[u32],
    ranges: &[Range<usize>],
) -> Vec<usize> {
    Decoder::new(scorer).viterbi(words, feats, ranges).to_vec()
}

/// [`Decoder::decode`] for one sentence.
#[cfg(any(test, feature = "train"))]
pub fn decode<S: Scorer>(scorer: &S, words: &[Word]) -> Vec<(usize, f32)> {
    let folded = gazetteer_folds(words);
    Decoder::new(scorer).decode(&BuiltWords { words, folded: &folded }).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_file_round_trip() {
        let buckets = 3;
        let mut w: Vec<f32> = (0..buckets * N_TAGS).map(|i| i as f32 / 4.0 - 2.5).collect();
        w[N_TAGS + 3] = 500.0; // row 1 is kept exactly
        let bytes = quantise(&w, buckets as u32, 0.01, 10.0);
        let m = Model::parse(&bytes).unwrap();
        assert_eq!(m.buckets(), 3);
        for (i, &x) in w.iter().enumerate() {
            let got = m.weight((i / N_TAGS) as u32, i % N_TAGS);
            assert!((got - x).abs() <= x.abs() * 0.05, "{got} vs {x}");
        }
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::parse(b"MNER").is_none());
        assert!(Model::parse(&[]).is_none());
    }

    #[test]
    fn cached_static_scores_are_the_uncached_ones() {
        let model = crate::entities::tagger::model_for(crate::analysis::Lang::Fr).unwrap();
        let mut dec = Decoder::new(model);
        let text = "Le président Assimi Goïta a reçu Sergueï Lavrov à Bamako. Lavrov a dit : « Goïta est un ami. »\nAnticonstitutionnellementissimes, M. Lavrov";
        for _ in 0..2 {
            for sentence in [&text[..58], text] {
                let words: Vec<Word> =
                    crate::text::tokenize(sentence).iter().map(|t| Word::new(sentence, t)).collect();
                let (feats, ranges) = sentence_features(&words, model.buckets());
                let mut plain = Decoder::new(model);
                plain.viterbi(&words, &feats, &ranges);
                dec.decode(&BuiltWords { words: &words, folded: &gazetteer_folds(&words) });
                let bits = |b: &[LaneScores]| b.iter().flatten().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&dec.base), bits(&plain.base));
                assert_eq!(dec.tags, plain.tags);
            }
        }
    }

    /// Viterbi's path scores as well as the best of every allowed tag sequence, scored token by
    /// token with [`token_scores`] (up to float rounding: the decoder sums in another order).
    #[test]
    fn viterbi_finds_the_best_sequence() {
        // Random weights in a small table, so that every feature (history rows included) weighs.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
        };
        for _ in 0..8 {
            let buckets = 61;
            let w: Vec<f32> = (0..buckets * N_TAGS).map(|_| random()).collect();
            let bytes = quantise(&w, buckets as u32, 0.001, 100.0);
            check_viterbi_is_best(&Model::parse(&bytes).unwrap());
        }
        check_viterbi_is_best(crate::entities::tagger::model_for(crate::analysis::Lang::Fr).unwrap());
    }

    fn check_viterbi_is_best(model: &Model) {
        let path_score =
            |words: &[Word], feats: &[u32], ranges: &[Range<usize>], tags: &[usize]| -> Option<f32> {
                let (mut prev, mut total, mut scratch) = (START, 0f32, Vec::new());
                for (i, &tag) in tags.iter().enumerate() {
                    if !allowed(prev, tag) {
                        return None;
                    }
                    total += token_scores(model, &words[i], &feats[ranges[i].clone()], prev, &mut scratch)[tag];
                    prev = tag as u8;
                }
                Some(total)
            };
        for sentence in [
            "Le président Assimi Goïta",
            "Sergueï Lavrov à Bamako",
            "Banque de France a dit",
            "À Paris, l'ONU",
        ] {
            let words: Vec<Word> =
                crate::text::tokenize(sentence).iter().map(|t| Word::new(sentence, t)).collect();
            let (feats, ranges) = sentence_features(&words, model.buckets());
            let got = viterbi_tags(model, &words, &feats, &ranges);
            let got_score = path_score(&words, &feats, &ranges, &got).expect("Viterbi keeps to BIO");
            let n = words.len();
            let mut best = f32::NEG_INFINITY;
            for code in 0..N_TAGS.pow(n as u32) {
                let tags: Vec<usize> = (0..n).map(|i| code / N_TAGS.pow(i as u32) % N_TAGS).collect();
                if let Some(score) = path_score(&words, &feats, &ranges, &tags) {
                    best = best.max(score);
                }
            }
            assert!(
                (got_score - best).abs() <= 1e-3 * best.abs().max(1.0),
                "{sentence}: {got_score} vs best {best}"
            );
        }
    }

    #[test]
    fn short_keys_from_a_window_are_the_copied_ones() {
        let text = b"Paris\0 a\0\0\0 est-ce-que-oui!";
        let window: [u8; 16] = text[..16].try_into().unwrap();
        for len in 0..=SHORT_KEY {
            assert_eq!(Some(short_key_in(window, len)), short_key(&text[..len]));
        }
        // A trailing zero byte makes another key.
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
        assert_eq!(short_key(&text[..16]), None);
    }

    #[test]
    fn decoding_respects_bio() {
        // One bucket: every token gets the same scores, I-PER highest, then B-PER.
        let mut w = vec![0f32; N_TAGS];
        w[2] = 5.0;
        w[1] = 3.0;
        let bytes = quantise(&w, 1, 0.01, 100.0);
        let m = Model::parse(&bytes).unwrap();
        let text = "a b c";
        let words: Vec<Word> = crate::text::tokenize(text).iter().map(|t| Word::new(text, t)).collect();
        let tags: Vec<usize> = decode(&m, &words).into_iter().map(|(t, _)| t).collect();
        assert_eq!(tags, [1, 2, 2]);
    }
}
