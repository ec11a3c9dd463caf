//! The weight table, its file format and greedy BIO decoding.
//!
//! File format (little endian): `MNER`, version `2`, tag count `7`, two zero bytes, bucket count
//! (u32), count of exact rows (u32), a codebook of 256 f32 values (0: zero, 1..=127 positive
//! magnitudes in geometric steps, 129..=255 their negatives, 128: "exact row"), the exact rows
//! sorted by bucket (u32 bucket + 7 f32), then `buckets × 7` codebook indices, row-major.
//! Perceptron weights span five orders of magnitude and the few huge ones (bias, tag history)
//! matter to the unit, so those rows are kept as floats and the rest go through the codebook.
//! Everything is read in place: loading copies 1 KB of codebook and allocates nothing.

use super::features::{allowed, cluster_features, gazetteer_features, history_features, static_features, Word, N_TAGS, START};

const MAGIC: &[u8; 4] = b"MNER";
const VERSION: u8 = 2;
const HEADER: usize = 16 + 256 * 4;
const EXACT_ROW: usize = 4 + 4 * N_TAGS;
/// Codebook index marking a row stored exactly.
const EXACT: u8 = 128;

/// Anything that can score a token's features for every tag.
pub trait Scorer {
    fn buckets(&self) -> u32;
    /// Adds the weights of `features` to `scores`.
    fn add(&self, features: &[u32], scores: &mut [f32; N_TAGS]);
}

/// A quantised model borrowed from a weights file.
#[derive(Clone, Copy, Debug)]
pub struct Model<'a> {
    buckets: u32,
    codebook: [f32; 256],
    exact: &'a [u8],
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// Checks the header and sizes; `None` for anything that is not a whole weights file.
    pub fn parse(bytes: &'a [u8]) -> Option<Model<'a>> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC || bytes[4] != VERSION || bytes[5] as usize != N_TAGS {
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
        let exact = bytes.get(HEADER..HEADER.checked_add(n_exact.checked_mul(EXACT_ROW)?)?)?;
        let weights = &bytes[HEADER + exact.len()..];
        if buckets == 0 || weights.len() != buckets as usize * N_TAGS {
            return None;
        }
        Some(Model { buckets, codebook, exact, weights })
    }

    /// The exact row of `bucket`, if it has one.
    fn exact_row(&self, bucket: u32) -> Option<&'a [u8]> {
        let n = self.exact.len() / EXACT_ROW;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let row = &self.exact[mid * EXACT_ROW..(mid + 1) * EXACT_ROW];
            let b = u32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            match b.cmp(&bucket) {
                std::cmp::Ordering::Equal => return Some(&row[4..]),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    pub fn weight(&self, bucket: u32, tag: usize) -> f32 {
        let code = self.weights[bucket as usize * N_TAGS];
        if code == EXACT {
            return self.exact_row(bucket).map_or(0.0, |r| f32::from_le_bytes([r[4 * tag], r[4 * tag + 1], r[4 * tag + 2], r[4 * tag + 3]]));
        }
        self.codebook[self.weights[bucket as usize * N_TAGS + tag] as usize]
    }
}

impl Scorer for Model<'_> {
    fn buckets(&self) -> u32 {
        self.buckets
    }
    fn add(&self, features: &[u32], scores: &mut [f32; N_TAGS]) {
        for &f in features {
            let Some(row) = self.weights.get(f as usize * N_TAGS..f as usize * N_TAGS + N_TAGS) else { continue };
            if row[0] == EXACT {
                if let Some(r) = self.exact_row(f) {
                    for (s, b) in scores.iter_mut().zip(r.chunks_exact(4)) {
                        *s += f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                    }
                }
                continue;
            }
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += self.codebook[w as usize];
            }
        }
    }
}

/// Writes a weights file from float weights (`buckets × 7`). Rows with a weight above
/// `exact_above` in magnitude are stored as floats; the codebook holds 0 and 127 magnitudes in
/// geometric steps from `floor` to `exact_above`, with either sign (about 3% relative error);
/// smaller weights become 0.
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
    let exact: Vec<(usize, &[f32])> = weights.chunks(N_TAGS).enumerate().filter(|(_, r)| is_exact(r)).collect();
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
pub fn sentence_features(words: &[Word], buckets: u32) -> (Vec<u32>, Vec<std::ops::Range<usize>>) {
    let mut feats = Vec::with_capacity(words.len() * 36);
    let mut ranges = Vec::with_capacity(words.len());
    let gaz = gazetteer_features(words);
    for i in 0..words.len() {
        let start = feats.len();
        static_features(words, i, buckets, &mut feats);
        gaz.push(words, i, buckets, &mut feats);
        cluster_features(words, i, buckets, &mut feats);
        ranges.push(start..feats.len());
    }
    (feats, ranges)
}

