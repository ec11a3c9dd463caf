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
    allowed, bigram_features, gazetteer_marks, mark_features, pad_keys, token_pair_features, Bigram, prev_tag_feature, prev_tag_norm_feature,
    prev_tag_short_feature, word_features, TokenKey, Word, WordKey, N_TAGS, OFFSETS, START,
};
#[cfg(any(test, feature = "train"))]
use super::features::{cluster_classes, gazetteer_features, gazetteer_folds, history_features, token_features};
use std::borrow::Cow;
use crate::entities::gazetteer::{Gazetteer, Known};
use crate::text::hash::SeededFx;
use crate::text::FastMap;
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
    /// The word of token `i`.
    fn word(&self, i: usize) -> Cow<'_, Word>;
    /// The word's [`gazetteer_folds`].
    fn fold(&self, i: usize) -> &str;
    fn space_before(&self, i: usize) -> bool;
    fn newline_before(&self, i: usize) -> bool;
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
/// [`history_features`]): the previous tag's, looked up once here, and the previous tag with the
/// word's norm and with its short shape, looked up once per distinct word ([`WordCache`]).
pub struct Decoder<'s, S: Scorer> {
    scorer: &'s S,
    /// Row of the previous-tag feature, by previous tag.
    prev_rows: [[f32; N_TAGS]; H],
    /// The same with −∞ for the tags BIO forbids after `prev`.
    bio_prev_rows: [[f32; N_TAGS]; H],
    /// Per token of the sentence, its two word-dependent history rows (see [`Self::word_rows`])
    /// as indices into `word_sums.hist_rows`.
    hist: Vec<[u32; 2]>,
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
    feats: Vec<u32>,
    /// Static score of each token of the sentence.
    base: Vec<[f32; N_TAGS]>,
    /// `deltas[i][prev]`: the best score of a path ending with `prev` before token i.
    deltas: Vec<[f32; H]>,
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
            let mut sums = [0f64; N_TAGS];
            if OFFSETS[slot] != 0 {
                feats.clear();
                word_features(None, [0; 4], slot, buckets, &mut feats);
                scorer.add_f64(&feats, &mut sums);
            }
            sums
        });
        Decoder {
            word_sums: cache,
            pad_sums,
            ids: Vec::new(),
            keys: Vec::new(),
            pairs: Vec::new(),
            scorer,
            prev_rows,
            bio_prev_rows,
            hist: Vec::new(),
            feats: Vec::new(),
            base: Vec::new(),
            deltas: Vec::new(),
            tags: Vec::new(),
            out: Vec::new(),
        }
    }

    /// The word cache, to start the next document's decoder with ([`Self::with_cache`]).
    pub fn into_cache(self) -> WordCache {
        self.word_sums
    }

    /// The rows of the previous-tag-and-word features (by norm, and by short shape) of token
    /// `i`, for every previous tag: a few frequent words make most tokens, so they are cached.
    #[inline]
    fn word_rows(&self, i: usize) -> [&RowsByPrev; 2] {
        let [norm, short] = self.hist[i];
        [&self.word_sums.hist_rows[norm as usize], &self.word_sums.hist_rows[short as usize]]
    }

    /// Viterbi tagging of one sentence: each token's tag and, for a tag other than O, its local
    /// softmax probability given the decoded previous tag (1.0 for O, which no span reads).
    pub fn decode(&mut self, tokens: &impl SentenceTokens) -> &[(usize, f32)] {
        self.static_scores(tokens);
        let n = tokens.len();
        self.viterbi_from_base(n);
        self.out.clear();
        let mut prev = START as usize;
        for i in 0..n {
            let tag = self.tags[i];
            let p = if tag == 0 {
                1.0
            } else {
                let [norm_rows, short_rows] = self.word_rows(i);
                let mut s = self.base[i];
                add_row(&mut s, &self.prev_rows[prev]);
                add_row(&mut s, &norm_rows[prev]);
                add_row(&mut s, &short_rows[prev]);
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
            let mut sums = [0f64; N_TAGS];
            self.scorer.add_f64(&feats[range.clone()], &mut sums);
            self.base.push(sums.map(|s| s as f32));
        }
        let scorer = self.scorer;
        self.word_sums.make_room(words.len());
        self.hist.clear();
        for w in words {
            self.hist.push(self.word_sums.hist_ids(w, scorer));
        }
        self.viterbi_from_base(words.len())
    }

    /// The static score of every token of a sentence into `self.base`, as [`Self::viterbi`]
    /// computes it from [`sentence_features_into`], but with the features that read one word
    /// summed once per distinct word and offset ([`WordCache`]) and the context features made
    /// from the words' cached [`WordKey`]s.
    fn static_scores(&mut self, tokens: &impl SentenceTokens) {
        let (scorer, buckets) = (self.scorer, self.scorer.buckets());
        let mut feats = std::mem::take(&mut self.feats);
        let n = tokens.len();
        self.ids.clear();
        self.hist.clear();
        self.keys.clear();
        self.word_sums.make_room(n);
        let clusters = super::clusters::Clusters::get();
        for i in 0..n {
            let id = self.word_sums.id(tokens, i, scorer, |w| {
                let classes = clusters.of(&w.norm);
                std::array::from_fn(|slot| {
                    feats.clear();
                    word_features(Some(w), classes, slot, buckets, &mut feats);
                    let mut sums = [0f64; N_TAGS];
                    scorer.add_f64(&feats, &mut sums);
                    sums
                })
            });
            self.ids.push(id);
            self.hist.push(self.word_sums.hist[id as usize]);
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
            let pair = self.word_sums.bigram(id(j - 1), id(j), |a, b| {
                [Bigram::Right, Bigram::Left, Bigram::After].map(|role| {
                    feats.clear();
                    bigram_features(a, b, role, buckets, &mut feats);
                    let mut sums = [0f64; N_TAGS];
                    scorer.add_f64(&feats, &mut sums);
                    sums
                })
            });
            self.pairs.push(pair);
        }
        let cache = &self.word_sums;
        let ids = &self.ids;
        let gaz = gazetteer_marks(n, |i| tokens.fold(i), |i| cache.known[ids[i] as usize]);
        self.base.clear();
        for i in 0..n {
            let mut sums = [0f64; N_TAGS];
            for (slot, k) in OFFSETS.iter().enumerate() {
                let j = i as isize + k;
                let part = if j < 0 || j as usize >= n {
                    &self.pad_sums[slot]
                } else {
                    &self.word_sums.rows[self.ids[j as usize] as usize][slot]
                };
                for (s, p) in sums.iter_mut().zip(part) {
                    *s += p;
                }
            }
            for (s, ((r, l), a)) in sums.iter_mut().zip(
                self.word_sums.bigram_rows[self.pairs[i + 1] as usize][0]
                    .iter()
                    .zip(&self.word_sums.bigram_rows[self.pairs[i + 2] as usize][1])
                    .zip(&self.word_sums.bigram_rows[self.pairs[i] as usize][2]),
            ) {
                *s += r + l + a;
            }
            feats.clear();
            token_pair_features(&self.keys, i, buckets, &mut feats);
            scorer.add_f64(&feats, &mut sums);
            let marks = self.word_sums.marks.entry(gaz.marks(&self.keys, i)).or_insert_with_key(|&marks| {
                feats.clear();
                mark_features(marks, buckets, &mut feats);
                let mut sums = [0f64; N_TAGS];
                scorer.add_f64(&feats, &mut sums);
                sums
            });
            for (s, m) in sums.iter_mut().zip(marks.iter()) {
                *s += m;
            }
            self.base.push(sums.map(|s| s as f32));
        }
        self.feats = feats;
    }

    /// [`Self::viterbi`] of `n` tokens given their static scores in `self.base`.
    ///
    /// The forward pass keeps only the best score of each tag (a max over the previous tags,
    /// which compilers vectorise) and each token's incoming scores; the best previous tag is
    /// found again on the way back for the one tag chosen, by the same sums in the same order,
    /// the first best on ties.
    fn viterbi_from_base(&mut self, n: usize) -> &[usize] {
        self.deltas.clear();
        self.tags.clear();
        if n == 0 {
            return &self.tags;
        }
        // delta[prev]: best score of a path ending with tag prev (START before the first token).
        let mut delta = [f32::NEG_INFINITY; H];
        delta[START as usize] = 0.0;
        for i in 0..n {
            self.deltas.push(delta);
            let [norm_rows, short_rows] = self.word_rows(i);
            let mut next = [f32::NEG_INFINITY; N_TAGS];
            for (prev, &d) in delta.iter().enumerate() {
                if d == f32::NEG_INFINITY {
                    continue;
                }
                let (bio, norm, short) = (&self.bio_prev_rows[prev], &norm_rows[prev], &short_rows[prev]);
                for tag in 0..N_TAGS {
                    let v = d + ((bio[tag] + norm[tag]) + short[tag]);
                    next[tag] = if v > next[tag] { v } else { next[tag] };
                }
            }
            let base = &self.base[i];
            delta = [f32::NEG_INFINITY; H];
            for tag in 0..N_TAGS {
                delta[tag] = next[tag] + base[tag];
            }
        }
        let mut tag = 0;
        for t in 1..N_TAGS {
            if delta[t] > delta[tag] {
                tag = t;
            }
        }
        self.tags.resize(n, 0);
        for i in (0..n).rev() {
            self.tags[i] = tag;
            let [norm_rows, short_rows] = self.word_rows(i);
            let (mut best, mut best_prev) = (f32::NEG_INFINITY, 0);
            for (prev, &d) in self.deltas[i].iter().enumerate() {
                let v = d + ((self.bio_prev_rows[prev][tag] + norm_rows[prev][tag]) + short_rows[prev][tag]);
                if v > best {
                    best = v;
                    best_prev = prev;
                }
            }
            tag = best_prev;
        }
        &self.tags
    }
}

