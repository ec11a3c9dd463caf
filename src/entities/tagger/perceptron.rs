//! Averaged perceptron training (used by `src/bin/train.rs`; nothing here runs in the library).

use super::features::history_features;
use super::features::{Word, N_TAGS, START};
use super::model::{best_allowed, sentence_features, token_scores, viterbi_tags, Scorer};

/// One training sentence: the crate's own tokens, their tags, and how much it counts.
pub struct Example {
    pub words: Vec<Word>,
    pub tags: Vec<usize>,
    pub weight: f32,
    feats: Vec<u32>,
    ranges: Vec<std::ops::Range<usize>>,
}

impl Example {
    pub fn new(words: Vec<Word>, tags: Vec<usize>, weight: f32, buckets: u32) -> Example {
        let (feats, ranges) = sentence_features(&words, buckets);
        Example { words, tags, weight, feats, ranges }
    }
}

pub struct Perceptron {
    buckets: u32,
    w: Vec<f32>,
    /// Sum of `time × update`, for the averaged weights `w - u / time`.
    u: Vec<f64>,
    time: f64,
}

impl Scorer for Perceptron {
    fn buckets(&self) -> u32 {
        self.buckets
    }
    fn row(&self, feature: u32) -> [f32; N_TAGS] {
        let at = feature as usize * N_TAGS;
        std::array::from_fn(|t| self.w[at + t])
    }
}

impl Perceptron {
    pub fn new(buckets: u32) -> Perceptron {
        let n = buckets as usize * N_TAGS;
        Perceptron { buckets, w: vec![0.0; n], u: vec![0.0; n], time: 1.0 }
    }

    fn update(&mut self, features: &[u32], truth: usize, guess: usize, amount: f32) {
        for &f in features {
            let base = f as usize * N_TAGS;
            self.w[base + truth] += amount;
            self.u[base + truth] += self.time * amount as f64;
            self.w[base + guess] -= amount;
            self.u[base + guess] -= self.time * amount as f64;
        }
    }

    /// One pass over `examples` in `order`, decoding greedily with the model's own history.
    /// Returns the number of mistagged tokens.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut scratch = Vec::with_capacity(48);
        for &k in order {
            let ex = &examples[k];
            let mut prev = START;
            for i in 0..ex.words.len() {
                let statics = &ex.feats[ex.ranges[i].clone()];
                let scores = token_scores(self, &ex.words[i], statics, prev, &mut scratch);
                let guess = best_allowed(&scores, prev);
                let truth = ex.tags[i];
                if guess != truth {
                    errors += 1;
                    let feats = std::mem::take(&mut scratch);
                    self.update(&feats, truth, guess, ex.weight);
                    scratch = feats;
                }
                self.time += 1.0;
                prev = guess as u8;
            }
        }
        errors
    }

    /// One pass of the structured (Collins) perceptron: each sentence is decoded with exact
    /// Viterbi and, where the best path differs from the truth, the truth's features at the
    /// differing tokens gain and the guess's lose. Returns the number of mistagged tokens.
    pub fn epoch_viterbi(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut gold_f = Vec::with_capacity(48);
        let mut guess_f = Vec::with_capacity(48);
        for &k in order {
            let ex = &examples[k];
            let guess = viterbi_tags(self, &ex.words, &ex.feats, &ex.ranges);
            if guess != ex.tags {
                let (mut gp, mut pp) = (START, START);
                for (i, &g) in guess.iter().enumerate() {
                    let t = ex.tags[i];
                    if t != g || gp != pp {
                        if t != g {
                            errors += 1;
                        }
                        let statics = &ex.feats[ex.ranges[i].clone()];
                        gold_f.clear();
                        gold_f.extend_from_slice(statics);
                        history_features(&ex.words[i], gp, self.buckets, &mut gold_f);
                        guess_f.clear();
                        guess_f.extend_from_slice(statics);
                        history_features(&ex.words[i], pp, self.buckets, &mut guess_f);
                        self.add_features(&gold_f, t, ex.weight);
                        self.add_features(&guess_f, g, -ex.weight);
                    }
                    gp = t as u8;
                    pp = g as u8;
                }
            }
            self.time += ex.words.len() as f64;
        }
        errors
    }

    fn add_features(&mut self, features: &[u32], tag: usize, amount: f32) {
        for &f in features {
            let i = f as usize * N_TAGS + tag;
            self.w[i] += amount;
            self.u[i] += self.time * amount as f64;
        }
    }

    /// The averaged weights, `buckets × 7`.
    pub fn averaged(&self) -> Vec<f32> {
        self.w.iter().zip(&self.u).map(|(&w, &u)| (w as f64 - u / self.time) as f32).collect()
    }

    /// Replaces the weights by `weights` (to score with the averaged model).
    pub fn with_weights(buckets: u32, weights: Vec<f32>) -> Perceptron {
        let n = weights.len();
        Perceptron { buckets, w: weights, u: vec![0.0; n], time: 1.0 }
    }
}

/// A small deterministic generator for shuffling (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::model::decode;
    use crate::text::tokenize;

    fn example(text: &str, tags: &[usize]) -> Example {
        let words: Vec<Word> = tokenize(text).iter().map(|t| Word::new(text, t)).collect();
        Example::new(words, tags.to_vec(), 1.0, 1 << 12)
    }

    #[test]
    fn learns_a_toy_set() {
        let examples = vec![
            example("Jean Dupont est venu", &[1, 2, 0, 0]),
            example("il vit à Paris", &[0, 0, 0, 5]),
            example("Marie Curie vit à Lyon", &[1, 2, 0, 0, 5]),
        ];
        let mut p = Perceptron::new(1 << 12);
        let order: Vec<usize> = (0..examples.len()).collect();
        for _ in 0..10 {
            p.epoch(&examples, &order);
        }
        let avg = Perceptron::with_weights(1 << 12, p.averaged());
        let tags: Vec<usize> = decode(&avg, &examples[2].words).into_iter().map(|x| x.0).collect();
        assert_eq!(tags, [1, 2, 0, 0, 5]);
    }
}