/// Scores of one token given its static features and its tag history.
pub fn token_scores<S: Scorer>(
    scorer: &S,
    word: &Word,
    statics: &[u32],
    prev: u8,
    prev2: u8,
    scratch: &mut Vec<u32>,
) -> [f32; N_TAGS] {
    scratch.clear();
    scratch.extend_from_slice(statics);
    history_features(word, prev, prev2, scorer.buckets(), scratch);
    let mut scores = [0f32; N_TAGS];
    scorer.add(scratch, &mut scores);
    scores
}

/// The best allowed tag for `scores` after `prev`.
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
pub fn decode_greedy<S: Scorer>(scorer: &S, words: &[Word]) -> Vec<(usize, f32)> {
    let (feats, ranges) = sentence_features(words, scorer.buckets());
    let mut scratch = Vec::with_capacity(48);
    let mut out = Vec::with_capacity(words.len());
    let (mut prev, mut prev2) = (START, START);
    for (i, w) in words.iter().enumerate() {
        let scores = token_scores(scorer, w, &feats[ranges[i].clone()], prev, prev2, &mut scratch);
        let best = best_allowed(&scores, prev);
        out.push((best, local_probability(&scores, prev, best)));
        prev2 = prev;
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

/// Exact second-order Viterbi decoding under BIO constraints, given the sentence's static
/// features: the best tag sequence by summed perceptron scores.
pub fn viterbi_tags<S: Scorer>(scorer: &S, words: &[Word], feats: &[u32], ranges: &[std::ops::Range<usize>]) -> Vec<usize> {
    const H: usize = N_TAGS + 1; // history values: tags and START
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    let buckets = scorer.buckets();
    // delta[prev2][prev]: best score of a path ending with (prev2, prev).
    let mut delta = [[f32::NEG_INFINITY; H]; H];
    delta[START as usize][START as usize] = 0.0;
    // back[i][prev][tag] = best prev2 for state (prev, tag) at i.
    let mut back: Vec<[[u8; N_TAGS]; H]> = Vec::with_capacity(n);
    let mut hist = Vec::with_capacity(4);
    for i in 0..n {
        let mut base = [0f32; N_TAGS];
        scorer.add(&feats[ranges[i].clone()], &mut base);
        let mut next = [[f32::NEG_INFINITY; H]; H];
        let mut bp = [[0u8; N_TAGS]; H];
        for prev in 0..H {
            // Is any state (·, prev) alive?
            if (0..H).all(|p2| delta[p2][prev] == f32::NEG_INFINITY) {
                continue;
            }
            for prev2 in 0..H {
                let d = delta[prev2][prev];
                if d == f32::NEG_INFINITY {
                    continue;
                }
                hist.clear();
                history_features(&words[i], prev as u8, prev2 as u8, buckets, &mut hist);
                let mut scores = base;
                scorer.add(&hist, &mut scores);
                for tag in 0..N_TAGS {
                    if !allowed(prev as u8, tag) {
                        continue;
                    }
                    let v = d + scores[tag];
                    if v > next[prev][tag] {
                        next[prev][tag] = v;
                        bp[prev][tag] = prev2 as u8;
                    }
                }
            }
        }
        back.push(bp);
        delta = next;
    }
    let (mut best, mut bp2, mut bp1) = (f32::NEG_INFINITY, 0usize, 0usize);
    for p in 0..H {
        for t in 0..N_TAGS {
            if delta[p][t] > best {
                best = delta[p][t];
                bp2 = p;
                bp1 = t;
            }
        }
    }
    let mut tags = vec![0usize; n];
    let (mut prev, mut tag) = (bp2, bp1);
    for i in (0..n).rev() {
        tags[i] = tag;
        let p2 = back[i][prev][tag] as usize;
        tag = prev;
        prev = p2;
    }
    tags
}

/// Viterbi tagging of one sentence: each token's tag and its local softmax probability given
/// the decoded history.
pub fn decode<S: Scorer>(scorer: &S, words: &[Word]) -> Vec<(usize, f32)> {
    let (feats, ranges) = sentence_features(words, scorer.buckets());
    let tags = viterbi_tags(scorer, words, &feats, &ranges);
    let mut scratch = Vec::with_capacity(48);
    let (mut prev, mut prev2) = (START, START);
    let mut out = Vec::with_capacity(words.len());
    for (i, &t) in tags.iter().enumerate() {
        let scores = token_scores(scorer, &words[i], &feats[ranges[i].clone()], prev, prev2, &mut scratch);
        out.push((t, local_probability(&scores, prev, t)));
        prev2 = prev;
        prev = t as u8;
    }
    out
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