/// One feature's rows for every previous tag (and START).
type RowsByPrev = [[f32; N_TAGS]; H];

/// A word's static rows summed per offset slot ([`OFFSETS`]): exact f64 sums.
type WordSums = [[f64; N_TAGS]; 5];

/// Summed rows of each distinct word of a document, for every offset it is read at, with what
/// the context and gazetteer features read of it. Keyed by [`SentenceTokens::key`], a text that
/// determines every feature [`word_features`] reads (norm, shapes, capitalisation, affixes, word
/// classes). Emptied between sentences when full, to bound its memory.
#[derive(Default)]
pub struct WordCache {
    index: std::collections::HashMap<Box<str>, u32, SeededFx>,
    rows: Vec<WordSums>,
    /// Per entry of `rows`, what the gazetteer knows of its word's fold.
    known: Vec<Known>,
    /// Per entry of `rows`, what the context features read of its word.
    keys: Vec<WordKey>,
    /// Per entry of `rows`, its word's history rows in `hist_rows` (by norm, by short shape).
    hist: Vec<[u32; 2]>,
    /// The rows of the previous-tag-and-norm features by norm, and of the previous-tag-and-short
    /// features by short shape, for every previous tag, in `hist_rows`.
    norm_index: std::collections::HashMap<Box<str>, u32, SeededFx>,
    short_index: std::collections::HashMap<Box<str>, u32, SeededFx>,
    hist_rows: Vec<RowsByPrev>,
    /// The summed rows of [`mark_features`] by their marks (a few thousand values at most).
    marks: FastMap<u64, [f64; N_TAGS]>,
    /// Entries of `bigram_rows` by pair of entries (`PAD_PREV`, `PAD_NEXT` for the padding).
    bigram_index: FastMap<u64, u32>,
    /// Per pair of adjacent words, the summed rows of its [`bigram_features`] for each
    /// [`Bigram`] role, in declaration order.
    bigram_rows: Vec<[[f64; N_TAGS]; 3]>,
}

impl WordCache {
    const MAX_WORDS: usize = 8192;
    /// The entry ids standing for the padding before and after a sentence in word pairs.
    const PAD_PREV: u32 = u32::MAX - 1;
    const PAD_NEXT: u32 = u32::MAX;

    /// The entry of the word pair (`a`, `b`), made with `sums` of their (norm, short) keys if new.
    fn bigram(&mut self, a: u32, b: u32, sums: impl FnOnce((u64, u64), (u64, u64)) -> [[f64; N_TAGS]; 3]) -> u32 {
        let key = (a as u64) << 32 | b as u64;
        if let Some(&id) = self.bigram_index.get(&key) {
            return id;
        }
        let keys = |id: u32| match id {
            Self::PAD_PREV => pad_keys(false),
            Self::PAD_NEXT => pad_keys(true),
            id => (self.keys[id as usize].norm, self.keys[id as usize].short),
        };
        self.bigram_rows.push(sums(keys(a), keys(b)));
        let id = self.bigram_rows.len() as u32 - 1;
        self.bigram_index.insert(key, id);
        id
    }

    /// Empties the cache if `n` more words might not fit (never within a sentence, whose ids
    /// must stay valid).
    fn make_room(&mut self, n: usize) {
        if self.rows.len() + n > Self::MAX_WORDS
            || self.hist_rows.len() + 2 * n > Self::MAX_WORDS
            || self.marks.len() + n > Self::MAX_WORDS
            || self.bigram_rows.len() + n + 2 > 2 * Self::MAX_WORDS
        {
            self.index.clear();
            self.rows.clear();
            self.known.clear();
            self.keys.clear();
            self.hist.clear();
            self.norm_index.clear();
            self.short_index.clear();
            self.hist_rows.clear();
            self.marks.clear();
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

    /// The entry of token `i` of `tokens`, made with `sums` if new.
    fn id<S: Scorer>(
        &mut self,
        tokens: &impl SentenceTokens,
        i: usize,
        scorer: &S,
        sums: impl FnOnce(&Word) -> WordSums,
    ) -> u32 {
        let key = tokens.key(i);
        if let Some(&id) = key.and_then(|k| self.index.get(k)) {
            return id;
        }
        let w = tokens.word(i);
        let id = self.rows.len() as u32;
        self.rows.push(sums(&w));
        self.known.push(Gazetteer::get().known(tokens.fold(i)));
        self.keys.push(WordKey::of(&w));
        let hist = self.hist_ids(&w, scorer);
        self.hist.push(hist);
        if let Some(k) = key {
            self.index.insert(k.into(), id);
        }
        id
    }
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
                let bits = |b: &[[f32; N_TAGS]]| b.iter().flatten().map(|x| x.to_bits()).collect::<Vec<_>>();
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
